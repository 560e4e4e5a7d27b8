"""The pattern gate may let through texts that do not match, never skip one that does."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extractors.anchors import PatternGate
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
