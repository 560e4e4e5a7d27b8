"""Attendance lists and sentences in shapes English, Scottish and parish minutes print:
lone surnames in capitals after a plural title, surnames opening with a particle, full
names in capitals, 'name, office' pairs in turn, and substitutions told in a sentence of
their own (all text invented)."""

from __future__ import annotations

import pytest

from pipeline.extractors.people.attendance import extract_attendance
from pipeline.extractors.people.lists import parse_list
from pipeline.readers.text import parse_text


def run(*paragraphs: str) -> dict[str, list[dict]]:
    text = "Ashdown District Council\n\nLicensing Committee\n\nMinutes of the meeting held " \
           "on 4 March 2025\n\n" + "\n\n".join(paragraphs) + "\n\n1. Minutes\n\nRESOLVED: " \
           "That the minutes be approved.\n"
    return extract_attendance(parse_text(text, "t.txt"))


def names(rows: list[dict]) -> list[str]:
    return [row["name"] for row in rows]


def listed(text: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.role, p.organisation) for p in parse_list(text, 0, len(text)) or ()]


def test_surnames_in_capitals_after_a_plural_title_are_each_a_name():
    assert listed("Councillors BRIGHTWELL (Chairman), CATTERMOLE, McBRAYNE and "
                  "PENRHYN-JONES") == [("BRIGHTWELL", "Chairman", ""), ("CATTERMOLE", "", ""),
                                       ("McBRAYNE", "", ""), ("PENRHYN-JONES", "", "")]
    result = run("Present: Councillors BRIGHTWELL, DEWAR and QUAYLE",
                 "Apologies: Councillors FOTHERGILL and RUDD")
    assert names(result["attendees"]) == ["BRIGHTWELL", "DEWAR", "QUAYLE"]
    assert names(result["apologies"]) == ["FOTHERGILL", "RUDD"]


def test_capitals_without_a_plural_title_are_not_carried_over():
    # a body's initials in a list with no title before it stay no person
    assert [p[0] for p in listed("Cllr A Bright, NHS and HWB")] == ["A Bright"]


def test_a_lone_surname_may_open_with_a_particle():
    assert [p[0] for p in listed("Councillors Brightwell, Cattermole, de Vere, McBrayne and "
                                 "van der Berg")] == ["Brightwell", "Cattermole", "de Vere",
                                                      "McBrayne", "van der Berg"]
    assert listed("de Vere") == []  # without a title a lone particle surname is no name


def test_full_names_in_capitals_need_a_known_forename():
    rows = listed("ELSPETH GRAY, Director of Communities, NEIL FORSYTH-HAY, Service Leader, "
                  "and MORAG BAIN, Committee Officer")
    assert rows == [("ELSPETH GRAY", "Director of Communities", ""),
                    ("NEIL FORSYTH-HAY", "Service Leader", ""),
                    ("MORAG BAIN", "Committee Officer", "")]
    assert listed("HOUSING OFFICER, POLICE SCOTLAND") == []


def test_name_and_office_in_turn_make_one_person_each():
    rows = listed("Ingrid Sollis, Director of Communities, Tamsin Roe, Committee Officer, "
                  "and Owen Pike, Solicitor")
    assert [r[:2] for r in rows] == [("Ingrid Sollis", "Director of Communities"),
                                     ("Tamsin Roe", "Committee Officer"),
                                     ("Owen Pike", "Solicitor")]
    # an organisation after the office is still a note on the person before it
    assert listed("Ms T Varga, Network Planning Manager, Kestrel Waterways") == [
        ("T Varga", "Network Planning Manager", "Kestrel Waterways")]


def test_an_office_after_and_belongs_to_the_titled_name_after_it():
    result = run("Present: Cllrs C Hartnell and D Pybus.",
                 "Clerk to Council, Mrs S Ambler and Assistant Clerk to Council, Mrs R Lusk "
                 "were present")
    roles = {row["name"]: row["role"] for row in result["attendees"]}
    assert roles["S Ambler"] == "Clerk to Council"
    assert roles["R Lusk"] == "Assistant Clerk to Council"


def test_a_sentence_after_the_list_names_who_else_attended():
    result = run("Present: Cllrs Hartnell, Pybus and Stobart. County Councillor Ruth Ambler "
                 "was in attendance with 9 members of the public.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["Hartnell", "Pybus", "Stobart", "Ruth Ambler"]
    assert rows["Stobart"]["role"] == ""
    assert (rows["Ruth Ambler"]["role"], rows["Ruth Ambler"]["capacity"]) == (
        "County Councillor", "other")


@pytest.mark.parametrize("count", ["two members of the public", "2 members of the public",
                                   "a member of the press", "several residents"])
def test_people_counted_in_a_list_leave_its_names_standing(count):
    # a community council's 'Attending:' run-on line: the count is no person, and a number
    # written as a word does not make the list a sentence
    result = run(f"Present: Cllr Ann Rigg (Chair), Cllr Ben Tolley. Attending: Cllr Cara "
                 f"Voss and {count}.")
    assert names(result["attendees"]) == ["Ann Rigg", "Ben Tolley", "Cara Voss"]


def test_the_people_counted_may_be_named_after_a_dash():
    result = run("Present: Cllr Ann Rigg (Chair), Cllr Ben Tolley. Attending: Cllr Cara Voss "
                 "and two members of the public \u2013 Dan Ruddock and Effie Lorne.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["Ann Rigg", "Ben Tolley", "Cara Voss", "Dan Ruddock", "Effie Lorne"]
    assert rows["Cara Voss"]["organisation"] == ""  # the name after the dash is no office


def pairs(result: dict) -> list[tuple[str, str]]:
    return [(row["member"], row["substitute"]) for row in result["substitutes"]]


def test_substitutions_told_after_the_apology():
    for sentence in ("Apologies for absence were received from Councillor Fothergill with "
                     "Councillor Marsh substituting.",
                     "An apology for absence was received from Councillor Fothergill, for "
                     "whom Councillor Marsh attended as substitute.",
                     "Apologies for absence were received from Councillor Fothergill. "
                     "Councillor Marsh attended as her substitute."):
        result = run("Present: Councillors A Bright and C Dewar", "2. Apologies", sentence)
        assert pairs(result) == [("Fothergill", "Marsh")], sentence
        assert names(result["apologies"]) == ["Fothergill"], sentence


def test_his_substitute_needs_the_member_to_have_sent_apologies():
    result = run("Present: Councillors A Bright and C Dewar",
                 "Councillor Bright welcomed Councillor Dewar. Councillor Marsh attended as "
                 "his substitute.")
    assert pairs(result) == []


def test_a_substitution_sentence_under_an_apologies_label_is_no_apology():
    result = run("Present: Mr P Rendall CC (in the Chair)",
                 "Apologies for absence: Mr G Ransome CC and Mrs V Castle CC.",
                 "Mr B Ellery CC attended as a substitute for Mr G Ransome CC.")
    assert names(result["apologies"]) == ["G Ransome", "V Castle"]
    assert pairs(result) == [("G Ransome", "B Ellery")]


def test_the_chair_named_again_under_also_present_is_the_member():
    result = run("Present: Councillors FIONA DRUMMOND, ALAN PYBUS and RONA SKENE.",
                 "Also Present: MORAG BAIN, Committee Officer.",
                 "Councillor DRUMMOND, Convener, in the Chair.")
    rows = [(row["name"], row["role"], row["capacity"]) for row in result["attendees"]]
    assert ("FIONA DRUMMOND", "Convener", "member") in rows
    assert not any(name == "DRUMMOND" for name, _, _ in rows)


def test_office_groups_joined_by_and_after_a_dash():
    rows = listed("Fraser Gilchrist, Service Manager - Housing Access and Lorna Petrie, Lead "
                  "Officer, Housing Services")
    assert rows == [("Fraser Gilchrist", "Service Manager - Housing Access", ""),
                    ("Lorna Petrie", "Lead Officer", "Housing Services")]


def test_an_area_in_brackets_after_an_office_is_no_person():
    assert listed("Callum Brodie, Community Manager (East Burgh), Communities and "
                  "Neighbourhoods Service") == [
        ("Callum Brodie", "Community Manager (East Burgh)",
         "Communities and Neighbourhoods Service")]
    # an office with its holder in brackets still names the holder
    assert [p[:2] for p in listed("Monitoring Officer (Osian Treharne), Clerk (Ann Bell)")] == [
        ("Osian Treharne", "Monitoring Officer"), ("Ann Bell", "Clerk")]


def test_also_run_on_after_the_last_name_opens_those_also_present():
    # a community council's one-line record: no full stop before 'Also'
    result = run("PRESENT Councillors: D Bevan, G Ellis & Mrs E Vaughan Also PCSO Gethin Lloyd "
                 "& three members of the public")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["D Bevan", "G Ellis", "E Vaughan", "Gethin Lloyd"]
    assert (rows["Gethin Lloyd"]["role"], rows["Gethin Lloyd"]["capacity"]) == ("PCSO", "other")


def test_a_list_ending_in_an_office_with_no_name_keeps_its_last_member():
    result = run("Present: Cllr M Pascoe (Chair), Cllr T Rowse, Cllr P Nance and the Clerk.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["M Pascoe", "T Rowse", "P Nance"]
    assert rows["T Rowse"]["role"] == ""  # not 'Cllr P Nance and the Clerk'


def test_presence_with_a_qualifier_and_two_clauses_joined_by_and():
    result = run("Present: Cllr M Pascoe (Chair), Cllr T Rowse.",
                 "Sam Chenoweth was also present to the point mentioned and PCSO Lisa Harvey "
                 "was present between the points mentioned.")
    assert names(result["attendees"]) == ["M Pascoe", "T Rowse", "Sam Chenoweth", "Lisa Harvey"]


def test_apologies_with_a_reason_in_a_relative_clause_and_had_also_sent():
    result = run("Present: Cllr M Pascoe (Chair).",
                 "Apologies were received and accepted from Cllr J Tonkin who was on holiday "
                 "and Cllr Miss R Hosking who was unwell.",
                 "Unitary Councillor Derek Vosper had also sent his apologies.",
                 "Apologies were received from Cllr A Penhale who was represented by Cllr B "
                 "Kitto and Cllr C Rowe.")
    assert names(result["apologies"]) == ["J Tonkin", "R Hosking", "Derek Vosper", "A Penhale"]


def test_a_roll_inside_an_item_is_read_but_not_its_discussion():
    # a licensing hearing: the parties named in the hearing's item; a site visit and a
    # welcome in an item are discussion
    result = run("Present: Cllr M Pascoe (Chair).",
                 "2. Application for a Premises Licence",
                 "The Chair invited the parties to identify themselves. Present were Mr D Hawke "
                 "(Applicant) and Ms J Varcoe (solicitor for the Applicant).",
                 "Cllr A Bell was present at the site visit. The Chair welcomed Mr C Dee.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["M Pascoe", "D Hawke", "J Varcoe"]
    assert rows["D Hawke"]["capacity"] == "other"


def test_speakers_recorded_as_attending_an_item():
    result = run("Present: Cllr M Pascoe (Chair).", "2. Application 25/0311/FUL",
                 "Note: Mr P Danvers (objector) attended the meeting and addressed the "
                 "Committee on this matter.", "3. Deputation",
                 "Ms H Rankin, Regional Manager, Kestrel Water, was in attendance and presented "
                 "the scheme.", "Cllr C Dee attended the meeting of the working group in May.")
    assert names(result["attendees"]) == ["M Pascoe", "P Danvers", "H Rankin"]


def test_a_reserve_member_in_place_of_an_absent_one():
    result = run("Present: Councillors Moorcroft (Chair), Pengelly and Treloar",
                 "1. Apologies", "Apologies were received from Councillor Jago. Councillor "
                 "Treloar attended as the reserve member in place of Councillor Jago.")
    assert [(r["member"], r["substitute"]) for r in result["substitutes"]] == [
        ("Jago", "Treloar")]


def test_a_hearing_s_members_named_as_the_chair_introduces_them():
    result = run("2. Application to vary a premises licence",
                 "The Chair introduced the Members of the Licensing Sub-Committee, Councillors "
                 "Moorcroft, Pengelly and Treloar, together with the Legal Advisor.")
    rows = {row["name"]: row for row in result["attendees"]}
    assert list(rows) == ["Moorcroft", "Pengelly", "Treloar"]
    assert {row["capacity"] for row in rows.values()} == {"member"}
