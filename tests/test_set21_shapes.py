"""Shapes met in a blind held-out round (set 21): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "paper.txt"))


def test_honorifics_glued_to_the_name_before() -> None:
    rows = _rows("POLICING COMMITTEE\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "In attendance:\n\nCouncillor D Beattie Councillor K CarleCouncillor M Donaghy\n\n"
                 "Chief Inspector G Harkin, PSNIMs N Devine, Probation Board\n\n1. Minutes\n\n"
                 "Agreed.\n")
    assert [r["name"] for r in rows["attendees"]] == [
        "D Beattie", "K Carle", "M Donaghy", "G Harkin", "N Devine"]


def test_a_rank_attended_on_behalf_of_another() -> None:
    rows = _rows("POLICING COMMITTEE\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "Present: Councillor D Beattie\n\nApologies were received from Councillor "
                 "Fearon and Superintendent H Lowe, PSNI.\n\nInspector M Garvey attended on "
                 "behalf of Superintendent Lowe.\n\n1. Minutes\n\nAgreed.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("H Lowe", "M Garvey")]


def test_ordinary_and_reserve_members_set_as_lines() -> None:
    rows = _rows("Agenda and minutes\n\nScrutiny Committee - Tuesday 17 June 2025 7.30 pm\n\n"
                 "42.\n\nAttendance by Reserve Members\n\nMinutes:\n\nRESOLVED:  To note the "
                 "attendance of the following duly appointed Reserve Members:-\n\n"
                 "Ordinary Member\n\nReserve Member\n\nCouncillor Anita Pellow\n\nCouncillor "
                 "Graham Tisdall\n\nCouncillor Rupert Ossei\n\nCouncillor Meera Lakhani\n\n"
                 "43.\n\nDeclarations of Interest\n\nNone.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Anita Pellow", "Graham Tisdall"), ("Rupert Ossei", "Meera Lakhani")]
    assert "Anita Pellow" not in [r["name"] for r in rows["attendees"]]


def test_recommendations_to_another_body() -> None:
    rows = _rows("COMMITTEE\n\nMinutes of the meeting held on 17 June 2025\n\n41. Review\n\n"
                 "The report recommended that the Committee:-\n(a) approve the plan; and\n"
                 "(b) instruct the Manager to report.\n\n42. Rail\n\nRecommended to the Combined "
                 "Authority:\n\n(i)\tThat the programme be approved.\n\n43. Housing\n\n"
                 "RECOMMENDED: (to Cabinet)\n\nThat (1) the Council develop a framework;\n\n"
                 "(2) families are not placed in shared accommodation.\n")
    assert [(r["number"], r["text"]) for r in rows["recommendations"]] == [
        ("a", "approve the plan; and"), ("b", "instruct the Manager to report."),
        ("i", "That the programme be approved."), ("1", "the Council develop a framework;"),
        ("2", "families are not placed in shared accommodation.")]


def test_an_item_number_opening_a_heading_is_no_part_of_a_name() -> None:
    rows = _rows("PARTNERSHIP\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "PCSP/045/2025 POLICING COMMITTEE - UPDATE\n\nThe Policing Committee reports "
                 "to the Partnership.\n\nVIII PERFORMANCE AND AUDIT COMMITTEE - REPORT\n\nThe "
                 "Performance and Audit Committee met in September.\n")
    names = {r["body"].casefold() for r in rows["bodies"]}
    assert {"policing committee", "performance and audit committee"} <= names
    assert not any("/" in n or n.startswith("viii") for n in names)


def test_a_membership_list_ends_before_a_clause_of_its_own() -> None:
    rows = _rows("COUNCIL\n\nMinutes of the meeting held on 3 March 2026\n\n1. Town centre\n\n"
                 "The Chief Executive reported that the Drumcarrow Town Centre Partnership "
                 "includes representatives from Kilbrannon District Council, the Drumcarrow "
                 "Chamber of Trade and the Kilbrannon Rural Network, and would hold its first "
                 "meeting on 4 November 2025.\n")
    assert {r["source"] for r in rows["relations"] if r["relation"] == "member_of"} == {
        "Kilbrannon District Council", "Drumcarrow Chamber of Trade", "Kilbrannon Rural Network"}


def test_declarations_under_an_agenda_items_number_and_title_end() -> None:
    rows = _rows("Agenda and minutes\n\nScrutiny Committee - Tuesday 17 June 2025 7.30 pm\n\n"
                 "41.\n\nRecommendation I: Scrutiny Review of Temporary Accommodation\n\n"
                 "Minutes:\n\nThe Committee received the report.\n\n43.\n\nDeclarations of "
                 "Interest\n\nMinutes:\n\nRESOLVED:  To note that the following interests were "
                 "declared:\n\nAgenda Item 9 – Scrutiny Review of Temporary Accommodation\n\n"
                 "Councillor Graham Tisdall declared a personal interest in that he was a "
                 "landlord.\n")
    assert [(r["name"], r["item"]) for r in rows["declarations"]] == [("Graham Tisdall", "41")]


def test_a_group_set_up_for_a_year_reporting_to_a_committee() -> None:
    rows = _rows("COMBINED AUTHORITY\n\nMinutes of the meeting held on 3 March 2026\n\n"
                 "1. Bus services\n\nRESOLVED:\n\n(c) That a Local Bus Working Group be "
                 "re-established for the municipal year 2025/26, reporting to the Transport "
                 "Committee, with the terms of reference set out in Appendix 1.\n")
    assert [(r["source"], r["relation"], r["target"]) for r in rows["relations"]] == [
        ("Local Bus Working Group", "reports_to", "Transport Committee")]


def test_a_body_that_remained_accountable() -> None:
    rows = _rows("COMMUNITY HEALTH PARTNERSHIP COMMITTEE\n\nMinutes of the meeting held on 3 "
                 "March 2026\n\n1. Locality planning\n\nThe report advised that the Deeside "
                 "Locality Planning Group would report to the Committee from January 2026, and "
                 "that the Committee itself remained accountable to the NHS Strathdee Board.\n")
    assert ("COMMUNITY HEALTH PARTNERSHIP COMMITTEE", "reports_to", "NHS Strathdee Board") in {
        (r["source"], r["relation"], r["target"]) for r in rows["relations"]}


def test_it_after_a_second_clause_is_its_last_object() -> None:
    rows = _rows("ARDMOYLE POLICING AND COMMUNITY SAFETY PARTNERSHIP\n\nMinutes of the meeting "
                 "held on 3 March 2026\n\n1. Structures\n\nMembers were reminded that the "
                 "Partnership replaced the former Ardmoyle District Policing Partnership in 2012, "
                 "and that the Anti-Social Behaviour Forum sits below the PCSP and reports into "
                 "it each quarter.\n")
    found = {(r["source"], r["relation"], r["target"]) for r in rows["relations"]}
    assert ("Anti-Social Behaviour Forum", "reports_to",
            "ARDMOYLE POLICING AND COMMUNITY SAFETY PARTNERSHIP") in found
    assert ("Anti-Social Behaviour Forum", "reports_to",
            "Ardmoyle District Policing Partnership") not in found
