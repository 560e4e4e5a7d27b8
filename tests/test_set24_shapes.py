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


def test_members_listed_village_by_village_and_a_dash_label() -> None:
    filler = "The meeting discussed the state of the path network at some length again. " * 2
    lines = [f"{filler}{n}" for n in range(22)]
    text = "\n".join([
        "GLENARDLE COMMUNITY COUNCIL", "", "Minutes of Meeting held on Tuesday 10th March, 2026",
        "", "Present -", "Balnacraig - CClr R. Mathieson (Chair), CClr E. Doig",
        "Inverardle - CClr P. Guthrie, Mrs F. Lyall",
        "In attendance - Mrs H. Soutar (Minute Secretary), and 11 members of the public",
        "Apologies - CClr K. Binnie, Mrs A. Petrie.", "", "1. Paths", "", *lines]) + "\n"
    rows = extract_document(parse_text(text, "cc.txt"))
    assert [r["name"] for r in rows["attendees"]] == [
        "R. Mathieson", "E. Doig", "P. Guthrie", "F. Lyall", "H. Soutar"]
    assert [r["name"] for r in rows["apologies"]] == ["K. Binnie", "A. Petrie"]


def test_an_item_number_run_into_its_title() -> None:
    rows = extract_document(parse_text(
        "LOCAL ACCESS FORUM MEETING MINUTES\n\n4 February 2026\n\n1Welcome and Apologies\n\n"
        "The Chairman welcomed members.\n\n2Matters Arising\n\nNone.\n\n3Date of Next Meeting\n\n"
        "To be confirmed.\n", "forum.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Welcome and Apologies"), ("2", "Matters Arising"), ("3", "Date of Next Meeting")]


def test_a_name_cell_run_into_the_next_cell() -> None:
    rows = extract_document(parse_text(
        "LOCAL ACCESS FORUM MEETING MINUTES\n\n4 February 2026\n\nATTENDANCE LIST\n\n"
        "Present:\nGraham NewbouldChairman, Land Management\nOliver ThistlethwaiteRights of "
        "Way Manager\nMr D McDonald, Mrs A MacLeod\n\n1Welcome\n\nNoted.\n", "forum.txt"))
    assert [(r["name"], r["role"]) for r in rows["attendees"]] == [
        ("Graham Newbould", "Chairman"), ("Oliver Thistlethwaite", "Rights of Way Manager"),
        ("D McDonald", ""), ("A MacLeod", "")]
