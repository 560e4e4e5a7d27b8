"""A flattened table of people with an initials column is cut back into its rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors import extract_document
from pipeline.readers.coded_rows import split_coded_rows
from pipeline.readers.text import parse_text

FLAT = ("ENTERPRISE PARTNERSHIP BOARD\n\nMinutes of the Meeting held on 3 March 2026\n\n"
        "Attendance and Apologies:\n\n"
        "Directors Representing Gareth Whitlow GW Private Sector Priya Sandhu PS Private "
        "Sector Cllr Ruth Okafor RO Marchfield District Councils Dr Simon Heald SH "
        "Universities Joanne McAlpine JM Private Sector\n\n"
        "In Attendance Lisa Brannigan LB Chief Executive Owen Pratt OP Finance Dev Mistry DM "
        "Chamber of Commerce\n\nApologies: Carl Jessop\n\n1. Welcome\n\nNoted.\n")


def test_rows_start_at_names_their_initials_follow() -> None:
    document = split_coded_rows(parse_text(FLAT, "board.txt"))
    lines = [block.text for block in document.blocks]
    assert "Gareth Whitlow GW Private Sector" in lines
    assert "Cllr Ruth Okafor RO Marchfield District Councils" in lines
    assert "Joanne McAlpine JM Private Sector" in lines
    assert "In Attendance" in lines and "Dev Mistry DM Chamber of Commerce" in lines
    for block in document.blocks:
        assert document.text[block.start:block.end] == block.text


def test_bodies_with_their_acronyms_are_no_rows() -> None:
    text = ("The Integrated Care Board ICB, the Safeguarding Adults Board SAB and the Community "
            "Safety Partnership CSP all report to the Health and Wellbeing Board.\n")
    document = split_coded_rows(parse_text(text, "p.txt"))
    assert len(document.blocks) == 1


def test_attendance_and_apologies_heads_the_members() -> None:
    rows = extract_document(split_coded_rows(parse_text(FLAT, "board.txt")))
    assert [r["name"] for r in rows["attendees"] if r["capacity"] == "member"] == [
        "Gareth Whitlow", "Priya Sandhu", "Ruth Okafor", "Simon Heald", "Joanne McAlpine"]
    assert [r["name"] for r in rows["apologies"]] == ["Carl Jessop"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["AB", "ABC", "ABCD", "A", "a", " ", "\t", "\n", "\u00a0", "É",
                                 "(", "AB)", "-", "Ab"]), max_size=12).map("".join))
def test_code_words_are_the_look_behind_pattern_s(text: str) -> None:
    import re

    from pipeline.readers.coded_rows import _CODE_WORD

    stated = re.compile(r"(?<!\S)[A-Z]{2,3}(?!\S)")  # what _CODE_WORD stands for
    assert [m.span() for m in _CODE_WORD.finditer(text)] == [
        m.span() for m in stated.finditer(text)]
