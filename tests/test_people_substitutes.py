"""Substitutions stated in sentences: the shapes of the substitutes catalogue and what must
stay out of them (a substitute for a group, a body named like a person, unequal lists)."""

from __future__ import annotations

from pipeline.extractors.people.attendance import extract_attendance
from pipeline.readers.text import parse_text


def run(*paragraphs: str) -> dict[str, list[dict]]:
    text = "Board\n\nMinutes of the meeting held on 3 May 2024\n\n" + "\n\n".join(paragraphs)
    return extract_attendance(parse_text(text + "\n", "t.txt"))


def pairs(result: dict) -> list[tuple[str, str]]:
    return [(row["member"], row["substitute"]) for row in result["substitutes"]]


def test_a_substitute_for_a_group_or_a_body_is_no_pair():
    result = run("1. Apologies",
                 "Mayor Sir Colin Weekes acted as substitute for the Independent group. "
                 "Alderman Fay Oduya from the Portbury Corporation acted as substitute for "
                 "Mayor Ruth Tennant.")
    assert pairs(result) == [("Ruth Tennant", "Fay Oduya")]
    assert result["substitutes"][0]["organisation"] == "Portbury Corporation"


def test_an_office_after_the_substitute_is_no_organisation():
    result = run("1. Apologies", "Councillor Ann Bell, Vice-Chair, attended as substitute for "
                 "Councillor Carl Dee.")
    assert pairs(result) == [("Carl Dee", "Ann Bell")]
    assert result["substitutes"][0]["organisation"] == ""


def test_respectively_needs_lists_of_the_same_length():
    result = run("1. Substitutes", "Councillors Ann Bell and Carl Dee attended as substitutes for "
                 "Councillor Eve Ford.")
    assert ("Eve Ford", "Ann Bell") not in pairs(result)
    result = run("1. Substitutes", "Councillors Ann Bell and Carl Dee attended as substitutes for "
                 "Councillors Eve Ford and Gus Hale respectively.")
    assert pairs(result) == [("Eve Ford", "Ann Bell"), ("Gus Hale", "Carl Dee")]


def test_for_whom_needs_a_substituting_verb():
    result = run("1. Apologies", "Apologies were received from Councillor Ann Bell, for whom "
                 "Councillor Carl Dee had voted.")
    assert pairs(result) == []
    assert [row["name"] for row in result["attendees"]] == []


def test_present_as_a_substitute_with_no_member_is_an_attendee_only():
    result = run("2. Membership", "Councillors Ann Bell and Carl Dee were present as substitutes.")
    assert pairs(result) == []
    assert [(row["name"], row["role"], row["capacity"]) for row in result["attendees"]] == [
        ("Ann Bell", "Substitute", "member"), ("Carl Dee", "Substitute", "member")]
    assert {row["rule"] for row in result["attendees"]} == {"present_as_substitute"}


def test_substitution_words_without_a_for_make_no_pair():
    result = run("3. Membership", "Councillor Ann Bell thanked Councillor Carl Dee for acting as "
                 "a substitute at the last meeting.",
                 "Councillor Eve Ford proposed that a substitute be found for Councillor Gus Hale.")
    assert pairs(result) == []


def test_a_change_of_membership_is_no_substitution():
    result = run("1. Membership of the Joint Committee",
                 "The Clerk informed the Joint Committee that Councillor S Rowntree had replaced "
                 "Councillor J Shotton (Durham County Council) and that Councillor M Charlesworth "
                 "of Gateshead Council had been replaced by Councillor C Buckle.")
    assert pairs(result) == []
    assert result["attendees"] == []


def test_a_substitute_for_a_group_attended():
    result = run("1. Apologies", "Mayor Sir Colin Weekes acted as substitute for the Independent "
                 "group.")
    assert [(r["name"], r["capacity"]) for r in result["attendees"]] == [("Colin Weekes", "member")]
    assert pairs(result) == []


def test_an_attendance_comment_names_the_member_a_substitute_sat_for():
    result = run("Attendee\tRole\tAttendance\tAttendance comment\n"
                 "Councillor Mike Sully\tMember\tApologies\t\n"
                 "Councillor Pat Hurst\tSubstitute\tPresent as substitute\tSubstitute for "
                 "Councillor Mike Sully\n"
                 "Ann Jolley\tOfficer\tIn attendance\t", "1. Minutes")
    assert pairs(result) == [("Mike Sully", "Pat Hurst")]
    assert [r["name"] for r in result["attendees"]] == ["Pat Hurst", "Ann Jolley"]
    assert [r["name"] for r in result["apologies"]] == ["Mike Sully"]


def test_a_table_row_of_prose_is_read_for_substitutions():
    result = run("1.\tApologies Minutes: Apologies were received from Cllr Sam Naysmith and Cllr "
                 "Rob Morten. Cllr Ann Bell substituted for Cllr Sam Naysmith.",
                 "2.\tMinutes")
    assert pairs(result) == [("Sam Naysmith", "Ann Bell")]
    result = run("Member\tSubstituted for\tCllr Ann Bell", "1. Minutes")
    assert pairs(result) == []  # cells side by side are no sentence


def test_replaced_for_this_meeting_is_a_substitution():
    result = run("1. Apologies", "Councillor Oates replaced Councillor Pike for this meeting. "
                 "Councillor Rudd replaced Councillor Shaw as Vice-Chair.")
    assert pairs(result) == [("Pike", "Oates")]


def test_a_pronoun_needs_the_member_in_the_same_sentence():
    result = run("1. Membership", "Councillor Ann Bell spoke. Councillor Carl Dee was appointed "
                 "to replace her on the working group.")
    assert pairs(result) == []
    result = run("1. Membership", "Councillor Ann Bell resigned from the Panel and the Council "
                 "appointed Councillor Carl Dee to replace her as a permanent member.")
    assert pairs(result) == []


def test_sent_apologies_and_was_substituted_by():
    result = run("1. Apologies", "Councillor Ann Bell sent apologies and was substituted by "
                 "Councillor Carl Dee. Councillor Eve Ford, who was represented by Councillor Gus "
                 "Hale, also sent apologies.")
    assert pairs(result) == [("Ann Bell", "Carl Dee"), ("Eve Ford", "Gus Hale")]
    assert [r["name"] for r in result["apologies"]] == ["Ann Bell", "Eve Ford"]
    assert [r["name"] for r in result["attendees"]] == ["Carl Dee", "Gus Hale"]


def test_discussion_in_an_item_makes_no_attendance_rows():
    result = run("Present: Councillors A Ash (Chair) and B Birch", "3. Application 23/0001",
                 "Councillor Dogwood, the ward member, spoke in place of the applicant's agent. "
                 "Councillor Elm asked whether a substitute for the tree officer had been "
                 "appointed. Councillor Kale replaced Councillor Larch as the committee's "
                 "representative on the design panel. Councillor Maple, who attended as a "
                 "substitute at the last meeting, thanked officers. Councillor Pine sent his "
                 "apologies to the residents for the disruption. Councillor Hazel apologised for "
                 "the delay in circulating the plans.")
    assert pairs(result) == []
    assert [r["name"] for r in result["attendees"]] == ["A Ash", "B Birch"]
    assert result["apologies"] == []


def test_whose_substitute_was_names_the_substitute_after_the_member():
    result = run("1. Apologies for Absence",
                 "Apologies were received from Councillor Jane Hollis, whose substitute was "
                 "Councillor Omar Shah.")
    assert pairs(result) == [("Jane Hollis", "Omar Shah")]
    assert [r["name"] for r in result["apologies"]] == ["Jane Hollis"]
    assert "Omar Shah" in [r["name"] for r in result["attendees"]]
