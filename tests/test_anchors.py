"""The pattern, token and literal gates may let through texts that do not match, never skip
one that does; the token gate never says a match starts later than it does, and the relation
cues read from a unit's token columns are the Matcher's matches."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.extractors.anchors import (
    AnySearch,
    LiteralGate,
    LiteralIndex,
    PatternGate,
    TokenGate,
    branches,
    required_sets,
    required_strings,
)
from pipeline.extractors.bodies.relation_cues import cue_start
from pipeline.extractors.bodies.relations import cue_gate, cues
from pipeline.extractors.bodies.structure import _cue_matches
from pipeline.extractors.bodies.units import unit_of
from pipeline.extractors.items.decisions import rules
from pipeline.extractors.items.vote_rules import rules as vote_rules
from pipeline.extractors.items.votes import _sentences
from pipeline.extractors.language import tokenize
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [block.text for path in sorted((ROOT / "corpus").glob("*.txt"))
         for block in read(path).blocks]


def test_gate_never_skips_a_relation_cue() -> None:
    matcher = cues()[1]
    for text in TEXTS:
        if not cue_gate().might_match(text):
            assert not matcher(tokenize(text)), text


def test_gate_never_skips_a_decision_keyword() -> None:
    r = rules()
    for text in TEXTS:
        if not r.keyword_gate.might_match(text):
            assert not r.keywords(tokenize(text)), text


@pytest.mark.parametrize("text, expected", [
    ("The group reports to the Board.", True),
    ("The sub-groups: A and B.", True),
    ("Nothing to see here.", False),
])
def test_gate_on_small_patterns(text: str, expected: bool) -> None:
    gate = PatternGate([
        [{"LOWER": {"IN": ["report", "reports"]}}, {"LOWER": "up", "OP": "?"}, {"LOWER": "to"}],
        [{"LOWER": {"IN": ["subgroups", "sub-groups"]}}, {"ORTH": ":"}],
    ])
    assert gate.might_match(text) is expected


def test_a_pattern_with_nothing_required_lets_everything_through() -> None:
    assert PatternGate([[{"IS_PUNCT": True}]]).might_match("anything")


def test_token_gate_never_skips_nor_passes_a_relation_cue() -> None:
    matcher = cues()[1]
    for text in TEXTS:
        doc = tokenize(text)
        matches = matcher(doc)
        first = cue_start().first([t.lower_ for t in doc])
        if matches:
            assert first is not None and first <= min(start for _, start, _ in matches), text
            assert [(k, s - first, e - first) for k, s, e in matches] == matcher(doc[first:])


@pytest.mark.parametrize("text, expected", [
    ("The group reports up to the Board.", 2),
    ("It reports quarterly to the Board.", None),
    ("The reports were noted; it sits to the side.", None),
    ("Sub - groups : A and B", 0),
    ("The meeting noted the sub-groups:", 4),
])
def test_token_gate_on_small_patterns(text: str, expected: int | None) -> None:
    gate = TokenGate([
        [{"LOWER": {"IN": ["report", "reports"]}}, {"LOWER": "up", "OP": "?"}, {"LOWER": "to"}],
        [{"LOWER": "sub"}, {"IS_PUNCT": True}, {"LOWER": "groups"}, {"ORTH": ":"}],
    ])
    assert gate.first([t.lower_ for t in tokenize(text)]) == expected


# ---------------------------------------------------------------- literal gates and windows

CASES = [json.loads(line)["text"] for path in sorted((ROOT / "tests" / "conventions").glob(
    "*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
LINES = TEXTS + [line for text in CASES for line in text.split("\n") if line.strip()]


def test_vote_gates_never_skip_a_vote_cue() -> None:
    r = vote_rules()
    for text in LINES:
        for part in [text, *(sentence for _, sentence in _sentences(text))]:
            if not r.cue_gate.might_match(part):
                assert not any(c.pattern.search(part) for c in (*r.opens, *r.result_cues,
                                                                 *r.named)), part
            if not r.count_gate.might_match(part):
                assert not any(c.pattern.search(part) for c in (*r.count_items,
                                                                 *r.count_pairs)), part


def test_the_vote_gates_turn_most_lines_away() -> None:
    r = vote_rules()
    assert sum(r.cue_gate.might_match(text) for text in TEXTS) < len(TEXTS) / 2


@pytest.mark.parametrize("pattern, expected", [
    (r"\bthe\s+vote\s+on\b", {"vote"}),
    (r"(?:motion|amendment)\s+status", {"status"}),
    (r"(?:carried|lost)\s+by", {"carried", "lost"}),
    (r"a(?:bc|de)f+g", {"bc", "de"}),
    (r"(?i:VOTE)d?", {"vote"}),
    (r"x*", None),
    (r"(?:abc|\d+)", None),
    (r"[ab]\d", None),
])
def test_required_strings(pattern: str, expected: set[str] | None) -> None:
    found = required_strings(re.compile(pattern, re.I))
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The motion was carried.", True),
    ("THE MOTION WAS LOST", True),
    ("The report was noted.", False),
    ("the vote on the motion", True),
    ("the vote on the mot\u0131on", True),  # 'ı' matches 'i' when case is ignored
    ("\u017ftatus", True),  # and so does 'ſ' match 's'
])
def test_literal_gate(text: str, expected: bool) -> None:
    patterns = [re.compile(r"\b(?:motion|amendment)\s+(?:was\s+)?(?:carried|lost)", re.I),
                re.compile(r"\bvote\s+on\s+the\s+motion", re.I),
                re.compile(r"status", re.I)]
    gate = LiteralGate(patterns)
    assert gate.might_match(text) is expected
    assert gate.might_match(text) or not any(p.search(text) for p in patterns)


@pytest.mark.parametrize("pattern, expected", [
    (r"\bthe\s+vote\s+on\b", [{"the"}, {"vote"}, {"on"}]),
    (r"(?:Metropolitan +)?(?:Borough|District) +Council\b",
     [{"borough", "district"}, {" "}, {"council"}]),
    # what a look-ahead or look-behind needs is in a text that matches, outside the match
    (r"(?:ab)+c?(?=xyz)", [{"ab"}, {"xyz"}]),
    (r"(?<=[.:])\s+(?=decision\b)", [{"decision"}]),
    (r"ab(?!xyz)", [{"ab"}]),  # a negative one needs nothing
    (r"x*|y", []),
])
def test_required_sets(pattern: str, expected: list[set[str]]) -> None:
    assert [set(s) for s in required_sets(re.compile(pattern, re.I))] == expected


LOOKED_UP = [re.compile(r"\b(?:motion|amendment)\s+(?:was\s+)?(?:carried|lost)", re.I),
             re.compile(r"(?:Borough|District)\s+Council\b", re.I),
             re.compile(r"^\W*minutes?\b", re.I),
             re.compile(r"\d+"),  # needs no word: always tried
             re.compile(r"status", re.I)]


@pytest.mark.parametrize("text", [
    "The motion was carried.", "THE AMENDMENT WAS LOST", "Fenwick District Council",
    "Fenwick Council", "Minutes of the meeting", "the district of Fenwick", "Item 4",
    "\u017ftatus", "the mot\u0131on was carried", "DISTRICT COUNCIL MINUTES", "",
])
def test_literal_index_never_leaves_out_a_match(text: str) -> None:
    passing = LiteralIndex(LOOKED_UP).passing(text)
    assert [bool(p.search(text)) for p in LOOKED_UP] == [
        ok and bool(p.search(text)) for p, ok in zip(LOOKED_UP, passing, strict=True)]
    assert passing[3]  # a regex without required words passes every text


def test_literal_index_turns_away_what_lacks_the_words() -> None:
    # a regex anchored at the start is tried where one of the anchored regexes, joined,
    # matches the text's start (one match for them all, no lookups)
    assert LiteralIndex(LOOKED_UP).passing("Fenwick Council noted the report") == (
        False, False, False, True, False)
    assert LiteralIndex(LOOKED_UP).passing("- Minutes of the Board")[2] is True
    assert LiteralIndex(LOOKED_UP).passing("the district of Fenwick")[1] is False


@pytest.mark.parametrize("pattern, expected", [
    (r"a|b+c|(d|e)f", ["a", "b+c", "(d|e)f"]),
    (r"[|]x|\|y|z", ["[|]x", r"\|y", "z"]),
    (r"(a|b)c", ["(a|b)c"]),  # one alternative at the top
    (r"(?i)ab|cd", ["(?i)ab", "cd"]),  # a global flag stays every alternative's
    (r"(a)x|\1y", [r"(a)x|\1y"]),  # a reference to another alternative's group
])
def test_branches(pattern: str, expected: list[str]) -> None:
    found = branches(re.compile(pattern))
    assert [b.pattern for b in found] == expected
    assert all(b.flags == re.compile(pattern).flags for b in found)


@pytest.mark.parametrize("text", [
    "The minutes of the last meeting were approved.", "Minutes of the Board", "",
    "Apologies were received", "the previous meeting", "4 Minutes", "MINUTES: APPROVED",
])
def test_any_search_is_any_pattern_search(text: str) -> None:
    patterns = [re.compile(r"\bminutes?\b.{0,40}\b(previous|last)\b|\S.{0,200}\bthe minutes"
                           r" of the\b|^\W*\d+\s+minutes\b", re.I),
                re.compile(r"apolog", re.I), re.compile(r"approved$", re.I)]
    assert AnySearch(patterns).search(text) == any(p.search(text) for p in patterns)


def test_cue_matches_are_the_matchers() -> None:
    matcher = cues()[1]
    for text in LINES:
        doc = tokenize(text)
        theirs = [(doc.vocab.strings[k], s, e) for k, s, e in matcher(doc)]
        assert sorted(_cue_matches(unit_of(doc))) == sorted(theirs), text
