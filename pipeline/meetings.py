"""A run folder's meetings and the attendance its CSVs record, read back for the tables
derived from them (`pipeline.people`): streamed, so a large archive is never held whole."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.export.csv import allow_long_cells, unescape_cell
from pipeline.model.bodies import authority_key, fold

__all__ = ["Meeting", "meetings_of", "mentions_of", "rows"]


def rows(path: Path, raw: bool = False) -> Iterator[dict[str, str]]:
    """A CSV of the run, its cells as the paper has them (the spreadsheet escaping undone
    unless the run wrote raw cells)."""
    if not path.exists():
        return
    allow_long_cells()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            yield row if raw else {k: unescape_cell(v or "") for k, v in row.items()}


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting: a paper, or a paper of a pack. The same meeting's minutes printed in
    two files (a pack and the minutes alone, or the PDF and the DOCX) are one meeting:
    its key is (authority, body, date) where the date is known."""

    key: tuple[str, ...]
    authority: str
    body: str
    date: str


def meetings_of(out: Path, raw: bool = False) -> dict[tuple[str, str], Meeting]:
    """(document, part) -> the meeting, for every paper of the run.

    One entry per paper part is all it holds: parts.csv is read twice rather than kept,
    and the names, bodies and dates that many papers share are one string each."""
    shared: dict[str, str] = {}

    def one(text: str) -> str:
        return shared.setdefault(text, text)

    authority = {r["document"]: one(r.get("authority", "")) for r in
                 rows(out / "documents.csv", raw)}
    # one name per authority: "Kingsmere Council" and "Kingsmere Borough Council" are one
    fullest: dict[str, str] = {}
    for name in set(authority.values()):
        key = one(authority_key(name)) if name else ""
        if len(name) > len(fullest.get(key, "")):
            fullest[key] = name
    # one name per body: "LICENSING COMMITTEE" and "Licensing Committee" are one body
    label: dict[tuple[str, str], str] = {}
    for row in rows(out / "parts.csv", raw):
        name = authority.get(row["document"], "")
        at = (authority_key(name) if name else "", row.get("body_key") or fold(row["body"]))
        if at not in label or (label[at].isupper() and not row["body"].isupper()):
            label[at] = one(row["body"])
    found = {}
    for row in rows(out / "parts.csv", raw):
        name = authority.get(row["document"], "")
        where = one(authority_key(name)) if name else ""
        name = fullest[where] if name else ""
        body_key = one(row.get("body_key") or fold(row["body"]))
        body, date = label[(where, body_key)], one(row["date"])
        held: tuple[str, ...] = (where, body_key, date) \
            if date and body_key else ("paper", row["document"], row["part"])
        found[(row["document"], one(row["part"]))] = Meeting(held, name, body, date)
    return found


def mentions_of(out: Path, raw: bool = False) -> Iterator[tuple[str, str, str, str, str]]:
    """(document, part, name, status, role) of every attendance mention of the run."""
    for row in rows(out / "attendees.csv", raw):
        yield row["document"], row.get("part", ""), row["name"], "present", \
            row.get("role", "")
    for row in rows(out / "apologies.csv", raw):
        yield row["document"], row.get("part", ""), row["name"], "apologies", \
            row.get("role", "")
    for row in rows(out / "substitutes.csv", raw):
        yield row["document"], row.get("part", ""), row["member"], "substituted", ""
        yield row["document"], row.get("part", ""), row["substitute"], \
            "substitute", ""
