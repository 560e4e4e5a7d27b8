"""Shapes met in a blind held-out round (set 26): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def test_minute_rows_a_mirror_joined_with_a_slash() -> None:
    rows = extract_document(parse_text(
        "KESTON JOINT BURIAL COMMITTEE\n\n4th May 2026\n\nPRESENT:\n\nCouncillors Abbot, Kerr "
        "and Lund.\n\nNo. /\n\n"
        "2207 / APPOINTMENT OF CHAIR – Resolved – That Councillor Abbot be Chair for the year.\n"
        "2208 / MINUTES – Resolved – That the minutes of 2nd February be signed.\n"
        "2209 / GROUNDS MAINTENANCE - The Clerk reported on the mowing contract.\n"
        "Resolved – That the contract be extended for one year.\n", "burial.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("2207", "APPOINTMENT OF CHAIR"), ("2208", "MINUTES"), ("2209", "GROUNDS MAINTENANCE")]
    assert [r["item"] for r in rows["decisions"]] == ["2207", "2208", "2209"]
