"""Whether a paper reads as a report (whose numbered paragraphs are not items) or as minutes:
the section labels each kind of paper shows, weighed (`kind_cues`). Cues are data in
`models/items/items.json` (report_cues, minutes_cues, numbered_paragraphs)."""

from __future__ import annotations

import re
from functools import cache

from pipeline.extractors.anchors import starts_line
from pipeline.extractors.items.decisions import block_hits
from pipeline.extractors.items.item_rules import rules
from pipeline.model import Block, BlockKind, Document
from pipeline.regex_cache import compile_cached


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
    starts, report_rest, minutes_rest = _label_starts()
    for block in document.blocks:
        text = _plain(block)
        words = len(text.split())
        if words >= min_words and numbered.match(text):
            paragraphs += 1
        if "decisions" not in minutes and block.kind is not BlockKind.TABLE_ROW and (
                block_hits(document, block)):
            minutes["decisions"] = r.decisions_weight
        # Section labels are short lines; only "the meeting closed" is read in body text.
        short = words <= 16
        # a short line opening with none of the labels anchored at its start is tried
        # against the others only (one match of the labels joined, not one search each)
        opens = not short or starts is None or starts.match(text)
        for cue_id, weight, pattern in r.report_cues if opens else report_rest:
            if short and pattern.search(text):
                report.setdefault(cue_id, weight)
        for cue_id, weight, pattern in r.minutes_cues if opens else minutes_rest:
            if (short or cue_id == "meeting-closed") and pattern.search(text):
                minutes.setdefault(cue_id, weight)
    if paragraphs >= min_count:
        report["numbered-paragraphs"] = numbered_weight
    return report, minutes


@cache
def _label_starts() -> tuple[re.Pattern[str] | None, list, list]:
    """The report and minutes cues anchored at a line's start joined into one regex (None
    where they cannot be: differing flags, group references), and the cues of each family
    that are not anchored, in order."""
    r = rules()
    cues = [p for _, _, p in (*r.report_cues, *r.minutes_cues)]
    anchored = [p for p in cues if starts_line(p)]
    joined = None
    if len({p.flags for p in anchored}) == 1 and not anchored[0].flags & re.VERBOSE and not any(
            re.search(r"\\[0-9]|\(\?P[=<]|\(\?\(", p.pattern) for p in anchored):
        try:  # (a global flag inside one of them cannot be joined)
            joined = compile_cached("|".join(f"(?:{p.pattern})" for p in anchored),
                                    anchored[0].flags)
        except re.error:
            joined = None
    return (joined, [c for c in r.report_cues if not starts_line(c[2])],
            [c for c in r.minutes_cues if not starts_line(c[2])])


def _plain(block: Block) -> str:
    return " ".join(block.text.replace("\t", " ").split())
