"""Shapes met in a blind held-out round (set 23): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    head = "JOINT COMMITTEE\n\nMinutes of the meeting held on 3 March 2026\n\n"
    return extract_document(parse_text(head + text + "\n\n1. Minutes\n\nAgreed.\n", "p.txt"))


def test_a_substitute_named_after_and_in_the_apologies_sentence() -> None:
    rows = _rows("Present: Councillor A Bell\n\nApologies for absence were received from "
                 "Councillor Hilary Pendleton and Councillor Barry Okonjo attended as "
                 "substitute.  Apologies were also received from Councillor M Fairclough.")
    assert [r["name"] for r in rows["apologies"]] == ["Hilary Pendleton", "M Fairclough"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Hilary Pendleton", "Barry Okonjo")]
    assert "Hilary Pendleton" not in [r["name"] for r in rows["attendees"]]


def test_an_apology_with_a_deputy() -> None:
    rows = _rows("Present: Councillor A Bell\n\nApologies:\n\n·       Councillor Gethin ap Rhys "
                 "(Cyngor Sir Ceredigion) with Councillor Nia Talfryn deputising;\n\n"
                 "·       Councillor Alun Pugh-Davies.")
    assert [(r["member"], r["substitute"], r["organisation"]) for r in rows["substitutes"]] == [
        ("Gethin ap Rhys", "Nia Talfryn", "Cyngor Sir Ceredigion")]
    rows = _rows("Apologies: Councillor Gethin ap Rhys, with Councillor Nia Talfryn deputising.")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Gethin ap Rhys", "Nia Talfryn")]


def test_an_items_heading_repeated_as_its_paragraph_zero() -> None:
    text = ("Agenda and minutes\n\nLammermuir Licensing Board - Friday, 16th January, 2026 "
            "10.00 am\n\nItems\nNo. Item\n\n1.\n\nOrder of Business\n\nMinutes:\n\n"
            "1.0       ORDER OF BUSINESS\n\n1.1       The Convener varied the order of business."
            "\n\n2.\n\nDeclarations of Interest\n\nMinutes:\n\n2.0       DECLARATIONS OF INTEREST"
            "\n\n2.1       There were none.\n\n3.\n\nApplications\n\nMinutes:\n\n3.0       "
            "APPLICATIONS\n\n(a) The Old Granary, 4 Mill Wynd\n\nDECISION\n\nAPPROVED.\n")
    rows = extract_document(parse_text(text, "board.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Order of Business"), ("2", "Declarations of Interest"), ("3", "Applications")]


def test_lettered_parts_with_a_colon_under_that_cabinet() -> None:
    rows = _rows("316. Review\n\nRESOLVED:\n\nThat Cabinet:\n\nA:        Welcomes the review.\n\n"
                 "B:        Agrees recommendations 1 to 5.\n\nC:        Asks the Director to "
                 "report progress.")
    text = next(r["text"] for r in rows["decisions"] if r["item"] == "316")
    assert "B: Agrees recommendations 1 to 5." in text and "C: Asks the Director" in text


def test_two_declarers_sharing_a_surname() -> None:
    rows = _rows("8. Land at Brook Farm\n\nNoted.\n\nDeclarations: Councillors Derek and Pauline "
                 "Ashdown both declared a personal interest in Item 8 as their property adjoined "
                 "the site.")
    assert [r["name"] for r in rows["declarations"]] == ["Derek Ashdown", "Pauline Ashdown"]


def test_items_given_with_their_minutes_in_brackets() -> None:
    from pipeline.extractors.people.declaration_items import item_refs

    assert item_refs("a personal interest in Items 13 and 14 (minutes 322 and 323) as a "
                     "trustee") == [("13", "minute 322"), ("14", "minute 323")]
    assert item_refs("in Item 11 (minute 320) as") == [("11", "minute 320")]
