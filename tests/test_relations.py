"""Relations and bodies on small in-memory papers (tests/test_shared_scores.py scores them)."""

from __future__ import annotations

from pipeline.extractors.bodies.structure import extract_structure
from pipeline.readers.text import parse_text


def extract(text: str, body: str = "") -> dict[str, list[dict]]:
    return extract_structure(parse_text(text, "t.txt"), {"kind": "", "body": body, "date": ""})


def edges(text: str, body: str = "") -> set[tuple[str, str, str]]:
    return {(r["source"], r["relation"], r["target"]) for r in extract(text, body)["relations"]}


def test_reports_to_cues_and_acronyms_resolve_to_full_names():
    text = ("The Kingsmere Health and Wellbeing Board (HWB) was set up in 2013. "
            "The Children's Partnership Board (CPB) will report to the HWB twice a year. "
            "The Joint Commissioning Group is a sub-group of the CPB. "
            "The Steering Group sits under the Joint Commissioning Group. "
            "The Audit Group reports into the HWB. The HWB is accountable to Full Council.")
    assert edges(text) == {
        ("Children's Partnership Board", "reports_to", "Kingsmere Health and Wellbeing Board"),
        ("Joint Commissioning Group", "reports_to", "Children's Partnership Board"),
        ("Steering Group", "reports_to", "Joint Commissioning Group"),
        ("Audit Group", "reports_to", "Kingsmere Health and Wellbeing Board"),
        ("Kingsmere Health and Wellbeing Board", "reports_to", "Full Council"),
    }


def test_replaced_by_is_reversed_and_merged_into_makes_the_absorber_replace_each():
    text = ("From April the Children's Trust Board will be replaced by the Children and Young "
            "People's Partnership Board. The Economic Partnership and the Skills Forum will be "
            "merged into a single Prosperity Board. The Housing Group will be reconstituted as "
            "the Housing Forum. The Transport Committee will replace the Transport Joint "
            "Committee.")
    assert edges(text) == {
        ("Children and Young People's Partnership Board", "replaces", "Children's Trust Board"),
        ("Prosperity Board", "replaces", "Economic Partnership"),
        ("Prosperity Board", "replaces", "Skills Forum"),
        ("Housing Forum", "replaces", "Housing Group"),
        ("Transport Committee", "replaces", "Transport Joint Committee"),
    }


def test_formerly_is_an_alias_not_an_edge():
    out = extract("The SEND Partnership Board (formerly the Inclusion Board) is a sub-group of the "
                  "Children's Trust Board.")
    assert {(r["source"], r["relation"], r["target"]) for r in out["relations"]} == {
        ("SEND Partnership Board", "reports_to", "Children's Trust Board")}
    send = next(b for b in out["bodies"] if b["body"] == "SEND Partnership Board")
    assert "Inclusion Board" in send["aliases"].split(" | ")


def test_membership_lists_give_one_member_of_edge_each():
    text = ("5.1 Membership of the Leadership Board will comprise representatives of Oakhurst "
            "District Council, Westshire Police, NHS Westshire, the Oakhurst Chamber of Commerce "
            "and Oakhurst Voluntary Action.")
    assert edges(text) == {(org, "member_of", "Leadership Board") for org in (
        "Oakhurst District Council", "Westshire Police", "NHS Westshire",
        "Oakhurst Chamber of Commerce", "Oakhurst Voluntary Action")}


def test_membership_after_colon_represented_on_and_seat_on():
    text = ("The membership of the Safer Partnership comprises the responsible authorities: "
            "Easterby Council, Eastshire Constabulary and the Probation Service. "
            "Healthwatch Thornbury and Wyre Police are represented on the new Prevent Group. "
            "It was confirmed that Lowbridge Voluntary Action would have a seat on the group.")
    assert edges(text) == {
        ("Easterby Council", "member_of", "Safer Partnership"),
        ("Eastshire Constabulary", "member_of", "Safer Partnership"),
        ("Probation Service", "member_of", "Safer Partnership"),
        ("Healthwatch Thornbury", "member_of", "Prevent Group"),
        ("Wyre Police", "member_of", "Prevent Group"),
        ("Lowbridge Voluntary Action", "member_of", "Prevent Group"),
    }


def test_partner_councils_listed_after_a_colon():
    text = ("The Joint Committee comprises two members from each partner council: Eastmarch "
            "District Council, Kelsey Borough Council and North Rendle District Council.")
    councils = ("Eastmarch District Council", "Kelsey Borough Council",
                "North Rendle District Council")
    assert edges(text, "Revenues Joint Committee") == {
        (c, "member_of", "Revenues Joint Committee") for c in councils}


def test_links_with_and_without_a_stated_source():
    text = ("A link will be maintained between the Leadership Board and the Community Safety "
            "Partnership through the Chief Executive. The Reducing Reoffending Group will maintain "
            "a link with the Local Criminal Justice Board. A link would be maintained with the "
            "Schools Forum through the Director. The Community Safety Forum provides the link "
            "between the Safe in Carrow Partnership and the Council's democratic process.")
    assert edges(text, "Children's Trust Board") == {
        ("Leadership Board", "linked_to", "Community Safety Partnership"),
        ("Reducing Reoffending Group", "linked_to", "Local Criminal Justice Board"),
        ("Children's Trust Board", "linked_to", "Schools Forum"),
        ("Community Safety Forum", "linked_to", "Safe in Carrow Partnership"),
    }


def test_negations_give_no_edge():
    text = ("The Safeguarding Adults Board is independent of the Health and Wellbeing Board and "
            "does not report to it. The Community Safety Partnership is not a sub-group of the "
            "Health and Wellbeing Board. The Partnership Forum will not sit under the Leadership "
            "Board. The Strategic Board is not accountable to the Scrutiny Committee.")
    assert edges(text) == set()


def test_lists_on_both_sides_expand_into_one_edge_each():
    text = ("The Transport Committee, the Skills Board and the Housing Board report to the "
            "Combined Authority Board. The Domestic Abuse Board would report to both the Safer "
            "Partnership and the Safeguarding Adults Board, so that learning reaches both.")
    assert edges(text) == {
        ("Transport Committee", "reports_to", "Combined Authority Board"),
        ("Skills Board", "reports_to", "Combined Authority Board"),
        ("Housing Board", "reports_to", "Combined Authority Board"),
        ("Domestic Abuse Board", "reports_to", "Safer Partnership"),
        ("Domestic Abuse Board", "reports_to", "Safeguarding Adults Board"),
    }


def test_plural_references_resolve_only_to_listed_bodies():
    text = ("1.1 The review kept the Community Safety Partnership alongside a statutory Health "
            "and Wellbeing Board.\n\n"
            "3.1 Three strategic boards sit below the two standing partnerships and report to "
            "both as required. These are the Drug and Alcohol Partnership (DAAT) Board; Youth "
            "Offending Partnership Board and the Domestic Violence Partnership Board.\n\n"
            "3.2 Three sub-groups sit under the Safeguarding Partnership: the Learning Group, the "
            "Quality Group and the Training Group. The remaining groups will be stood down.\n\n"
            "3.3 Other thematic partnerships report to the Leadership Board.")
    boards = ("Drug and Alcohol Partnership Board", "Youth Offending Partnership Board",
              "Domestic Violence Partnership Board")
    partnerships = ("Community Safety Partnership", "Health and Wellbeing Board")
    assert edges(text) == {(b, "reports_to", p) for b in boards for p in partnerships} | {
        (g, "reports_to", "Safeguarding Partnership")
        for g in ("Learning Group", "Quality Group", "Training Group")}


def test_groups_defined_by_a_colon_resolve_later_references():
    text = ("3.1 The Combined Authority was established by its three constituent councils: Ashby "
            "Council, Corran City Council and Midwater Council.\n\n"
            "4.4 Membership of the Skills Board comprises representatives of each constituent "
            "council and the Colleges Group.")
    found = edges(text)
    for council in ("Ashby Council", "Corran City Council", "Midwater Council"):
        assert (council, "member_of", "Combined Authority") in found
        assert (council, "member_of", "Skills Board") in found
    assert ("Colleges Group", "member_of", "Skills Board") in found


def test_report_through_gives_only_the_first_step():
    text = ("The Hate Crime Forum reports through the Delivery Group to the Strategic Board. "
            "The Delivery Group is a sub-group of the Strategic Board and reports to it quarterly.")
    assert edges(text) == {("Hate Crime Forum", "reports_to", "Delivery Group"),
                           ("Delivery Group", "reports_to", "Strategic Board")}


def test_the_board_refers_to_the_papers_body_and_pronouns_to_the_last_subject():
    text = ("The Complaints Sub-Committee reports to the Panel after each meeting. "
            "The Ravenholme Locality Board is the committee for the place. It is accountable to "
            "the Integrated Care Board and also reports to the Ravenholme Health and Wellbeing "
            "Board.")
    assert edges(text, "Wealdshire Police and Crime Panel") == {
        ("Complaints Sub-Committee", "reports_to", "Wealdshire Police and Crime Panel"),
        ("Ravenholme Locality Board", "reports_to", "Integrated Care Board"),
        ("Ravenholme Locality Board", "reports_to", "Ravenholme Health and Wellbeing Board"),
    }


def test_people_posts_and_speech_are_not_bodies():
    text = ("Councillor Smith reported to the Committee that the Chief Executive reports to the "
            "Leader. The Chair of the Standards Committee is a member of the Audit Committee. "
            "Officers will report back to the Committee in March.")
    assert edges(text, "Overview and Scrutiny Committee") == set()


def test_terms_of_reference_label_lines_belong_to_the_papers_body():
    text = ("Reports to: Health and Wellbeing Board\n\n"
            "Membership: Anytown Council, Anytown Police and the Probation Service.\n\n"
            "Sub-groups: the Finance Group; the Estates Group.\n")
    body = "Anytown Partnership Board"
    assert edges(text, body) == {
        (body, "reports_to", "Health and Wellbeing Board"),
        ("Anytown Council", "member_of", body), ("Anytown Police", "member_of", body),
        ("Probation Service", "member_of", body),
        ("Finance Group", "reports_to", body), ("Estates Group", "reports_to", body)}


def test_a_colon_list_after_a_plural_subject_gives_the_sources_and_it_the_target():
    text = ("Two panels sit under the Ashdown Housing Board and are accountable to it: the "
            "Tenancy Panel and the Repairs Panel. Three working groups are accountable to the "
            "Learning Partnership and report to it: the Early Years Group; the Skills Group and "
            "the Inclusion Group.")
    assert edges(text) == {
        ("Tenancy Panel", "reports_to", "Ashdown Housing Board"),
        ("Repairs Panel", "reports_to", "Ashdown Housing Board"),
        ("Early Years Group", "reports_to", "Learning Partnership"),
        ("Skills Group", "reports_to", "Learning Partnership"),
        ("Inclusion Group", "reports_to", "Learning Partnership"),
    }


def test_bare_membership_belongs_to_the_body_the_paragraph_just_described():
    text = ("The Wexcombe Carers Forum is chaired by a carer. The Council provides its "
            "secretariat. Membership will include representatives from the Probation Service, "
            "the Council and Wexcombe Hospitals NHS Trust.\n\n"
            "In 2019 the Council launched the Rural Transport Board. Its membership comprises "
            "representatives of Ashdown Buses Trust and the Police.")
    assert edges(text, "Wexcombe Scrutiny Committee") == {
        ("Probation Service", "member_of", "Wexcombe Carers Forum"),
        ("Council", "member_of", "Wexcombe Carers Forum"),
        ("Wexcombe Hospitals NHS Trust", "member_of", "Wexcombe Carers Forum"),
        ("Ashdown Buses Trust", "member_of", "Rural Transport Board"),
        ("Police", "member_of", "Rural Transport Board"),
    }


def test_past_reporting_lines_count_but_reported_speech_does_not():
    text = ("Before 2020 the Wexcombe Youth Offending Team sat under the Children's Trust Board. "
            "Previously the Substance Misuse Team was accountable to the Public Health Board. "
            "The Equality Group reported directly to Cabinet until it was stood down.\n\n"
            "The Housing Group reported to the Cabinet that rents had risen. The Audit Panel "
            "reported to the Standards Committee on its work in May. The decision of the Roads "
            "Group was reported to the Transport Board. The project team reported to the "
            "Housing Board.")
    assert edges(text) == {
        ("Wexcombe Youth Offending Team", "reports_to", "Children's Trust Board"),
        ("Substance Misuse Team", "reports_to", "Public Health Board"),
        ("Equality Group", "reports_to", "Cabinet"),
    }


def test_relation_rows_carry_the_sentence_as_evidence():
    text = "Intro line.\n\nThe Audit Group reports to the Cabinet. Next sentence."
    document = parse_text(text, "t.txt")
    row = extract_structure(document, {})["relations"][0]
    assert row["evidence"] == "The Audit Group reports to the Cabinet."
    assert document.text[row["start"]:row["end"]] == row["evidence"]


def test_a_committee_named_by_a_series_of_subjects_is_one_name():
    text = ("The Fees Review Working Group, a sub-group of the Finance, Audit and Risk "
            "Committee, was set up in 2024. The Lettings Panel would report each year to the "
            "Children, Families & Education Committee.")
    assert edges(text) == {
        ("Fees Review Working Group", "reports_to", "Finance, Audit and Risk Committee"),
        ("Lettings Panel", "reports_to", "Children, Families & Education Committee"),
    }
    # a list of bodies is not one name: Cabinet is a body of its own
    assert ("Audit Panel", "reports_to", "Cabinet") in edges(
        "The Audit Panel reports to Cabinet, Council and the Standards Committee.")


def test_report_each_period_to_and_in_future_represented_on():
    text = ("The Tenants Forum reports every quarter to the Housing Board. The Youth Council "
            "would in future be represented on the Housing Board by its chair.")
    assert edges(text) == {("Tenants Forum", "reports_to", "Housing Board"),
                           ("Youth Council", "member_of", "Housing Board")}


def test_a_lone_cabinet_is_the_papers_cabinet_and_an_owner_acronym_heading_no_fuller_name():
    text = ("WESTMERE COMBINED AUTHORITY CABINET\n\n"
            "WCA SKILLS COMMITTEE - TERMS OF REFERENCE\n\n"
            "Cabinet considered terms of reference for the Skills Committee, a sub-committee of "
            "Cabinet.")
    assert edges(text, "Westmere Combined Authority Cabinet") == {
        ("Skills Committee", "reports_to", "Westmere Combined Authority Cabinet")}


def test_a_plural_with_a_shared_head_names_each_body_and_both_refers_to_them():
    text = ("Joint meeting of the Ashby and Kelmere Health and Wellbeing Boards\n\n"
            "The Joint Carers Board reports to both Health and Wellbeing Boards. The Dementia "
            "Forum reports to the Ashby and Kelmere Health and Wellbeing Boards.")
    boards = ("Ashby Health and Wellbeing Board", "Kelmere Health and Wellbeing Board")
    assert edges(text) == {(source, "reports_to", board) for board in boards
                           for source in ("Joint Carers Board", "Dementia Forum")}
    # one name, not a list that "the remaining boards" could later point back to
    later = ("The Community Safety Partnership and the Youth Board were kept. The work of the "
             "Ashby and Kelmere Housing Boards moved. The remaining boards report to Cabinet.")
    assert edges(later) >= {("Community Safety Partnership", "reports_to", "Cabinet"),
                            ("Youth Board", "reports_to", "Cabinet")}


def test_the_three_acronyms_are_the_three_bodies_listed_before():
    text = ("The partners kept three Community Safety Partnerships (CSPs): Ashby CSP, Kelmere "
            "CSP and Rendle CSP. The Criminal Justice Board is accountable to the three CSPs.")
    assert edges(text) == {("Criminal Justice Board", "reports_to", f"{place} CSP")
                           for place in ("Ashby", "Kelmere", "Rendle")}


def test_reports_to_x_through_y_gives_the_first_step():
    text = ("The Safer Ashby Partnership reports to the Cabinet through the Communities Board. "
            "The Waste Officers Group reports to the Joint Committee via the Client Board. "
            "The Care Fund Executive is accountable to the Health and Wellbeing Board through "
            "the Joint Commissioning Board. The Audit Panel reports to the Trust Board.")
    assert edges(text) == {
        ("Safer Ashby Partnership", "reports_to", "Communities Board"),
        ("Waste Officers Group", "reports_to", "Client Board"),
        ("Care Fund Executive", "reports_to", "Joint Commissioning Board"),
        ("Audit Panel", "reports_to", "Trust Board")}


def test_feeds_into_and_receives_reports_from_are_reporting_lines():
    text = ("The Allotments Working Group feeds into the Committee. The Hate Crime Forum feeds "
            "into the Partnership through the Safer Streets Group. The Committee receives "
            "quarterly reports from the Tenants Panel. The Committee received a report from "
            "the Head of Housing.")
    assert edges(text, "Amenities Committee") == {
        ("Allotments Working Group", "reports_to", "Amenities Committee"),
        ("Hate Crime Forum", "reports_to", "Safer Streets Group"),
        ("Tenants Panel", "reports_to", "Amenities Committee")}


def test_whose_clause_and_relative_clause_in_commas_leave_the_subject_before_them():
    text = ("The Orwell Safeguarding Children Partnership, whose board reports to the Health "
            "and Wellbeing Board annually, publishes its own plan. The Local Pension Board, "
            "whose members are appointed by the Authority, reports to the Governance "
            "Committee. The Carers Forum, which meets monthly, reports to the Carers Board.")
    assert edges(text) == {
        ("Orwell Safeguarding Children Partnership", "reports_to", "Health and Wellbeing Board"),
        ("Local Pension Board", "reports_to", "Governance Committee"),
        ("Carers Forum", "reports_to", "Carers Board")}


def test_combined_to_create_and_merged_to_form_replace_each_body():
    text = ("The Health and Safety Committee and the Equality Forum were combined to create the "
            "Joint Consultative Forum in 2021.")
    assert edges(text) == {
        ("Joint Consultative Forum", "replaces", "Health and Safety Committee"),
        ("Joint Consultative Forum", "replaces", "Equality Forum")}


def test_an_association_of_councils_is_the_association_and_a_month_ends_a_name():
    text = ("The Secretary reported that Lochside Community Council had become a member of the "
            "Association in January. The Association is represented on the Corran Community "
            "Planning Board by the Convener.")
    body = "Association of Corran Community Councils"
    assert edges(text, body) == {
        ("Lochside Community Council", "member_of", body),
        (body, "member_of", "Corran Community Planning Board")}


def test_under_the_oversight_of_committee_of_and_to_which():
    text = ("The Learning Group, to which the Case Review Panel reports, meets monthly. The "
            "Quality Sub-Group was set up by the Board in 2023 as a committee of the Board. The "
            "Outcomes Group comes under the oversight of the Board. The Carers Forum operates "
            "under the auspices of the Ashby Community Safety Partnership. The Panel, to which the "
            "Chair reports its findings, met twice.")
    body = "Ashby Safeguarding Adults Board"
    assert edges(text, body) == {
        ("Case Review Panel", "reports_to", "Learning Group"),
        ("Quality Sub-Group", "reports_to", body), ("Outcomes Group", "reports_to", body),
        ("Carers Forum", "reports_to", "Ashby Community Safety Partnership")}


def test_took_over_the_functions_of_and_both_members_of():
    text = ("The Joint Officer Group took over the functions of the former Shared Services Board "
            "in April. Corran Women's Aid and the Probation Service are both members of the "
            "Board.")
    body = "Corran Domestic Abuse Board"
    assert edges(text, body) == {
        ("Joint Officer Group", "replaces", "Shared Services Board"),
        ("Corran Women's Aid", "member_of", body), ("Probation Service", "member_of", body)}


def test_of_which_a_member_this_committee_and_a_bracketed_sub_group():
    text = ("The Clerk reported on the Ashby Climate Partnership, of which the Ashby Town Council "
            "is a member. The Trees Group reports to this Committee each quarter. The Weight "
            "Group (a sub-group of the Prevention Board) leads on diet.")
    assert edges(text, "Environment Committee") == {
        ("Ashby Town Council", "member_of", "Ashby Climate Partnership"),
        ("Trees Group", "reports_to", "Environment Committee"),
        ("Weight Group", "reports_to", "Prevention Board")}


def test_successor_body_sit_on_and_partnership_between():
    text = ("The Partnership is the successor body to the Safer Corran Board. Representatives of "
            "Corran Police and Corran Fire and Rescue Service sit on the Violence Group. The "
            "Corran Growth Partnership is a partnership between Corran City Council, the Corran "
            "Chamber of Commerce and Corran College. The Director of Adult Social Services, who "
            "sits on both boards, attended.")
    body = "Corran Community Safety Partnership"
    assert edges(text, body) == {
        (body, "replaces", "Safer Corran Board"),
        ("Corran Police", "member_of", "Violence Group"),
        ("Corran Fire and Rescue Service", "member_of", "Violence Group"),
        ("Corran City Council", "member_of", "Corran Growth Partnership"),
        ("Corran Chamber of Commerce", "member_of", "Corran Growth Partnership"),
        ("Corran College", "member_of", "Corran Growth Partnership")}


def test_overseen_by_oversees_assurance_working_group_and_such_as():
    text = ("The Housing Group is overseen by the Growth Board. The Growth Board oversees the "
            "Skills Group and the Transport Group. The Audit Committee provides assurance to the "
            "Growth Board. The Data Group is a working group of the Growth Board. The Growth "
            "Board receives updates from partnership bodies such as the Carers Forum and the "
            "Dementia Alliance. The Growth Board oversees the delivery of the plan.")
    assert edges(text) == {(g, "reports_to", "Growth Board") for g in (
        "Housing Group", "Skills Group", "Transport Group", "Audit Committee", "Data Group",
        "Carers Forum", "Dementia Alliance")}


def test_this_group_and_these_meetings_point_back_within_the_section():
    text = ("4. Recommendations\n\n"
            "4.1 The partner chief officers should meet with the Council's Cabinet and the "
            "Corporate Leadership Team each quarter and this will constitute the Eastbrook "
            "Leadership Forum.\n\n"
            "This group will receive updates from partnership bodies such as the Eastbrook "
            "Safeguarding Board.\n\n"
            "The organisations which will be represented at these meetings are: housing, "
            "Eastbrook Police and Eastbrook College.\n\n"
            "5. Finance\n\n"
            "This group will report to the Audit Committee.")
    assert edges(text, "Eastbrook Borough Council") == {
        ("Cabinet", "member_of", "Eastbrook Leadership Forum"),
        ("Corporate Leadership Team", "member_of", "Eastbrook Leadership Forum"),
        ("Eastbrook Safeguarding Board", "reports_to", "Eastbrook Leadership Forum"),
        ("Eastbrook Police", "member_of", "Eastbrook Leadership Forum"),
        ("Eastbrook College", "member_of", "Eastbrook Leadership Forum"),
    }  # section 5 names no group: its 'This group' points to none


def test_constitute_makes_members_of_its_subjects_form_only_after_meet_with():
    text = ("The Council agreed to establish a Riverside Residents Forum. The Riverside "
            "Tenants Association will be represented on the new forum. The Parks Group and the "
            "Events Group will together constitute the Riverside Programme Board. The Arts "
            "Group and the Music Group will come together to form the Riverside Culture Board.")
    assert edges(text, "Millbeck Town Council") == {
        ("Riverside Tenants Association", "member_of", "Riverside Residents Forum"),
        ("Parks Group", "member_of", "Riverside Programme Board"),
        ("Events Group", "member_of", "Riverside Programme Board")}


def test_a_lower_case_body_named_twice_or_set_up_is_a_body_and_a_link_line_is_its_own():
    text = ("2.1 The review asks that a slimmer area tasking group be set up, to sit each "
            "month.\n\nWho would sit on it\n\nNeighbourhood Inspector\n\n"
            "A link will be kept with the Rivermouth Anti-Social Behaviour Panel.\n\n"
            "2.2 The area tasking group will report to the Rivermouth Community Safety "
            "Partnership. Relevant task and finish groups may report to the area tasking group.")
    assert edges(text, "Rivermouth Community Safety Partnership") == {
        ("area tasking group", "linked_to", "Rivermouth Anti-Social Behaviour Panel"),
        ("area tasking group", "reports_to", "Rivermouth Community Safety Partnership"),
    }


def test_a_link_line_without_a_body_set_up_stays_the_papers():
    text = ("6. Structure\n\nThe Audit Sub-group will be merged into the Quality Sub-group. "
            "A link would be maintained with the Westvale Children's Partnership.")
    assert edges(text, "Westvale Safeguarding Adults Board") == {
        ("Quality Sub-group", "replaces", "Audit Sub-group"),
        ("Westvale Safeguarding Adults Board", "linked_to", "Westvale Children's Partnership"),
    }


def test_people_in_a_members_line_are_not_bodies():
    text = ("Terms of Reference\n\nMembers: K Lowry (Chair), B Nash, Tom Varley (Vice-Chair)\n\n"
            "Membership: Oakden Parish Council, Oakden Community Association")
    assert edges(text, "Oakden Village Hall Committee") == {
        ("Oakden Parish Council", "member_of", "Oakden Village Hall Committee"),
        ("Oakden Community Association", "member_of", "Oakden Village Hall Committee")}


def test_plural_possessive_names_affiliated_oversees_the_work_of_and_a_representative_of():
    text = ("The Tenants' Consultative Panel reports to the Housing Committee. The Oakden Youth "
            "Council is affiliated to the Oakden Children's Partnership. The Housing Committee "
            "oversees the work of the Repairs Working Group. A representative of Oakden "
            "Housing Trust sits on the Housing Committee. The Chair of the Repairs Working "
            "Group sits on the Oakden Children's Partnership.")
    assert edges(text, "Oakden District Council") == {
        ("Tenants' Consultative Panel", "reports_to", "Housing Committee"),
        ("Oakden Youth Council", "member_of", "Oakden Children's Partnership"),
        ("Repairs Working Group", "reports_to", "Housing Committee"),
        ("Oakden Housing Trust", "member_of", "Housing Committee"),
    }


def test_both_committees_the_board_after_two_boards_and_in_place_of():
    text = ("The Licensing Committee and the Appeals Committee are committees of the Council. "
            "Both Committees will report annually to the Standards Board. The Brookmere Arts "
            "Board is a member of the Regional Culture Board. The Board oversees the work of "
            "the Festival Group. A Brookmere Heritage Board will be established in place of "
            "the Museums Group.")
    assert edges(text, "Brookmere Town Council") == {
        ("Licensing Committee", "reports_to", "Council"),  # the paper names no fuller one
        ("Appeals Committee", "reports_to", "Council"),
        ("Licensing Committee", "reports_to", "Standards Board"),
        ("Appeals Committee", "reports_to", "Standards Board"),
        ("Brookmere Arts Board", "member_of", "Regional Culture Board"),
        ("Festival Group", "reports_to", "Brookmere Arts Board"),
        ("Brookmere Heritage Board", "replaces", "Museums Group"),
    }


def test_they_after_councillors_are_people_not_a_body():
    text = ("The Licensing Panel met. Councillors Orme and Tate declared that they had sat on a "
            "previous Licensing Sub-Committee. The Panel said it would sit on the Safety Group.")
    assert edges(text, "Licensing Panel") == {("Licensing Panel", "member_of", "Safety Group")}


def test_a_members_possessive_name_a_list_that_names_itself_and_the_steering_group():
    text = ("The Members' Allowances Panel reports to the Governance Committee. Organisations "
            "represented on the Riverbank Housing Forum will include: Riverbank Homes, "
            "Riverbank Council and Riverbank Tenants Association. The Council agreed to set up a "
            "Riverbank Estate Steering Group. Riverbank Police will sit on the steering group.")
    assert edges(text, "Riverbank Council") == {
        ("Members' Allowances Panel", "reports_to", "Governance Committee"),
        ("Riverbank Homes", "member_of", "Riverbank Housing Forum"),
        ("Riverbank Council", "member_of", "Riverbank Housing Forum"),
        ("Riverbank Tenants Association", "member_of", "Riverbank Housing Forum"),
        ("Riverbank Police", "member_of", "Riverbank Estate Steering Group"),
    }


def test_bare_membership_after_a_section_about_a_body_is_that_bodys():
    text = ("3. Youth Voice\n\n3.1 A Brackwater Youth Assembly will be set up.\n\n"
            "3.2 It will meet termly.\n\n3.3 Membership will be drawn from Brackwater College "
            "and Brackwater Youth Service.")
    assert edges(text, "Brackwater Borough Council") == {
        ("Brackwater College", "member_of", "Brackwater Youth Assembly"),
        ("Brackwater Youth Service", "member_of", "Brackwater Youth Assembly"),
    }


def test_the_body_that_meets_is_a_member_too_make_up_and_this_board_is_the_papers():
    text = ("The Heathmoor Integration Board will meet jointly with the Heathmoor Care Forum "
            "and the Heathmoor Carers Group to form the Heathmoor Care Assembly. The Heathmoor "
            "Audit Panel and the Heathmoor Risk Panel together make up the Heathmoor Assurance "
            "Board. A representative of the Heathmoor Assurance Board sits on this Board.")
    assert edges(text, "Heathmoor Public Services Board") == {
        ("Heathmoor Integration Board", "member_of", "Heathmoor Care Assembly"),
        ("Heathmoor Care Forum", "member_of", "Heathmoor Care Assembly"),
        ("Heathmoor Carers Group", "member_of", "Heathmoor Care Assembly"),
        ("Heathmoor Audit Panel", "member_of", "Heathmoor Assurance Board"),
        ("Heathmoor Risk Panel", "member_of", "Heathmoor Assurance Board"),
        ("Heathmoor Assurance Board", "member_of", "Heathmoor Public Services Board"),
    }


def test_a_lower_case_name_may_hold_a_content_word_of_the_stop_list():
    text = ("4.1 It was agreed that a serious fraud review group be established, chaired by the "
            "Director.\n\n4.2 The serious fraud review group will report to the Audit Committee.")
    assert edges(text, "Calder Vale Council") == {
        ("serious fraud review group", "reports_to", "Audit Committee")}


def test_represented_at_board_meetings_is_the_board():
    text = ("Healthwatch Ambleside is represented at Board meetings. Ambleside College "
            "reported to Board members that the scheme had started.")
    assert edges(text, "Ambleside Health and Wellbeing Board") == {
        ("Healthwatch Ambleside", "member_of", "Ambleside Health and Wellbeing Board")}


def test_its_after_it_place_word_lists_to_be_represented_and_established_to_replace():
    text = ("4.1 A Dunmore Heritage Board will be established to replace the Museums Forum.\n\n"
            "4.2 It will be accountable to the Culture Committee.\n\n"
            "4.3 Its members will be drawn from the Dunmore Civic Society and the Dunmore "
            "Archive Trust.\n\n"
            "4.4 The organisations to be represented on the Culture Committee are: Dunmore "
            "Chamber of Trade and Dunmore Arts Foundation.")
    assert edges(text, "Dunmore Town Council") == {
        ("Dunmore Heritage Board", "replaces", "Museums Forum"),
        ("Dunmore Heritage Board", "reports_to", "Culture Committee"),
        ("Dunmore Civic Society", "member_of", "Dunmore Heritage Board"),
        ("Dunmore Archive Trust", "member_of", "Dunmore Heritage Board"),
        ("Dunmore Chamber of Trade", "member_of", "Culture Committee"),
        ("Dunmore Arts Foundation", "member_of", "Culture Committee"),
    }


def test_a_body_renamed_in_a_sentence_is_one_body_under_its_new_name():
    # The old name is an alias, written after the new one or before it; a relation written
    # with either name is the renamed body's, and renaming is no 'replaces' edge.
    text = ("The Safer Wyre Partnership, formerly known as the Wyre Community Safety "
            "Partnership, reports to the Wyre Health and Wellbeing Board. "
            "The Adult Learning Group was renamed the Wyre Skills Board in 2023. "
            "The Wyre Skills Board reports to the Wyre Health and Wellbeing Board.")
    result = extract(text)
    assert {(r["source"], r["relation"], r["target"]) for r in result["relations"]} == {
        ("Safer Wyre Partnership", "reports_to", "Wyre Health and Wellbeing Board"),
        ("Wyre Skills Board", "reports_to", "Wyre Health and Wellbeing Board")}
    aliases = {row["body"]: row["aliases"].split(" | ") for row in result["bodies"]}
    assert "Wyre Community Safety Partnership" in aliases["Safer Wyre Partnership"]
    assert "Adult Learning Group" in aliases["Wyre Skills Board"]
    assert "Adult Learning Group" not in aliases and len(aliases) == 3


def test_it_opening_a_paragraph_that_names_no_body_carries_the_body_before():
    """'It meets monthly.' names nothing, yet the 'It' after it is still the group named
    before it (a paragraph's first word, and a sentence with no name of its own)."""
    text = ("The Westmoor Safety Group was set up in 2021.\n\n"
            "It meets monthly. It reports to the Westmoor Partnership Board.")
    assert edges(text) == {
        ("Westmoor Safety Group", "reports_to", "Westmoor Partnership Board")}


def test_a_structure_table_states_each_rows_line_in_its_relation_column():
    text = ("Delivery structure\n\n"
            "Governance of the partnership\n"
            "Group\tReports to\tChair\tMeets\n"
            "Exploitation Subgroup\tSafer Ardley Board\tDetective Inspector\tMonthly\n"
            "Night Time Economy Group\tExploitation Subgroup\tLicensing Manager\tQuarterly\n"
            "Chair's Briefing\t\tChair\tAs needed\n\n"
            "Organisation\tRepresented on\n"
            "Ardley Housing Trust\tNight Time Economy Group\n")
    assert edges(text, "Safer Ardley Board") == {
        ("Exploitation Subgroup", "reports_to", "Safer Ardley Board"),
        ("Night Time Economy Group", "reports_to", "Exploitation Subgroup"),
        ("Ardley Housing Trust", "member_of", "Night Time Economy Group")}


def test_a_table_without_a_relation_column_states_nothing():
    text = ("Name\tOrganisation\tRole\n"
            "Mina Shah\tArdley Housing Trust\tChair\n"
            "Exploitation Subgroup\tSafer Ardley Board\tUpdate\n")
    assert edges(text, "Safer Ardley Board") == set()


def test_a_repeated_preposition_continues_the_list():
    text = ("The Wellbeing Delivery Group is accountable to the Kirkholm Health and Wellbeing "
            "Board and to the Kirkholm Place Partnership. The Carers Panel is represented on "
            "the Wellbeing Delivery Group and on the Kirkholm Place Partnership.")
    assert edges(text) == {
        ("Wellbeing Delivery Group", "reports_to", "Kirkholm Health and Wellbeing Board"),
        ("Wellbeing Delivery Group", "reports_to", "Kirkholm Place Partnership"),
        ("Carers Panel", "member_of", "Wellbeing Delivery Group"),
        ("Carers Panel", "member_of", "Kirkholm Place Partnership")}


def test_functions_taken_over_by_replace_the_body_whose_functions_they_were():
    text = ("The Cabinet noted that the Ribbleford Community Forum had not met since 2022 and "
            "that its functions would be taken over by the Ribbleford Neighbourhood Board. "
            "The Youth Council's role was assumed by the Ribbleford Young People's Panel.")
    assert edges(text, "Cabinet") == {
        ("Ribbleford Neighbourhood Board", "replaces", "Ribbleford Community Forum"),
        ("Ribbleford Young People's Panel", "replaces", "Youth Council")}


def test_the_work_of_a_body_as_subject_is_the_body():
    text = ("The work of the Partnership is supported by two sub-groups:\n"
            "- the Fuel Poverty Group\n"
            "- the Warm Homes Steering Group\n")
    assert edges(text, "Dunmere Affordable Warmth Partnership") == {
        ("Fuel Poverty Group", "reports_to", "Dunmere Affordable Warmth Partnership"),
        ("Warm Homes Steering Group", "reports_to", "Dunmere Affordable Warmth Partnership")}


def test_a_short_name_in_brackets_with_the_same_last_word_is_an_alias():
    text = ("The Coldharbour Integrated Care Partnership Executive (the Care Executive) brings "
            "together senior leaders from Coldharbour Borough Council and Coldharbour Community "
            "Health Trust. The Care Executive reports to the Coldharbour Health and Wellbeing "
            "Board. Membership of the Care Executive also includes the Chief Executive.")
    assert edges(text) == {
        ("Coldharbour Borough Council", "member_of",
         "Coldharbour Integrated Care Partnership Executive"),
        ("Coldharbour Community Health Trust", "member_of",
         "Coldharbour Integrated Care Partnership Executive"),
        ("Coldharbour Integrated Care Partnership Executive", "reports_to",
         "Coldharbour Health and Wellbeing Board")}


def test_a_member_led_group_keeps_member_in_its_name():
    text = ("The Transport Plan Member Working Group steers the plan. The Transport Plan "
            "Officer Group sits beneath the Member Working Group.")
    assert edges(text) == {("Transport Plan Officer Group", "reports_to",
                            "Transport Plan Member Working Group")}


def test_label_lines_after_a_name_line_belong_to_the_named_body():
    text = ("Report to: Council\n\n"
            "Appendix 2: Terms of Reference\n"
            "Name: Place and Economy Scrutiny Committee\n"
            "Reports to: Council\n"
            "Sub-groups: Town Centres Task Group; Bus Services Task Group\n")
    assert edges(text, "Council") == {
        ("Place and Economy Scrutiny Committee", "reports_to", "Council"),
        ("Town Centres Task Group", "reports_to", "Place and Economy Scrutiny Committee"),
        ("Bus Services Task Group", "reports_to", "Place and Economy Scrutiny Committee")}


def test_appointing_members_to_a_body_and_associate_membership():
    text = ("Hurstmoor District Council and Brayfield Borough Council each appoint two members "
            "to the Hurstmoor Joint Planning Committee, and Hurstmoor County Council appoints "
            "three. Brayfield Parish Council is an associate member of the Hurstmoor Joint "
            "Planning Committee. The Hurstmoor Joint Planning Committee is itself accountable "
            "to the Hurstmoor Growth Board.")
    assert edges(text) == {
        ("Hurstmoor District Council", "member_of", "Hurstmoor Joint Planning Committee"),
        ("Brayfield Borough Council", "member_of", "Hurstmoor Joint Planning Committee"),
        ("Brayfield Parish Council", "member_of", "Hurstmoor Joint Planning Committee"),
        ("Hurstmoor Joint Planning Committee", "reports_to", "Hurstmoor Growth Board")}


def test_a_membership_list_one_name_a_line_under_its_colon():
    text = ("1. Remit\n"
            "The Case Review Group is a sub-group of the Lowbury Safeguarding Adults Board.\n\n"
            "2. Membership\n"
            "Membership will include representation from:\n"
            "\u2022 Lowbury City Council\n"
            "\u2022 Lowbury Police\n"
            "\u2022 Lowbury Mental Health Trust\n")
    assert edges(text, "Lowbury Safeguarding Adults Board") == {
        ("Case Review Group", "reports_to", "Lowbury Safeguarding Adults Board"),
        ("Lowbury City Council", "member_of", "Case Review Group"),
        ("Lowbury Police", "member_of", "Case Review Group"),
        ("Lowbury Mental Health Trust", "member_of", "Case Review Group")}


def test_a_plural_with_its_list_in_brackets_names_the_listed_bodies():
    text = ("The Partnership is led by its Strategic Group, which comprises the three "
            "statutory partners (Harnby Borough Council, Harnby Police and NHS Harnby "
            "Integrated Care Board).")
    assert edges(text, "Harnby Safeguarding Children Partnership") == {
        ("Harnby Borough Council", "member_of", "Strategic Group"),
        ("Harnby Police", "member_of", "Strategic Group"),
        ("NHS Harnby Integrated Care Board", "member_of", "Strategic Group")}


def test_work_that_transfers_to_a_body_is_its_succession():
    text = ("The Board noted that the Eastmere Falls Prevention Alliance, whose work would "
            "transfer to the Eastmere Healthy Ageing Group, would close in June.")
    assert edges(text) == {("Eastmere Healthy Ageing Group", "replaces",
                            "Eastmere Falls Prevention Alliance")}


def test_a_membership_cue_without_a_body_leaves_its_list_to_the_next_cue():
    text = ("The members are Thornwick District Council, Ellerby Borough Council and Rusholt "
            "County Council, each of which is represented on the Ellerby Vale Crime Panel.")
    assert edges(text) == {
        ("Thornwick District Council", "member_of", "Ellerby Vale Crime Panel"),
        ("Ellerby Borough Council", "member_of", "Ellerby Vale Crime Panel"),
        ("Rusholt County Council", "member_of", "Ellerby Vale Crime Panel")}


def test_a_list_laid_out_a_name_a_line_and_its_plural_label():
    text = ("Terms of Reference\n\n"
            "1. Constituent authorities:\n\n"
            "Fellside County Council\n\n"
            "Harrowgate City Council\n\n"
            "Brantwick District Council\n\n"
            "2. The Fellside Joint Waste Board reports annually to each constituent authority.\n")
    assert edges(text, "Fellside Joint Waste Board") == {
        ("Fellside County Council", "member_of", "Fellside Joint Waste Board"),
        ("Harrowgate City Council", "member_of", "Fellside Joint Waste Board"),
        ("Brantwick District Council", "member_of", "Fellside Joint Waste Board"),
        ("Fellside Joint Waste Board", "reports_to", "Fellside County Council"),
        ("Fellside Joint Waste Board", "reports_to", "Harrowgate City Council"),
        ("Fellside Joint Waste Board", "reports_to", "Brantwick District Council")}


def test_a_shorter_name_after_and_is_its_own_body_not_the_longer_ones():
    text = ("The Housing Committee and the Planning Committee will be merged to form the "
            "Housing and Planning Committee.")
    assert edges(text) == {
        ("Housing and Planning Committee", "replaces", "Housing Committee"),
        ("Housing and Planning Committee", "replaces", "Planning Committee")}


def test_label_lines_under_a_line_that_names_one_group_are_the_groups():
    text = ("Our structure\n\n"
            "Dunlow Partnership Board (meets quarterly)\n"
            "The Board sets the partnership's priorities.\n\n"
            "Licensing Liaison Group (meets monthly)\n"
            "Reports to: Dunlow Partnership Board\n\n"
            "Street Safety Forum (meets twice a year)\n"
            "Accountable to the Licensing Liaison Group.\n")
    assert edges(text, "Dunlow Community Safety Partnership") == {
        ("Licensing Liaison Group", "reports_to", "Dunlow Partnership Board"),
        ("Street Safety Forum", "reports_to", "Licensing Liaison Group")}


def test_with_membership_drawn_from_joins_the_body_the_sentence_sets_up():
    text = ("The Council agreed to establish a Greenway Project Group, reporting to the "
            "Environment Committee, with membership drawn from Lytham Cross Civic Society and "
            "Lytham Cross Cycling Club.")
    assert edges(text, "Town Council") == {
        ("Greenway Project Group", "reports_to", "Environment Committee"),
        ("Lytham Cross Civic Society", "member_of", "Greenway Project Group"),
        ("Lytham Cross Cycling Club", "member_of", "Greenway Project Group")}


def test_a_plural_subject_with_its_list_names_each_constituent_council_below():
    text = ("The constituent councils are Merton Fold City Council, Skelby Borough Council and "
            "Harle District Council. Membership of the Harle Valley Transport Board will "
            "comprise two members from each constituent council.")
    assert edges(text) == {
        ("Merton Fold City Council", "member_of", "Harle Valley Transport Board"),
        ("Skelby Borough Council", "member_of", "Harle Valley Transport Board"),
        ("Harle District Council", "member_of", "Harle Valley Transport Board")}


def test_a_cover_sheets_report_to_line_under_a_name_line_states_no_line():
    text = ("Marrick Vale Tourism Partnership\n"
            "Report to the Marrick Vale Tourism Board, 3 March 2025\n"
            "The Board is asked to note the visitor figures.\n")
    assert edges(text, "Marrick Vale Tourism Board") == set()


def test_a_repeated_preposition_after_words_that_qualify_the_first_target():
    # "to the Cabinet annually and to the Board": the few words after the first target do
    # not end the list, as the preposition stands again after 'and'
    text = ("The Ferncastle Housing Partnership reports to the Cabinet annually and to the "
            "Public Services Board on its shared objectives. The Tidewell Carers Forum is "
            "accountable to the Ferncastle Housing Partnership for its budget and to the "
            "Cabinet. The Dunmere Youth Panel reports to the Cabinet and was set up in 2021.")
    assert edges(text) == {
        ("Ferncastle Housing Partnership", "reports_to", "Cabinet"),
        ("Ferncastle Housing Partnership", "reports_to", "Public Services Board"),
        ("Tidewell Carers Forum", "reports_to", "Ferncastle Housing Partnership"),
        ("Tidewell Carers Forum", "reports_to", "Cabinet"),
        ("Dunmere Youth Panel", "reports_to", "Cabinet"),
    }


def test_people_in_a_members_table_with_their_posts_are_not_member_bodies() -> None:
    """'Members: | Ann Lowe | Chair': a name with its post in the next cell (or after a
    comma or a dash) is a person, not a body that is a member; an organisation is."""
    text = ("Thornley Community Health Trust\nMinutes of the Board Meeting\n\n"
            "Members:\tRosalind Achterberg\tChair\n\tOwen Pellew\tDirector of Finance\n"
            "\tMarlow Valley Hospice\tPartner\n\n"
            "The Board is made up of Marlow Valley Hospice, Thornley Borough Council and "
            "Ellis Marr, Chair.\n")
    found = edges(text, "Board")
    assert ("Marlow Valley Hospice", "member_of", "Board") in found
    assert not any(s in ("Rosalind Achterberg", "Owen Pellew", "Ellis Marr") for s, _, _ in found)
