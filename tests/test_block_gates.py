"""A gate's answers for all of a paper's blocks at once are its answers for each block alone:
on the repository's sample papers, and on blocks whose folded case changes length, hold the
letters the case-blind match equates with 'i', or lie next to a block holding the strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extractors.anchors import LiteralGate, PatternGate
from pipeline.extractors.block_gates import literal_blocks, pattern_blocks
from pipeline.extractors.items.decision_rules import rules as decision_rules
from pipeline.extractors.items.vote_rules import rules as vote_rules
from pipeline.model import BlockKind, Document, DocumentBuilder
from pipeline.readers import read

ROOT = Path(__file__).resolve().parents[1]
PAPERS = sorted((ROOT / "corpus").glob("*.txt"))


def _document(texts: list[str]) -> Document:
    builder = DocumentBuilder("invented.txt", "text")
    for text in texts:
        builder.add(BlockKind.PARAGRAPH, text)
    return builder.build()


def _gates() -> list[LiteralGate]:
    r = vote_rules()
    return [r.cue_gate, r.count_gate, r.number_words]


@pytest.mark.parametrize("path", PAPERS, ids=lambda p: p.name)
def test_paper_answers_are_each_blocks(path: Path) -> None:
    document = read(path)
    for gate in _gates():
        assert literal_blocks(gate, document) == [gate.might_match(b.text)
                                                  for b in document.blocks]
    keyword = decision_rules().keyword_gate
    assert pattern_blocks(keyword, document) == [bool(keyword.quick.search(b.text.lower()))
                                                 for b in document.blocks]


TRICKY = [
    ["The motion was", "carried by 5 votes", "Nothing here"],
    ["Stra\u00dfe works", "The amendment was lost", "none"],  # 'ß' folds to two letters
    ["Cllr Y\u0131ld\u0131z", "Apologies"],  # a dotless i: passed whatever the strings
    ["\u0130tem", "Report of the Clerk"],  # a dotted capital I: its lower form is two long
    ["vo", "te against", "RESOLVED that", "it was Agreed"],  # no string runs over blocks
    ["Caf\u00e9 for all", "\u2013 lost \u2013", "NOTED"],
]


@pytest.mark.parametrize("texts", TRICKY)
def test_tricky_blocks(texts: list[str]) -> None:
    document = _document(texts)
    for gate in _gates():
        assert literal_blocks(gate, document) == [gate.might_match(t) for t in texts]
    keyword = decision_rules().keyword_gate
    assert pattern_blocks(keyword, document) == [bool(keyword.quick.search(t.lower()))
                                                 for t in texts]


def test_answers_come_from_the_blocks_own_texts() -> None:
    document = _document(["first line", "the motion was carried"])
    document.text = ""  # (a Document built by hand without its text: its blocks answer)
    gate = vote_rules().cue_gate
    assert literal_blocks(gate, document) == [False, True]


def test_gates_with_nothing_required_pass_every_block() -> None:
    document = _document(["anything", "at all"])
    assert literal_blocks(LiteralGate([re.compile(r"\w+")]), document) == [True, True]
    assert pattern_blocks(PatternGate([[{"IS_DIGIT": True}]]), document) == [True, True]
