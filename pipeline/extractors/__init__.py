"""Extraction stages: each takes a `Document` and returns contract rows with provenance.

Every row is a dict holding the contract columns of its table (CONTRACT.md) plus the
provenance columns `page`, `start`, `end` (character span in `Document.text`) and
`evidence` (the source line), so each row can be checked against the paper.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from pipeline.extractors.attendance import extract_attendance
from pipeline.extractors.items import extract_items
from pipeline.extractors.metadata import extract_metadata
from pipeline.extractors.parts import Part, segment
from pipeline.extractors.structure import extract_structure
from pipeline.model import Document

TABLES = ("attendees", "apologies", "substitutes", "items", "decisions", "recommendations",
          "relations", "bodies")


def extract_document(document: Document) -> dict[str, list[dict]]:
    """Run every stage on one document; returns rows per table (documents has one row,
    parts one per paper of a pack, and every row of the other tables but bodies says
    which part it came from)."""
    result: dict[str, list[dict]] = {table: [] for table in TABLES}
    parts = segment(document)
    cover = parts[0].blocks(document) if parts else document.blocks
    result["documents"] = [extract_metadata(document, cover)]
    result.update(extract_attendance(document))
    result.update(extract_items(document))
    result.update(extract_structure(document, result["documents"][0]))
    for table in PEOPLE_TABLES:
        result[table] = once_per_paper(result[table])
    result["parts"] = [part_row(part) for part in parts]
    label_parts(document, parts, result)
    return result


def part_row(part: Part) -> dict:
    """The parts.csv row of one part (without the `document` column)."""
    return {"part": part.number, "kind": part.kind, "body": part.body, "date": part.date,
            "first_page": part.first_page, "last_page": part.last_page}


def label_parts(document: Document, parts: list[Part], tables: dict[str, list[dict]]) -> None:
    """Give each row of the per-paper tables the number of the part its span starts in."""
    if not parts:
        return
    starts = [document.blocks[part.first_block].start for part in parts]
    for table, rows in tables.items():
        if table in ("documents", "parts", "bodies"):
            continue
        for row in rows:
            offset = row.get("start")
            index = bisect_right(starts, offset) - 1 if isinstance(offset, int) else 0
            row["part"] = parts[max(0, index)].number


#: Tables of people that list each person once per paper: a pack repeats its attendance
#: list (the minutes of the meeting, then the note of a joint session with the same
#: members), and a person is at a meeting once.
PEOPLE_TABLES = ("attendees", "apologies")


def person_key(name: str) -> str:
    """A name folded for comparison: case, accents' forms, punctuation and spacing."""
    name = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def once_per_paper(rows: list[dict]) -> list[dict]:
    """The rows with each person once, at their first mention; a later mention fills in
    a role or organisation the first one lacked."""
    kept: dict[str, dict] = {}
    for row in rows:
        key = person_key(row.get("name", ""))
        if not key:
            continue
        first = kept.get(key)
        if first is None:
            kept[key] = row
            continue
        for column in ("role", "organisation"):
            if not first.get(column) and row.get(column):
                first[column] = row[column]
    return list(kept.values())
