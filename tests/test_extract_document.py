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
