"""Shapes met in blind held-out rounds (sets 27 and 28): each general, each with its own
paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text
from pipeline.readers.unflatten import unflatten


def test_decision_labels_over_a_sum_and_a_sub_committee_that_has_decided() -> None:
    rows = extract_document(parse_text(
        "Eastmoor Community Safety Partnership Board\n\nAction notes of the meeting held on "
        "3 June 2026\n\nPresent: Cllr A Bell (Chair), Mr C Dee\n\n1. Youth outreach fund\n\n"
        "The Board discussed the fund.\n\nDecision: £20,000 of the allocation to be "
        "ring-fenced for the Northgate outreach project.\n\n2. Licensing review\n\nDECISION\n\n"
        "The Sub-Committee has decided to GRANT the application subject to conditions.\n",
        "csp.txt"))
    assert [(r["item"], r["kind"], r["text"][:22]) for r in rows["decisions"]] == [
        ("1", "DECISION", "£20,000 of the allocat"), ("2", "DECISION", "The Sub-Committee has ")]


def test_a_flattened_island_minute_with_qualified_resolutions() -> None:
    filler = ("After consideration of a report by the Head of Finance, copies of which had been "
              "circulated, and after hearing a report from the Senior Manager, the Committee: ")
    text = (
        "Minute Harbours Committee Tuesday, 8 September 2026, 10:30.\n\n"
        "Present Councillors Magnus T Eunson, Ingrid S Flaws and Erlend J Spence.\n\n"
        f"1. Revenue Monitoring {filler}Noted: 1.1. The revenue statement for the period to 31 "
        "July 2026, attached as Annex 1 to the report, indicating an overspend of £184,600 on "
        "the service areas for which the Committee was responsible, and the actions proposed "
        "by the Head of Finance in respect of the significant budget variances found there. "
        "1.2. The detail by service area, attached as Annex 2 to the report by the Head of "
        "Finance, for the same period and the same service areas.\n\n"
        f"2. Air Services – Summer Timetable {filler}Resolved, in terms of delegated powers: "
        "2.1. That the summer timetable be approved.\n\n"
        f"3. Pier Dues – Fishing Vessels {filler}Resolved, in terms of delegated powers: "
        "3.1. That pier dues for vessels under 10 metres remain at the 2026 rate for 2027, "
        "as the Harbour Master's report recommended after consulting the fishing industry, "
        "and that the position be reviewed in the autumn of 2027 with the harbour users.\n")
    rows = extract_document(unflatten(parse_text(text, "island.txt")))
    assert [(r["number"], r["title"]) for r in rows["items"]] == [
        ("1", "Revenue Monitoring"), ("2", "Air Services – Summer Timetable"),
        ("3", "Pier Dues – Fishing Vessels")]
    assert [(r["item"], r["kind"]) for r in rows["decisions"]] == [
        ("1", "NOTED"), ("2", "RESOLVED"), ("3", "RESOLVED")]
    assert " ".join(rows["decisions"][1]["text"].split()).startswith(
        "in terms of delegated powers: 2.1. That")


def test_a_council_of_governors_and_no_person_for_a_body() -> None:
    rows = extract_document(parse_text(
        "                                                    NHS Foundation Trust\n"
        "ESKDALE HOSPITALS\n\nCOUNCIL OF GOVERNORS – MEETING HELD IN PUBLIC\n\n"
        "Minutes of the Meeting held on Thursday 15th October 2026, 2.00pm\n\nPresent:\n"
        "Mr Jonah Askew            Chairman of the Trust (in the Chair)\n"
        "Mrs Maggie Oyelowo        Public Governor, Eskdale North\n"
        "Dr Tunde Bankole          Staff Governor, Medical and Dental\n\n"
        "26/061    CHAIRMAN'S WELCOME\n\nThe Chairman welcomed governors.\n", "cog.txt"))
    assert rows["documents"][0]["body"].casefold() == "council of governors"


def test_an_absent_label_after_apologies_written_with_abbreviations() -> None:
    rows = extract_document(parse_text(
        "ASHTON JOINT BURIAL COMMITTEE\n\nMinutes of the meeting held on 3 May 2026\n\n"
        "Present: Cllr. A. Bell (Chair), Cllr. C. Dee.\nApologies:  Cllr. Stone, Mrs. J. "
        "Garth (churchwarden).  Absent: Cllr. Oxley.\n\n1. Minutes\n\nApproved.\n", "b.txt"))
    assert [r["name"] for r in rows["apologies"]] == ["Stone", "J. Garth"]
    assert [r["name"] for r in rows["attendees"]] == ["A. Bell", "C. Dee"]


def test_a_deputy_named_at_the_end_of_an_attendee_line() -> None:
    rows = extract_document(parse_text(
        "Brackenmoor Community Safety Partnership Board\n\nAction notes of the meeting held "
        "on 3 June 2026\n\nAttendees:\nCllr Hattie Voss – Chair, Brackenmoor District Council "
        "(HV)\nMartin Oke – Youth Justice Manager, Eastmoor County Council (MO) – deputising "
        "for Alison Reid\n\nApologies:\nAlison Reid – Head of Youth Justice\n\n1. Welcome\n\n"
        "Noted.\n", "csp.txt"))
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Alison Reid", "Martin Oke")]


def test_a_header_laid_out_as_labels_over_their_values() -> None:
    rows = extract_document(parse_text(
        "Ashmead Learning Trust\nMinutes Title:\nHeron Vale Academy Local Governing Body\n"
        "Date:\n24th September 2026\nTime:\n6.00pm\nChair:\nPriya Lakhani\n\n"
        "1. Welcome and apologies\n\nApologies were received from Mr T Renwick.\n", "lgb.txt"))
    assert (rows["documents"][0]["body"], rows["documents"][0]["date"]) == (
        "Heron Vale Academy Local Governing Body", "2026-09-24")


def test_a_scottish_minute_titled_minute_with_a_24_hour_time() -> None:
    rows = extract_document(parse_text(
        "Page 2211.\n\nMinute Harbours and Ferries Committee Tuesday, 8 September 2026, 10:30. "
        "Council Chamber, Council Offices, Harbour Road, Skeldwick.\n\n"
        "Present Councillors Magnus T Eunson and Ingrid S Flaws.\n\n1. Revenue Monitoring\n\n"
        "Noted.\n", "minute.txt"))
    assert (rows["documents"][0]["body"], rows["documents"][0]["date"]) == (
        "Harbours and Ferries Committee", "2026-09-08")


def test_an_apology_sentence_after_the_attendance_list_adds_no_attendees() -> None:
    rows = extract_document(parse_text(
        "Kinross Local Licensing Forum\n\nMinutes of the meeting held on 4 March 2026\n\n"
        "Present:- Rona Gill, Convener; Hector Monro (licensed trade).\n\n"
        "In attendance:- Lesley Baxter, Licensing Standards Officer; and Eilidh Bran, Clerk."
        "\n\nThe Clerk advised that apologies for absence had been intimated from Inspector "
        "Jill Coutts (Police Scotland), Dr Amrit Sandhu (NHS Kinross) and Kirsty Mowat "
        "(Student Association).\n\n1. Minutes\n\nNoted.\n", "forum.txt"))
    assert [r["name"] for r in rows["attendees"]] == [
        "Rona Gill", "Hector Monro", "Lesley Baxter", "Eilidh Bran"]
    assert [r["name"] for r in rows["apologies"]] == ["Jill Coutts", "Amrit Sandhu", "Kirsty Mowat"]


def test_an_adviser_written_office_firm_then_name() -> None:
    rows = extract_document(parse_text(
        "Joint Pensions Committee\n\nMinutes of the meeting held on 4 March 2026\n\n"
        "PRESENT: Councillors A Bell (Chair) and C Dee.\n\nIN ATTENDANCE: Head of Pensions "
        "(Anjali Mistry); Fund Actuary, Barlow Hennessy LLP (Neil Ashworth); Committee "
        "Secretary (Olu Babatunde).\n\n1. Minutes\n\nAgreed.\n", "pensions.txt"))
    assert [(r["name"], r["role"], r["organisation"]) for r in rows["attendees"][2:]] == [
        ("Anjali Mistry", "Head of Pensions", ""),
        ("Neil Ashworth", "Fund Actuary", "Barlow Hennessy LLP"),
        ("Olu Babatunde", "Committee Secretary", "")]
