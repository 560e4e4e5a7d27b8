"""name_spans: the people a block names, found in one pass over its tokens (a run-on list of
a thousand names on one line was quadratic with spaCy's Matcher)."""

from __future__ import annotations

import random

from spacy.matcher import Matcher
from spacy.util import filter_spans

from pipeline.extractors.language import block_span, doc_of, language
from pipeline.extractors.people.attendance import extract_attendance
from pipeline.extractors.people.name_spans import name_spans, token_name_spans
from pipeline.extractors.people.vocabulary import data
from pipeline.readers.text import parse_text
from pipeline.rules import read_jsonl

FORENAMES = ["Ann", "Bryn", "Carys", "Dev", "Ella", "Fraser", "Gwen", "Huw", "Iona", "Jago"]
SYLLABLES = ["ab", "bel", "cor", "dun", "el", "fen", "gar", "hol", "ing", "kel", "lor", "mer",
             "nor", "ped", "quin", "ros", "sal", "tor", "ull", "ver", "wyn", "yar"]


def surnames(count: int) -> list[str]:
    """Distinct invented surnames ('Belcor', 'Dunfenel' ...)."""
    out, k = [], 0
    while len(out) < count:
        word, m = "", k
        while True:
            word += SYLLABLES[m % len(SYLLABLES)]
            m //= len(SYLLABLES)
            if not m:
                break
        k += 1
        if len(word) > 3:
            out.append(word.capitalize())
    return out


def thousand_names() -> list[str]:
    return [f"{FORENAMES[k % len(FORENAMES)]} {surname}"
            for k, surname in enumerate(surnames(1000))]


def test_run_on_present_list_of_a_thousand_names_on_one_line_gives_each_name():
    # no separator but the honorifics; "(Chair)" makes the sentence stage match names too
    people = thousand_names()
    line = "Present: " + " ".join(f"Councillor {name}" for name in people).replace(
        people[0], people[0] + " (Chair)", 1)
    result = extract_attendance(parse_text(f"Board\n\n{line}\n", "t.txt"))
    assert [row["name"] for row in result["attendees"]] == people
    assert result["attendees"][0]["role"] == "Chair"


def test_name_spans_of_a_thousand_names_on_one_line():
    people = thousand_names()
    line = ", ".join(f"Councillor {name}" for name in people) + " sent apologies."
    document = parse_text(f"Board\n\n{line}\n", "t.txt")
    block = next(b for b in document.blocks if b.text.startswith("Councillor"))
    assert [name for _, _, name in name_spans(document, block)] == people


def test_apologies_list_of_a_thousand_names_gives_each_name():
    people = thousand_names()
    line = "Apologies were received from " + ", ".join(
        f"Cllr {name}" for name in people[:-1]) + f" and Cllr {people[-1]}."
    result = extract_attendance(parse_text(f"Board\n\n1. Apologies\n\n{line}\n", "t.txt"))
    assert [row["name"] for row in result["apologies"]] == people


def _spacy_spans(document, block) -> list[tuple[int, int, str]]:
    """What spaCy's Matcher over the same patterns followed by filter_spans gives."""
    honorifics = [h.casefold().rstrip(".") for h in data("names")["honorifics"] if " " not in h]
    matcher = Matcher(language().vocab)
    for rule in read_jsonl("attendance/name_patterns.jsonl"):
        matcher.add(rule["label"], [[{key: {"IN": honorifics} if value == {"IN": "@honorifics"}
                                      else value for key, value in token.items()}
                                     for token in rule["pattern"]]])
    span = block_span(document, block)
    found = filter_spans(matcher(span, as_spans=True))
    return sorted((s.start - span.start, s.end - span.start, s.label_) for s in found)


def test_same_spans_as_spacy_matcher_and_filter_spans():
    words = ["Cllr", "Cllr.", ".", "Mr", "Ann", "Bell", "the", "The", "-", "and", ",", "It",
             "Councillor", "O'Neil", "J.", "A", "Smith-Jones", "of", "Dr", "councillor", "Mrs."]
    rng = random.Random(12)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 25)))
        document = parse_text(f"{text}\n", "t.txt")
        doc_of(document)
        for block in document.blocks:
            tokens = list(block_span(document, block))
            assert token_name_spans(tokens) == _spacy_spans(document, block), text
