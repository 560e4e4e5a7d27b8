"""Shapes met in blind held-out rounds (sets 29 and 30): each general, each with its own
paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def test_a_hard_wrapped_line_ending_in_and_goes_on_with_a_capital() -> None:
    document = parse_text(
        "Schools Forum\n\n6. Falling Rolls Fund\n\n"
        " RESOLVED that allocations from the Fund be approved for Ashby Lane Primary and\n"
        " Hollins Brook Academy, and that the bid from Greave Clough Junior be deferred.\n\n"
        "Present:\nCllr A Bell\nDr C Dee\n| Sana Qureshi | Public | A\n| Ben Ross | Clerk | P\n",
        "forum.txt")
    texts = [block.text for block in document.blocks]
    assert "RESOLVED that allocations from the Fund be approved for Ashby Lane Primary and " \
        "Hollins Brook Academy, and that the bid from Greave Clough Junior be deferred." in texts
    assert "Cllr A Bell" in texts and "Dr C Dee" in texts  # a name's initial is no article
    rows = extract_document(document)
    assert rows["decisions"][0]["text"].endswith("be deferred.")


def test_minute_codes_with_a_body_prefix_and_a_year_run_on_their_last_number() -> None:
    rows = extract_document(parse_text(
        "Integrated Care Board\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "ICB/25/40 WELCOME\n\nText here.\n\nICB/25/41 DECLARATIONS OF INTEREST\n\nNone.\n\n"
        "ICB/25/42 FINANCE REPORT\n\nRESOLVED: That the report be noted.\n", "icb.txt"))
    assert [r["number"] for r in rows["items"]] == ["ICB/25/40", "ICB/25/41", "ICB/25/42"]
    assert rows["decisions"][0]["item"] == "ICB/25/42"


def test_a_resolution_label_then_a_tab_heads_the_text_beside_it_and_its_parts_below() -> None:
    rows = extract_document(parse_text(
        "Joint Committee\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "4.\tMINUTES OF PREVIOUS MEETING\n\nRESOLVED:\tthat the Minutes be approved.\n\n"
        "5.\tGOVERNANCE\n\nRESOLVED:\t1. That the Sub-Committee be established;\n\n"
        "2. That its terms be approved.\n\n6.\tREVIEW\n\nMember\tStatus\tNote\n"
        "Cllr A Bell\tAgreed\tJB\n", "cjc.txt"))
    assert [(r["item"], r["text"]) for r in rows["decisions"]] == [
        ("4", "that the Minutes be approved."),
        ("5", "1. That the Sub-Committee be established;\n2. That its terms be approved.")]


def test_initials_run_into_surnames_in_label_and_tab_rows() -> None:
    rows = extract_document(parse_text(
        "Joint Committee\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "Chairperson:\tCouncillor D.W.Pritchard-Evans\n"
        "Councillors:\tS.A.Mathias and G.Probert (substitute for Councillor E.Bowen)\n"
        "Officers In Attendance:\tN.Prosser, Mrs K.Harries-Lloyd and C.Maddox\n"
        "Democratic Services:\tMs A.Gwilym\n\n1.\tAPOLOGIES\n\nNone.\n", "cjc.txt"))
    assert [(r["name"], r["capacity"]) for r in rows["attendees"]] == [
        ("D.W.Pritchard-Evans", "member"), ("S.A.Mathias", "member"), ("G.Probert", "member"),
        ("N.Prosser", "officer"), ("K.Harries-Lloyd", "officer"), ("C.Maddox", "officer"),
        ("A.Gwilym", "officer")]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("E.Bowen", "G.Probert")]


def test_a_declarations_table_row_citing_its_agenda_item_in_the_details() -> None:
    rows = extract_document(parse_text(
        "Joint Committee\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "3.\tDECLARATIONS OF INTEREST\n\nThe following Members declared an interest:\n\n"
        "Councillor G.Probert\tRe: Agenda Item 7 – Regional Transport Plan, as he is employed "
        "by a bus operator. Personal and prejudicial interest.\n\n6.\tPLAN\n\nNoted.\n\n"
        "7.\tTRANSPORT\n\nNoted.\n", "cjc.txt"))
    assert [(r["name"], r["item"], r["kind"]) for r in rows["declarations"]] == [
        ("G.Probert", "7", "prejudicial")]


def _people(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "sacre.txt"))


def test_an_apologies_list_resumes_after_a_clause_naming_a_substitute() -> None:
    rows = _people(
        "SACRE\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: Councillor A Bell, "
        "Mr Lindqvist\n\n2. Apologies for Absence\n\nApologies for absence were received from "
        "Mrs Pope, Ms Okafor who was substituted by Mr Lindqvist, Councillor Lionel Garside "
        "and Anjali Patel.\n\n3. MINUTES\n\nNoted.\n")
    assert [r["name"] for r in rows["apologies"]] == [
        "Pope", "Okafor", "Lionel Garside", "Anjali Patel"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Okafor", "Lindqvist")]


def test_a_proxy_member_stands_in_as_a_substitute() -> None:
    rows = _people(
        "Integration Joint Board\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: "
        "Councillor Morag STRACHAN, Councillor A Bell\n\nApologies: Councillor Graham TULLOCH"
        "\n\nCouncillor Morag STRACHAN attended as proxy member for Councillor Graham TULLOCH."
        "\n\n1. MINUTES\n\nNoted.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Graham TULLOCH", "Morag STRACHAN")]


def test_an_nhs_board_named_for_two_places_is_one_body() -> None:
    rows = extract_document(parse_text(
        "Integrated Care Board\n\nMinutes of the meeting held on 1 May 2025\n\n1. Item\n\n"
        "NHS Hartmoor and Wyvern Integrated Care Board replaced NHS Hartmoor Clinical "
        "Commissioning Group.\n\nNHS Westdale and Westdale Third Sector Interface report to "
        "the Westdale Partnership Board.\n", "icb.txt"))
    assert [(r["source"], r["relation"], r["target"]) for r in rows["relations"]] == [
        ("NHS Hartmoor and Wyvern Integrated Care Board", "replaces",
         "NHS Hartmoor Clinical Commissioning Group"),
        ("NHS Westdale", "reports_to", "Westdale Partnership Board"),
        ("Westdale Third Sector Interface", "reports_to", "Westdale Partnership Board")]


def test_a_body_named_before_an_indefinite_apposition_is_the_relative_clause_subject() -> None:
    rows = extract_document(parse_text(
        "Local Pension Board\n\nMinutes of the meeting held on 1 May 2025\n\n1. Item\n\n"
        "The Pensions Administration Working Group, an officer group which reports to the "
        "Local Pension Board, reviewed the late contribution cases.\n", "lpb.txt"))
    assert [(r["source"], r["relation"], r["target"]) for r in rows["relations"]] == [
        ("Pensions Administration Working Group", "reports_to", "Local Pension Board")]


def test_an_item_heading_run_on_into_names_with_their_bodies_in_brackets() -> None:
    rows = extract_document(parse_text(
        "Harbour Trust\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "1.Apologies:   N. Baikie; J. Slessor; P. Wishart (Kilbrannan Community Council)\n\n"
        "2.Harbour security:   Inspector Dalgety reported on the patrols.\n", "trust.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Apologies"), ("2", "Harbour security")]


def test_a_membership_of_so_many_members_each_from_each_council() -> None:
    rows = extract_document(parse_text(
        "Joint Health Overview and Scrutiny Committee\n\nMinutes of the meeting held on 1 May "
        "2025\n\n1. Terms of reference\n\nThe Joint Health Overview and Scrutiny Committee "
        "comprises four members each from Calderwick City Council and Ormsby County Council.\n",
        "jhosc.txt"))
    assert [(r["source"], r["relation"]) for r in rows["relations"]] == [
        ("Calderwick City Council", "member_of"), ("Ormsby County Council", "member_of")]


def test_a_packs_item_stamp_before_the_body_on_the_first_line_of_its_minutes() -> None:
    rows = extract_document(parse_text(
        "Item 2 National Park Authority Planning Committee\n\nPublic Minutes of the meeting "
        "held at Moorgate House on Thursday 19 February 2026.\n\nPresent: Graham Ackroyd, "
        "Wendy Bellerby\n\n11/26 Minutes\n\nResolved: That the minutes be approved.\n\n"
        "12/26 Members Interests\n\nNone.\n", "npa.txt"))
    assert rows["documents"][0]["body"] == "National Park Authority Planning Committee"
    assert [r["number"] for r in rows["items"]] == ["11/26", "12/26"]


def test_the_trust_in_a_trusts_own_minutes_is_the_paper_body() -> None:
    rows = extract_document(parse_text(
        "KILBRANNAN HARBOUR TRUST\n\nMinute of Directors' meeting held on Thursday 12 June 2025"
        "\n\n1. Item\n\nThe Chair reported that the Trust is a member of the British Ports "
        "Association and of the Kilbrannan Coastal Partnership.\n", "trust.txt"))
    assert [(r["source"], r["relation"], r["target"]) for r in rows["relations"]] == [
        ("KILBRANNAN HARBOUR TRUST", "member_of", "British Ports Association"),
        ("KILBRANNAN HARBOUR TRUST", "member_of", "Kilbrannan Coastal Partnership")]


def test_and_that_after_a_list_of_bodies_opens_a_new_clause() -> None:
    rows = extract_document(parse_text(
        "Tenants' and Residents' Scrutiny Panel\n\nMinutes of the meeting held on Thursday 12 "
        "June 2025\n\n1. Item\n\nJG reminded members that the Panel reports to the Housing "
        "Improvement Board, which in turn reports to the Council's Cabinet, and that the Panel "
        "replaced the former Thornleigh Tenants' Forum in April 2019.\n", "panel.txt"))
    assert [(r["source"], r["relation"], r["target"]) for r in rows["relations"]] == [
        ("Tenants' and Residents' Scrutiny Panel", "reports_to", "Housing Improvement Board"),
        ("Housing Improvement Board", "reports_to", "Cabinet"),
        ("Tenants' and Residents' Scrutiny Panel", "replaces", "Thornleigh Tenants' Forum")]


def test_a_body_before_an_aside_that_holds_a_list_of_posts() -> None:
    rows = extract_document(parse_text(
        "Cwm Dulas Crematorium Joint Committee\n\nMinutes of the meeting held on Thursday 12 "
        "June 2025\n\n1. Item\n\nThe Crematorium Management Group, comprising the "
        "Superintendent Registrar, the Bereavement Services Manager and the Technical Officer, "
        "reports to the Joint Committee on operational matters at each meeting.\n", "crem.txt"))
    assert [(r["source"], r["relation"]) for r in rows["relations"]] == [
        ("Crematorium Management Group", "reports_to")]
