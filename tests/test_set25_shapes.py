"""Shapes met in a blind held-out round (set 25): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.model import BlockKind
from pipeline.readers.aligned_tables import aligned_tables
from pipeline.readers.text import parse_text

MEETING_PAGE = """Northmoor Fire Authority

Meeting Details

Audit Committee
3 March 2026 - 14:00 to 15:30

Agenda

Agenda Items
1 Apologies for Absence
To receive any apologies.
41
Apologies were received from Cllr B Hatt.
2 Minutes
To confirm the minutes of the last meeting.
42
RESOLVED that the minutes be confirmed.
3 Internal Audit Plan
To approve the plan.
43
RESOLVED that the plan be approved.

Attendance

Name                     Role               Attendance
Cllr P Rowntree          Chairman           Present
Cllr B Hatt              Member             Apologies
Cllr Q Ibbotson-Lyle     Member             Present
Cllr M Esterhuizen       Substitute         Present as substitute for Cllr B Hatt
Superintendent Harold    Member             Present
Okonkwo-Baird

Officers
Name                     Role                          Attendance
Mrs T Pilbeam            Clerk                         In attendance

Visitors

Name                     Organisation                  Reason
Mr J Quennell            Moorfield Audit LLP           Item 3

Declarations of Interests

Member                   Item   Interest                     Details
Cllr Q Ibbotson-Lyle     3      Other Registrable Interest   Governor of a school audited
"""


def test_a_space_aligned_table_under_a_header_is_read_as_rows() -> None:
    lines = MEETING_PAGE.split("\n")
    found = aligned_tables(lines)
    header = lines.index("Name                     Role               Attendance")
    assert found[header] == (header, ["Name", "Role", "Attendance"])
    assert found[header + 4][1] == [
        "Cllr M Esterhuizen", "Substitute", "Present as substitute for Cllr B Hatt"]
    # a short lone first cell between rows is the wrapped end of the name above
    assert found[header + 6][1] == ["Okonkwo-Baird", "", ""]
    assert lines.index("Officers") not in found  # a label line ends the table


def test_paragraphs_and_numbered_lines_with_two_spaces_are_no_tables() -> None:
    text = ("The Clerk reported.  Members noted the report.  The budget was set.\n"
            "1.  Apologies\n2.  Minutes\n3.  Finance\n"
            "Councillor A Lee (Chair)    Councillor B Roe\nCouncillor C Dee    Councillor E Fox\n")
    assert aligned_tables(text.split("\n")) == {}
    assert not any(b.kind is BlockKind.TABLE_ROW for b in parse_text(text, "t.txt").blocks)


def test_a_meeting_page_with_a_status_column_and_its_tabs() -> None:
    rows = extract_document(parse_text(MEETING_PAGE, "page.txt"))
    assert rows["documents"][0]["kind"] == "minutes"  # headed 'Agenda', minuted under items
    assert [(r["name"], r["capacity"]) for r in rows["attendees"]] == [
        ("P Rowntree", "member"), ("Q Ibbotson-Lyle", "member"), ("M Esterhuizen", "member"),
        ("Harold Okonkwo-Baird", "member"), ("T Pilbeam", "officer"), ("J Quennell", "other")]
    assert [r["name"] for r in rows["apologies"]] == ["B Hatt"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("B Hatt", "M Esterhuizen")]
    # the declarations table's members declare: they are no attendance rows of its details
    assert [(r["name"], r["item"]) for r in rows["declarations"]] == [("Q Ibbotson-Lyle", "3")]


def test_an_agenda_headed_so_stays_an_agenda() -> None:
    rows = extract_document(parse_text(
        "Northmoor Fire Authority\n\nAgenda\n\nAudit Committee\n3 March 2026\n\n"
        "1 Apologies for Absence\n\n2 Minutes\nTo confirm the minutes of the last meeting.\n\n"
        "3 Internal Audit Plan\nRECOMMENDED that the plan be approved.\n", "agenda.txt"))
    assert rows["documents"][0]["kind"] == "agenda"


def test_items_numbered_with_a_letter_and_officers_named_after_their_office() -> None:
    rows = extract_document(parse_text(
        "ARDLAW COUNCIL\n\nKINCRAIG AREA COMMITTEE\n\nKINCRAIG, 3 MARCH 2026\n\n"
        "Present:        Councillors M Orr (Chair), D Boyd and S Tait.\n\n"
        "Officers:       Area Manager (Kincraig) (K Esson); Senior Solicitor (J Rae); "
        "Team Manager, Planning (F Gow).\n\n1.      DECLARATION OF MEMBERS' INTERESTS\n\n"
        "None.\n\n2A.     PUBLIC SECTOR EQUALITY DUTY\n\nNoted.\n\n2B.     EXEMPT INFORMATION"
        "\n\nNoted.\n\n3.      MINUTE OF PREVIOUS MEETING\n\nApproved.\n\n"
        "4.      PLANNING APPLICATIONS\n\n4A      Erection of Dwellinghouse, Mill of Tain\n\n"
        "Approved.\n\n5.      FUND ALLOCATIONS\n\nApproved.\n", "area.txt"))
    assert [r["number"] for r in rows["items"]] == ["1", "2A", "2B", "3", "4", "4A", "5"]
    assert [(r["name"], r["role"]) for r in rows["attendees"] if r["capacity"] == "officer"] == [
        ("K Esson", "Area Manager (Kincraig)"), ("J Rae", "Senior Solicitor"),
        ("F Gow", "Team Manager, Planning")]


def test_a_headerless_table_of_names_and_roles_set_with_spaces() -> None:
    text = ("Present:\nMr Jonah Askew            Chairman of the Trust (in the Chair)\n"
            "Mrs Maggie Oyelowo        Public Governor, Lowfield North\n"
            "Dr Tunde Bankole          Staff Governor, Medical and Dental\n"
            "Mr Neil Amis              Appointed Governor, Lowfield University (deputising for\n"
            "                          Professor R Whitmore)\n\n")
    found = aligned_tables(text.split("\n"))
    assert [cells for _, cells in found.values()] == [
        ["Mr Jonah Askew", "Chairman of the Trust (in the Chair)"],
        ["Mrs Maggie Oyelowo", "Public Governor, Lowfield North"],
        ["Dr Tunde Bankole", "Staff Governor, Medical and Dental"],
        ["Mr Neil Amis", "Appointed Governor, Lowfield University (deputising for"],
        ["", "Professor R Whitmore)"]]
    # beside a name, a sentence; votes side by side: no tables
    assert aligned_tables([
        "Cllr M Hart          Personal interest in item 7 (Borough Councillor Report) as a "
        "Borough Councillor of long standing.", "Cllr S Oke            Personal interest in "
        "item 9 (Planning Applications), application 25/00814/FUL, as a member of the club.",
        "Cllr J Wint           Personal and prejudicial interest in item 12 (Grants) as the "
        "treasurer of the Community Larder; she left the room."]) == {}
    assert aligned_tables(["For the amendment (8)      Against the amendment (17)",
                           "Councillors Akhtar, Challis,   Councillors Ashdown, Bracegirdle,",
                           "Doherty and Iyer               Farraday and Hewitt"]) == {}
