"""A paper's kind (minutes, report, agenda, other), its body and its meeting date.

All three are read from the paper's opening blocks, where councils put them: a
report's header block ("Report to:", "Date of meeting:"), a minutes' title lines
("X / Minutes of the meeting held on ..." or "Minutes of the meeting of the X held
on ..."). Cue phrases are data in `models/metadata/cues.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.extractors.dates import find_dates, first_date
from pipeline.extractors.provenance import provenance
from pipeline.model import Block, BlockKind, Document
from pipeline.rules import read_json

HEADER_BLOCKS = 14  # how far into a paper its title and header block reach


@dataclass(frozen=True)
class Cues:
    head_nouns: frozenset[str]
    not_body: tuple[str, ...]
    kind: tuple[tuple[str, str, int, re.Pattern[str]], ...]
    body_labels: tuple[re.Pattern[str], ...]
    date_labels: tuple[re.Pattern[str], ...]
    minutes_of: tuple[re.Pattern[str], ...]


@cache
def cues() -> Cues:
    raw = read_json("metadata/cues.json")

    def compiled(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(c["pattern"], re.I) for c in raw[key])

    return Cues(
        head_nouns=frozenset(raw["body_head_nouns"]),
        not_body=tuple(raw["not_body_words"]),
        kind=tuple((c["id"], c["kind"], c["weight"], re.compile(c["pattern"], re.I))
                   for c in raw["kind_cues"]),
        body_labels=compiled("body_labels"),
        date_labels=compiled("date_labels"),
        minutes_of=compiled("minutes_of"),
    )


def _lines(document: Document) -> list[tuple[Block, str]]:
    """The header's lines: a table row's cells count as one line ("Label:\tValue")."""
    out = []
    for block in document.blocks[:HEADER_BLOCKS * 2]:
        text = block.text.replace("\t", " ") if block.kind is BlockKind.TABLE_ROW else block.text
        out.append((block, " ".join(text.split())))
    return out


def classify_kind(document: Document) -> tuple[str, str]:
    """(kind, id of the deciding cue); the heaviest cue family in the opening blocks wins."""
    scores: dict[str, int] = {}
    reasons: dict[str, str] = {}
    for _, text in _lines(document)[:HEADER_BLOCKS * 2]:
        for cue_id, kind, weight, pattern in cues().kind:
            if pattern.search(text) and cue_id not in reasons.values():
                scores[kind] = scores.get(kind, 0) + weight
                reasons.setdefault(kind, cue_id)
    if not scores:
        return "other", ""
    best = max(scores, key=lambda k: (scores[k], k == "minutes"))
    return best, reasons[best]


def is_body_name(text: str) -> bool:
    words = re.findall(r"[\w'-]+", text.lower())
    if not words or len(words) > 14:
        return False
    if any(phrase in text.lower() for phrase in cues().not_body):
        return False
    return words[-1] in cues().head_nouns or (len(words) > 1 and words[-2] in cues().head_nouns
                                             and words[-1] in ("board", "meeting"))


def _clean_body(text: str) -> str:
    text = re.split(r"\s+[-\u2013\u2014,]\s+|\s*,\s*(?=\w+day\b)", text)[0]
    text = re.sub(r"\s*\((?:[^()]*)\)\s*$", "", text)
    dates = find_dates(text)
    if dates:
        text = text[:dates[0].start]
    return text.strip(" :-\u2013,.#*")


def find_body(document: Document) -> tuple[str, Block | None]:
    lines = _lines(document)
    for block, text in lines:
        for pattern in cues().body_labels:
            m = pattern.match(text)
            if m and is_body_name(_clean_body(m["body"])):
                return _clean_body(m["body"]), block
    headings = []
    for block, text in lines:
        for pattern in cues().minutes_of:
            m = pattern.search(text)
            if m:
                named = _clean_body(m["body"])
                head = named.lower().split()[-1] if named else ""
                for earlier in reversed(headings):
                    if earlier.lower().split()[-1] == head:
                        return earlier, block
                if is_body_name(named):
                    return named, block
        if re.match(r"^\W*minutes?\b", text, re.I) and headings:
            return headings[-1], block
        candidate = _clean_body(text)
        if len(text.split()) <= 14 and is_body_name(candidate):
            headings.append(candidate)
    return (headings[0], None) if headings else ("", None)


def find_date(document: Document) -> tuple[str, Block | None]:
    lines = _lines(document)
    for block, text in lines:
        for pattern in cues().date_labels:
            m = pattern.match(text)
            found = first_date(m["rest"]) if m else None
            if found:
                return found.iso, block
    for block, text in lines[:HEADER_BLOCKS]:
        if re.search(r"\bminutes? of\b|\bheld\b|\bmeeting\b", text, re.I) or len(text) < 80:
            found = first_date(text)
            if found:
                return found.iso, block
    return "", None


def extract_metadata(document: Document) -> dict:
    """The documents.csv row (without the `document` column) with provenance of the body."""
    kind, cue = classify_kind(document)
    body, body_block = find_body(document)
    when, date_block = find_date(document)
    row = {"kind": kind, "body": body, "date": when, "format": document.format,
           "pages": document.pages, "blocks": len(document.blocks), "kind_cue": cue}
    anchor = body_block or date_block
    row.update(provenance(anchor) if anchor else {"page": "", "start": "", "end": "",
                                                   "evidence": ""})
    return row
