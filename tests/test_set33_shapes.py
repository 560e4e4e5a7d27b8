"""Shapes met in blind held-out rounds (sets 33 and 34): each general, each with its own
paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text
from pipeline.readers.unflatten import unflatten


def _rows(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "paper.txt"))


def test_substitutes_after_a_dash_apologies_given_for_and_members_present_under_a_rule() -> None:
    rows = _rows(
        "Overview and Scrutiny Committee\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "PRESENT: Cllr A Bell (Chair), Cllr C Dee\n\nCllr P Fenwick – substitute for Cllr G "
        "Bellweather\n\nCouncillors L Marwood and N Stebbings were also present pursuant to "
        "Council Procedure Rule No 15.21.\n\n1. Apologies\n\nApologies were given for Rohan "
        "Pillai, Gwen Tetley and Inspector Tom Hadley\n")
    assert [r["name"] for r in rows["attendees"]] == [
        "A Bell", "C Dee", "P Fenwick", "L Marwood", "N Stebbings"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("G Bellweather", "P Fenwick")]
    assert [r["name"] for r in rows["apologies"]] == ["Rohan Pillai", "Gwen Tetley", "Tom Hadley"]


def test_keyword_parts_numbered_in_roman_numerals_with_a_stop() -> None:
    rows = _rows(
        "Education Committee\n\nMinutes of the meeting held on 1 May 2025\n\n2. Budget\n\n"
        "The Committee:\n\ni. NOTED the forecast overspend; and\n\nii. AGREED that a breakdown "
        "be provided.\n")
    assert [(r["kind"], r["text"]) for r in rows["decisions"]] == [
        ("NOTED", "the forecast overspend; and"), ("AGREED", "that a breakdown be provided.")]


def test_letter_and_number_minutes_run_into_their_titles() -> None:
    rows = _rows(
        "Combined Fire Authority\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "A1Declarations of interest\n\nNone.\n\nA2Minutes of the meeting held on 12 February "
        "2026\n\nRESOLVED: That the minutes be approved.\n\nA3Budget Monitoring\n\nRESOLVED: "
        "That the report be noted.\n")
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("A1", "Declarations of interest"),
        ("A2", "Minutes of the meeting held on 12 February 2026"), ("A3", "Budget Monitoring")]


def test_a_title_case_heading_ending_present_labels_a_slashed_table_under_it() -> None:
    rows = _rows(
        "Safer Neighbourhood Board\n\nMinutes\n\nWednesday 4th February 2026\n\n"
        "SNB Member Organisations Present\n\nNamed Representative / Organisation\n"
        "Delphine Asante – Chair / Brentmoor Tenants Federation\nChief Inspector Ravi Mahal / "
        "Brentmoor Met\nBernadette Ulloa / Victim Support\n\nOther Attendees Present\n\n"
        "Name / Organisation\nPC Olu Bankole / Kingsgate SNT\n\n1. / Chair's Welcome\n"
        "2. / Apologies\n")
    assert [(r["name"], r["organisation"]) for r in rows["attendees"]] == [
        ("Delphine Asante", "Brentmoor Tenants Federation"), ("Ravi Mahal", "Brentmoor Met"),
        ("Bernadette Ulloa", "Victim Support"), ("Olu Bankole", "Kingsgate SNT")]


def test_an_apologies_row_whose_next_cell_names_who_substituted() -> None:
    rows = _rows(
        "Community Safety Partnership\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: "
        "Cllr A Bell\n\n1. Apologies\n\nSuperintendent Gareth Lowde\t- Chief Inspector Amy Stroud "
        "substituted\nDr Helen Maskery\t- Dominic Faro substituted\n\n2. Other\n\nNone.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Gareth Lowde", "Amy Stroud"), ("Helen Maskery", "Dominic Faro")]
    assert [r["name"] for r in rows["attendees"]] == ["A Bell", "Amy Stroud", "Dominic Faro"]


def test_a_yearless_date_label_takes_the_year_of_its_month_in_the_title() -> None:
    rows = _rows(
        "Wrexford Town Centre BID Board – January 2024\nDate: Tuesday 23 January @5.30pm\n"
        "Venue: The Corn Exchange\nDirectors attending: Marcus Delahaye (Delahaye Opticians), "
        "Priya Sandhu (Sandhu & Co)\nApologies: Jon Fitch\n\n1. Welcome\n\nMinutes of 12 "
        "December 2023 approved.\n")
    document = rows["documents"][0]
    assert (document["kind"], document["date"]) == ("minutes", "2024-01-23")


def test_a_town_council_flattened_with_running_minute_numbers_in_capitals() -> None:
    filler = "Members discussed the matter at some length and asked questions of the Clerk. " * 3
    rows = extract_document(unflatten(parse_text(
        "Full Council 14 January 2026 Page 1 61/26 MINUTES OF A MEETING OF FULL COUNCIL OF "
        "LLANGARRAN TOWN COUNCIL HELD ON WEDNESDAY 14th JANUARY 2026 AT 7PM IN THE COUNCIL "
        "CHAMBER PRESENT: Cllr M Prosser (Mayor) Cllr D Bevan Cllr S Caradog APOLOGIES: Cllr K "
        f"Thomas 1421 DECLARATIONS OF INTEREST None. 1422 MINUTES OF THE LAST MEETING {filler}"
        "RESOLVED: The minutes were confirmed. 1423 POLICE MATTERS PCSO Hughes reported on "
        f"crime. {filler}1424 MAYOR'S ANNOUNCEMENTS The Mayor thanked the volunteers.\n",
        "town.txt")))
    document = rows["documents"][0]
    assert (document["kind"], document["body"], document["date"]) == (
        "minutes", "LLANGARRAN TOWN COUNCIL", "2026-01-14")
    assert [r["number"] for r in rows["items"]] == ["1421", "1422", "1423", "1424"]
    assert [r["name"] for r in rows["attendees"]] == ["M Prosser", "D Bevan", "S Caradog"]
    assert [(r["item"], r["text"]) for r in rows["decisions"]] == [
        ("1422", "The minutes were confirmed.")]


def test_council_employees_present_labels_officers() -> None:
    rows = _rows(
        "Community Council\n\nMinutes of the meeting held on 1 May 2025\n\nPresent: Cllr A Bell"
        "\nCouncil Employees Present: Clerk Nerys Howells\n\n1. Apologies\n\nNone.\n")
    assert [(r["name"], r["capacity"]) for r in rows["attendees"]] == [
        ("A Bell", "member"), ("Nerys Howells", "officer")]


def test_an_item_heading_run_on_after_a_sentence_by_a_spaced_dash() -> None:
    rows = _rows(
        "Minutes of the Planning Committee Meeting held on Tuesday 6th February 2024\n"
        "Present: Cllrs Rowena Tillotson (Chair), Graham Peabody\n"
        "No one else present intended to record the meeting. - 412 APOLOGIES FOR ABSENCE\n"
        "Cllr Fenella Drury (substituted by Cllr Paul Ingham, who attended); Cllr Bernard Cole\n"
        "413 DECLARATIONS OF INTEREST\nNone.\n414 MINUTES\nThe Minutes were APPROVED.\n")
    assert [r["number"] for r in rows["items"]] == ["412", "413", "414"]
    assert [r["name"] for r in rows["apologies"]] == ["Fenella Drury", "Bernard Cole"]


def test_the_subject_before_an_aside_opening_on_which() -> None:
    rows = _rows(
        "Harrowdale Combined Fire Authority\n\nMinutes of the meeting held on 12 June 2025\n\n"
        "1. Item\n\nThe Harrowdale and Wenbury Blue Light Partnership Board, on which the "
        "Authority, Harrowdale Constabulary and Wenbury Ambulance Service are represented, had "
        "replaced the Joint Estates Steering Group on 1 January 2026.\n")
    assert ("Harrowdale and Wenbury Blue Light Partnership Board", "replaces",
            "Joint Estates Steering Group") in [
        (r["source"], r["relation"], r["target"]) for r in rows["relations"]]


def test_a_rank_before_a_declarants_name_goes_with_the_office() -> None:
    rows = _rows(
        "Community Safety Partnership\n\nMinutes of the meeting held on 1 May 2025\n\n"
        "1. Declarations of Interest\n\nInspector Colin Ferriday declared a personal interest "
        "as a trustee.\n\nMagistrate Ann Lowe declared a personal interest as Chairman of the "
        "Bench.\n")
    assert [r["name"] for r in rows["declarations"]] == ["Colin Ferriday", "Ann Lowe"]
