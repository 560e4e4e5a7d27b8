"""extract_document: what holds across extractors (a person once per paper)."""

from __future__ import annotations

from pipeline.extractors import extract_document, once_per_paper
from pipeline.readers.text import parse_text

PACK = ("AUDIT PANEL\n\nMinutes of the meeting held on 2 June 2021\n\n"
        "PRESENT: Councillors Ann Brook (Chair) and Raj Mehta\n\n"
        "ALSO PRESENT: Tom Ives (Head of Audit)\n\n"
        "1. Accounts\n\nRESOLVED: That the accounts be noted.\n\n\f"
        "NOTE OF THE JOINT SESSION WITH THE STANDARDS PANEL\n\n"
        "PRESENT: Councillors Ann Brook and Raj Mehta\n\n"
        "ALSO PRESENT: Tom Ives\n")


def test_a_person_listed_twice_in_a_pack_is_one_attendee() -> None:
    rows = extract_document(parse_text(PACK, "pack.txt"))["attendees"]
    names = [row["name"] for row in rows]
    assert sorted(names) == ["Ann Brook", "Raj Mehta", "Tom Ives"]
    assert next(r for r in rows if r["name"] == "Tom Ives")["role"] == "Head of Audit"


def test_a_later_mention_fills_what_the_first_lacked() -> None:
    rows = once_per_paper([{"name": "Sam O'Neil", "role": "", "organisation": ""},
                           {"name": "sam o'neil", "role": "Clerk", "organisation": "Parish"},
                           {"name": "", "role": "x"}])
    assert rows == [{"name": "Sam O'Neil", "role": "Clerk", "organisation": "Parish"}]


def test_every_row_says_which_part_of_a_pack_it_came_from() -> None:
    agenda = ("LICENSING PANEL\n\nNOTICE OF MEETING\n\nA meeting of the Licensing Panel will "
              "be held on 9 May 2022 at 7pm.\n\nAGENDA\n\n1. Apologies for absence\n\n"
              "2. Minutes of the previous meeting\n")
    tables = extract_document(parse_text(agenda + "\f" + PACK, "pack.txt"))
    parts = tables["parts"]
    assert [p["part"] for p in parts] == list(range(1, len(parts) + 1))
    assert parts[0]["kind"] == "agenda" and parts[0]["date"] == "2022-05-09"
    assert len(parts) >= 2 and parts[1]["kind"] == "minutes"
    assert tables["documents"][0]["kind"] == "agenda"  # a pack is its cover
    assert {row["part"] for row in tables["attendees"]} == {2}
    assert {row["part"] for row in tables["decisions"]} == {2}
    cover_end = len(agenda)
    assert tables["items"] and all(row["part"] == (1 if row["start"] < cover_end else 2)
                                   for row in tables["items"])
    assert all("part" not in row for row in tables["bodies"])


def test_a_single_paper_is_one_part() -> None:
    tables = extract_document(parse_text(PACK.split("\f")[0], "one.txt"))
    assert [(p["part"], p["kind"], p["first_page"], p["last_page"])
            for p in tables["parts"]] == [(1, "minutes", 1, 1)]
    assert {row["part"] for table in ("attendees", "items", "decisions")
            for row in tables[table]} == {1}


def test_votes_are_numbered_through_a_pack() -> None:
    def minutes(day: int) -> str:
        return (f"PLANNING COMMITTEE\n\nMinutes of the meeting held on {day} March 2023\n\n"
                "PRESENT: Councillors Ann Brook and Raj Mehta\n\n"
                "1. Land at Mill Lane\n\nOn being put to the vote the motion was carried "
                "by 8 votes to 2.\n\nRESOLVED: That permission be granted.\n")
    tables = extract_document(parse_text(minutes(1) + "\f" + minutes(29), "pack.txt"))
    assert len(tables["parts"]) == 2
    assert [(v["vote"], v["part"], v["for"], v["against"], v["result"])
            for v in tables["votes"]] == [(1, 1, 8, 2, "carried"), (2, 2, 8, 2, "carried")]


def test_a_paper_over_a_million_characters_is_extracted() -> None:
    # spaCy refuses a text over nlp.max_length (a million characters) unless told otherwise;
    # an agenda pack of a few hundred pages is longer than that
    # long words rather than sentences: the test is about length, and stays a few seconds
    filler = "The appendix lists " + "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz " * 24000
    text = PACK.split("\f")[0] + "\n\n" + filler
    assert len(text) > 1_200_000
    tables = extract_document(parse_text(text, "long.txt"))
    assert sorted(row["name"] for row in tables["attendees"]) == [
        "Ann Brook", "Raj Mehta", "Tom Ives"]
    assert [row["number"] for row in tables["items"]] == ["1"]
