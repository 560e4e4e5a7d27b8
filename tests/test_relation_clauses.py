"""Relations in sentences whose subject or list is easy to misread: a name of one body
holding 'and' after an organisation's word, seats with no count, a clause set off by
commas between a subject and its verb, and a second clause opened by 'and that' (all text
invented)."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.extractors.bodies.structure import extract_structure
from pipeline.readers.text import parse_text


def edges(text: str) -> set[tuple[str, str, str]]:
    found = extract_structure(parse_text(text, "t.txt"), {"kind": "", "body": "", "date": ""})
    return {(r["source"], r["relation"], r["target"]) for r in found["relations"]}


def test_police_and_crime_panel_is_one_name():
    found = edges("The Complaints Sub-Committee reports to the Fenmoor Police and Crime Panel "
                  "after each meeting. Wessex Fire and Rescue Service is a member of the "
                  "Resilience Forum.")
    assert found == {("Complaints Sub-Committee", "reports_to", "Fenmoor Police and Crime Panel"),
                     ("Wessex Fire and Rescue Service", "member_of", "Resilience Forum")}


def test_two_organisations_joined_by_and_stay_two():
    found = edges("The Fernley Community Safety Partnership comprises Fernley Borough Council "
                  "and Wessex Police.")
    assert found == {(org, "member_of", "Fernley Community Safety Partnership")
                     for org in ("Fernley Borough Council", "Wessex Police")}


def test_councillors_appointed_by_each_council_with_no_count():
    found = edges("The Fenmoor Police and Crime Panel comprises councillors appointed by Fenmoor "
                  "County Council, Ashby Borough Council and Wexley District Council, together "
                  "with two independent co-opted members.")
    assert found == {(council, "member_of", "Fenmoor Police and Crime Panel") for council in (
        "Fenmoor County Council", "Ashby Borough Council", "Wexley District Council")}


def test_a_clause_between_commas_is_not_the_subject():
    found = edges("The report explained that a Tenant Forum Working Group, accountable to the "
                  "Housing Committee, would replace the Tenants Liaison Panel.")
    assert found == {("Tenant Forum Working Group", "reports_to", "Housing Committee"),
                     ("Tenant Forum Working Group", "replaces", "Tenants Liaison Panel")}


def test_and_that_opens_a_new_clause_not_a_second_target():
    found = edges("The Board noted that the Carers Partnership Group reports to the Health and "
                  "Wellbeing Board and that Kinross Carers Hub is represented on the Carers "
                  "Partnership Group.")
    assert found == {("Carers Partnership Group", "reports_to", "Health and Wellbeing Board"),
                     ("Kinross Carers Hub", "member_of", "Carers Partnership Group")}


def test_a_verb_after_and_keeps_both_targets():
    found = edges("The Strategic Safety Board (SSB) is accountable to the Easthaven Community "
                  "Safety Partnership and the Westhaven Community Safety Partnership and will "
                  "report to each of them twice a year.")
    assert {t for s, r, t in found if r == "reports_to"} == {
        "Easthaven Community Safety Partnership", "Westhaven Community Safety Partnership"}


def test_constituent_members_and_responsible_authorities_before_the_body():
    assert edges("Kingsbridge City Council, Northmead Council and South Severn Council are the "
                 "constituent members of the Severnvale Combined Authority.") == {
        (c, "member_of", "Severnvale Combined Authority")
        for c in ("Kingsbridge City Council", "Northmead Council", "South Severn Council")}
    assert edges("Wendlebury District Council, Downland Police and the Probation Service are "
                 "the responsible authorities represented on the Safer Wendlebury "
                 "Partnership.") == {
        (o, "member_of", "Safer Wendlebury Partnership")
        for o in ("Wendlebury District Council", "Downland Police", "Probation Service")}


def test_a_successor_formed_taking_on_the_functions_held_by_another():
    for text in ("Members were reminded that NHS Marlshire Integrated Care Board was formed on "
                 "1 July 2022, taking on the functions formerly held by Marlshire Clinical "
                 "Commissioning Group.",
                 "NHS Marlshire Integrated Care Board took on the functions of Marlshire "
                 "Clinical Commissioning Group."):
        assert edges(text) == {("NHS Marlshire Integrated Care Board", "replaces",
                                "Marlshire Clinical Commissioning Group")}, text


def test_and_after_a_relative_clause_keeps_its_subject():
    assert edges("Members heard an update on the Audit Group, which continued to meet monthly "
                 "and reports to the Fernley Board.") == {
        ("Audit Group", "reports_to", "Fernley Board")}


def paper_edges(text: str, body: str) -> set[tuple[str, str, str]]:
    found = extract_structure(parse_text(text, "t.txt"), {"kind": "minutes", "body": body,
                                                           "date": ""})
    return {(r["source"], r["relation"], r["target"]) for r in found["relations"]}


def test_the_paper_s_body_under_its_short_name():
    # a joint committee that goes by its brand: the name without 'Joint Committee'
    body = "Kestrelvale Transport Joint Committee"
    text = ("Business Plan\n\nThe report sets out the plan for Kestrelvale Transport. Kestrelvale "
            "Transport is a partnership of Ashmere City Council and Brindle County Council.\n")
    assert paper_edges(text, body) == {(org, "member_of", body) for org in (
        "Ashmere City Council", "Brindle County Council")}
    # a two-word name the paper's body does not shorten to names nothing
    assert paper_edges(text.replace("Kestrelvale Transport is", "Kestrelvale Rail is"),
                       body) == set()


def test_on_which_a_body_is_represented():
    found = edges("The chair reported on the Strathvane Community Council Forum, on which "
                  "Glenbrae Community Council is represented by the Chair and the Secretary.")
    assert found == {("Glenbrae Community Council", "member_of",
                      "Strathvane Community Council Forum")}


def test_a_body_named_by_the_places_it_serves():
    # 'X Authority for A and B': the name goes on over 'for' and the places; 'the Authority'
    # is the paper's own body
    text = ("At a meeting of the Combined Fire Authority for Ashmere and Brindle held at "
            "Headquarters on Thursday 15 January 2026 at 10.00 a.m.\n\nPresent: Cllr A Bell\n\n"
            "1. Pension Board\n\nThe Authority considered the report of the Ashmere Local "
            "Pension Board, which reports to the Authority once a year.\n")
    found = extract_document(parse_text(text, "t.txt"))
    assert found["documents"][0]["body"] == "Combined Fire Authority for Ashmere and Brindle"
    assert {(r["source"], r["relation"], r["target"]) for r in found["relations"]} == {
        ("Ashmere Local Pension Board", "reports_to",
         "Combined Fire Authority for Ashmere and Brindle")}


def test_a_people_possessive_inside_an_organisation_s_name():
    found = edges("The membership of the Kestrel Harbour Users' Forum included representatives "
                  "from the Wrayton Sailing Club and the Castlebay Fishermen's Association.")
    assert found == {(org, "member_of", "Kestrel Harbour Users' Forum") for org in (
        "Wrayton Sailing Club", "Castlebay Fishermen's Association")}


def test_a_member_sits_as_a_representative_of_an_organisation_on_the_body():
    found = paper_edges("1. Declaration of Acceptance of Office\n\nCouncillor Fenwick signed his "
                        "declaration of acceptance of office as a representative of Eastbrook "
                        "County Council on the Board.\n", "Wraycombe Harbour Board")
    assert found == {("Eastbrook County Council", "member_of", "Wraycombe Harbour Board")}
