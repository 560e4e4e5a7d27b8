"""Whether a paper reads as a report (whose numbered paragraphs are not items) or as minutes:
the section labels each kind of paper shows, weighed (`kind_cues`). Cues are data in
`models/items/items.json` (report_cues, minutes_cues, numbered_paragraphs)."""

from __future__ import annotations

from functools import cache

from pipeline.extractors.anchors import LiteralGate
from pipeline.extractors.first_chars import FirstChars
from pipeline.extractors.items.decisions import paper_hits
from pipeline.extractors.items.item_rules import rules
from pipeline.model import BlockKind, Document


def is_report(document: Document) -> bool:
    """Whether the paper reads as a report: its section labels outweigh minutes' labels."""
    report, minutes = kind_cues(document)
    return sum(report.values()) >= 2 and sum(report.values()) > sum(minutes.values())


def kind_cues(document: Document) -> tuple[dict[str, int], dict[str, int]]:
    """The report cues and the minutes cues the paper shows, each id with its weight."""
    r = rules()
    report: dict[str, int] = {}
    minutes: dict[str, int] = {}
    numbered, min_words, min_count, numbered_weight = r.numbered_paragraphs
    paragraphs = 0
    labels, cues = _label_starts(), (*r.report_cues, *r.minutes_cues)
    closing = [k for k, cue in enumerate(cues) if cue[0] == "meeting-closed"]
    closing_words = _closing_gate()
    hits = paper_hits(document)  # (found for the paper's every block once)
    for block, found in zip(document.blocks, hits, strict=True):
        text = block.text
        if text.isprintable() and "  " not in text and text[:1] != " " != text[-1:]:
            # (most blocks: words between single spaces, as the reader leaves a paragraph;
            # every white character but the space is unprintable, tests/test_chunks.py)
            words = text.count(" ") + 1 if text else 0
        else:
            parts = text.split()  # (a tab is white space)
            text, words = " ".join(parts), len(parts)
        if words >= min_words and numbered.match(text):
            paragraphs += 1
        if "decisions" not in minutes and block.kind is not BlockKind.TABLE_ROW and found:
            minutes["decisions"] = r.decisions_weight
        # Section labels are short lines; only "the meeting closed" is read in body text
        # (where it has its words). A short line is tried with the labels its first
        # character leaves (most: none).
        if words <= 16:
            tried = labels.which(text)
        else:
            tried = closing if closing_words.might_match(text) else []
        for k in tried:
            cue_id, weight, pattern = cues[k]
            shown = report if k < len(r.report_cues) else minutes
            if cue_id not in shown and pattern.search(text):  # (each cue counts once)
                shown[cue_id] = weight
    if paragraphs >= min_count:
        report["numbered-paragraphs"] = numbered_weight
    return report, minutes


@cache
def _label_starts() -> FirstChars:
    """Which report and minutes cues (in that order) a line's first character leaves to try:
    most are anchored at its start."""
    r = rules()
    return FirstChars([p for _, _, p in (*r.report_cues, *r.minutes_cues)])


@cache
def _closing_gate() -> LiteralGate:
    """Whether a line may hold "the meeting closed" (its case-blind search of a long line
    costs ten times the lookup of its words)."""
    r = rules()
    return LiteralGate(p for cue_id, _, p in (*r.report_cues, *r.minutes_cues)
                       if cue_id == "meeting-closed")
