"""Recommendations on small in-memory papers, one shape per test."""

from __future__ import annotations

from pipeline.extractors.bodies.structure import extract_structure
from pipeline.readers.text import parse_text


def recs(text: str, body: str = "") -> list[tuple[str, str]]:
    document = parse_text(text, "t.txt")
    rows = extract_structure(document, {"kind": "", "body": body, "date": ""})["recommendations"]
    return [(r["number"], r["text"]) for r in rows]


def test_lettered_list_under_numbered_heading_stops_at_reasons():
    text = """2. Recommendations

2.1 That the Board:

(a) endorses the revised terms of reference;

(b) notes the new structure.

3. Reasons for recommendations

3.1 It was recommended that the terms be updated in 2019.
"""
    assert recs(text) == [("a", "endorses the revised terms of reference;"),
                          ("b", "notes the new structure.")]


def test_summary_repeated_in_body_is_listed_once_and_inline_one_added():
    text = """EXECUTIVE SUMMARY

Cabinet is recommended to:

1. Approve the revised community safety governance structure.

2. Note the partnership plan for 2023-26.

1. RECOMMENDATIONS

That Cabinet:

1. Approve the revised community safety governance structure.

2. Note the partnership plan for 2023-26.

2. REASONS FOR RECOMMENDATIONS

2.1 Decisions were being taken twice.

5.3 It is recommended that the new board reviews its structure after a year.
"""
    assert recs(text) == [
        ("1", "Approve the revised community safety governance structure."),
        ("2", "Note the partnership plan for 2023-26."),
        ("", "the new board reviews its structure after a year."),
    ]


def test_bullets_after_members_are_asked_to_have_no_number():
    text = """RECOMMENDATIONS

Members are asked to:

* agree that the Forum be replaced by the Leadership Board;

* note that the Partnership will remain.

1.0 BACKGROUND
"""
    assert recs(text) == [("", "agree that the Forum be replaced by the Leadership Board;"),
                          ("", "note that the Partnership will remain.")]


def test_roman_and_bracketed_numbers():
    text = """2. RECOMMENDATION

2.1 It is recommended that the Board:

i. notes the arrangements;

ii. agrees the terms of reference;

iii. asks the manager to report back.

3. BACKGROUND

The Cabinet is recommended:-

(1) To establish the partnership as a joint committee.

(2) To note the terms of reference.
"""
    assert [n for n, _ in recs(text)] == ["i", "ii", "iii", "1", "2"]


def test_narrative_mentions_and_other_reviews_are_not_recommendations():
    text = """5. Safeguarding Adults Review

The review made nine recommendations for partner agencies.

The council's governance review recommended that three meetings be held.

It was recommended that the item be deferred.

NOTED: The nine recommendations set out in the overview report.
"""
    assert recs(text) == []


def test_planning_recommendation_lines_each_count():
    text = """5.1 Land at Mill Lane

Recommendation: Grant.

5.2 Land at Church Road

Recommendation: Grant.
"""
    assert recs(text) == [("", "Grant."), ("", "Grant.")]


def test_minutes_recommended_keyword_and_committee_recommended_that_list():
    text = """7. Treasury Management

At its meeting the Audit Committee recommended that:

(a) the strategy be approved; and

(b) the policy be approved.

RECOMMENDED that the revised Code of Conduct be adopted.
"""
    assert recs(text) == [("a", "the strategy be approved; and"), ("b", "the policy be approved."),
                          ("", "the revised Code of Conduct be adopted.")]


def test_unnumbered_section_paragraph_with_wrapped_line():
    text = """Proposed Action

That the Board consider its impact and determine its role in taking partnership

working forward.

Background

The Board was set up in 2002.
"""
    assert recs(text) == [("", "That the Board consider its impact and determine its role in "
                               "taking partnership working forward.")]


def test_numbered_section_skips_explanations_and_bullets():
    text = """Recommendations

1. The core partners should meet every six weeks

This meeting will provide an opportunity for discussion.

- The Wider Leadership Group would consider proposals.

2. Cabinet members should lead on liaison with partners

This builds on existing contacts and we recommend that it should adopt a similar approach.

Appendix 1
"""
    assert recs(text) == [("1", "The core partners should meet every six weeks"),
                          ("2", "Cabinet members should lead on liaison with partners"),
                          ("", "it should adopt a similar approach.")]


def test_cover_sheet_label_with_list_and_row_heading():
    text = ("Recommendation(s): That the Committee resolves to:\n"
            "1. Note the progress of the Partnership.\n"
            "2. Agree any recommendations to Cabinet.\n"
            "Corporate priorities: Safer neighbourhoods\n")
    assert recs(text) == [("1", "Note the progress of the Partnership."),
                          ("2", "Agree any recommendations to Cabinet.")]
    assert recs("Recommendations\tThat the Committee notes the report.\n") == [
        ("", "That the Committee notes the report.")]


def test_parts_of_a_numbered_intro_are_the_recommendations():
    text = """RECOMMENDATIONS

1. That Cabinet:

(a) approves the revised policy;

(b) notes the consultation responses.

2. That the Leader be authorised to sign the agreement.

BACKGROUND
"""
    assert recs(text) == [("a", "approves the revised policy;"),
                          ("b", "notes the consultation responses."),
                          ("2", "That the Leader be authorised to sign the agreement.")]


def test_provenance_points_at_the_text():
    document = parse_text("Recommendation: Grant planning permission.\n", "t.txt")
    row = extract_structure(document, {})["recommendations"][0]
    assert document.text[row["start"]:row["end"]] == "Grant planning permission."
    assert row["page"] == 1 and "Recommendation" in row["evidence"]


def test_every_inline_pattern_holds_the_inline_word() -> None:
    from pipeline.rules import read_json

    raw = read_json("structure/recommendation_cues.json")
    word = raw["inline_word"]["word"]
    assert all(word in entry["pattern"].lower() for entry in raw["inline"])


def test_a_report_that_makes_the_following_recommendations_to_a_committee():
    text = """LICENSING COMMITTEE

Review of Street Trading Fees

This report makes the following recommendations to the Committee:

1. That the street trading fees for 2026/27 be approved.

2. That the Head of Regulatory Services review the fees annually.

Background

1.1 The fees were last reviewed in 2022.
"""
    assert recs(text) == [("1", "That the street trading fees for 2026/27 be approved."),
                          ("2", "That the Head of Regulatory Services review the fees annually.")]
    # a sentence that only names recommendations to a body introduces nothing
    assert recs("The recommendations to the Board were discussed. It was agreed:\n\n"
                "1. That the item be deferred.\n") == []


def test_next_lettered_entry_run_on_after_and_is_its_own():
    # a Word paragraph that runs the last entry on: "b) ...; and c) ..."; a bracketed
    # reference to another number ('see 4) below') is not an entry
    text = ("2. Recommendations\n\n2.1 It is recommended that the Joint Board:\n\n"
            "a) Approves the revised remit of the Quality Committee (see 4) below);\n\n"
            "b) Agrees that the Audit Committee continues to report to it; and c) Instructs the "
            "Chief Officer to report again in March 2026.\n")
    assert recs(text) == [
        ("a", "Approves the revised remit of the Quality Committee (see 4) below);"),
        ("b", "Agrees that the Audit Committee continues to report to it; and"),
        ("c", "Instructs the Chief Officer to report again in March 2026.")]


def test_html_list_items_that_print_their_own_section_numbers(tmp_path):
    # a page that puts every numbered line in <li> (a bullet list) still has a
    # '5 Recommendation(s)' section: the number the text prints wins over the list marker
    from pipeline.readers.html import read_html

    page = tmp_path / "r.html"
    page.write_text("<html><body><h2>Environment Committee</h2><ul>"
                    "<li>4 Resources</li><li>4.1 Financial: none.</li>"
                    "<li>5 Recommendation(s)</li>"
                    "<li>5.1 That the Committee notes the revised working group arrangements.</li>"
                    "<li>6 Documents Attached</li></ul><p>None.</p></body></html>", "utf-8")
    rows = extract_structure(read_html(page, "r.html"),
                             {"kind": "", "body": "", "date": ""})["recommendations"]
    assert [r["text"] for r in rows] == [
        "That the Committee notes the revised working group arrangements."]
