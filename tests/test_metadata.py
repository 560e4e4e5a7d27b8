"""Metadata rules on their own: dates as councils print them, and slices of blocks."""

from __future__ import annotations

import pytest

from pipeline.extractors.sections.dates import find_dates
from pipeline.extractors.sections.metadata import classify_kind, extract_metadata
from pipeline.readers.text import parse_text


@pytest.mark.parametrize("text, dates", [
    ("Tuesday, 4 March 20254 March 2025", ["2025-03-04", "2025-03-04"]),
    ("Held on Wednesday 12 th October 2016", ["2016-10-12"]),
    ("THURSDAY 1 ST SEPTEMBER 2016 AT 7.30 PM", ["2016-09-01"]),
    ("Cofnodion 5 Chwefror 2019", ["2019-02-05"]),
    ("13/03/2013 and March 13, 2013", ["2013-03-13", "2013-03-13"]),
])
def test_dates(text: str, dates: list[str]) -> None:
    assert [d.iso for d in find_dates(text)] == dates


def test_metadata_of_a_slice_of_blocks() -> None:
    document = parse_text("NOTICE OF MEETING\n\nLICENSING COMMITTEE\n\nMonday 3 June 2024\n\f"
                          "Minutes of the meeting of the Cabinet held on 1 May 2024\n\n"
                          "Present: Cllr A Bell", "pack.txt")
    cover = extract_metadata(document)
    assert (cover["kind"], cover["body"], cover["date"]) == (
        "agenda", "LICENSING COMMITTEE", "2024-06-03")
    second = extract_metadata(document, [b for b in document.blocks if b.page == 2])
    assert (second["kind"], second["body"], second["date"]) == ("minutes", "Cabinet", "2024-05-01")
    # a pack that holds minutes is read as minutes by the tables that ask
    assert classify_kind(document)[0] == "minutes"


def test_earlier_minutes_give_no_date() -> None:
    document = parse_text("Agenda item\n\nTo confirm the minutes of the meeting held on "
                          "5 May 2020.\n\nRESOLVED: That the minutes be agreed.", "a.txt")
    assert extract_metadata(document)["date"] == ""
