"""Layouts of held-out set 11, one mechanism a test: attendance grids and tables, label
lines, agenda-verb item titles, the chair named in the label line. Every paper is invented."""

from __future__ import annotations

import pytest

from pipeline.extractors.items.headings import extract_items
from pipeline.extractors.people.attendance import extract_attendance
from pipeline.extractors.people.names import is_name
from pipeline.readers.text import parse_text


def run(*lines: str) -> dict[str, list[dict]]:
    return extract_attendance(parse_text("\n".join(lines) + "\n", "t.txt"))


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


def test_grid_of_upper_case_initialled_names_and_a_not_present_row() -> None:
    result = run(
        "Meeting\tORCHARD HEY SAFEGUARDING PARTNERSHIP\tVenue\tROOM 2",
        "Present\tA BLYTHE,\tC DUNMORE,\tE FARRAND,",
        "\tG HALLAM,\tDR IREMONGER,\tJ KELSALL",
        "In Attendance\tL MABERLY\t\t",
        "Not Present\tN OAKLEY,\tP QUARMBY\t\t",
        "",
        "No.\tItem\tAction",
        "1\tApologies\t• R Sandham",
        "\t\t• T Ulverston",
        "2\tMinutes\t• Approved.")
    assert names(result["attendees"]) == ["A BLYTHE", "C DUNMORE", "E FARRAND", "G HALLAM",
                                          "IREMONGER", "J KELSALL", "L MABERLY"]
    # 'Not Present' is an absence (recorded nowhere), not a person; the apologies start in
    # the item row's own cell
    assert names(result["apologies"]) == ["R Sandham", "T Ulverston"]


def test_initials_before_an_upper_case_surname_read_as_a_name() -> None:
    assert is_name("H ABERNETHY") and is_name("J.W. MOXON")
    assert not is_name("A NHS") and not is_name("B COUNCIL") and not is_name("QA TEAM")


def test_attendance_table_with_an_apologies_mark_column() -> None:
    result = run(
        "1. Attendance, Apologies & Governance",
        "",
        "KSAB Members\tTitle\tRepresenting\tApols",
        "Wendy Arkwright (WA)\tIndependent Chair\tKSAB\t",
        "Cllr Tom Beddoes (TB)\tLead Member for Adults\tKelby Council\tApols",
        "Ruth Cawley (RC)\tHead of Safeguarding\tKelby ICB\t",
        "Guests\t\t\t",
        "Sam Dimmock (SD)\tReview Author\t\t",
        "",
        "2. Minutes",
        "Agreed as a record.")
    assert names(result["attendees"]) == ["Wendy Arkwright", "Ruth Cawley", "Sam Dimmock"]
    assert names(result["apologies"]) == ["Tom Beddoes"]
    guest = result["attendees"][-1]
    assert guest["capacity"] == "other"


def test_with_councillor_in_the_chair_there_were_present() -> None:
    result = run(
        "Minutes of the Netherby Parish Council Meeting held on 2 May 2024.",
        "Attendance: With Councillor D Ormsby in the Chair there were present:",
        "Cllrs B Pryor, S Quayle and T Rudge.",
        "",
        "1. To receive apologies.",
        "None.")
    assert sorted(names(result["attendees"])) == ["B Pryor", "D Ormsby", "S Quayle", "T Rudge"]
    assert next(r for r in result["attendees"] if r["name"] == "D Ormsby")["role"] == "Chair"


def test_agenda_verb_titles_without_to() -> None:
    text = ("MINUTES OF THE MEETING OF FENBY PARISH COUNCIL\n\n"
            "F12:05/24 Receive apologies and accept valid reasons for absence.\n"
            "Apologies were received from Cllr Ames.\n\n"
            "F13:05/24 Receive declarations of interest in accordance with the Localism Act 2011.\n"
            "None.\n\n"
            "F14:05/24 To review the action log.\nNoted.\n")
    found = [(i["number"], i["title"]) for i in extract_items(parse_text(text, "t.txt"))["items"]]
    assert [n for n, _ in found] == ["F12:05/24", "F13:05/24", "F14:05/24"]
    # a numbered sentence in the past tense stays no item
    text = "1. Apologies\nNone.\n\n2. Received the report of the clerk.\n\n3. Minutes\nAgreed.\n"
    assert [i["number"] for i in extract_items(parse_text(text, "t.txt"))["items"]] == ["1", "3"]


def test_minutes_from_a_meeting_and_meeting_notes_are_minutes() -> None:
    from pipeline.extractors.sections.metadata import extract_metadata
    for head in ("Minutes from KSAB Board Meeting: 9th October 2024",
                 "Meeting Notes\n\nMeeting Title: Kelby Children's Board Meeting\n"
                 "Date: 17 September 2024"):
        text = head + "\n\n1) Introductions and apologies\n; The Board noted the apologies.\n"
        assert extract_metadata(parse_text(text, "t.txt"))["kind"] == "minutes", head


def test_a_one_office_label_gives_its_role_to_its_own_line_only() -> None:
    result = run(
        "Minutes of the Kelby Board meeting held on 3 May 2024",
        "Chaired by: Nora Pendle (Kelby Council)",
        "Ralph Quill (Kelby Police)    Selina Rowe (Kelby ICB)",
        "Apologies:",
        "Tariq Umber (Probation)",
        "",
        "1) Introductions",
        "; Noted.")
    rows = {r["name"]: r["role"] for r in result["attendees"]}
    assert rows == {"Nora Pendle": "Chair", "Ralph Quill": "", "Selina Rowe": ""}
    assert names(result["apologies"]) == ["Tariq Umber"]


def test_lettered_items_in_brackets_but_not_lettered_decision_parts() -> None:
    text = ("LICENSING SUB-COMMITTEE\n\nMinutes of a meeting held on 3rd March, 2025.\n\n"
            "(a)       Appointment of Chairman\n\nCouncillor A. Bryn was elected Chairman.\n\n"
            "(b)       Declarations of Interest\n\nNo declarations were received.\n\n"
            "(c)       Application for a Premises Licence - The Anchor, Quay Road\n\n"
            "RESOLVED - (1) THAT the application be granted.\n\n"
            "(2) THAT a condition be attached.\n")
    found = [(i["number"], i["title"]) for i in extract_items(parse_text(text, "t.txt"))["items"]]
    assert [n for n, _ in found] == ["(a)", "(b)", "(c)"]
    text = ("1. Planning application\n\nRESOLVED:\n\n(a) That the application be granted.\n\n"
            "(b) That the conditions be attached.\n\n2. Date of next meeting\n\n4 May.\n")
    assert [i["number"] for i in extract_items(parse_text(text, "t.txt"))["items"]] == ["1", "2"]


def test_a_header_row_of_label_value_pairs_names_the_body_and_a_pack_item_number_no_item() -> None:
    from pipeline.extractors.sections.metadata import extract_metadata
    from pipeline.model import BlockKind
    from pipeline.model.document import DocumentBuilder

    builder = DocumentBuilder("t.docx", "docx")
    builder.add(BlockKind.HEADING, "Item 4.2")
    table = builder.new_table()
    for row in ("Meeting\tORCHARD HEY SAFEGUARDING PARTNERSHIP\tVenue\tROOM 2 MILL HOUSE",
                "Date\tTUESDAY 4TH MARCH 2025\tStart Time 10.00AM\tFinish Time 12.00NOON",
                "No.\tItem\tAction",
                "1\tApologies\t• R Sandham",
                "2\tMinutes of the Meeting held on 2 December 2024\t• Approved.",
                "3\tThreshold Review\tAGREED: that the review be adopted."):
        builder.add(BlockKind.TABLE_ROW, "", cells=row.split("\t"), table=table)
    document = builder.build()
    assert extract_metadata(document)["body"] == "ORCHARD HEY SAFEGUARDING PARTNERSHIP"
    assert [i["number"] for i in extract_items(document)["items"]] == ["1", "2", "3"]


def test_cyngor_sir_is_an_organisation_not_a_knight() -> None:
    result = run(
        "Minutes of the Dyffryn Arian Public Services Board held on 3 June 2024",
        "Present:",
        "Councillor Elen Prys (Chair) – Leader, Cyngor Sir Arianwy",
        "Gethin Rhys – Chief Executive, Cyngor Sir Arianwy",
        "Sir Tomos Bevan – Chair, Arianwy Housing Trust",
        "",
        "1. Apologies",
        "None.")
    assert names(result["attendees"]) == ["Elen Prys", "Gethin Rhys", "Tomos Bevan"]
    assert result["attendees"][1]["organisation"] == "Cyngor Sir Arianwy"


def test_item_number_glued_to_a_label_and_its_list() -> None:
    text = ("TORRAN HARBOUR TRUST\n\nMinutes of Directors Meeting held on Thursday 6 March 2025\n\n"
            "Present: R. Moar (Chair); D. Gair; H. Sween\n\n"
            "1.Apologies: C. Lennie; M. Spittal\n\n"
            "2.Declarations of Interest: D. Gair declared an interest in item 3 as a supplier.\n\n"
            "3.Fuel Berth: Agreed: the lowest quotation be accepted.\n")
    document = parse_text(text, "t.txt")
    assert names(extract_attendance(document)["apologies"]) == ["C. Lennie", "M. Spittal"]
    found = [(i["number"], i["title"]) for i in extract_items(document)["items"]]
    assert found[0] == ("1", "Apologies")


def test_a_declarer_named_by_initial_and_surname() -> None:
    from pipeline.extractors.people.declaration_parts import declarers
    assert declarers("D. Gair ") == [("D. Gair", 0, 7)]
    assert declarers("(a) Councillor Bell ") == [("Bell", 4, 19)]


def test_a_declaration_naming_the_agenda_item_by_number_and_title_after_a_comma() -> None:
    from pipeline.extractors.people.declarations import extract_declarations

    text = ("MINUTES OF THE TORRAN HARBOUR BOARD held on 3 March 2025\n\n"
            "12. DECLARATIONS OF INTEREST\nCouncillor Veor declared a personal interest in "
            "agenda item 6, Harbour Report, as a member of the Sailing Club. Councillor Veor "
            "also declared a personal interest in agenda item 8, Quay Repairs, as an "
            "acquaintance of a director.\n\n13. HARBOUR REPORT\nNoted.\n\n"
            "14. QUAY REPAIRS\nNoted.\n")
    document = parse_text(text, "t.txt")
    items = extract_items(document)["items"]
    rows = extract_declarations(document, items)
    assert [(r["name"], r["item"]) for r in rows] == [("Veor", "13"), ("Veor", "14")]


def test_ranks_of_the_services_and_community_councillors() -> None:
    result = run(
        "MINUTES of the TORRAN HARBOUR BOARD held on Monday 3rd March 2025",
        "In Attendance:Miss R Penrose (Clerk to the Board)",
        "Captain J Trask (Harbour Master)",
        "",
        "1. APOLOGIES",
        "Apologies were received from CClrs Ruddock and Menzies, and from SC Cllr Baird.")
    assert names(result["attendees"]) == ["R Penrose", "J Trask"]
    assert names(result["apologies"]) == ["Ruddock", "Menzies", "Baird"]


def test_attendance_told_in_the_welcome_item() -> None:
    result = run(
        "Minute of the Glenaird Community Council (GCC) Meeting held on 12th March 2025",
        "",
        "1. Welcome: In the absence of the Chair - CClr Ross, CClr Baird-Lyle, Vice Chair, "
        "chaired the meeting; he welcomed CClrs Gunn and Petrie. CClr Dow later joined the "
        "meeting for Agenda Item 4 onwards. Also in attendance were Strathaird Council (SC) "
        "Cllrs Moffat and Orr, and 4 members of the public.",
        "",
        "2. Apologies: Apologies were received from CClr Ross.",
        "",
        "3. Planning: The Chair welcomed the news that the application had been refused.")
    assert sorted(names(result["attendees"])) == ["Baird-Lyle", "Dow", "Gunn", "Moffat", "Orr",
                                                  "Petrie"]
    assert names(result["apologies"]) == ["Ross"]


def test_five_digit_running_minute_numbers_and_glued_capital_titles() -> None:
    text = ("Minutes of the meeting of Ashby Vale Town Council held on Monday, 3rd March 2025\n\n"
            "PRESENT: Councillor D. Penrose (chairman), Councillors J. Gill and S. Wray.\n\n"
            "15310 CHAIRMAN'S ANNOUNCEMENTS\nNone.\n\n15311 CARNIVAL GRANT\n"
            "RESOLVED that a grant be made.\n\n15312 DATE OF NEXT MEETING\nNoted.\n\n"
            "There were 10000 people at the carnival.\n")
    found = [i["number"] for i in extract_items(parse_text(text, "t.txt"))["items"]]
    assert found == ["15310", "15311", "15312"]
    text = ("SCRUTINY PANEL\n\n12 MARCH 2025\n\nMINUTES\n\n1.ELECTION OF CHAIRMAN\n\nAGREED:\n\n"
            "A B Cole was appointed Chairman.\n\n2.SCOPING DOCUMENTS\n\nAGREED:\n\nSupported.\n")
    found = [(i["number"], i["title"]) for i in extract_items(parse_text(text, "t.txt"))["items"]]
    assert found == [("1", "ELECTION OF CHAIRMAN"), ("2", "SCOPING DOCUMENTS")]


def test_a_paragraph_of_attendance_with_offices_in_lower_case_and_a_memo_header() -> None:
    result = run(
        "To: All Members of the County Council        From: County Secretary's Department",
        "    All Chief Officers                       Ask For: Hana Merton",
        "",
        "Minutes of the meeting of Ashby Vale Town Council held on Monday, 3rd March 2025",
        "",
        "PRESENT: Councillor D. Penrose (chairman), who presided, Councillors Mrs G. Gill and "
        "S. Wray, and the clerk A. Bramble and the assistant to the clerk Mrs J. Thorpe. There "
        "were apologies from Councillor P. Crabb.",
        "",
        "Councillors Ibson and Kell attended the meeting in accordance with Procedure Rule 37.",
        "",
        "1. MINUTES",
        "Approved.")
    rows = {r["name"]: r["role"] for r in result["attendees"]}
    assert set(rows) == {"D. Penrose", "G. Gill", "S. Wray", "A. Bramble", "J. Thorpe", "Ibson",
                         "Kell"}
    assert rows["A. Bramble"] == "clerk" and rows["Ibson"] == ""
    assert names(result["apologies"]) == ["P. Crabb"]


def test_an_agenda_membership_list_is_no_attendance_for_those_who_sent_apologies() -> None:
    result = run(
        "A meeting of the Tamar Vale Crematorium Joint Committee will be held on 2 May 2025.",
        "Members: Representing Tamar Vale Council",
        "Councillors Ashe, Eddy and Yeo (Chairman).",
        "",
        "Minutes of a meeting of the TAMAR VALE CREMATORIUM JOINT COMMITTEE held on 2 May 2025",
        "Present: Representing Tamar Vale Council",
        "Councillors Eddy and Yeo (Chairman)",
        "",
        "1. APOLOGIES FOR ABSENCE",
        "Apologies for absence were received from Councillor Ashe.")
    assert sorted(names(result["attendees"])) == ["Eddy", "Yeo"]
    assert names(result["apologies"]) == ["Ashe"]


def test_a_welsh_community_council_page_with_codes_and_a_three_line_heading() -> None:
    from pipeline.extractors.people.declarations import extract_declarations
    from pipeline.extractors.sections.metadata import extract_metadata

    text = ("CYNGOR CYMUNED\nGLAN ARIAN\nCOMMUNITY COUNCIL\n\nMinutes of the Council Meeting,\n"
            "11th March 2025 Venue, Church House\n\nIn Attendance\n"
            "Councillors G Price (GP) Chair, M Rowe (MR) vice-chair, C Bayne (CB) E Wynne (EW), "
            "D Court (DC), Lowri Pugh (LP), the temporary clerk, was in attendance.\n"
            "1) Apologies – Councillors S Dale, N Teg and B Ellis.\n"
            "2) Declarations of Interest – MR and EW in relation to the Cae Coch field lease\n"
            "3) Cae Coch field lease\nRESOLVED to renew the lease.\n")
    document = parse_text(text, "t.txt")
    assert extract_metadata(document)["body"].casefold() == "glan arian community council"
    result = extract_attendance(document)
    rows = {r["name"]: r["role"] for r in result["attendees"]}
    assert "D Court" in rows and rows["Lowri Pugh"] == "the temporary clerk"
    assert names(result["apologies"]) == ["S Dale", "N Teg", "B Ellis"]
    items = extract_items(document)["items"]
    assert [(i["number"], i["title"]) for i in items][:2] == [
        ("1", "Apologies"), ("2", "Declarations of Interest")]
    assert [(r["name"], r["item"]) for r in extract_declarations(document, items)] == [
        ("MR", "3"), ("EW", "3")]


def test_young_members_by_forename_with_their_schools_initials() -> None:
    result = run(
        "Youth Forum - Wednesday 12th February 2025 4.30 pm",
        "",
        "1. Welcomes, Introductions and Apologies",
        "Present: Hollie (KC), Kamran (BC), Morven Walker (adult co-chair), Aimee Lusk (WNC)",
        "Apologies: Honey (NSB), Ruvimbo (NSB)",
        "",
        "2. Minutes",
        "Agreed: a correct record.")
    assert names(result["attendees"]) == ["Hollie", "Kamran", "Morven Walker", "Aimee Lusk"]
    assert names(result["apologies"]) == ["Honey", "Ruvimbo"]
    assert names(run("Present: Treasury (HMT)", "", "1. Minutes", "Agreed.")["attendees"]) == []


def test_a_later_meetings_date_is_no_meeting_date_and_an_agenda_table_is_an_agenda() -> None:
    from pipeline.extractors.sections.metadata import extract_metadata

    text = ("No. | Item |\nIntroduction & Apologies Minutes: Nine members were present for the "
            "meeting. Apologies were received from Mel Ward. |\nMeeting format Minutes: Tyrone "
            "Hall agreed to chair the next meeting on 11th March 2025. |\n")
    assert extract_metadata(parse_text(text, "t.txt"))["date"] == ""
    text = ("Fire and Rescue Authority\n\n16 April 2025\n\n"
            "Item no.\tAgenda Item\tDetails\tStatus\n01\tApologies for Absence\t\t\n"
            "02\tMinutes\tMembers are asked to agree the minutes.\tFor decision\n")
    meta = extract_metadata(parse_text(text, "t.txt"))
    assert (meta["kind"], meta["date"]) == ("agenda", "2025-04-16")


def test_apologies_go_on_after_a_named_substitute() -> None:
    result = run("61 Apologies for Absence and Named Substitutes",
                 "Apologies were received from Cllr. R. Penn with Cllr H. Dale attending as his "
                 "substitute, and from Cllr. S. Oke.")
    assert names(result["apologies"]) == ["R. Penn", "S. Oke"]
    assert [(r["member"], r["substitute"]) for r in result["substitutes"]] == [("R. Penn",
                                                                                "H. Dale")]


def test_a_record_of_decisions_taken_on_a_date_dates_the_meeting() -> None:
    from pipeline.extractors.sections.metadata import extract_metadata

    text = ("CABINET MEMBER FOR PARKS – DECISION MEETING\n\nRecord of decisions taken on Tuesday "
            "18 March 2025 at County Hall, Ashbourne Road, Wellsby, in the Committee Room\n\n"
            "1. Play Area Review\n\nDecision: To approve the review.\n")
    assert extract_metadata(parse_text(text, "t.txt"))["date"] == "2025-03-18"


RELATION_SHAPES = [
    (  # seats per organisation
        "Report to: Safer Tollbridge Partnership Board\n\n4. Membership\n\n"
        "4.1 The Board comprises two members appointed by Tollbridge District Council, "
        "one by Marchfield County Council and one by Marchfield Police.\n\n"
        "4.2 The Youth Forum has three places on the agenda each year.\n",
        {"kind": "report", "body": "Safer Tollbridge Partnership Board", "date": ""},
        {(org, "member_of", "Safer Tollbridge Partnership Board") for org in (
            "Tollbridge District Council", "Marchfield County Council", "Marchfield Police")}),
    (  # reports to each meeting of a body
        "Glenaird Community Council\n\nMinute of the Glenaird Community Council (GCC) "
        "Meeting\n\n5. Planning: CClr Dow reported that the GCC Roads Sub-Group, which "
        "reports to each meeting of the Community Council, had commented on the plan.\n",
        {"kind": "minutes", "body": "Glenaird Community Council", "date": ""},
        {("GCC Roads Sub-Group", "reports_to", "Glenaird Community Council")}),
    (  # reports jointly to two bodies
        "Report to: Kelby Health and Wellbeing Board\n\nGovernance\n\nThe Children's "
        "Partnership reports jointly to the Board and to the Kelby Safeguarding Children "
        "Partnership.\n",
        {"kind": "report", "body": "Kelby Health and Wellbeing Board", "date": ""},
        {("Children's Partnership", "reports_to", "Kelby Health and Wellbeing Board"),
         ("Children's Partnership", "reports_to", "Kelby Safeguarding Children Partnership")}),
]


@pytest.mark.parametrize(("text", "meta", "expected"), RELATION_SHAPES)
def test_relation_shapes(text: str, meta: dict, expected: set) -> None:
    """Seats per organisation ('comprises two members appointed by A, one by B'), 'reports
    to each meeting of' a body, 'reports jointly to the Board and to X'."""
    from pipeline.extractors.bodies.structure import extract_structure

    rows = extract_structure(parse_text(text, "t.txt"), meta)
    assert {(r["source"], r["relation"], r["target"]) for r in rows["relations"]} == expected
