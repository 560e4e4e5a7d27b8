"""The pattern and token gates may let through texts that do not match, never skip one that
does; the token gate never says a match starts later than it does."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extractors.anchors import PatternGate, TokenGate
from pipeline.extractors.bodies.relation_cues import cue_start
from pipeline.extractors.bodies.relations import cue_gate, cues
from pipeline.extractors.items.decisions import rules
from pipeline.extractors.language import language
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [block.text for path in sorted((ROOT / "corpus").glob("*.txt"))
         for block in read(path).blocks]


def test_gate_never_skips_a_relation_cue() -> None:
    matcher = cues()[1]
    for text in TEXTS:
        if not cue_gate().might_match(text):
            assert not matcher(language().make_doc(text)), text


def test_gate_never_skips_a_decision_keyword() -> None:
    r = rules()
    for text in TEXTS:
        if not r.keyword_gate.might_match(text):
            assert not [m for m in r.matcher(language().make_doc(text))
                        if r.info[language().vocab.strings[m[0]]].role == "keyword"], text


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
        doc = language().make_doc(text)
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
    assert gate.first([t.lower_ for t in language().make_doc(text)]) == expected
