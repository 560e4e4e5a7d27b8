"""An attendance grid set as lines (a header row of status columns, then one member a line
with the ticked column's mark at its end), as safeguarding and partnership boards keep their
record (all text invented)."""

from __future__ import annotations

import pytest

from pipeline.extractors.people.attendance import extract_attendance
from pipeline.extractors.people.mark_grid import grid_marks
from pipeline.readers.text import parse_text

GRID = """Minutes of the Wendmoor Safeguarding Adults Board

Date of Meeting: 4 March 2026

P= Present A= Apologies DNA=Did not attend D/R=Deputise/Representative

Board Member P A DNA D/R
Iris Fenwick (IF) – Independent Chair P
Omar Castell (OC) – Business Manager, Wendmoor Council P
Greta Lund (GL) – Detective Chief Inspector, Wendmoor Police A
Sefton Price (SP) – Detective Inspector, Wendmoor Police R
Dora Penhale (DP) – Area Manager, Wendmoor Fire and Rescue DNA

1. Welcome and Apologies

IF welcomed members. Apologies were noted as above.
"""


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


def test_each_member_goes_where_the_mark_says():
    result = extract_attendance(parse_text(GRID, "grid.txt"))
    assert names(result["attendees"]) == ["Iris Fenwick", "Omar Castell", "Sefton Price"]
    assert names(result["apologies"]) == ["Greta Lund"]  # DNA: recorded nowhere
    rows = {row["name"]: row for row in result["attendees"]}
    assert (rows["Omar Castell"]["role"], rows["Omar Castell"]["organisation"]) == (
        "Business Manager", "Wendmoor Council")


def test_a_grid_needs_no_legend_for_the_usual_marks():
    text = GRID.replace("P= Present A= Apologies DNA=Did not attend D/R=Deputise/Representative"
                        "\n\n", "").replace("Board Member P A DNA D/R", "Name P A")
    text = text.replace(" R\n", " P\n").replace(" DNA\n", " A\n")
    result = extract_attendance(parse_text(text, "grid.txt"))
    assert names(result["attendees"]) == ["Iris Fenwick", "Omar Castell", "Sefton Price"]
    assert names(result["apologies"]) == ["Greta Lund", "Dora Penhale"]


@pytest.mark.parametrize("line", [
    "Report of the Director of Adult Services to the Board at its meeting P A",  # a sentence
    "Board Member NHS ICB",  # not status marks
    "Board Member P P",  # one column twice
])
def test_other_lines_are_no_grid_header(line):
    assert grid_marks(line, {"P": "P", "A": "A"}) == ()
