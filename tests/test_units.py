"""A reading unit (`bodies/units.py`) reads as the Doc copied from its tokens read: the same
sentences, characters, texts and `like_num`, counted from the unit's first token."""

from pathlib import Path

from spacy.pipeline import Sentencizer

from pipeline.extractors.bodies.structure import reading_units
from pipeline.extractors.bodies.units import PaperColumns, Unit
from pipeline.extractors.language import block_tokens, doc_of
from pipeline.model import BlockKind, DocumentBuilder
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]


def _papers() -> list:
    builder = DocumentBuilder("made.txt", "text")
    for kind, text in [
        (BlockKind.HEADING, "2. Governance of the Kelsey Board"),
        (BlockKind.PARAGRAPH, "The Board (twelve members, 3 co-opted) meets 4 times a year:"),
        (BlockKind.LIST_ITEM, "the Finance Panel;"),
        (BlockKind.LIST_ITEM, "the  Audit Group.. (See 1.2.) Next?!  Ten"),
        (BlockKind.PARAGRAPH, ""),
        (BlockKind.PARAGRAPH, "Noted.) \"Quoted.\" 1/2 of one-third: 2,000 ..."),
    ]:
        builder.add(kind, text)
    return [builder.build(pages=1)] + [read(path) for path in sorted((ROOT / "corpus").glob("*"))
                                       if path.suffix in (".txt", ".md", ".html")]


def test_units_read_as_their_tokens_copied_into_a_doc() -> None:
    sentencizer = Sentencizer()
    checked = 0
    for document in _papers():
        doc = doc_of(document)
        paper = PaperColumns(doc)
        for first, last, _ in reading_units(document):
            begin, finish = block_tokens(document, first), block_tokens(document, last)
            if begin is None or finish is None:
                continue
            unit = Unit(paper, begin[0], finish[1])
            copy = doc[begin[0]:finish[1]].as_doc()
            assert len(unit) == len(copy)
            assert unit.texts == [t.text for t in copy]
            assert unit.lowers == [t.lower_ for t in copy]
            assert [unit.like_num(k) for k in range(len(unit))] == [t.like_num for t in copy]
            assert [(unit.start_char(k), unit.end_char(k)) for k in range(len(unit))] == [
                (t.idx, t.idx + len(t)) for t in copy]
            expected = [(s.start, s.end, s.start_char, s.end_char, s.text)
                        for s in sentencizer(copy).sents]
            assert [(s.start, s.end, s.start_char, s.end_char, s.text)
                    for s in unit.sentences()] == expected
            assert all(unit.text(a, b) == copy[a:b].text
                       for a in range(0, len(unit), 3) for b in range(a, len(unit) + 1, 2))
            checked += 1
    assert checked > 50


def test_sentences_of_random_token_runs_are_the_sentencizer_s() -> None:
    import random

    from spacy.tokens import Doc

    from pipeline.extractors.bodies.units import unit_of
    from pipeline.extractors.language import language

    sentencizer = Sentencizer()
    pool = [".", "!", "?", "...", ")", "(", "\"", "'", ",", ":", "Board", "it", "12", "a.m.",
            "\n", "-", "\u3002"]
    chance = random.Random(3)
    for _ in range(3000):
        words = [chance.choice(pool) for _ in range(chance.randint(1, 14))]
        doc = Doc(language().vocab, words=words)
        expected = [(s.start, s.end) for s in sentencizer(Doc(language().vocab, words=words)).sents]
        assert [(s.start, s.end) for s in unit_of(doc).sentences()] == expected, words
