"""Item headings: the numbering styles councils print, and numbered text that is not an item."""

from __future__ import annotations

import pytest

from pipeline.extractors.items.headings import extract_items, number_key
from pipeline.readers.text import parse_text

MINUTES_HEAD = ("Minutes of the meeting held on 1 May 2024\n\n"
                "Present: Councillors A Smith and B Jones\n\n")


def items(text: str) -> list[tuple[str, str]]:
    rows = extract_items(parse_text(MINUTES_HEAD + text, "t.txt"))["items"]
    return [(row["number"], row["title"]) for row in rows]


def test_number_with_full_stop_and_trailing_colon():
    text = ("87. Attendance by Reserve Members:\n\nAGREED: To note the apologies.\n\n"
            "88. Declarations of Interest:\n\nNone were declared.\n")
    assert items(text) == [("87", "Attendance by Reserve Members"),
                           ("88", "Declarations of Interest")]


def test_sub_items_keep_their_numbers():
    text = ("5. Planning Applications\n\nThe Committee considered two applications.\n\n"
            "5.1 Applicant: Hollin Homes Ltd (25/00412/FUL)\n\nThe report was presented.\n\n"
            "5.2 Applicant: Kestrel Solar LLP\n\nMembers asked questions.\n\n"
            "6. Appeals\n\nNone.\n")
    assert [n for n, _ in items(text)] == ["5", "5.1", "5.2", "6"]
    assert items(text)[1][1] == "Applicant: Hollin Homes Ltd (25/00412/FUL)"


def test_item_prefix_and_lettered_sub_items():
    text = ("Item 4 – Budget Outturn 2024/25\n\nThe report was noted.\n\n"
            "Item 5 – Partnership Arrangements\n\nItem 5a – Membership\n\nText here.\n\n"
            "Item 5b – Work Plan\n\nText here.\n")
    assert items(text) == [("4", "Budget Outturn 2024/25"),
                           ("5", "Partnership Arrangements"), ("5a", "Membership"),
                           ("5b", "Work Plan")]


def test_minute_prefix_and_reference_to_a_minute():
    text = ("MINUTE 52 – DECLARATIONS OF INTEREST\n\nNone.\n\nMINUTE 53 – MATTERS ARISING\n\n"
            "Further to Minute 41 (Treasury Strategy), the Treasurer said that the review "
            "was now complete.\n\nMinute 54\n\nAudit Panel\n\nReceived.\n")
    assert items(text) == [("52", "DECLARATIONS OF INTEREST"), ("53", "MATTERS ARISING"),
                           ("54", "Audit Panel")]


def test_slash_numbers_and_agenda_item_line():
    text = ("58/25 APOLOGIES FOR ABSENCE\n(Agenda Item 1)\n\nApologies were received.\n\n"
            "59/25 MINUTES\n(Agenda Item 3)\n\nApproved.\n\n60/25 Work Programme\n\nNoted.\n")
    assert items(text) == [("58/25", "APOLOGIES FOR ABSENCE"), ("59/25", "MINUTES"),
                           ("60/25", "Work Programme")]


def test_number_alone_above_upper_case_title():
    text = ("DEV12/24\nAPOLOGIES AND SUBSTITUTES\n\nApologies were recorded.\n\n"
            "DEV13/24\nMINUTES\n\nRESOLVED: That the minutes be approved.\n")
    assert items(text) == [("DEV12/24", "APOLOGIES AND SUBSTITUTES"), ("DEV13/24", "MINUTES")]


def test_year_month_minute_numbers():
    text = ("2503.01 Present\nCouncillors: T Bancroft-Lyle, R Sowerby\n\n"
            "2503.02 Apologies for Absence\n"
            "Councillor G Hollis.\n\n2503.07 Finance and Accounts a) Councillors noted the monthly "
            "accounts.\nb) Invoices for payment.\n")
    assert items(text) == [("2503.01", "Present"), ("2503.02", "Apologies for Absence"),
                           ("2503.07", "Finance and Accounts")]


def test_tab_separated_and_plain_numbers():
    text = ("1\tAPOLOGIES\n\nNone.\n\n\t2.\tMinutes\n\nApproved.\n\n"
            "3 Chair's Communications\n\nThe Chair thanked members for attending.\n\n"
            "5a Budget Monitoring\n\nNoted.\n")
    assert items(text) == [("1", "APOLOGIES"), ("2", "Minutes"), ("3", "Chair's Communications"),
                           ("5a", "Budget Monitoring")]


def test_moderngov_number_and_item_table():
    text = ("No.\tItem\n\n41/24\tAPOLOGIES FOR ABSENCE\n\nMinutes:\nNone.\n\n"
            "42/24\tMINUTES OF THE LAST MEETING\n\nMinutes:\nRESOLVED\nThat the minutes be signed "
            "as correct.\n")
    assert items(text) == [("41/24", "APOLOGIES FOR ABSENCE"),
                           ("42/24", "MINUTES OF THE LAST MEETING")]


def test_second_language_line_is_not_part_of_the_title():
    text = ("1. Apologies for Absence\nYmddiheuriadau\n\nApologies were given.\n\n"
            "2. Minutes\nCofnodion\n\nThe minutes were approved.\n")
    assert items(text) == [("1", "Apologies for Absence"), ("2", "Minutes")]


def test_single_item_page_without_number():
    text = ("Agenda item\n\nReview of Locality Boards\n\nReport to follow.\n\nMinutes:\n\n"
            "The report was presented.\n\nRESOLVED\n\nThat the report be noted.\n")
    rows = extract_items(parse_text(text, "t.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("", "Review of Locality Boards")]
    assert rows["decisions"][0]["item"] == ""


def test_report_sections_and_paragraphs_are_not_items():
    text = ("Report to: Cabinet\nReport of: Head of Neighbourhoods\nWards affected: All\n\n"
            "1. Purpose of the report\n\n1.1 This report sets out new terms of reference for "
            "the Panel and the reasons for each change.\n\n2. Recommendations\n\n"
            "That Cabinet:\n\n1. Agree the new structure shown in Appendix B.\n\n"
            "3. Background\n\n3.1 The Panel was formed in 2016 as an advisory body with "
            "members from each ward.\n\n4. Financial implications\n\nNone.\n")
    assert extract_items(parse_text(text, "t.txt"))["items"] == []


def test_numbered_reasons_and_decision_parts_are_not_items():
    text = ("4. Application 25/00388/OUT\n\n"
            "RESOLVED: That permission be REFUSED for these reasons:\n"
            "1. The new junction would harm the safety of road users.\n"
            "2. The scheme lacks the affordable homes that policy requires.\n\n"
            "5. Leader's Report\n\nDecision\n\n1. Noted the contents of the report.\n\n"
            "6. Date of Next Meeting\n\nMonday 14 October 2024.\n")
    assert items(text) == [("4", "Application 25/00388/OUT"), ("5", "Leader's Report"),
                           ("6", "Date of Next Meeting")]


def test_numbers_that_fall_back_are_dropped():
    # An officers' table listing the items they attended sits above the minutes.
    text = ("Agenda Item\tOfficer Attending\n58/25\tNaomi Vickers (Chief Internal Auditor)\n"
            "60/25\tOsian Tindall (Information Governance Manager)\n\n"
            "55/25 APOLOGIES\n\nNone.\n\n56/25 MINUTES\n\nApproved.\n\n"
            "57/25 AUDIT REPORT\n\nNoted.\n")
    assert [n for n, _ in items(text)] == ["55/25", "56/25", "57/25"]


def test_dates_times_and_sentences_are_not_items():
    text = ("4 June 2025\n\n10.00 am\n\n1. Apologies\n\nNone.\n\n"
            "2. Matters Arising\n\n2.1 The newsletter had gone out to all homes.\n\n"
            "2.2 The gate had been replaced.\n\n3. Date of Next Meeting\n\n"
            "5 members of the public attended.\n")
    assert items(text) == [("1", "Apologies"), ("2", "Matters Arising"),
                           ("3", "Date of Next Meeting")]


def test_web_link_furniture_is_not_part_of_the_title():
    text = ("93.\n\nMinutes of the meeting held on 11 June 2019 pdf icon PDF 88 KB\n\n"
            "Approved.\n")
    assert items(text) == [("93", "Minutes of the meeting held on 11 June 2019")]


def test_rows_carry_provenance_and_rule():
    document = parse_text(MINUTES_HEAD + "DEV12/24\nAPOLOGIES\n\nNone.\n", "t.txt")
    row = extract_items(document)["items"][0]
    assert document.text[row["start"]:row["end"]] == "DEV12/24\nAPOLOGIES"
    assert row["rule"] == "prefixed-slash" and row["page"] == 1


@pytest.mark.parametrize("smaller, larger", [("5", "5.1"), ("5.1", "5.2"), ("5.9", "5.10"),
                                             ("6", "6a"), ("6b", "7"), ("41/24", "42/24"),
                                             ("DEV12/24", "DEV13/24"), ("2503.01", "2503.02")])
def test_number_order(smaller, larger):
    assert number_key(smaller) < number_key(larger)


def test_letter_coded_numbers_and_a_page_header_that_repeats_the_body():
    text = ("AM57 APOLOGIES\n\nNone.\n\n12 FULL COUNCIL\n\nAM58 MINUTES\n\nSigned.\n\n"
            "AM59 Budget Monitoring\n\nNoted.\n")
    rows = extract_items(parse_text("Full Council\n" + MINUTES_HEAD + text, "t.txt"))["items"]
    assert [(r["number"], r["title"]) for r in rows] == [
        ("AM57", "APOLOGIES"), ("AM58", "MINUTES"), ("AM59", "Budget Monitoring")]


def test_agenda_front_sheet_then_minutes_numbered_again():
    text = ("1. Declarations of interest 1\n2. Apologies for absence\n3. Annual report 9\n"
            "4. Work programme 21\n\n1 DECLARATIONS OF INTEREST\n\nNone.\n\n2 MINUTES\n\n"
            "Agreed.\n\n3 ANNUAL REPORT\n\nNoted.\n")
    assert items(text) == [("1", "Declarations of interest"), ("2", "Apologies for absence"),
                           ("3", "Annual report"), ("4", "Work programme"),
                           ("1", "DECLARATIONS OF INTEREST"), ("2", "MINUTES"),
                           ("3", "ANNUAL REPORT")]


def test_a_long_title_fills_a_gap_in_the_numbering():
    text = ("41. Apologies for Absence\n\nNone.\n\n"
            "42. Declarations of Disclosable Pecuniary Interest under the Localism Act 2011 "
            "not already entered in the register and any written requests for a "
            "Dispensation\n\nThere were none.\n\n"
            "43. Notes of the meeting of the Council held on Tuesday 4 June 2024 to be "
            "approved as Minutes and signed by the Chair\n\nRESOLVED - That the notes be "
            "approved.\n\n44. Village Hall Lease\n\nDeferred.\n")
    assert [n for n, _ in items(text)] == ["41", "42", "43", "44"]
    assert items(text)[2][1].endswith("signed by the Chair")


def test_a_sentence_or_a_paragraph_number_does_not_fill_a_gap():
    text = ("5. Apologies for Absence\n\nNone.\n\n6. Finance\n\nThe Clerk reported.\n\n"
            "7.2 The invoices for the footpath works and for the bus shelter repairs would "
            "be paid by the Clerk this month\n\n"
            "8. The Clerk reported that the footpath gate had been replaced by the "
            "contractor at no cost to the Council.\n\n9. Date of Next Meeting\n\n3 June.\n")
    assert [n for n, _ in items(text)] == ["5", "6", "9"]


def test_a_front_sheet_title_wrapped_round_its_page_number():
    text = ("AGENDA\n\n1. Apologies for absence 1\n\n"
            "2. Minutes of the meeting held on 4 March 2024 and notes of 3 the informal "
            "session with the Standards Committee held on 4 March 2024\n\n"
            "3. Treasury management update 9\n\n4. Work programme 21\n")
    assert items(text)[1] == ("2", "Minutes of the meeting held on 4 March 2024 and notes "
                              "of the informal session with the Standards Committee held "
                              "on 4 March 2024")


def test_a_number_that_reads_as_a_date_stays_in_a_wrapped_title():
    text = ("AGENDA\n\n1. Apologies for absence 1\n\n"
            "2. Minutes of the meeting held on 4 March and of the budget session held on "
            "May 5 and the members' seminar held later that week\n\n"
            "3. Treasury management update 9\n\n4. Work programme 21\n")
    assert "May 5 and" in items(text)[1][1]


def test_bracketed_numbers_number_items_only_where_they_are_the_papers_style():
    text = ("(1) Present:\n\nCouncillors A Hale and B Dunn.\n\n"
            "(2) The following officers attended:\n\nJ Pike (Clerk).\n\n"
            "110. Apologies for Absence\n\nNone.\n\n111. Minutes\n\nAgreed.\n\n"
            "112. Budget Monitoring\n\nNoted.\n")
    assert [n for n, _ in items(text)] == ["110", "111", "112"]


def test_bracketed_parts_of_a_resolution_are_not_items():
    text = ("Agenda item\nBudget Setting 2025/26\nMinutes:\nThe Cabinet considered the report.\n"
            "RESOLVED:\n(1) Agree the revenue budget\n(2) Approve the capital programme\n"
            "(3) Note the risks\n")
    rows = extract_items(parse_text(text, "t.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [("", "Budget Setting 2025/26")]
    assert rows["decisions"][0]["text"].startswith("(1) Agree the revenue budget")


@pytest.mark.parametrize(("number", "key"), [
    ("01/25/03", (1, 25, 3)),  # item 3 of meeting 01 in 2025
    ("10531/04/25", (10531, 4, 25)),  # a running number, month and year
    ("268/24/25", (268, 24)),  # minute 268 of 2024/25
    ("41/24", (41,)),
])
def test_number_keys_of_three_part_numbers(number, key):
    assert number_key(number) == key


def test_a_title_wrapped_after_a_dangling_word_is_joined():
    text = ("AGENDA\n\n4 Consideration of the Purchase of Play Equipment for the Playing Field\n"
            "See report from playing fields committee\n"
            "5 To Consider a Petition from 30 Young People in the Parish asking for the\n"
            "Formation of a Youth Club\n6 Planning\n")
    assert items(text) == [
        ("4", "Consideration of the Purchase of Play Equipment for the Playing Field"),
        ("5", "To Consider a Petition from 30 Young People in the Parish asking for the "
              "Formation of a Youth Club"),
        ("6", "Planning")]


def test_a_heading_ending_in_a_dash_takes_no_line_below():
    text = ("51        MINUTES -\n\nRECOMMENDED - THAT the minutes of the meeting held on "
            "8th May be approved.\n\n52        DECLARATIONS OF INTEREST -\n\nNone.\n")
    assert items(text) == [("51", "MINUTES"), ("52", "DECLARATIONS OF INTEREST")]


def test_dot_leaders_and_pages_end_an_agenda_title():
    text = ("AGENDA\n\n1. Apologies for absence ................................ 1\n"
            "2. Minutes of the meeting held on 3 February 2025 ................ 3 - 8\n"
            "3. Any other business\n")
    assert items(text) == [("1", "Apologies for absence"),
                           ("2", "Minutes of the meeting held on 3 February 2025"),
                           ("3", "Any other business")]


def test_addresses_after_a_number_are_not_items():
    text = ("1. Apologies\n\nNone.\n\n2. Planning Applications\n\n24/00123/FUL\n"
            "14 Market Street, Oakham\nErection of a single storey rear extension.\n"
            "RESOLVED: That permission be granted.\n\n22 Church Lane\nReplacement windows.\n\n"
            "3. Appeals\n\n7 Station Approach - allowed\n\n4. Date of Next Meeting\n\n"
            "1 July 2025 at 7.00 pm\n")
    assert [n for n, _ in items(text)] == ["1", "2", "3", "4"]


def test_a_short_sentence_under_a_lone_number_is_not_its_title():
    text = ("APOLOGIES\nPLA146/25\nApologies for absence were recorded from Councillor Ames.\n"
            "LOBBYING\nPLA147/25\nNo declarations of lobbying were made.\n")
    assert items(text) == [("PLA146/25", "APOLOGIES"), ("PLA147/25", "LOBBYING")]


def test_page_words_and_numbers_end_an_agenda_title():
    text = ("AGENDA\n\n1. Apologies for Absence\n\n"
            "2. Minutes of the Previous Meeting Pages 5 - 12\n\n"
            "3. Budget Monitoring Report Pages 13 - 30\n\n4. Work Programme Page 31\n")
    assert [t for _, t in items(text)] == [
        "Apologies for Absence", "Minutes of the Previous Meeting", "Budget Monitoring Report",
        "Work Programme"]


def test_a_list_numbered_again_from_one_inside_an_item_is_not_items():
    text = ("1. Apologies for Absence\nNone.\n\n2. Matters Arising\nActions from the last meeting\n"
            "1. Bench Repairs\nCompleted by the contractor.\n2. Hedge Cutting\nOngoing.\n"
            "3. Dog Bins\nAwaiting delivery.\n\n3. Finance\nThe accounts were approved.\n")
    assert items(text) == [("1", "Apologies for Absence"), ("2", "Matters Arising"),
                           ("3", "Finance")]


def test_a_lone_roman_letter_before_a_name_is_an_initial():
    text = "V SMITH\n\nI would like to thank everyone.\n"
    assert items(text) == []
    assert number_key("IV") == (4,) and number_key("IX") == (9,) and number_key("XII") == (12,)


def test_a_numbered_paragraph_under_an_upper_case_heading_is_that_item():
    text = ("ROAD SAFETY PLAN 2025/26\n\n"
            "2.        There was submitted a report by the Chief Officer on the plan.\n\n"
            "Decided: that the report be noted.\n\n"
            "GRITTING ROUTES\n\n"
            "3.        There was submitted a report seeking approval of the routes.\n\n"
            "Decided: that the routes be approved.\n")
    assert items(text) == [("2", "ROAD SAFETY PLAN 2025/26"), ("3", "GRITTING ROUTES")]


def test_minute_numbers_opening_paragraphs_under_headings_with_a_body_prefix():
    text = ("ACA APOLOGIES FOR ABSENCE\n\n"
            "21/25 Apologies for absence were recorded as shown above.\n\n"
            "ACA MINUTES OF THE PREVIOUS MEETING\n\n"
            "22/25 The minutes of the meeting held on 3 March were agreed.\n")
    assert items(text) == [("21/25", "ACA APOLOGIES FOR ABSENCE"),
                           ("22/25", "ACA MINUTES OF THE PREVIOUS MEETING")]


def test_a_decision_keyword_above_numbered_parts_is_no_item_title():
    text = ("4. Budget Report\n\nThe report was presented.\n\nRESOLVED\n\n"
            "1. That the budget be approved and the precept be set at the level shown.\n\n"
            "2. That the reserves policy be noted by the Council.\n\n"
            "5. Correspondence\n\nNone.\n")
    assert items(text) == [("4", "Budget Report"), ("5", "Correspondence")]


def test_a_table_repeating_the_items_above_the_minutes_is_not_items():
    text = ("No.  Item                                   Decision\n"
            "1.   The Chair's Business                   Received\n"
            "2.   Apologies                              Nil\n"
            "3.   Correspondence                         Noted\n\n"
            "1. THE CHAIR'S BUSINESS\n\nThe Chair welcomed members.\n\n"
            "2. APOLOGIES\n\nNil.\n\n3. CORRESPONDENCE\n\nNoted.\n")
    assert items(text) == [("1", "THE CHAIR'S BUSINESS"), ("2", "APOLOGIES"),
                           ("3", "CORRESPONDENCE")]


def test_lettered_parts_under_a_title_are_not_part_of_it():
    text = ("7. Precept 2025/26\n\nThe precept was set.\n\n8. Finance\n"
            "a. Current Financial Position.\nThe balance was reported.\n"
            "b. Invoices and Payments.\nThe payments were approved.\n\n"
            "9. Date of Next Meeting\n\nTo be confirmed.\n")
    assert items(text) == [("7", "Precept 2025/26"), ("8", "Finance"),
                           ("9", "Date of Next Meeting")]


def test_a_sentence_under_a_title_ending_in_a_dangling_word_is_not_part_of_it():
    text = ("7. Membership of the Joint Board\n\nThe Council agreed the appointment.\n\n"
            "8.         Information Reports - if called in\n\n"
            "No information reports were called in.\n\n9. Question Time\n\nNone.\n")
    assert items(text)[1] == ("8", "Information Reports - if called in")


def test_unnumbered_capital_headings_need_an_attendance_record():
    body = ("APOLOGIES FOR ABSENCE\nApologies were received from Councillor Jo Hale.\n\n"
            "MINUTES OF THE PREVIOUS MEETING\nRESOLVED that the minutes be approved.\n")
    head = "KINGSMERE FIRE AUTHORITY\n\nMinutes of the meeting held on 12 February 2024\n\n"
    def found(text: str) -> list[tuple[str, str]]:
        rows = extract_items(parse_text(text, "t.txt"))["items"]
        return [(row["number"], row["title"]) for row in rows]
    assert found(head + "Present: Councillors Ann Bell and Tom Reed\n\n" + body) == [
        ("", "APOLOGIES FOR ABSENCE"), ("", "MINUTES OF THE PREVIOUS MEETING")]
    assert found(head + body) == []  # a report's capital headings are no items


def test_a_paragraph_number_under_an_item_s_number_is_not_the_item():
    # a parish clerk's minutes from a PDF with a margin column: the item's number, then its
    # first paragraph's number, each alone on a line, then the title
    text = ("MINUTES OF THE MEETING OF TREVANNOCK PARISH COUNCIL HELD ON 3 JUNE 2025\n\n"
            "1.\nAPOLOGIES\nApologies were received from Cllr J Tonkin.\n\n"
            "2.\n2.1\nURGENT ITEMS\nThe Clerk said one item was urgent.\n\n"
            "3.\n3.1.1\nDECLARATIONS OF INTEREST\nCllr B Jago declared an interest in item 9."
            "\n3.1.2\nNo other declarations were made.\n\n4.\nPLANNING\nNo applications.\n")
    assert items(text) == [("1", "APOLOGIES"), ("2", "URGENT ITEMS"),
                           ("3", "DECLARATIONS OF INTEREST"), ("4", "PLANNING")]


def test_an_upper_case_heading_run_into_its_decision_or_a_list_s_label_ends_there():
    # run-on community council minutes: each item a paragraph opening with its heading
    text = ("CYNGOR CYMUNED TREFALLT COMMUNITY COUNCIL\n\nMINUTES OF THE MEETING HELD ON 14th "
            "OCTOBER 2025\n\n52.PRESENT Councillors: D Bevan, Mrs A Cole & G Ellis\n\n"
            "53. APOLOGIES Apologies for absence were received from Councillor K Rhys.\n\n"
            "54. MINUTES OF THE PREVIOUS MEETING RESOLVED that the minutes of the meeting held "
            "on 9th September 2025 be approved.\n\n55. PLANNING No observations were made.\n")
    assert items(text) == [("52", "PRESENT"), ("53", "APOLOGIES"),
                           ("54", "MINUTES OF THE PREVIOUS MEETING"), ("55", "PLANNING")]


def test_a_table_of_contents_and_a_vote_count_are_no_items():
    # a Northern Irish council's minutes open with a table of the items and their decisions
    text = ("COUNCIL MEETING TUESDAY 3 FEBRUARY 2026\n\nTable of Contents\n\nNo Item Decisions\n\n"
            "1. The Mayor's Business Received\n\n2. Apologies Recorded\n\n"
            "3. Notice of Motion Agreed\n\nMINUTES OF THE COUNCIL MEETING HELD ON 3 FEBRUARY "
            "2026\n\n1. THE MAYOR'S BUSINESS\n\nThe Mayor thanked staff.\n\n2. APOLOGIES\n\n"
            "Apologies were recorded.\n\n3. NOTICE OF MOTION\n\nOn being put to the vote:\n\n"
            "11 Members voted For; 0 Members voted Against; 1 Member Abstained\n\n"
            "The Mayor declared the motion carried.\n")
    assert items(text) == [("1", "THE MAYOR'S BUSINESS"), ("2", "APOLOGIES"),
                           ("3", "NOTICE OF MOTION")]
