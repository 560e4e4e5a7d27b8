"""Layouts of held-out set 13 (committee minutes of district, county, Scottish, Welsh and
Northern Irish councils and NHS boards), one mechanism a test. Every paper is invented."""

from __future__ import annotations

from pipeline.extractors.items.headings import extract_items
from pipeline.extractors.people.attendance import extract_attendance
from pipeline.readers.text import parse_text


def items(text: str) -> list[tuple[str, str]]:
    return [(i["number"], i["title"]) for i in extract_items(parse_text(text, "t.txt"))["items"]]


def decisions(text: str) -> list[tuple[str, str, str]]:
    return [(d["item"], d["kind"], " ".join(d["text"].split()))
            for d in extract_items(parse_text(text, "t.txt"))["decisions"]]


def test_roman_numeral_cells_number_the_items_of_a_scottish_minute() -> None:
    text = ("At a MEETING of the BRAEMOSS INTEGRATION JOINT BOARD held on 4th March, 2025.\n\n"
            "Present:-\n\nMembers\tRole\nIona KEITH\tChief Officer\n\n"
            "I\tAPOLOGIES FOR ABSENCE\n\nThere were no apologies.\n\n"
            "II\tDECLARATION OF INTEREST\n\nThere were no declarations of interest.\n\n"
            "III\tWINTER PLAN 2025/26\n\nThere was submitted Report No IJB4-2025.\n\n"
            "The Integration Joint Board agreed:-\n\n(i)\tto approve the plan.\n")
    assert items(text) == [("I", "APOLOGIES FOR ABSENCE"), ("II", "DECLARATION OF INTEREST"),
                           ("III", "WINTER PLAN 2025/26")]


def test_a_lone_roman_cell_is_no_item_where_the_items_are_numbered_otherwise() -> None:
    text = ("1.\tAPOLOGIES\n\nNone.\n\n2.\tMINUTES\n\nApproved.\n\n"
            "V\tSMITH\n\n3.\tBUDGET\n\nNoted.\n")
    assert [n for n, _ in items(text)] == ["1", "2", "3"]


def test_numbered_paragraph_cells_under_an_item_are_not_items() -> None:
    text = ("1.\tChair's Welcome\n\n1.1.\tTamsin Orrell welcomed members to the meeting, which "
            "she opened at 10:02.\n\n2.\tApologies for Absence\n\n2.1.\tTamsin Orrell noted "
            "apologies from Rhys Penhallow, Non-Executive Director.\n\n3.\tWINTER PLAN\n\n"
            "3.1\tFINANCE AND WORKFORCE\n\nThe Board discussed the plan.\n")
    assert items(text) == [("1", "Chair's Welcome"), ("2", "Apologies for Absence"),
                           ("3", "WINTER PLAN"), ("3.1", "FINANCE AND WORKFORCE")]


def test_seconded_and_agreed_that_records_the_motion_but_members_agreed_that_is_narrative() -> None:
    text = ("3.1\tALLOTMENT RENTS 2025/26\n\n"
            "Members agreed that the consultation had been well run.\n\n"
            "Proposed by Councillor Tennant\n"
            "Seconded by Alderman Ferris and agreed that\n\n"
            "the allotment rents for 2025/26 be held at their current level.\n")
    assert decisions(text) == [
        ("3.1", "AGREED", "that the allotment rents for 2025/26 be held at their current level.")]


def test_label_cells_with_a_colon_cell_in_the_chair_and_non_committee_members() -> None:
    text = ("MINUTES OF THE MEETING OF THE LEISURE COMMITTEE HELD ON 3 JUNE 2025\n\n"
            "In the Chair\t:\tAlderman J Rainey\n\n"
            "Committee Members Present\t:\tCouncillors M Lowry and P Tumelty\n\n"
            "Non-Committee Members Present\t:\tCouncillor S Gault\n\n"
            "Secretariat:\tFenella Doak\tMember Services Officer\n\n"
            "1\tAPOLOGIES\n\nNone.\n")
    found = extract_attendance(parse_text(text, "t.txt"))["attendees"]
    assert [(p["name"], p["capacity"]) for p in found] == [
        ("J Rainey", "member"), ("M Lowry", "member"), ("P Tumelty", "member"),
        ("S Gault", "other"), ("Fenella Doak", "officer")]
    assert found[0]["role"] == "Chair"


def test_a_declaration_on_an_article_of_a_scottish_minute() -> None:
    from pipeline.extractors.people.declarations import extract_declarations

    text = ("MINUTE of MEETING of the HOUSING COMMITTEE held on Tuesday 4 March 2025.\n\n"
            "1.\tDECLARATIONS OF INTEREST\n\nCouncillor Menzies declared a non-financial "
            "interest in Article 3 as a director of Strathcorrie Housing Co-operative and took "
            "no part in the consideration of that item.\n\n"
            "2.\tMINUTE OF PREVIOUS MEETING\n\nThe Committee resolved:-\n\n"
            "to approve the minute.\n\n"
            "3.\tHOUSING CO-OPERATIVE GRANT\n\nThe Committee resolved:-\n\nto approve the grant.\n")
    document = parse_text(text, "t.txt")
    rows = extract_declarations(document, extract_items(document)["items"])
    assert [(r["name"], r["item"], r["kind"]) for r in rows] == [("Menzies", "3", "non-financial")]


def test_resolved_over_dotted_parts_that_open_with_that() -> None:
    text = ("7.\n\nCOMMUNITY GRANTS SCHEME.\n\nMinutes:\n\nThe Cabinet considered the report.\n\n"
            "RESOLVED\n\n7.1\tthat the revised Community Grants Scheme be adopted;\n\n"
            "7.2\tthat the Head of Communities be authorised to award grants under it.\n\n"
            "8.\n\nFLOOD DEFENCE PROGRAMME.\n\nMinutes:\n\n"
            "8.1\tThe Cabinet received an update on the programme.\n")
    found = decisions(text)
    assert len(found) == 1 and found[0][2].endswith("authorised to award grants under it.")


def test_applications_lettered_under_an_item_are_its_parts() -> None:
    text = ("51.\tMINUTES\n\nRESOLVED THAT:\n\nThe minutes be approved.\n\n"
            "52.\tPLANNING APPLICATIONS\n\nConsideration was given to the report.\n\n"
            "A1\t25/00311/FUL: ERECTION OF TWO DWELLINGS\n\nLand at Mill Lane, Oxcombe\n\n"
            "RESOLVED THAT:\n\nThe application be permitted.\n\n"
            "A2\t25/00402/HOU: REAR EXTENSION\n\nThe Old Forge, Oxcombe\n\n"
            "RESOLVED THAT:\n\nThe application be refused.\n\n"
            "53.\tAPPEALS\n\nThe Committee noted the appeal decisions.\n")
    assert [n for n, _ in items(text)] == ["51", "52", "A1", "A2", "53"]
    assert [d[0] for d in decisions(text)] == ["51", "A1", "A2"]


def test_a_lone_lettered_heading_is_no_item() -> None:
    text = ("1.\tAPOLOGIES\n\nNone.\n\n2.\tREPORTS\n\nB1\tCAR PARK\n\nNoted.\n\n"
            "3.\tCLOSE\n\nThe meeting closed.\n")
    assert [n for n, _ in items(text)] == ["1", "2", "3"]


def test_seconded_and_agreed_that_run_on_into_the_decision_is_narrative() -> None:
    text = ("2.\tConfirmation of Minutes\n\nIt was proposed by Alderman Ferris, seconded by "
            "Councillor Tennant and agreed that the minutes of the meeting held on 3 March "
            "2025 be confirmed and signed.\n\n3.\tAllotments\n\nThe report was received.\n")
    assert decisions(text) == []


def test_a_counted_vote_in_a_numbered_paragraph_is_no_item() -> None:
    """'5.3 On a vote being taken, 7 Members voted ...': the count's noun opens no sentence
    after a heading; cut there, the 'title' would end in a bare number."""
    text = ("4\tROADS\n\n4.1 The Engineer presented the report.\n\n5\tREFUSE COLLECTION\n\n"
            "5.1 The Director reported on the tenders.\n\n5.2 On a vote being taken, 9 "
            "Members voted in favour and 2 against and the proposal was carried.\n\n"
            "6\tANY OTHER BUSINESS\n\nThere was none.\n")
    assert items(text) == [("4", "ROADS"), ("5", "REFUSE COLLECTION"),
                           ("6", "ANY OTHER BUSINESS")]
