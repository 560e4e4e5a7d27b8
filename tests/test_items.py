"""Item headings: the numbering styles councils print, and numbered text that is not an item."""

from __future__ import annotations

import pytest

from pipeline.extract.items import extract_items, number_key
from pipeline.readers.text import parse_text

MINUTES_HEAD = ("Minutes of the meeting held on 1 May 2024\n\n"
                "Present: Councillors A Smith and B Jones\n\n")


def items(text: str) -> list[tuple[str, str]]:
    rows = extract_items(parse_text(MINUTES_HEAD + text, "t.txt"))["items"]
    return [(row["number"], row["title"]) for row in rows]


def test_number_with_full_stop_and_trailing_colon():
    text = ("110. Attendance by Substitute Members:\n\nAGREED: To note the apologies.\n\n"
            "111. Declarations of Interest:\n\nNone were declared.\n")
    assert items(text) == [("110", "Attendance by Substitute Members"),
                           ("111", "Declarations of Interest")]


def test_sub_items_keep_their_numbers():
    text = ("5. Planning Applications\n\nThe Committee considered two applications.\n\n"
            "5.1 Applicant: Corran Homes Ltd (24/01234/FUL)\n\nThe report was presented.\n\n"
            "5.2 Applicant: Strathglass Energy LLP\n\nMembers asked questions.\n\n"
            "6. Appeals\n\nNone.\n")
    assert [n for n, _ in items(text)] == ["5", "5.1", "5.2", "6"]
    assert items(text)[1][1] == "Applicant: Corran Homes Ltd (24/01234/FUL)"


def test_item_prefix_and_lettered_sub_items():
    text = ("Item 5 – Financial Performance 2024/25\n\nThe report was noted.\n\n"
            "Item 6 – Governance Arrangements\n\nItem 6a – Terms of Reference\n\nText here.\n\n"
            "Item 6b – Risk Register\n\nText here.\n")
    assert items(text) == [("5", "Financial Performance 2024/25"),
                           ("6", "Governance Arrangements"), ("6a", "Terms of Reference"),
                           ("6b", "Risk Register")]


def test_minute_prefix_and_reference_to_a_minute():
    text = ("MINUTE 45 – DECLARATIONS OF INTEREST\n\nNone.\n\nMINUTE 46 – MATTERS ARISING\n\n"
            "Further to Minute 38 (Responsible Investment Policy), the Director reported that the "
            "guidelines had been published.\n\nMinute 47\n\nLocal Pension Board\n\nReceived.\n")
    assert items(text) == [("45", "DECLARATIONS OF INTEREST"), ("46", "MATTERS ARISING"),
                           ("47", "Local Pension Board")]


def test_slash_numbers_and_agenda_item_line():
    text = ("31/25 APOLOGIES FOR ABSENCE\n(Agenda Item 1)\n\nApologies were received.\n\n"
            "32/25 MINUTES\n(Agenda Item 3)\n\nApproved.\n\n45/12 Work Programme\n\nNoted.\n")
    assert items(text) == [("31/25", "APOLOGIES FOR ABSENCE"), ("32/25", "MINUTES"),
                           ("45/12", "Work Programme")]


def test_number_alone_above_upper_case_title():
    text = ("PLA46/23\nAPOLOGIES AND SUBSTITUTES\n\nApologies were recorded.\n\n"
            "PLA47/23\nMINUTES\n\nRESOLVED: That the minutes be approved.\n")
    assert items(text) == [("PLA46/23", "APOLOGIES AND SUBSTITUTES"), ("PLA47/23", "MINUTES")]


def test_year_month_minute_numbers():
    text = ("2409.01 Present\nCouncillors: J Ellery-Ward, R Haslam\n\n"
            "2409.02 Apologies for Absence\n"
            "Councillor G Whitcombe.\n\n2409.07 Financial Matters a) Councillors received the bank "
            "reconciliation.\nb) Payments for approval.\n")
    assert items(text) == [("2409.01", "Present"), ("2409.02", "Apologies for Absence"),
                           ("2409.07", "Financial Matters")]


def test_tab_separated_and_plain_numbers():
    text = ("1\tAPOLOGIES\n\nNone.\n\n\t2.\tMinutes\n\nApproved.\n\n"
            "3 Chair's Communications\n\nThe Chair welcomed everyone.\n\n"
            "5a Budget Monitoring\n\nNoted.\n")
    assert items(text) == [("1", "APOLOGIES"), ("2", "Minutes"), ("3", "Chair's Communications"),
                           ("5a", "Budget Monitoring")]


def test_moderngov_number_and_item_table():
    text = ("No.\tItem\n\n23/24\tAPOLOGIES FOR ABSENCE\n\nMinutes:\nNone.\n\n"
            "24/24\tMINUTES OF THE PREVIOUS MEETING\n\nMinutes:\nRESOLVED\nThat the minutes be "
            "confirmed.\n")
    assert items(text) == [("23/24", "APOLOGIES FOR ABSENCE"),
                           ("24/24", "MINUTES OF THE PREVIOUS MEETING")]


def test_second_language_line_is_not_part_of_the_title():
    text = ("1. Apologies for Absence\nLeisgeulan\n\nApologies were intimated.\n\n"
            "2. Minutes\nGeàrr-chunntas\n\nThe minute was approved.\n")
    assert items(text) == [("1", "Apologies for Absence"), ("2", "Minutes")]


def test_single_item_page_without_number():
    text = ("Agenda item\n\nReview of Partnership Arrangements\n\nReport to follow.\n\nMinutes:\n\n"
            "The report was presented.\n\nRESOLVED\n\nThat the report be noted.\n")
    rows = extract_items(parse_text(text, "t.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("", "Review of Partnership Arrangements")]
    assert rows["decisions"][0]["item"] == ""


def test_report_sections_and_paragraphs_are_not_items():
    text = ("Report to: Cabinet\nReport of: Head of Communities\nWards affected: All\n\n"
            "1. Purpose of the report\n\n1.1 This report presents the revised terms of reference "
            "for the Board and explains why they are needed now.\n\n2. Recommendations\n\n"
            "That Cabinet:\n\n1. Approve the revised structure set out in Appendix A.\n\n"
            "3. Background\n\n3.1 The Board was set up in 2013 as a statutory committee of the "
            "council with a wide membership.\n\n4. Financial implications\n\nNone.\n")
    assert extract_items(parse_text(text, "t.txt"))["items"] == []


def test_numbered_reasons_and_decision_parts_are_not_items():
    text = ("4. Application 23/02210/OUT\n\n"
            "RESOLVED: That permission be REFUSED for these reasons:\n"
            "1. The proposed access would be detrimental to highway safety.\n"
            "2. The proposal fails to provide affordable housing required by policy.\n\n"
            "5. Leader's Report\n\nDecision\n\n1. Noted the contents of the report.\n\n"
            "6. Date of Next Meeting\n\nMonday 14 October 2024.\n")
    assert items(text) == [("4", "Application 23/02210/OUT"), ("5", "Leader's Report"),
                           ("6", "Date of Next Meeting")]


def test_numbers_that_fall_back_are_dropped():
    # An officers' table listing the items they attended sits above the minutes.
    text = ("Agenda Item\tOfficer Attending\n34/25\tSarah Cox (Chief Internal Auditor)\n"
            "36/25\tMartin Edwards (Information Governance Manager)\n\n"
            "31/25 APOLOGIES\n\nNone.\n\n32/25 MINUTES\n\nApproved.\n\n"
            "33/25 AUDIT REPORT\n\nNoted.\n")
    assert [n for n, _ in items(text)] == ["31/25", "32/25", "33/25"]


def test_dates_times_and_sentences_are_not_items():
    text = ("13 March 2024\n\n10.00 am\n\n1. Apologies\n\nNone.\n\n"
            "2. Matters Arising\n\n2.1 Photos had been published in the newsletter.\n\n"
            "2.2 The bench had been repaired.\n\n3. Date of Next Meeting\n\n"
            "4 members of the public attended.\n")
    assert items(text) == [("1", "Apologies"), ("2", "Matters Arising"),
                           ("3", "Date of Next Meeting")]


def test_web_link_furniture_is_not_part_of_the_title():
    text = ("124.\n\nMinutes of the meeting held on 20 September 2018 pdf icon PDF 129 KB\n\n"
            "Approved.\n")
    assert items(text) == [("124", "Minutes of the meeting held on 20 September 2018")]


def test_rows_carry_provenance_and_rule():
    document = parse_text(MINUTES_HEAD + "PLA46/23\nAPOLOGIES\n\nNone.\n", "t.txt")
    row = extract_items(document)["items"][0]
    assert document.text[row["start"]:row["end"]] == "PLA46/23\nAPOLOGIES"
    assert row["rule"] == "prefixed-slash" and row["page"] == 1


@pytest.mark.parametrize("smaller, larger", [("5", "5.1"), ("5.1", "5.2"), ("5.9", "5.10"),
                                             ("6", "6a"), ("6b", "7"), ("23/24", "24/24"),
                                             ("PLA46/23", "PLA47/23"), ("2409.01", "2409.02")])
def test_number_order(smaller, larger):
    assert number_key(smaller) < number_key(larger)
