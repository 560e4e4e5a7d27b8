"""Shapes met in a blind held-out round (set 20): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "paper.txt"))


def test_who_was_represented_by_gives_the_pair() -> None:
    rows = _rows("HOUSING PANEL\n\nMinutes of the meeting held on 9 March 2026\n\n"
                 "Present: Councillors J Amos (Chair) and P Brandt\n\n1. Apologies\n\n"
                 "Apologies for absence were received from Councillor K Irwin (who was "
                 "represented by Councillor N Jacobs) and Councillor F Kemp.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("K Irwin", "N Jacobs")]
    assert "N Jacobs" in [r["name"] for r in rows["attendees"]]


def test_a_group_reports_its_findings_to_a_body() -> None:
    rows = _rows("HOUSING PANEL\n\nMinutes of the meeting held on 9 March 2026\n\n"
                 "1. Task groups\n\nThe Panel agreed to set up a Task and Finish Group on damp "
                 "and mould, which will report its findings to the Housing Panel in June.\n\n"
                 "The Fuel Poverty Working Group will report its recommendations to the "
                 "Cabinet.\n")
    assert {(r["source"], r["relation"], r["target"]) for r in rows["relations"]} == {
        ("Task and Finish Group", "reports_to", "Housing Panel"),
        ("Fuel Poverty Working Group", "reports_to", "Cabinet")}


def test_paragraphs_numbered_under_unnumbered_headings_are_no_items() -> None:
    # a Scottish board's minutes: headings without numbers, paragraphs numbered through
    rows = _rows("GLENARDEN PARK AUTHORITY\n\nMINUTES OF THE BOARD MEETING held on 6 February "
                 "2026\n\nPresent: Niall Cowie (Convener), Fiona Lennox\n\nPark Plan (Paper 1)\n\n"
                 "5. Callum Reid introduced the paper, which set out the draft plan.\n\n"
                 "6. Members welcomed the draft.\n\n7. The Board noted the paper.\n\n"
                 "8. Ewan McAskill returned. The Board went on.\n\nDate of Next Meeting\n\n"
                 "9. Friday 20 March 2026 at the Authority's offices.\n")
    assert rows["items"] == []


def test_correspondence_received_is_still_a_title() -> None:
    rows = _rows("PARISH COUNCIL\n\nMinutes of the meeting held on 9 March 2026\n\n"
                 "1. Apologies\n\nNone.\n\n2. Correspondence received\n\nA letter from the "
                 "County Council.\n\n3. Planning applications\n\nNone.\n")
    assert [r["title"] for r in rows["items"]] == [
        "Apologies", "Correspondence received", "Planning applications"]


def test_declarers_without_titles_and_with_a_role_in_brackets() -> None:
    rows = _rows("SCHOOLS FORUM\n\nMinutes of the meeting held on 9 March 2026\n\n"
                 "1. Declarations of interest\n\nNaseem Begum and Gareth Lumb declared an "
                 "interest in item 5 as headteachers.\n\nJulian Marsh (Diocesan representative) "
                 "declared an interest in item 6 as a governor.\n\n5. Top-up funding\n\nNoted.\n\n"
                 "6. Growth fund\n\nNoted.\n")
    assert [(r["name"], r["item"]) for r in rows["declarations"]] == [
        ("Naseem Begum", "5"), ("Gareth Lumb", "5"), ("Julian Marsh", "6")]


def test_agreed_opening_a_numbered_paragraph_is_a_decision() -> None:
    rows = _rows("PARK BOARD\n\nMinutes of the meeting held on 9 March 2026\n\nBudget\n\n"
                 "2. Agreed, subject to one change to paragraph 14(b).\n\n"
                 "11. Ewan McAskill left the room.\n\n"
                 "12. Agreed to award a grant to the Trust.\n\nAgreed to meet again.\n")
    assert [r["text"] for r in rows["decisions"]] == [
        "subject to one change to paragraph 14(b).", "to award a grant to the Trust."]


def test_apologies_sorted_by_group_under_a_received_from_sentence() -> None:
    rows = _rows("SCHOOLS FORUM\n\nMinutes of the Meeting held on 21 January 2026\n\n"
                 "PRESENT\nSchool members:\nHugh Ambler, Rachel Dineen\n\n"
                 "1. Apologies for absence\n\nApologies providing an explanation of the reason "
                 "for the absence had been received from: -\n\nSchool members\nMark Sedgwick "
                 "(Carys Lowe attending as nominated substitute), Helen Stansfield\n\n"
                 "Non school members\nNone\n\nOfficers\nLouise Marsden\n\n"
                 "2. Disclosures of interest\n\nNone.\n")
    assert [r["name"] for r in rows["apologies"]] == [
        "Mark Sedgwick", "Helen Stansfield", "Louise Marsden"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Mark Sedgwick", "Carys Lowe")]
    assert "Louise Marsden" not in [r["name"] for r in rows["attendees"]]


def test_an_alternate_is_a_substitute() -> None:
    rows = _rows("PARTNERSHIP BOARD\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "Present: Ann Bell (Chair), Carl Dean\n\nApologies: Nadia Rahman\n\n"
                 "Cllr Tariq Hussain attended as alternate for Cllr Nadia Rahman.\n\n"
                 "1. Minutes\n\nAgreed.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Nadia Rahman", "Tariq Hussain")]


def test_recommendations_in_minutes_and_agenda_lines() -> None:
    rows = _rows("PARTNERSHIP BOARD\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "6. Growth Fund\n\n6.2 The Panel had reviewed the pipeline. It was recommended "
                 "that the Board:\n\na) approve the reallocation of the grant;\n\nb) ask the Panel "
                 "to report in May.\n\n7. Top-up rates\n\nRecommended –\n\n(1) That the rates be "
                 "adopted.\n\n8. Annual Report\nThe Authority is recommended to note the "
                 "report.\n\n"
                 "9. Applications\n(1) 6/31/25/112 – Erection of a building, Ashwell Cross. "
                 "Recommendation: refuse.\n")
    assert [(r["number"], r["text"]) for r in rows["recommendations"]] == [
        ("a", "approve the reallocation of the grant;"), ("b", "ask the Panel to report in May."),
        ("1", "That the rates be adopted."), ("", "note the report."), ("", "refuse.")]


def test_agreed_under_a_decision_heading_is_its_part() -> None:
    rows = _rows("COUNCIL\n\nMinutes of the meeting held on 28 November 2024\n\n5. Report\n\n"
                 "Decision\n\n1. Noted the contents of the report.\n\n2. Agreed to receive a "
                 "further update in March.\n")
    assert [r["kind"] for r in rows["decisions"]] == ["DECISION"]


def test_a_board_of_directors_and_its_numbered_paragraphs() -> None:
    rows = _rows("MEP BOARD OF DIRECTORS\n\nMinutes of the Meeting\n\n3 March 2026\n\n"
                 "Present: Ann Bell, Carl Dean\n\n1. Welcome\n\nNoted.\n\n2. Declarations of "
                 "Interest\n\n2.1 Priya Sandhu and Joanne Pike declared interests in Item 3.\n\n"
                 "3. Growth Fund\n\n3.1 The report was presented.\n\n3.2 Resolved: The Board "
                 "approved the recommendations.\n")
    assert rows["documents"][0]["body"].casefold() == "mep board of directors"
    assert [r["number"] for r in rows["items"]] == ["1", "2", "3"]
    assert [(r["name"], r["item"]) for r in rows["declarations"]] == [
        ("Priya Sandhu", "3"), ("Joanne Pike", "3")]


def test_declarations_run_together_with_semicolons() -> None:
    rows = _rows("COMMUNITY COUNCIL\n\nMinutes of the meeting held on 10 February 2026\n\n"
                 "In Attendance: Councillors H Rowlands (HR), T Griffiths (TG), L Ashworth (LA)\n\n"
                 "2) Declarations of Interest – HR and TG in relation to the school grant "
                 "request; Cllr L Ashworth, item 8, as a trustee of the Village Hall (personal)."
                 "\n\n8) Village Hall\nNoted.\n")
    assert [(r["name"], r["item"], r["kind"]) for r in rows["declarations"]] == [
        ("HR", "", ""), ("TG", "", ""), ("L Ashworth", "8", "personal")]
