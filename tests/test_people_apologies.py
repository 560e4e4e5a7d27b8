"""Apologies and attendance in shapes found on real councils' pages, and what stays out."""

from __future__ import annotations

from pipeline.extractors.people.attendance import extract_attendance
from pipeline.readers.text import parse_text


def run(*paragraphs: str) -> dict[str, list[dict]]:
    text = "Board\n\nMinutes of the meeting held on 3 May 2024\n\n" + "\n\n".join(paragraphs)
    return extract_attendance(parse_text(text + "\n", "t.txt"))


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


AGENDA_NOTE = ("Members are reminded that a constituent authority may nominate a substitute "
               "member when its representative cannot attend.")


def test_minutes_marker_reopens_the_item_its_agenda_note_closed():
    result = run("84.", "Apologies", AGENDA_NOTE, "Minutes:", "Cllr D Renshaw.")
    assert names(result["apologies"]) == ["D Renshaw"]


def test_minutes_marker_of_the_next_item_opens_nothing():
    result = run("84.", "Apologies", AGENDA_NOTE, "85.", "Chair's Announcements", "Minutes:",
                 "Cllr D Renshaw.")
    assert names(result["apologies"]) == []


def test_apologised_after_the_names_is_an_apology_and_lateness_is_not():
    result = run("1. Apologies", "Councillors Ann Bell and Carl Dee apologised for their "
                 "inability to attend the meeting.",
                 "Councillor Eve Ford apologised for arriving late.")
    assert names(result["apologies"]) == ["Ann Bell", "Carl Dee"]
    assert names(result["attendees"]) == []
