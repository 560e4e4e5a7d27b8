"""Relations on whole invented papers (tests/relations/papers.jsonl): discourse-level shapes,
one paper each, with every relation it must give and nothing more.

Each case is an invented paper (fictional council, bodies and people) in a shape councils
write: a partnership review that "will constitute" a new body, terms of reference that refer
back to "this group", a membership line that belongs to the body the section is about. The
cases are split: `dev` cases were written to guide the rules; `heldout` cases were written
at the same time and never tuned to, to measure how the rules carry to wordings not seen.
Rounds 2 to 4 (`"round"`) are further held-out batches, each written after the rules of the
round before and measured once before any rule looked at it; the gaps each showed were fixed
after that measurement, so only the newest round was ever blind.
`python -m tests.test_relation_papers` prints precision, recall and F1 per round and split.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "relations" / "papers.jsonl").read_text("utf-8").splitlines()
         if line.strip()]
#: held-out cases the rules do not yet get right (measured, not tuned to): each must still
#: fail, so that a fix shows up as an unexpected pass to move out of this set
KNOWN_GAPS: set[str] = {
    # a bilingual header 'Cyngor ... X County Borough Council' is the fullest name the paper
    # gives, so 'X County Borough Council' in the text is written as it
    "welsh-psb-forum-these-meetings-made-up-of",
    # (rounds 2 to 4 were each measured blind, then their gaps fixed but this one)
    # 'National Association of Police, Fire and Crime Panels': a name with a comma series
    # of subjects before a plural head is cut at the comma
    "police-crime-panel-affiliated-and-possessive-sub-committee",
}


def fold(value: str) -> str:
    value = unicodedata.normalize("NFKC", value).casefold().replace("&", " and ")
    value = re.sub("['\u2019]", "", value)
    words = re.sub(r"[^\w]+", " ", value).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def relations(case: dict) -> set[tuple[str, str, str]]:
    """The paper's relations, each end folded to the body whose name or alias it is."""
    tables = extract_document(parse_text(case["text"], f"{case['id']}.txt"))
    canonical: dict[str, str] = {}
    for row in tables["bodies"]:
        for alias in [row["body"], *filter(None, row["aliases"].split(" | "))]:
            canonical.setdefault(fold(alias), fold(row["body"]))
    return {(canonical.get(fold(r["source"]), fold(r["source"])), r["relation"],
             canonical.get(fold(r["target"]), fold(r["target"])))
            for r in tables["relations"]}


def expected(case: dict) -> set[tuple[str, str, str]]:
    return {(fold(s), r, fold(t)) for s, r, t in case["relations"]}


def test_cases_are_well_formed() -> None:
    assert len(CASES) >= 12
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert {c["split"] for c in CASES} == {"dev", "heldout"}
    assert {c["id"] for c in CASES if c["split"] == "heldout"} >= KNOWN_GAPS
    for case in CASES:
        # a paper that states no relation is a precision case: it says so in its shape
        assert case["relations"] or case["shape"].startswith("precision"), case["id"]
        assert {r for _, r, _ in case["relations"]} <= {
            "reports_to", "replaces", "member_of", "linked_to"}, case["id"]


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(strict=True))
                                  if c["id"] in KNOWN_GAPS else c for c in CASES],
                         ids=[c["id"] for c in CASES])
def test_paper_gives_exactly_its_relations(case: dict) -> None:
    assert relations(case) == expected(case), case["shape"]


def scores() -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, misses) per round and split."""
    out: dict[str, list[int]] = {}
    for case in CASES:
        got, want = relations(case), expected(case)
        tally = out.setdefault(f"round {case.get('round', 1)} {case['split']}", [0, 0, 0])
        tally[0] += len(got & want)
        tally[1] += len(got - want)
        tally[2] += len(want - got)
    return {split: (tp, fp, fn) for split, (tp, fp, fn) in out.items()}


if __name__ == "__main__":
    for split, (tp, fp, fn) in sorted(scores().items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{split:16} TP {tp:3} FP {fp:3} FN {fn:3}  P {p:.3f} R {r:.3f} F1 {f:.3f}")
