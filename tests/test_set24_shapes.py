"""Shapes met in a blind held-out round (set 24): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def test_the_meetings_times_are_no_item() -> None:
    rows = extract_document(parse_text(
        "Record of meeting\nStandards Committee\nThursday, 22 January 2026\n\n"
        "7:00 pm to 8:35 pm\nRecord of the meeting\nCommittee members: Councillor Mrs Hamer\n\n"
        "1. Apologies\n\nNone.\n\n2. Declarations\n\nNone.\n", "standards.txt"))
    assert [r["number"] for r in rows["items"]] == ["1", "2"]
