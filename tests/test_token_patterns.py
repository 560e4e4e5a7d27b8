"""Token patterns over token columns give spaCy's Matcher's matches (ordered by start, end
and the patterns' order, where the Matcher's order follows its states: the relation reader
keeps the longest of overlapping cues, which no order changes while no two cues cover the
same tokens)."""

from __future__ import annotations

import random

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.extractors.bodies.relation_cues import cues
from pipeline.extractors.bodies.structure import _longest
from pipeline.extractors.language import columns, language
from pipeline.extractors.token_patterns import TokenPatterns
from pipeline.rules import read_jsonl

SMALL = [
    ("report-to", [{"LOWER": {"IN": ["report", "reports"]}}, {"LOWER": "up", "OP": "*"},
                   {"LOWER": "to"}]),
    ("reports", [{"LOWER": "reports"}]),
    ("reports-up", [{"LOWER": "reports"}, {"LOWER": "up", "OP": "?"}]),
    ("maybe-sub", [{"LOWER": "the", "OP": "?"}, {"LOWER": "sub"}, {"ORTH": "-"},
                   {"LOWER": "groups"}]),
    ("colon", [{"ORTH": ":"}]),
]


def _matcher(patterns: list[tuple[str, list[dict]]]) -> Matcher:
    matcher = Matcher(language().vocab)
    for key, pattern in patterns:
        matcher.add(key, [pattern])
    return matcher


def _both(patterns: list[tuple[str, list[dict]]], matcher: Matcher, words: list[str]
          ) -> tuple[list, list]:
    doc = Doc(language().vocab, words=words)
    found = columns(doc)
    ours = TokenPatterns(patterns)(found.texts, found.lowers)
    theirs = [(doc.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
    return ours, theirs


@pytest.mark.parametrize("words", [
    ["It", "Reports", "up", "up", "to", "the", "Board"],
    ["reports", "up"],
    ["The", "sub", "-", "groups", ":", "A"],
    ["sub", "-", "groups", "sub", "-", "Groups"],
    ["REPORTS", "to", "reports", "up", "To"],
    [],
])
def test_small_patterns_match_as_the_matcher(words: list[str]) -> None:
    ours, theirs = _both(SMALL, _matcher(SMALL), words)
    assert ours == sorted(theirs, key=lambda m: (m[1], m[2], [k for k, _ in SMALL].index(m[0])))


def test_relation_cues_on_random_word_runs_match_as_the_matcher() -> None:
    raws = [(r["id"], r["pattern"]) for r in read_jsonl("structure/relation_cues.jsonl")]
    words: set[str] = {"Board", "the", ",", "REPORTS", "To"}
    for _, pattern in raws:
        for token in pattern:
            value = token.get("LOWER", token.get("ORTH", token.get("SHAPE")))
            if isinstance(value, dict):
                words |= set(value.get("IN", value.get("NOT_IN", ())))
            elif "SHAPE" not in token:
                words.add(value)
    words |= {"2022", "April", "in", "x-y"}  # for the shape and letters-only tokens
    vocabulary = sorted(words)
    rng = random.Random(11)
    matcher = cues()[1]
    matched = 0
    for _ in range(3000):
        run = [rng.choice(vocabulary) for _ in range(rng.randint(1, 12))]
        ours, theirs = _both(raws, matcher, run)
        assert sorted(ours) == sorted(theirs), run
        assert _longest(ours) == _longest(theirs), run
        matched += bool(ours)
    assert matched > 1000  # the runs do hold cues


def test_a_window_matches_as_the_matcher_on_that_span() -> None:
    doc = Doc(language().vocab, words=["reports", "up", "to", "reports", "to"])
    found = columns(doc)
    ours = TokenPatterns(SMALL)(found.texts, found.lowers, 1, 5)
    theirs = [(doc.vocab.strings[k], s + 1, e + 1) for k, s, e in _matcher(SMALL)(doc[1:5])]
    assert sorted(ours) == sorted(theirs)


@pytest.mark.parametrize("pattern", [
    [{"IS_PUNCT": True}],
    [{"LOWER": {"NOT_IN": ["a"]}}],  # could start on any word
    [{"SHAPE": "dddd"}, {"LOWER": "a"}],
    [{"LOWER": "a", "ORTH": "a"}],
    [{"LOWER": "a", "OP": "{x}"}],
    [],
])
def test_what_needs_the_matcher_is_refused(pattern: list[dict]) -> None:
    with pytest.raises(ValueError):
        TokenPatterns([("x", pattern)])


WIDER = [
    ("repeat", [{"LOWER": "replaced"}, {"LOWER": {"NOT_IN": ["by", "joint"]}, "IS_ALPHA": True,
                                        "OP": "{0,2}"}, {"LOWER": "by"}]),
    ("plus", [{"LOWER": "the"}, {"LOWER": {"IN": ["sub", "-"]}, "OP": "+"},
              {"LOWER": "groups"}]),
    ("year", [{"LOWER": "in"}, {"SHAPE": "dddd"}, {"LOWER": "by", "OP": "?"}]),
    ("exact", [{"LOWER": "up", "OP": "{2}"}, {"LOWER": "to", "OP": "{1,}"}]),
]


@pytest.mark.parametrize("words", [
    ["replaced", "by", "the", "Board"],
    ["replaced", "in", "April", "by", "X"],
    ["replaced", "in", "2022", "by", "X"],  # '2022' is no letters-only word
    ["replaced", "joint", "by"],
    ["replaced", "a", "b", "c", "by"],
    ["the", "sub", "-", "sub", "groups", "in", "2022", "by"],
    ["up", "up", "to", "to", "up", "up", "up", "to"],
])
def test_repeats_negations_letters_and_shapes_match_as_the_matcher(words: list[str]) -> None:
    ours, theirs = _both(WIDER, _matcher(WIDER), words)
    assert sorted(ours) == sorted(theirs)
