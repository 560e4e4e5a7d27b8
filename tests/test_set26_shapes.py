"""Shapes met in a blind held-out round (set 26): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text
from pipeline.readers.unflatten import unflatten


def test_minute_rows_a_mirror_joined_with_a_slash() -> None:
    rows = extract_document(parse_text(
        "KESTON JOINT BURIAL COMMITTEE\n\n4th May 2026\n\nPRESENT:\n\nCouncillors Abbot, Kerr "
        "and Lund.\n\nNo. /\n\n"
        "2207 / APPOINTMENT OF CHAIR – Resolved – That Councillor Abbot be Chair for the year.\n"
        "2208 / MINUTES – Resolved – That the minutes of 2nd February be signed.\n"
        "2209 / GROUNDS MAINTENANCE - The Clerk reported on the mowing contract.\n"
        "Resolved – That the contract be extended for one year.\n", "burial.txt"))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("2207", "APPOINTMENT OF CHAIR"), ("2208", "MINUTES"), ("2209", "GROUNDS MAINTENANCE")]
    assert [r["item"] for r in rows["decisions"]] == ["2207", "2208", "2209"]


def test_resolutions_numbered_after_their_keyword() -> None:
    rows = extract_document(parse_text(
        "ASHCOMBE PARISH COUNCIL\n\nMinutes of the meeting held on 3 November 2025\n\n"
        "Present: Cllr A Lee (Chair), Cllr B Roe\n\nPC/41/25 Apologies\nCllr D Fry (work).\n"
        "Resolved 25/101: that the reasons for absence be accepted.\n\nPC/42/25 Payments\n"
        "Resolved No. 102 - that the payments be approved.\n", "parish.txt"))
    assert [(r["item"], r["kind"], r["text"]) for r in rows["decisions"]] == [
        ("PC/41/25", "RESOLVED", "that the reasons for absence be accepted."),
        ("PC/42/25", "RESOLVED", "that the payments be approved.")]


def test_a_tab_indented_paper_with_decision_headings() -> None:
    rows = extract_document(parse_text(
        "RAVENGLASS COUNCIL\n\nMinutes of Meeting of the Scrutiny Committee held on 2 June 2026"
        "\n\n\tPresent: Councillors Ames and Birt.\n\n 1.\tRISK REGISTER\n\n"
        "\tThe Head of Finance presented the register.\n\n\tDecision\n\n"
        "\tThe Scrutiny Committee reviewed and endorsed the Risk Register.\n\n"
        " 2.\tWORK PLAN\n\n\tDecision\n\n\tThe Scrutiny Committee -\n\n"
        "\t1.\tnoted the work plan; and\n\n\t2.\tagreed to add a review of ferries.\n",
        "scrutiny.txt"))
    assert [(r["item"], r["kind"]) for r in rows["decisions"]] == [
        ("1", "DECISION"), ("2", "DECISION")]
    assert rows["decisions"][0]["text"].startswith("The Scrutiny Committee reviewed and endorsed")
    assert "agreed to add a review" in rows["decisions"][1]["text"]


def test_a_one_line_page_with_paragraph_numbers_and_footnoted_members() -> None:
    text = (
        "WESTFIELD POLICING BOARD MINUTES OF THE RESOURCES COMMITTEE MEETING HELD ON THURSDAY "
        "5 MARCH 2026 AT 10.00AM PRESENT: (1) Mr Aidan Quigley (Chairperson) Ms Ruth Ferris "
        "(2) Dr Owen Magee Mrs Leanne Boyce PSNI IN ATTENDANCE (1) ACC Helen Durkan "
        "(1) Item 2.2 only (2) Open to item 3.1 1. APOLOGIES, ETC Apologies were received from "
        "Mr Colm Tierney. 2.1 DRAFT MINUTES OF MEETING HELD ON 5 FEBRUARY 2026 It was: AGREED: "
        "To approve the draft minutes. 2.2 Estates Strategy Update ACC Durkan briefed the "
        "Committee on the sale of two stations. NOTED. 3. FINANCE 3.1 Budget Monitoring Report "
        "The Committee considered the month ten position and the forecast underspend. "
        "AGREED: That the report be noted. 3.2 Procurement Plan The Committee noted the plan. "
        "NOTED. 4. DATE OF NEXT MEETING 4.1 The next meeting will be held on 9 April 2026.")
    rows = extract_document(unflatten(parse_text(text, "board.txt")))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "APOLOGIES, ETC"), ("2.1", "DRAFT MINUTES OF MEETING HELD ON 5 FEBRUARY 2026"),
        ("2.2", "Estates Strategy Update"), ("3", "FINANCE"), ("3.1", "Budget Monitoring Report"),
        ("3.2", "Procurement Plan"), ("4", "DATE OF NEXT MEETING")]
    names = [r["name"] for r in rows["attendees"]]
    assert names[:4] == ["Aidan Quigley", "Ruth Ferris", "Owen Magee", "Leanne Boyce"]
    assert [r["name"] for r in rows["apologies"]] == ["Colm Tierney"]


def test_a_packs_dates_are_not_the_minutes_own() -> None:
    stamped = extract_document(parse_text(
        "HARTLAND PSB 12.03.26          AGENDA ITEM 04\n\nHartland Public Services Board\n\n"
        "Meeting 7   2:00pm Tuesday 9th December 2025   Notes of Meeting\n\n"
        "Present:\nCllr Nia Rowlands (Chair)\n\n1. Welcome\n\nNoted.\n", "psb.txt"))
    assert stamped["documents"][0]["date"] == "2025-12-09"
    covered = extract_document(parse_text(
        "ALDERSHAW RECORDS COMMITTEE\nDate: Friday 6 March 2026\nTime: 10.30am\n\n"
        "Aldershaw Records Committee\nMinutes of the Meeting held on 14 November 2025\n\n"
        "Present: Mr G Orme (Chairman), Mrs J Pask\n\n1. Apologies\n\nNone.\n", "rec.txt"))
    assert covered["documents"][0]["kind"] == "minutes"
    assert covered["documents"][0]["date"] == "2025-11-14"


def test_a_flattened_table_of_bodies_and_their_titled_members() -> None:
    from pipeline.extractors.people.titled_runs import titled_run

    line = ("Present: Ashby County Council Mr G Orme (Chairman) Mrs J Pask-Hill Dr R Lane "
            "Ashby City Council Ms P Okoro Co-Opted Members of the Ashby Record Society "
            "Prof S Hale Observer Ms F Lyle")
    rows = extract_document(parse_text(
        f"ASHBY RECORDS COMMITTEE\n\nMinutes of the Meeting held on 3 July 2026\n\n{line}\n\n"
        "1. Apologies\n\nNone.\n", "records.txt"))
    assert [(r["name"], r["role"]) for r in rows["attendees"]] == [
        ("G Orme", "Chairman"), ("J Pask-Hill", ""), ("R Lane", ""), ("P Okoro", ""),
        ("S Hale", ""), ("F Lyle", "")]
    sentence = "The Chair thanked Mr G Orme, Mrs J Pask and Dr R Lane for their work on it"
    assert titled_run(sentence, 0, len(sentence)) == []


def test_replacements_observers_and_apologies_from_a_group() -> None:
    rows = extract_document(parse_text(
        "Corporate Parenting Board - Wednesday, 4th March, 2026 6.00 pm\n\n"
        "Minutes of the meeting\n\n1. Introductions and Apologies\n\n"
        "Apologies were received from Fiona Marsh and Tom Iqbal. Apologies from Observers "
        "were received from Louise Hart.\n\nReplacements for this meeting were as follows:\n\n"
        "·  Kemi Oduya for Tom Iqbal, Virtual School, Westshire County Council\n\n"
        "Paula Greer, Westshire Youth Justice Service, observed the meeting.\n\n"
        "2. Minutes\n\nResolved: That the minutes be agreed.\n", "cpb.txt"))
    assert [r["name"] for r in rows["apologies"]] == ["Fiona Marsh", "Tom Iqbal", "Louise Hart"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Tom Iqbal", "Kemi Oduya")]
    assert [(r["name"], r["role"]) for r in rows["attendees"]] == [
        ("Kemi Oduya", "Substitute"), ("Paula Greer", "")]
