"""The first-character gate and the joined anchored regexes never turn away a line that one
of their regexes matches: checked on the rule regexes that use them, over the lines of the
repository's own invented papers and lines made to open with every ASCII character."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from pipeline.extractors.anchors import LiteralIndex, join_anchored, starts_line
from pipeline.extractors.first_chars import FirstChars, first_chars, word_start
from pipeline.extractors.items.item_rules import number_starts, rules
from pipeline.extractors.sections.header import _kind_index, _minutes_of_index, cues

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _lines() -> list[str]:
    lines = [line.strip() for path in sorted(CORPUS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    # every ASCII opening, and a few non-ASCII ones, before some of the papers' lines
    made = [f"{char}{line}" for char in string.printable + "\u212a\u017f\u0130\u2013"
            for line in ("12. Minutes", "IV. REPORT", "(3) Item 4", "a")]
    return lines + made + ["", " ", "K", "\u212aB12/24 Title"]


LINES = _lines()


def test_item_numbers_first_characters() -> None:
    patterns = [pattern for _, pattern, _ in rules().patterns]
    gate = number_starts()
    assert any(f is not None for f in gate.firsts)  # the gate turns some lines away
    for line in LINES:
        for pattern, maybe in zip(patterns, gate.possible(line), strict=True):
            assert maybe or not pattern.match(line), (pattern.pattern, line)


@pytest.mark.parametrize("regex, flags, expected", [
    (r"^\d+\.", 0, set(string.digits)),
    (r"^(?:minute|item)\s", re.I, set("mMiI")),
    (r"^\(?[a-c]\)", 0, set("(abc")),
    (r"^\W*minutes", re.I, None),  # a negated class: any character
    (r"^x?", 0, None),  # may match nothing
    (r"report", 0, None),  # not anchored
    (r"^(?=[IV])(?:IV|V?I{0,3})\.", 0, set("IV.")),
    (r"^[\u212a]", re.I, None),  # the Kelvin sign matches 'k' case-blind
])
def test_first_chars_of_a_regex(regex: str, flags: int, expected: set[str] | None) -> None:
    found = first_chars(re.compile(regex, flags))
    assert (None if found is None else set(found)) == expected


def test_first_chars_never_wrong_on_made_regexes() -> None:
    regexes = [re.compile(r, f) for r, f in [
        (r"^(?:a|b\d|)c", 0), (r"^(?P<n>\d{1,3})(?:\.|\))\s", 0), (r"^[A-Z]{2}\d", re.I),
        (r"^(?:\s*-\s*)?[xy]", 0), (r"^(?>ab|c)d", 0)]]
    gate = FirstChars(regexes)
    for line in LINES + ["c", "b1c", "ac", " - x", "abd", "cd", "1) x"]:
        for pattern, maybe in zip(regexes, gate.possible(line), strict=True):
            assert maybe or not pattern.match(line), (pattern.pattern, line)


def test_joined_anchored_regexes_match_where_one_does() -> None:
    anchored = [pattern for _, _, _, pattern in cues().kind if starts_line(pattern)]
    joined = join_anchored(anchored)
    assert joined is not None
    for line in LINES:
        assert (joined.match(line) is not None) == any(p.search(line) for p in anchored), line


def test_unjoinable_regexes_are_tried_alone() -> None:
    assert join_anchored([re.compile(r"^(?P<a>x)"), re.compile(r"^(?P<a>y)")]) is None
    assert join_anchored([re.compile(r"^a", re.I), re.compile(r"^b")]) is None
    assert join_anchored([re.compile(r"^(a)\1")]) is None
    index = LiteralIndex([re.compile(r"^(?P<a>x)"), re.compile(r"^(?P<a>y)")])
    assert index.passing("z") == (True, True)  # not joined: always tried


@pytest.mark.parametrize("index", [LiteralIndex(pattern for _, _, _, pattern in cues().kind),
                                   _kind_index()])  # (some anchored cues by their words)
def test_kind_cues_index_never_turns_away_a_match(index: LiteralIndex) -> None:
    for line in LINES + ["The Members present were:", "At a meeting of the Board held on 3 May",
                         "Wyvern Parish Council Agenda", "Agenda for Monday 4 March 2024"]:
        for (_, _, _, pattern), maybe in zip(cues().kind, index.passing(line), strict=True):
            assert maybe or not pattern.search(line), (pattern.pattern, line)


def test_minutes_of_titles_index_never_turns_away_a_match() -> None:
    for line in LINES + ["Minutes of the meeting of the Wyvern Board held on 3 May 2024",
                         "Notes of a meeting of the Fenbury Panel", "A meeting of X will be held"]:
        for pattern, maybe in zip(cues().minutes_of, _minutes_of_index().passing(line),
                                  strict=True):
            assert maybe or not pattern.search(line), (pattern.pattern, line)


def test_kind_cues_looked_up_by_their_words_are_kind_cues() -> None:
    ids = {cue_id for cue_id, _, _, _ in cues().kind}
    assert cues().kind_by_words and cues().kind_by_words <= ids
    assert sum(_kind_index().anchored) == sum(starts_line(p) for *_, p in cues().kind) - len(
        cues().kind_by_words)


def test_word_start_of_a_regex_passing_over_non_word_characters() -> None:
    found = word_start(re.compile(r"^\W*minutes?\b", re.I))
    assert found is not None and set(found[0]) == set("mM") and found[1]
    assert word_start(re.compile(r"^\W*(?:\(|minutes)", re.I)) is None  # may open with '('
    assert word_start(re.compile(r"^\d+\.", 0)) == (frozenset(string.digits), False)


@pytest.mark.parametrize("patterns", [
    [pattern for _, _, _, pattern in cues().kind],  # most pass over non-word characters first
    [pattern for _, _, pattern in (*rules().report_cues, *rules().minutes_cues)],
    [pattern for _, pattern, _ in rules().patterns],
])
def test_which_never_leaves_out_a_match(patterns: list[re.Pattern[str]]) -> None:
    gate = FirstChars(patterns)
    for line in LINES + ["- Minutes of the Board", "(b) 12. Purpose", "  Present:", "*** AGENDA"]:
        tried = gate.which(line)
        assert tried == sorted(tried)
        for k, pattern in enumerate(patterns):
            assert k in tried or not pattern.search(line), (pattern.pattern, line)
