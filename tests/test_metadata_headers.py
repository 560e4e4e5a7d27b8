"""Meeting details from headers the catalogue cannot hold as one council's shape: dates in
their formal and Welsh forms, which of several dates is the meeting's, a council's name
before the body's, and what must not become the body."""

from __future__ import annotations

import pytest

from pipeline.extractors import extract_document
from pipeline.extractors.sections.dates import find_dates
from pipeline.extractors.sections.metadata import extract_metadata
from pipeline.readers.text import parse_text


@pytest.mark.parametrize("text, dates", [
    ("held on the 14th day of March 2024 at 6.00 pm", ["2024-03-14"]),
    ("am 7.30yh 5ed o Dachwedd 2013", ["2013-11-05"]),
    ("COFNODION 11eg EBRILL 2019", ["2019-04-11"]),
    ("COFNODION 11 eg EBRILL 2019", ["2019-04-11"]),
    ("a gynhaliwyd nos Fawrth Tachwedd 17, 2020", ["2020-11-17"]),
    ("1af Fehefin 2021, 3ydd Fedi 2021", ["2021-06-01", "2021-09-03"]),
    ("item 5 and May 2020", []),
    ("Date: 2024-03-05", ["2024-03-05"]),
    ("4 March 2025Tuesday", ["2025-03-04"]),
    ("04/03/202504/03/2025", ["2025-03-04", "2025-03-04"]),
    ("March 4, 2025March 4, 2025", ["2025-03-04", "2025-03-04"]),
    ("ref 2024-25-01", []),
])
def test_dates(text: str, dates: list[str]) -> None:
    assert [d.iso for d in find_dates(text)] == dates


def meta(text: str) -> tuple[str, str, str]:
    row = extract_metadata(parse_text(text, "paper.txt"))
    return row["kind"], row["body"], row["date"]


def test_a_plain_date_label_gives_way_to_date_of_meeting() -> None:
    # a report's own date first, the meeting's below it
    assert meta("Report\n\nDate: 1 March 2024\n\nReport to: Cabinet\n\n"
                "Date of meeting: 14 March 2024\n\n1. Purpose")[1:] == ("Cabinet", "2024-03-14")


def test_label_and_value_cells_without_colons() -> None:
    assert meta("Meeting\tAudit and Governance Committee\nDate\t14/03/2024\n"
                "Report title\tInternal Audit Plan\n\n1. Purpose of the report") == (
        "report", "Audit and Governance Committee", "2024-03-14")


def test_a_letters_own_date_line_before_the_summons() -> None:
    assert meta("Dear Councillor\n\n14 March 2024\n\nYou are hereby summoned to attend a meeting "
                "of Oakley Town Council to be held at the Town Hall on Monday 18 March 2024 at "
                "7pm.\n\nAGENDA\n\n1. Apologies") == ("agenda", "Oakley Town Council", "2024-03-18")


def test_the_next_meeting_is_not_the_meeting() -> None:
    # a dated letter whose agenda names the next meeting: the letter's date stays
    assert meta("Date: 4 March 2024\n\nAGENDA\n\n1. Apologies\n\n2. The next meeting will be "
                "held on 9 April 2024")[2] == "2024-03-04"


def test_minutes_keep_their_date_label_whatever_the_notice_says() -> None:
    assert meta("Minutes\n\nDate: 4 March 2024\n\nPresent: Cllr A Bee\n\n1. Next meeting\n\n"
                "The next meeting will be held on 9 April 2024")[2] == "2024-03-04"


def test_i_hereby_summons_you_and_an_agenda_title_with_its_date() -> None:
    assert meta("I hereby summons you to the following meeting of Brackley Town Council to be "
                "held at the Town Hall\n\nCOUNCIL AGENDA TUESDAY July 19th 2022\n\n"
                "1. Apologies")[0] == "agenda"


@pytest.mark.parametrize("heading, body", [
    ("LONDON BOROUGH OF TOWER HAMLETS CABINET", "CABINET"),
    ("London Borough of Barking and Dagenham Health and Wellbeing Board",
     "Health and Wellbeing Board"),
    ("BOROUGH OF POOLE PLANNING COMMITTEE", "PLANNING COMMITTEE"),
    ("Cheshire East Council Cabinet", "Cabinet"),
    ("Royal Borough of Greenwich Planning Board", "Planning Board"),
    ("Delmere & Oakfield Parish Council Meeting", "Delmere & Oakfield Parish Council"),
    ("Full Council Meeting", "Full Council"),
])
def test_council_name_before_the_body(heading: str, body: str) -> None:
    assert meta(f"{heading}\n\nMinutes of the meeting held on 4 March 2024\n\n"
                "Present: Cllr A Bee")[1] == body


@pytest.mark.parametrize("heading, body", [
    ("Cabinet Member Decision Meeting", ""),  # not the Cabinet's meeting
    ("To: All Members of the Council", "Council"),  # the addressee, with nothing fuller below
])
def test_bare_headings(heading: str, body: str) -> None:
    assert meta(f"{heading}\n\nDate: 4 March 2024\n\nPresent: Cllr A Bee")[1] == body


def test_addressee_named_in_full_by_the_summons() -> None:
    assert meta("To: All Members of the Council\n\nYou are hereby summoned to attend a meeting "
                "of Hollybank Parish Council to be held on Thursday 2nd March 2023 at 7.30pm."
                "\n\nAGENDA")[1] == "Hollybank Parish Council"


def test_welsh_heading_without_an_english_side_is_left_alone() -> None:
    # no English side to take: the Welsh heading is not cut
    assert meta("Pwyllgor Cynllunio\n\nCofnodion 5 Chwefror 2019\n\nPresennol: Cyng A Bee")[2] \
        == "2019-02-05"


@pytest.mark.parametrize("heading", [
    "Council Chamber, Civic Centre, Kelby Borough Council",  # a venue line
    "Held at: The Jubilee Room, Kelby Town Council",
])
def test_a_venue_naming_a_council_is_not_the_body(heading: str) -> None:
    assert meta(f"Minutes\n\n{heading}\n\nTuesday 5 March 2024 at 7.00 pm\n\n"
                "Present: Councillor A Bee (Chair)")[1:] == ("", "2024-03-05")


@pytest.mark.parametrize("heading", [
    "Minutes of the Licensing Sub-Committee hearing held on 5 March 2024",
    "Minutes of a hearing of the Licensing Sub-Committee held on 5 March 2024",
])
def test_a_hearing_of_a_sub_committee(heading: str) -> None:
    assert meta(f"{heading}\n\nPresent: Councillor A Bee (Chair)")[1] == "Licensing Sub-Committee"


def test_an_agenda_listing_the_previous_minutes_stays_an_agenda() -> None:
    # ModernGov agenda page: a title with a note holding another date, and a minutes item
    assert meta("Agenda\n\nCabinet - for meetings after 09/05/11, please see 'Mayor & Cabinet' - "
                "Monday, 29 October 2007 1:00 pm\n\nItems\n\n1.\n\nAPOLOGIES FOR ABSENCE\n\n2.\n\n"
                "MINUTES OF PREVIOUS MEETING\n\nThe minutes of the meeting held on 15 October "
                "2007, have been circulated to Members.") == ("agenda", "Cabinet", "2007-10-29")


def test_sederunt_records_a_meeting() -> None:
    # Scottish minutes list who attended under "Sederunt"
    assert meta("EASTFIELD AREA COMMITTEE\n\nWednesday 6 March 2024\n\nSEDERUNT\n\n"
                "Councillor A Bee (Chair)\n\n1. DECLARATIONS OF INTEREST") == (
        "minutes", "EASTFIELD AREA COMMITTEE", "2024-03-06")


def test_minute_of_a_committee_title() -> None:
    assert meta("Minute of Planning Committee\n\nWednesday 6 March 2024\n\n"
                "Present: Councillor A Bee (Convener)")[1] == "Planning Committee"


@pytest.mark.parametrize("title", [
    "Kelby District Council \u2013 Planning Committee \u2013 13 March 2024",
    "Minutes \u2013 Planning Committee \u2013 13 March 2024",
])
def test_dash_separated_running_titles(title: str) -> None:
    assert meta(f"{title}\n\nPresent: Councillor A Bee (Chair)")[1:] == (
        "Planning Committee", "2024-03-13")


def test_committee_on_a_subject_but_not_any_committee_for_phrase() -> None:
    assert meta("Minutes of the Committee on Standards and Privileges held on 4 March 2024\n\n"
                "Present: A Bee")[1] == "Committee on Standards and Privileges"
    assert meta("Committee for the next item\n\nDate: 4 March 2024\n\nPresent: A Bee")[1] == ""


def test_a_title_broken_after_of_the_reads_whole() -> None:
    assert meta("KELBY BOROUGH COUNCIL\n\nMINUTES of the\n\nCABINET\n\n13 March 2024\n\n"
                "Present: Councillor A Bee (Chair)")[1:] == ("CABINET", "2024-03-13")


@pytest.mark.parametrize("text", [
    "Title of meeting: Health and Wellbeing Board\n\nDate of meeting: 13 March 2024",
    "Name of meeting\tHealth and Wellbeing Board\nDate\t13 March 2024",
])
def test_title_of_meeting_labels(text: str) -> None:
    assert meta(f"{text}\n\nPresent: A Bee (Chair)")[1:] == (
        "Health and Wellbeing Board", "2024-03-13")


@pytest.mark.parametrize("first", [
    "Report to Cabinet",
    "Report of the Chief Executive to the Cabinet",
    "Decision maker: Cabinet",
    "Meeting of: Cabinet",
    "Committee/Meeting: Cabinet",
    "REPORT FOR: CABINET",
    "CABINET REPORT",
])
def test_report_addressed_to(first: str) -> None:
    _, body, when = meta(f"{first}\n\n14 March 2024\n\nSubject: Local Plan\n\n1. Purpose of report")
    assert (body.casefold(), when) == ("cabinet", "2024-03-14")


@pytest.mark.parametrize("title", [
    "Minutes of the meeting held on 5 February 2024",
    "Minutes - 5 February 2024",
    "Minutes of the Planning Committee - 5 February 2024",
])
def test_item_page_minutes_title_is_the_earlier_meeting(title: str) -> None:
    # a ModernGov item page: the title is the item about the last meeting's minutes
    assert meta(f"Agenda item\n\n{title}\n\nMinutes:\n\nThe minutes were agreed.") == (
        "minutes", "", "")


@pytest.mark.parametrize("item", [
    "Confirmation of Minutes - 5 February 2024",
    "Approval of the minutes of 5 February 2024",
    "Minutes of 5 February 2024 for approval",
    "Matters arising from the minutes of 5 February 2024",
])
def test_earlier_minutes_named_by_a_noun_give_no_date(item: str) -> None:
    assert meta(f"Agenda and minutes\n\nVenue: Town Hall\n\n{item}\n\nMinutes:\n\n"
                "The minutes were agreed.")[2] == ""


def test_an_attendance_heading_in_a_report_is_not_a_minutes_cue() -> None:
    # a school attendance report: "Attendance" is a subject, not the attendance list
    assert meta("Report to: Cabinet\n\nDate of meeting: 5 March 2024\n\nAttendance\n\n"
                "1. Purpose of report")[0] == "report"


@pytest.mark.parametrize("label", [
    "Members in attendance:", "Attending:", "Members attending:", "Voting members present:",
    "Councillors in attendance:",
])
def test_attendance_labels_record_a_meeting(label: str) -> None:
    assert meta(f"Schools Forum\n\n5 March 2024\n\n{label} A Bee, C Dee")[0] == "minutes"


@pytest.mark.parametrize("text, body", [
    ("Planning Committee\n\nTuesday 5 March 2024 at 6pm\n\nOrder of Business",
     "Planning Committee"),
    ("Agenda - Cabinet - 5 March 2024", "Cabinet"),
    ("Supplementary Agenda\n\nCabinet\n\nTuesday 5 March 2024", "Cabinet"),
    ("Licensing Committee\n\nMembers of the Committee are requested to attend the meeting to be "
     "held on Tuesday 5 March 2024 at 10am", "Licensing Committee"),
    ("The Council will meet on Tuesday 5 March 2024 at 7pm in the Town Hall", "Council"),
])
def test_agenda_shapes(text: str, body: str) -> None:
    assert meta(f"{text}\n\n1. Apologies\n\n2. Declarations of interest") == (
        "agenda", body, "2024-03-05")


@pytest.mark.parametrize("text", [
    "Cabinet\n\n5 March 2024\n\nSubject: Local Plan Update\n\nLead Member: Councillor A Bee\n\n"
    "Summary",
    "Planning Committee 5 March 2024\n\nApplication Number: 23/01234/FUL\n\n"
    "Site Address: Land at Mill Lane\n\nProposal: Erection of 10 dwellings",
])
def test_report_shapes(text: str) -> None:
    assert meta(text)[0] == "report"


def test_a_cue_repeated_on_many_lines_counts_once() -> None:
    # planning minutes list many applications; their labels do not outweigh the minutes cues
    apps = "".join(f"\n\nApplication Number: 24/0{n}/FUL\n\nRESOLVED: Approved." for n in range(6))
    assert meta("Planning Committee\n\nMinutes\n\n5 March 2024\n\nPresent: Cllr A Bee" + apps)[0] \
        == "minutes"


@pytest.mark.parametrize("heading, body", [
    ("Minutes of the meeting of the Finance Committee of the Council held on 5 March 2024",
     "Finance Committee"),
    ("Minutes of a meeting of the Planning Committee of Kelby District Council held on "
     "5 March 2024", "Planning Committee"),
    ("Minutes of the Court of Common Council held on 5 March 2024", "Court of Common Council"),
])
def test_committee_of_the_council(heading: str, body: str) -> None:
    assert meta(f"Kelby Town Council\n\n{heading}\n\nPresent: Cllr A Bee")[1] == body


@pytest.mark.parametrize("line", [
    "2409.01 Present: Councillors A Bee (Mayor), C Dee",
    "Cou/285/07-08 Present Members: Cllr A Bee (Chairman), Cllr C Dee",
    "1. Present: Cllr A Bee",
])
def test_a_numbered_present_line_records_a_meeting(line: str) -> None:
    assert meta(f"Kelby Town Council\n\n5 March 2024\n\n{line}")[0] == "minutes"


def test_reconvened_meeting_of_heading() -> None:
    assert meta("RECONVENED MEETING OF THE PLANNING COMMITTEE\n\nTuesday 12 March 2024\n\n"
                "Present: Cllr A Bee")[1:] == ("PLANNING COMMITTEE", "2024-03-12")


def test_labels_run_together_on_one_line() -> None:
    assert meta("Meeting: Cabinet   Date: 5 March 2024\n\nSubject: Budget\n\nPurpose of report") \
        == ("report", "Cabinet", "2024-03-05")


@pytest.mark.parametrize("heading, kind, body", [
    ("Notes of the meeting of the Kelby Safer Communities Partnership held on 5 March 2024",
     "minutes", "Kelby Safer Communities Partnership"),
    ("Record of Decisions\n\nCabinet\n\n5 March 2024", "minutes", "Cabinet"),
])
def test_notes_and_decision_records(heading: str, kind: str, body: str) -> None:
    assert meta(f"{heading}\n\nAttendees: A Bee, C Dee")[:2] == (kind, body)


@pytest.mark.parametrize("line", ["Virtual Meeting", "Extraordinary Meeting", "Hybrid Meeting"])
def test_a_kind_of_meeting_is_not_a_body(line: str) -> None:
    assert meta(f"Minutes\n\n{line}\n\n5 March 2024\n\nPresent: Cllr A Bee")[1] == ""


@pytest.mark.parametrize("text, body", [
    ("Notes of meeting: Eastwick Youth Justice Board, 5 March 2025\n\nPresent: A Jones (Chair)",
     "Eastwick Youth Justice Board"),
    ("Action Notes - Carrow Domestic Abuse Board - 12 June 2024\n\nAttendees: A Jones",
     "Carrow Domestic Abuse Board"),
    ("JOINT COMMITTEE OF ASHBY AND CORRAN COUNCILS\n\nMinutes of the meeting held on 22 January"
     " 2025 at Corran House\n\nPresent: Councillor A Jones", "JOINT COMMITTEE OF ASHBY AND CORRAN"
     " COUNCILS"),
    ("Minutes of the Annual General Meeting of the Oldbury Residents Association held on 4 April"
     " 2025 at the Church Hall\n\nPresent: A Jones", "Oldbury Residents Association"),
    ("Record of the meeting of the Oldbury Schools Forum held on Wednesday 12 February 2025\n\n"
     "Present: A Jones (Chair)", "Oldbury Schools Forum"),
    ("Oldbury Licensing Board | 9 January 2025 | Page 1 of 2\n\nMINUTES\n\nPresent: A Jones",
     "Oldbury Licensing Board"),
])
def test_notes_titles_joint_committees_of_councils_and_associations(text: str, body: str) -> None:
    assert meta(text)[1] == body


def test_an_item_heading_naming_a_council_is_not_the_heading() -> None:
    # the title names no body; the numbered item below it names a member council
    text = ("ASSOCIATION OF CORRAN COMMUNITY COUNCILS\n\nMinute of the meeting held on 12 March"
            " 2025\n\n1. Apologies\n\nNone.\n\n2. Dunmarsh Community Council\n\nNoted.")
    assert meta(text)[1] == "ASSOCIATION OF CORRAN COMMUNITY COUNCILS"


@pytest.mark.parametrize("text, expected", [
    ("Concise Minutes - Rural Affairs Committee\n\nMeeting Venue:\nCommittee Room 2\n\n"
     "Meeting date: Wednesday, 15 May 2024\n\nAttendance", ("minutes", "Rural Affairs Committee",
                                                           "2024-05-15")),
    ("Corran Hills National Park Authority Agenda\n\nMeeting: Special National Park Authority "
     "Meeting\nVenue: The Park Office\nDate: Thursday 22 May 2025 at 12.30 pm or on the rising "
     "of the Planning Committee\n\nBusiness\n1. Public Question Time.",
     ("agenda", "National Park Authority", "2025-05-22")),
])
def test_a_title_adjective_before_minutes_and_a_kind_of_meeting_before_the_body(
        text: str, expected: tuple[str, str, str]) -> None:
    assert meta(text) == expected


@pytest.mark.parametrize("line, body", [
    ("Minutes of the meeting of Ashby Town Council's Planning Committee held on Monday 3 March"
     " 2025 at 7pm", "Planning Committee"),
    ("Minutes of the Environmental Services Committee Meeting of Corran District Council held on"
     " Monday 3 March 2025", "Environmental Services Committee"),
    ("Minutes of the Annual Council Meeting of Ashby Town Council held on 12 May 2025",
     "Ashby Town Council"),
])
def test_a_committee_of_a_council_is_the_committee(line: str, body: str) -> None:
    assert meta(line + "\n\nPresent: A Rowe")[1] == body


def test_an_item_page_names_its_body_in_the_welcome_not_in_a_sentence_heading():
    from pipeline.extractors.sections.header import find_body
    from pipeline.readers.text import parse_text

    text = ("Agenda item - Welcome and Apologies\n\nAgenda item\n\nWelcome and Apologies\n\n"
            "Minutes:\n\nThe Chairman welcomed Members to the Coastal Towns and Rural Services "
            "Board meeting.\n\nApologies were received from Cllr Petra Vainio.\n")
    assert find_body(parse_text(text, "t.txt"))[0] == "Coastal Towns and Rural Services Board"
    sentence = ("Agenda item\n\nUpdate\n\nMinutes:\n\nThe Chairman thanked the Fernley Safety "
                "Partnership.\n")
    assert find_body(parse_text(sentence, "t.txt"))[0] != \
        "Chairman thanked the Fernley Safety Partnership"


def test_welcomed_to_the_meeting_of_the_body():
    from pipeline.extractors.sections.header import find_body
    from pipeline.readers.text import parse_text

    text = ("Agenda item\n\nWelcome\n\nMinutes:\n\nThe Mayor welcomed everybody to the meeting "
            "of the Kelmoor Combined Authority Committee and those present introduced "
            "themselves.\n")
    assert find_body(parse_text(text, "t.txt"))[0] == "Kelmoor Combined Authority Committee"


@pytest.mark.parametrize("decision", ["RESOLVED: That the Board", "AGREED - that the Panel",
                                      "That the Committee"])
def test_a_decision_line_ending_in_a_body_word_is_no_body(decision: str) -> None:
    # an agenda-item page with no heading but the item's title: its decision's first line,
    # cut before the parts it lists, must not be read as the body's name
    page = ("Agenda item\n\nAlignment of the two partnerships' forward plans\n\nMinutes:\n\n"
            "7.1 The Director outlined the proposals.\n\n"
            f"{decision}\n\na) endorses the proposals; and\n\nb) notes the report.\n")
    assert meta(page)[1] == ""


@pytest.mark.parametrize("title, body", [
    ("Finance and Resources - Friday, 16th January, 2026 10.00 am", "Finance and Resources"),
    ("Kingsmere Fire Authority - Audit and Governance\nFriday, 16th January, 2026 10.00 am",
     "Kingsmere Fire Authority - Audit and Governance"),
    ("Overview and Scrutiny\nFriday, 16th January, 2026 10.00 am", "Overview and Scrutiny"),
    ("Cabinet - Friday, 16th January, 2026 10.00 am", "Cabinet"),
    ("Extraordinary Meeting - Friday, 16th January, 2026 10.00 am", "Fire Authority"),
    ("Notice of Meeting\nFriday, 16th January, 2026 10.00 am", "Fire Authority"),
])
def test_a_meeting_page_s_title_names_its_committee_without_a_head_noun(title: str,
                                                                         body: str) -> None:
    # ModernGov's "Agenda and minutes" page: the committee as the council names it, even
    # when a 'Report of the Treasurer to the Fire Authority' label comes further down (which
    # is all there is when the title is no committee's name)
    page = (f"Agenda and minutes\n\n{title}\n\nVenue: Town Hall\n\nItems\nNo. Item\n\n1.\n\n"
            "Apologies for Absence\n\nMinutes:\n\nApologies were received from Councillor A "
            "Smith.\n\n2.\n\nBudget Monitoring\n\nReport of the Treasurer to the Fire Authority."
            "\n\nRESOLVED: That the report be noted.\n")
    assert meta(page)[1:] == (body, "2026-01-16")


@pytest.mark.parametrize("head", [
    "Minutes of the Wendmoor Safeguarding Adults Board (WSAB) Meeting\n\nDate: 4 March 2026",
    "Notes\n\nMEETING: Wendmoor Safeguarding Adults Board    Date of Meeting: 4th March 2026",
])
def test_a_title_s_acronym_and_a_second_label_on_the_line_leave_the_body(head: str) -> None:
    # a partnership board's Word template: the acronym before 'Meeting', and two label pairs
    # on one line
    page = f"{head}\n\nPresent: Iris Fenwick (Chair)\n\n1. Welcome\n\nIF welcomed members.\n"
    assert meta(page)[1:] == ("Wendmoor Safeguarding Adults Board", "2026-03-04")


def test_a_pack_s_covering_letter_gives_way_to_the_paper_it_sends() -> None:
    # ModernGov's supplementary pack: a letter dated the day it went out, naming the coming
    # meeting, then the last meeting's minutes under an 'Agenda Item 5' stamp
    page = ("Public Document Pack\n\nPlease ask for: Ann Keble\nDate: 3 March 2026\n\n"
            "Dear Councillor\n\nPLANNING COMMITTEE - WEDNESDAY, 11TH MARCH, 2026\n\n"
            "I am now able to enclose the minutes of the previous meeting.\n\n"
            "Ann Keble\nDemocratic Services Officer\n\nAgenda Item 5\n\nPLANNING COMMITTEE\n\n"
            "Wednesday, 11 February 2026\n\nPresent: Councillor Mrs Harcourt (Chairman)\n\n"
            "PLA88/25 APOLOGIES\n\nNone.\n\nPLA89/25 DECLARATIONS OF INTEREST\n\nNone.\n")
    assert meta(page) == ("minutes", "PLANNING COMMITTEE", "2026-02-11")
    found = extract_document(parse_text(page, "paper.txt"))["items"]
    assert [r["number"] for r in found] == ["PLA88/25", "PLA89/25"]  # no item 5


def test_an_item_page_takes_no_date_from_its_minutes_prose() -> None:
    page = ("Agenda item\n\nAlignment with the Integrated Care Partnership\n\nMinutes:\n\n"
            "7.1 Members were reminded that the Integrated Care Board was formed on 1 July "
            "2022, taking on the functions formerly held by the Clinical Commissioning Group.\n\n"
            "RESOLVED: That the report be noted.\n")
    assert meta(page)[2] == ""


def test_an_issue_page_s_meeting_line_gives_the_date() -> None:
    # ModernGov's "Issue - meetings" page: the issue's title names an earlier meeting's
    # minutes; the 'Meeting:' line is the meeting that took the item
    page = ("Issue - meetings\n\nMinutes of the meeting held on 10 March 2026\n\n"
            "Meeting: 19/05/2026 - Standards Committee (Item 3)\n\n"
            "3 Minutes of the meeting held on 10 March 2026\n\n"
            "Resolved: that the minutes be approved.\n")
    assert meta(page)[1:] == ("Standards Committee", "2026-05-19")
