"""Lines of an attendance record read as nothing else (invented text): a grouped ABSENT line
is no membership of a body, and a minute-number row belongs to its minute."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text

GROUPED = """WHARFLEET INTERNAL DRAINAGE BOARD
MINUTES OF THE FULL BOARD MEETING
MONDAY 2nd MARCH 2020

PRESENT: Ratepayer Members: Mr Ambler (Ch) Mr Cawood
APOLOGIES: Ratepayer Members: Mr Gowthorpe Appointed Members: Cllr Heslop Co-opted Members:
ABSENT: Ratepayer Members: Appointed Members: Co-Opted Members:

12 Welcome and Apologies
"""


def test_a_grouped_absent_line_states_no_membership() -> None:
    tables = extract_document(parse_text(GROUPED, "board.txt"))
    assert tables["relations"] == []
    assert [r["name"] for r in tables["apologies"]] == ["Gowthorpe", "Heslop"]


def test_a_membership_label_outside_the_record_still_counts() -> None:
    text = ("Kestrel Valley Safety Partnership\nTerms of Reference\n\n"
            "Members: Kestrel Valley Police, Kestrel Fire and Rescue Service\n")
    relations = extract_document(parse_text(text, "tor.txt"))["relations"]
    assert {r["relation"] for r in relations} == {"member_of"}
