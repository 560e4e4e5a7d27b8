"""A paper's tokens put together from its chunks' are the tokens spaCy's tokenizer gives
each of its blocks (`pipeline.extractors.chunks`)."""

import random
import re
import sys
from pathlib import Path

from spacy.tokenizer import Tokenizer
from spacy.vocab import Vocab

from pipeline.extractors.chunks import WHITE, Chunks, pieces
from pipeline.extractors.language import _newline, doc_of, language, special_cases
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]


def _fresh() -> Chunks:
    cases = special_cases()
    cases.load_all()
    return Chunks(lambda: language().tokenizer, cases.added, cases.keys)


def _spacy(text: str) -> list[tuple]:
    return [(t.text, t.text.lower(), t.is_punct, t.orth, bool(t.whitespace_))
            for t in language().tokenizer(text)]


def _compare(chunks: Chunks, texts: list[str]) -> None:
    records, bounds = chunks.paper(texts, special_cases().stamp, _newline())
    expected = []
    for n, text in enumerate(texts):
        if n:
            expected.append(_newline())
        expected.extend(_spacy(text))
    assert records == expected, texts
    for text, (start, end) in zip(texts, bounds, strict=True):
        assert records[start:end] == _spacy(text), text


def test_white_space_is_what_spacy_splits_at():
    # spaCy splits at `str.isspace`: `\s` and `str.split` must be the same characters, and
    # every white character but the space unprintable (the common block's test)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(WHITE.fullmatch(char)) == char.isspace(), hex(code)
        assert not (char.isspace() and char != " " and char.isprintable()), hex(code)
    assert pieces(" \ta  b\t c ") == [(" \t", False), ("a", True), (" ", False), ("b", False),
                                     ("\t ", False), ("c", True)]


def test_a_match_across_a_space_is_tokenised_as_the_whole_block():
    # spaCy's matcher of exceptions runs over the whole text: a pattern's tokens either
    # side of a space (':' '(' of ':(') match, and hide a shorter match in the next chunk
    chunks = _fresh()
    texts = ["( o:):", "' ''C", ": -(;", "< space>:()", "Item: (a) and (b)", "e.g .", "x"]
    _compare(chunks, texts)
    for text in texts[:4]:  # each alone differs from its chunks' tokens put together
        parts = [record[:4] for chunk in text.split(" ") for record in _spacy(chunk)]
        assert parts != [record[:4] for record in _spacy(text)], text
        assert not chunks.check(pieces(text))


def test_the_papers_tokens_are_their_blocks_tokens():
    texts = [[block.text for block in read(path).blocks]
             for path in sorted((ROOT / "corpus").rglob("*")) if path.suffix in (
                 ".txt", ".html", ".htm", ".docx", ".pdf", ".rtf")]
    texts.append(["RESOLVED:-That the Board's report (Appendix A) be noted.", "",
                  "Cllr A Bell\tPresent\t\tApologies", "\tleading tab", "trailing  \t",
                  "Mr. Bell can't attend; he'll send apologies :) at 7p.m. (i.e. later)",
                  "a\u00a0b\u2003c  d \u200b e", " ", "7a.m. 10.30am 2p.m. (a.m.)."])
    texts.append(["", "", "after two empty texts", "", "x"])
    chunks = _fresh()
    for paper in texts:
        _compare(chunks, paper)
    for paper in texts:  # and again, from the chunks kept
        _compare(chunks, paper)


def test_random_texts_of_exceptions_and_their_pieces():
    chunks = _fresh()
    keys = [key for key in special_cases().keys if not key.isspace()]
    pieces_of = sorted({piece for key in keys for piece in re.split(r"(\W)", key) if piece})
    draw = random.Random(7)
    # (and an exception's pattern split at a space between two of its tokens, an exception
    # after it: "a.m .e.g." of "a.m.", whose pattern is "a.m" ".")
    tokenizer = language().tokenizer
    bare = Tokenizer(Vocab(), prefix_search=tokenizer.prefix_search,
                     suffix_search=tokenizer.suffix_search,
                     infix_finditer=tokenizer.infix_finditer, url_match=tokenizer.url_match)
    split = []
    for key in keys:
        pattern = [t.text for t in bare(key)]
        split += ["".join(pattern[:n]) + " " + "".join(pattern[n:]) + draw.choice(keys)
                  for n in range(1, len(pattern))]
    words = keys + pieces_of + ["Council", "(a)", "1.", "and/or", "e.g.", "Item:", "10am"] + split
    gaps = [" ", " ", " ", " ", "", "  ", "\t", " \t", "\u00a0", "\n"]
    for _ in range(600):
        texts = []
        for _ in range(draw.randint(1, 4)):
            text = "".join(draw.choice(words) + draw.choice(gaps)
                           for _ in range(draw.randint(1, 8)))
            texts.extend(text.split("\n"))  # (a block holds no newline)
        _compare(chunks, texts)


def test_the_doc_is_made_of_the_records():
    from pipeline.model import BlockKind, DocumentBuilder

    builder = DocumentBuilder("paper.html", "html")
    builder.add(BlockKind.HEADING, "Minutes of the Board", level=1)
    builder.add(BlockKind.TABLE_ROW, "", cells=["", "Cllr A Bell", "Chair"],
                table=builder.new_table())
    builder.add(BlockKind.PARAGRAPH, "RESOLVED: That the report (a) be noted.")
    document = builder.build()
    doc = doc_of(document)
    assert doc.text == document.text
    expected = []
    for n, block in enumerate(document.blocks):
        expected += (["\n"] if n else []) + [t.text for t in language().tokenizer(block.text)]
    assert [t.text for t in doc] == expected


def test_the_patterns_kept_for_the_machine_are_those_the_tokenizer_makes():
    chunks = _fresh()
    every = list(special_cases().keys)
    made = chunks._tokenise(every)
    assert chunks._every_pattern() == made  # (made, or read back: the same)
    assert all("".join(made[key]) == key for key in every)
    assert made["Mr."] == ["Mr", "."] and len(made["a.m."]) > 1
    chunks.paper(["a.m."], special_cases().stamp, _newline())  # (all are in: all patterns)
    assert chunks.first["a.m."] == made["a.m."][0] and chunks.last["a.m."] == made["a.m."][-1]
    assert tuple(made["a.m."][:2]) in chunks.pairs
