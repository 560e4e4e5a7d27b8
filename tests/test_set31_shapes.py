"""Shapes met in blind held-out rounds (sets 31 and 32): each general, each with its own
paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "paper.txt"))


def test_apologies_not_received_are_no_apologies() -> None:
    rows = _rows(
        "Youth Council\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: Cllr A Bell, "
        "Cllr C Dee\n\n1.0 Apologies\n\nApologies were received from Ann Lowe. Apologies were "
        "not received from Georgia Halloran and Kai Mbatha.\n\n2.0 Minutes\n\nNoted.\n")
    assert [r["name"] for r in rows["apologies"]] == ["Ann Lowe"]


def test_a_member_attending_on_her_behalf_is_her_substitute() -> None:
    rows = _rows(
        "Partnership\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: Cllr A Bell, "
        "Rhodri Lewis\n\n1. Apologies\n\n- Huw Bebb\n- Catrin Owen-Jones (Rhodri Lewis "
        "attending on her behalf)\n\n2. Minutes\n\nNoted.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Catrin Owen-Jones", "Rhodri Lewis")]


def test_two_keywords_joined_by_and_are_two_decisions_but_not_inside_a_resolution() -> None:
    rows = _rows(
        "Licensing Board\n\nMinutes of the meeting held on 1 May 2025\n\n7. Forum report\n\n"
        "The Board NOTED the annual report and AGREED to respond in writing.\n\n8. Other\n\n"
        "It was RESOLVED that the report be NOTED and that the fees be AGREED.\n")
    assert [(r["item"], r["kind"], r["text"]) for r in rows["decisions"]] == [
        ("7", "NOTED", "the annual report"), ("7", "AGREED", "to respond in writing."),
        ("8", "RESOLVED", "that the report be NOTED and that the fees be AGREED.")]


def test_an_area_sub_committee_keeps_its_area_in_brackets() -> None:
    rows = _rows(
        "AREA PLANNING SUB-COMMITTEE (WEST)\n\nMinutes of the meeting held on Wednesday 11 "
        "February 2026\n\nPresent: Councillor A Bell (Chair)\n\n1. Apologies\n\nNone.\n")
    assert rows["documents"][0]["body"].casefold() == "area planning sub-committee (west)"
    special = _rows("Planning Committee (Special)\n\nMinutes of the meeting held on 1 May "
                    "2025\n\n1. Apologies\n\nNone.\n")
    assert special["documents"][0]["body"] == "Planning Committee"


def test_apologies_from_a_group_noun_before_titled_names() -> None:
    rows = _rows(
        "Board\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: Mr N Farrant, Ms T Okwu"
        "\n\n1. Welcome and Apologies for Absence\n\nApologies for absence were noted from "
        "Directors Wendy Ashcroft, Councillor Hamid Bakshi and Professor Lena Varga.\n\n"
        "2. Minutes\n\nNoted.\n")
    assert [r["name"] for r in rows["apologies"]] == [
        "Wendy Ashcroft", "Hamid Bakshi", "Lena Varga"]


def test_a_heading_over_site_visits_and_the_meeting_gives_the_meetings_date() -> None:
    rows = _rows(
        "Area Planning Sub-Committee (West)\n\nMinutes of the site visits held on Monday 9 "
        "February 2026 commencing at 9.30 am and of the meeting of the Sub-Committee held in "
        "the Council Chamber on Wednesday 11 February 2026 at 7.00 pm.\n\nPresent: Councillor "
        "A Bell\n\n1. Apologies\n\nNone.\n")
    assert rows["documents"][0]["date"] == "2026-02-11"


def test_guests_listed_under_the_item_they_came_for() -> None:
    rows = _rows(
        "Licensing Board\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: Mr D Kerr, "
        "Ms A Bell\n\nAlso in Attendance:\n\nSergeant A Mackie, Police Scotland\nItem 5.2: Mr N "
        "Drummond, Solicitor for the Applicant\nItem 5.3: Ms F Cairney, Applicant, and Mr W "
        "Boyd, Objector\n\n1. Apologies\n\nNone.\n")
    assert [(r["name"], r["role"]) for r in rows["attendees"]][3:] == [
        ("N Drummond", "Solicitor for the Applicant"), ("F Cairney", "Applicant"),
        ("W Boyd", "Objector")]


def test_a_listed_member_who_came_as_a_proxy_stays_an_attendee() -> None:
    rows = _rows(
        "Integration Joint Board\n\nMinutes of the meeting held on 1 May 2025\n\nMembers:\n\n"
        "Douglas FERRIE\n\nMorag STRACHAN\n\nI APOLOGIES FOR ABSENCE\n\nApologies: Graham "
        "TULLOCH\n\nCouncillor Morag STRACHAN attended as proxy member for Councillor Graham "
        "TULLOCH.\n\nII MINUTES\n\nNoted.\n")
    assert [r["name"] for r in rows["attendees"]] == ["Douglas FERRIE", "Morag STRACHAN"]
    assert [r["name"] for r in rows["apologies"]] == ["Graham TULLOCH"]


def test_a_body_that_joined_another_is_its_member_but_joining_a_meeting_is_not() -> None:
    rows = _rows(
        "Building Control Joint Committee\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "1. Item\n\nThe Wealdmoor Building Control Partnership had joined the South East "
        "Building Control Consortium as a member in July 2025. The Wealdmoor Partnership Board "
        "joined the meeting of the Cabinet.\n")
    assert [(r["source"], r["relation"], r["target"]) for r in rows["relations"]] == [
        ("Wealdmoor Building Control Partnership", "member_of",
         "South East Building Control Consortium")]


def test_a_title_case_keyword_with_its_colon_after_it_was() -> None:
    rows = _rows(
        "Admissions Forum\n\nMinutes of the meeting held on 1 May 2025\n\n39. CHAIR OF THE "
        "MEETING\n\nIn the absence of the Chair, it was Agreed:- That Mrs. H. Vardy be appointed "
        "Chair for this meeting only.\n\n40. REPORT\n\nThe report was Agreed by all.\n")
    assert [(r["item"], r["kind"], r["text"]) for r in rows["decisions"]] == [
        ("39", "AGREED", "That Mrs. H. Vardy be appointed Chair for this meeting only.")]


def test_minutes_recording_recommended_with_its_colon_and_that_on_one_line() -> None:
    rows = _rows(
        "Admissions Forum\n\nMinutes of the meeting held on 1 May 2025\n\n42. ADMISSIONS\n\n"
        "Recommended:- That the Cabinet Member determine the admission arrangements. |\n\n"
        "43. OTHER\n\nThe officer recommended that members read the guidance.\n")
    assert [r["text"] for r in rows["recommendations"]] == [
        "That the Cabinet Member determine the admission arrangements."]


def test_a_heading_with_a_subtitle_after_its_colon_keeps_it() -> None:
    rows = _rows(
        "Licensing Board\n\nMinutes of the meeting held on 1 May 2025\n\n4. Licensing (Scotland) "
        "Act 2005: Licences granted under delegated powers\n\nThe Board noted the list.\n\n"
        "5. Finance: Balances were checked and agreed by the members.\n")
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("4", "Licensing (Scotland) Act 2005: Licences granted under delegated powers"),
        ("5", "Finance")]


def test_a_flattened_heading_run_into_resolved_with_its_colon() -> None:
    rows = _rows(
        "Enterprise Partnership Board\n\nMinutes of the Meeting held on Tuesday, 10th February, "
        "2026\n\n2. Minutes of the meeting held on 9th December 2025 Resolved: The Board "
        "approved the minutes as an accurate record.\n\n3. Budget Resolved: The Board approved "
        "the budget.\n")
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("2", "Minutes of the meeting held on 9th December 2025"), ("3", "Budget")]
    assert [(r["item"], r["text"]) for r in rows["decisions"]] == [
        ("2", "The Board approved the minutes as an accurate record."),
        ("3", "The Board approved the budget.")]


def test_a_grid_header_over_a_label_line_with_tick_marks_side_by_side() -> None:
    rows = _rows(
        "Partnership Board\n\nMinutes of the meeting held on 18th June 2025\n\nIn attendance:\n\n"
        "NAME / ORGANISATION / Attending / NAME / ORGANISATION / Attending\nBoard Members\n"
        "Gwenllian Morgan-Thomas (Chair) / SFCBC Strategic Director / √ / Iwan Pritchard / "
        "Teifi Valley Police / √\nHuw Bebb / SFCBC Head of Education / Apols / Sian Ellis / "
        "Third Sector / √\nDafydd Rees-Hopkins / SFVA / √ / Owain Tudor / Careers Wales /\n\n"
        "1. Apologies\n\nNone.\n")
    assert [r["name"] for r in rows["attendees"]] == [
        "Gwenllian Morgan-Thomas", "Iwan Pritchard", "Sian Ellis", "Dafydd Rees-Hopkins"]
    assert [r["name"] for r in rows["apologies"]] == ["Huw Bebb"]


def test_bilingual_headings_and_copied_wingdings_bullets_in_a_slashed_paper() -> None:
    rows = _rows(
        "Children and Young People's Partnership\n\nMinutes of the meeting held on 18th June "
        "2025\n\nIn attendance:\n\nNAME / ORGANISATION / Attending\nIwan Pritchard / Teifi "
        "Valley Police / √\nRhodri Lewis / TVUHB / √\nSian Ellis / Third Sector / √\n\n"
        "1. Apologies / Ymddiheuriadau\n§ Huw Bebb\n§ Catrin Owen-Jones (Rhodri Lewis attending "
        "on her behalf)\n2. Declarations of Interest / Datganiadau o Fuddiant\n§ Sian Ellis "
        "declared a personal interest in item 5 as a trustee of Cwtsh Family Centre.\n")
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Apologies / Ymddiheuriadau"),
        ("2", "Declarations of Interest / Datganiadau o Fuddiant")]
    assert [r["name"] for r in rows["apologies"]] == ["Huw Bebb", "Catrin Owen-Jones"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Catrin Owen-Jones", "Rhodri Lewis")]
    assert [r["name"] for r in rows["declarations"]] == ["Sian Ellis"]


def test_a_body_before_an_aside_then_a_verb_phrase_and_reports_to() -> None:
    rows = _rows(
        "Building Control Joint Committee\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "1. Item\n\nThe Director reminded Members that the Partnership Board, made up of the "
        "heads of planning of the three partner authorities, continues to meet monthly and "
        "reports to the Joint Committee on operational matters.\n")
    assert [(r["source"], r["relation"]) for r in rows["relations"]] == [
        ("Partnership Board", "reports_to")]


def test_a_welsh_county_name_opening_with_sir_is_a_body_not_a_knight() -> None:
    rows = _rows(
        "Sir Frynach Children and Young People's Partnership\n\nMinutes of the meeting held on "
        "18 June 2025\n\n1. Item\n\nThis Partnership replaced the Framework Partnership in April "
        "2025 and now reports to the Sir Frynach Public Services Board (PSB). Sir John Smith "
        "reports to the Board.\n")
    assert [(r["relation"], r["target"]) for r in rows["relations"]] == [
        ("replaces", "Framework Partnership"),
        ("reports_to", "Sir Frynach Public Services Board")]


def test_the_next_meetings_date_after_its_standing_titles_colon() -> None:
    rows = _rows(
        "Partnership\n\nMinutes of the meeting held on 18 June 2025\n\n7. AOB\n\nNone.\n\n"
        "8. Date of next meeting: 17th September 2025, 1.30pm, Llanfrynach Memorial Hall\n")
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("7", "AOB"), ("8", "Date of next meeting")]
