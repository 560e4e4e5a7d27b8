"""Decisions: keyword spellings, where their text ends, and narrative that is not a decision.

tests/test_shared_scores.py scores them on the shared papers.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.items.decisions import keyword_hits
from pipeline.extractors.items.headings import extract_items
from pipeline.readers.text import parse_text

HEAD = "Minutes of the meeting held on 1 May 2024\n\nPresent: Councillors A Smith and B Jones\n\n"


def decisions(text: str) -> list[tuple[str, str, str]]:
    rows = extract_items(parse_text(HEAD + text, "t.txt"))["decisions"]
    return [(row["item"], row["kind"], row["text"]) for row in rows]


def test_resolved_on_its_own_line_takes_the_line_below():
    text = ("42/24 MINUTES\n\nMinutes:\nRESOLVED\nThat the minutes be confirmed.\n\n"
            "43/24 QUESTIONS\n")
    assert decisions(text) == [("42/24", "RESOLVED", "That the minutes be confirmed.")]


@pytest.mark.parametrize("line, expected", [
    ("RESOLVED: That the minutes be approved.", "That the minutes be approved."),
    ("RESOLVED – That the minutes be approved.", "That the minutes be approved."),
    ("RESOLVED:- That the minutes be approved.", "That the minutes be approved."),
    ("RESOLVED that the report be noted.", "that the report be noted."),
    ("Resolved: That the report be noted.", "That the report be noted."),
    ("UNANIMOUSLY RESOLVED that the report be noted.", "that the report be noted."),
    ("It was RESOLVED that the apologies be accepted.", "that the apologies be accepted."),
    ("It was resolved that the apologies be accepted.", "that the apologies be accepted."),
])
def test_resolved_spellings(line, expected):
    assert decisions(f"1. Minutes\n\n{line}\n") == [("1", "RESOLVED", expected)]


def test_keyword_mid_paragraph_after_another_sentence():
    text = ("9. Planning Applications\n\na) 25/00731/HH – side extension, 14 Kestrel Way. It was "
            "RESOLVED that the Council has no comment.\nb) 25/00760/FUL – new shopfront. It "
            "was RESOLVED that the Council objects to the design.\n"
            "Proposed: Cllr Sowerby\tSeconded: Cllr Okwuosa\t6 in favour\n")
    assert decisions(text) == [
        ("9", "RESOLVED", "that the Council has no comment."),
        ("9", "RESOLVED", "that the Council objects to the design.")]


def test_resolved_that_heading_with_lead_in_and_lettered_parts():
    text = ("Item 4 – Budget Outturn\n\nBy affirmation of the meeting it was\n\n"
            "RESOLVED THAT:\n\na) The outturn position be noted.\nb) The following use of "
            "the surplus be approved:\n1) £12,500 to the reserve; and\n2) the remainder to be "
            "carried forward to next year.\n\nItem 5 – Risk Register\n\nAction: review R3.\n")
    assert decisions(text) == [("4", "RESOLVED", (
        "a) The outturn position be noted.\nb) The following use of the surplus be "
        "approved:\n1) £12,500 to the reserve; and\n2) the remainder to be carried forward to "
        "next year."))]


def test_agreed_with_parts_and_table_stops_at_all_to_note():
    text = ("87. Attendance by Reserve Members:\n\nAGREED: To\n\n(1) note the attendance of "
            "these reserve Members:-\n\nMember absent\tReserve\n"
            "Moss Havelock\tGareth Lockyer\n\n(2) note the apologies given.\n\nAll to note.\n\n"
            "88. Declarations of Interest:\n\n"
            "AGREED: To note that none were made. All to note.\n")
    assert decisions(text) == [
        ("87", "AGREED", "To\n(1) note the attendance of these reserve Members:-\n"
                         "Member absent Reserve\nMoss Havelock Gareth Lockyer\n"
                         "(2) note the apologies given."),
        ("88", "AGREED", "To note that none were made.")]


def test_decided_noted_and_bare_noted():
    text = ("51. Investment Sub-Committee\n\nDECIDED:\n(1) That the report be noted.\n"
            "(2) That the policy be reviewed.\n\n52. Collaboration\n\n"
            "NOTED – the progress made.\n\n"
            "53. Forward Plan\n\nThe Cabinet noted that the plan had been published.\n\nNOTED\n\n"
            "54. Exempt Items\n\nNone.\n")
    assert decisions(text) == [
        ("51", "DECIDED", "(1) That the report be noted.\n(2) That the policy be reviewed."),
        ("52", "NOTED", "the progress made."),
        ("53", "NOTED", "")]


def test_decision_heading():
    text = ("5.1 Applicant: Hollin Homes Ltd\n\nDecision\n\nThe Committee AGREED to GRANT consent "
            "subject to conditions.\n\n5.2 Applicant: Glen Energy\n\nDecision:\n\n"
            "That the application be refused.\n\n5.3 Applicant: Mr Smith\n\nDecision:\n\n"
            "The Officer summarised the application and the representations.\n")
    assert decisions(text) == [
        ("5.1", "AGREED", "to GRANT consent subject to conditions."),
        ("5.2", "DECISION", "That the application be refused.")]


def test_body_lead_in_with_conditions_stops_at_reasons():
    text = ("19. Premises Licence – The Blue Heron\n\nDecision:\nThe Sub-Committee withdrew to "
            "consider.\n\nThe Sub-Committee RESOLVED to grant the application with conditions:\n"
            "(a) no use of the garden after 22:00; and\n(b) signs asking patrons to leave "
            "quietly.\n\n"
            "Reasons:\nThe conditions are proportionate.\n")
    assert decisions(text) == [("19", "RESOLVED", (
        "to grant the application with conditions:\n(a) no use of the garden after "
        "22:00; and\n(b) signs asking patrons to leave quietly."))]


def test_lower_case_narrative_is_not_a_decision():
    text = ("4. Performance Report\n\nThe Committee noted that three actions were late. It was "
            "agreed that the targets would be revisited. The Sub-Committee decided to continue "
            "without him. Members agreed that the issue could not be resolved locally.\n\n"
            "All to note.\n\nThe Committee NOTED the current position.\n")
    assert decisions(text) == [("4", "NOTED", "the current position.")]


def test_terminators_end_the_decision_text():
    text = ("164. Revenue Budget\n\nRESOLVED:\n1. That the budget be recommended to Council.\n"
            "2. That the Director be authorised to make adjustments.\n\nReason for decision:\n"
            "See paragraph 3 of the report.\n\nAlternative options considered:\nNone.\n\n"
            "165. Rents\n\nRESOLVED: That rents be increased.\n"
            "Action: Director to inform tenants.\n")
    assert decisions(text) == [
        ("164", "RESOLVED", "1. That the budget be recommended to Council.\n"
                            "2. That the Director be authorised to make adjustments."),
        ("165", "RESOLVED", "That rents be increased.")]


def test_title_case_resolved_heading_and_following_sentence():
    text = ("15. Minutes\n\nResolved\n\nThe Board approved the minutes as a true record.\n\n"
            "16. Declarations of Interest\n\nThere were none.\n")
    assert decisions(text) == [
        ("15", "RESOLVED", "The Board approved the minutes as a true record.")]


def test_decision_before_any_item_links_to_no_item():
    assert decisions("RESOLVED: That the meeting be held in public.\n") == [
        ("", "RESOLVED", "That the meeting be held in public.")]


def test_decision_rows_carry_provenance_and_rule():
    document = parse_text(HEAD + "1. Minutes\n\nIt was RESOLVED that the minutes be approved.\n",
                          "t.txt")
    row = extract_items(document)["decisions"][0]
    assert document.text[row["start"]:row["end"]] == "RESOLVED that the minutes be approved."
    assert row["rule"] == "lead-it-was+resolved"
    assert row["evidence"] == "It was RESOLVED that the minutes be approved."


@pytest.mark.parametrize("text, kinds", [
    ("The Panel noted the report.", []),
    ("which was APPROVED.", []),
    ("ITEMS AGREED AT THE LAST MEETING", []),
    ("the matter was RESOLVED quickly", []),
    ("That planning permission be GRANTED subject to conditions.", []),
    ("Following discussion, the Panel AGREED to note the report.", ["AGREED"]),
    ("It was moved by Cllr A, seconded by Cllr B and RESOLVED that it be noted.", ["RESOLVED"]),
    ("The Council resolved:-", ["RESOLVED"]),
    ("GRANTED subject to conditions.", ["GRANTED"]),
])
def test_keyword_positions(text, kinds):
    assert [hit.label for hit in keyword_hits(text)] == kinds


def test_title_case_agreed_that_glued_dash_and_otherwise_noted():
    text = ("Minutes of the meeting held on 1 May 2024\n\n1. Minutes\n\n"
            "Agreed that the minutes be signed.\n\n2. Budget\n\nResolved -That the report be noted."
            "\n\n3. Audit\n\nThe Council otherwise NOTED the report.\n\n4. Fees\n\nNoted.\n")
    rows = extract_items(parse_text(text, "t.txt"))["decisions"]
    assert [(r["item"], r["kind"], r["text"]) for r in rows] == [
        ("1", "AGREED", "that the minutes be signed."),
        ("2", "RESOLVED", "That the report be noted."),
        ("3", "NOTED", "the report."), ("4", "NOTED", "")]


def test_resolution_of_two_that_paragraphs_under_a_bare_heading():
    text = ("Minutes of the meeting held on 1 May 2024\n\n3. Budget\n\nRESOLVED:\n\n"
            "That the revenue forecast be noted.\n\nThat the capital changes be agreed.\n\n"
            "The meeting closed at 8pm.\n")
    rows = extract_items(parse_text(text, "t.txt"))["decisions"]
    assert [r["text"] for r in rows] == [
        "That the revenue forecast be noted.\nThat the capital changes be agreed."]


def test_put_to_the_vote_and_agreed_in_capitals_is_a_decision_in_lower_case_is_not():
    text = ("Minutes of the meeting held on 1 May 2024\n\n5. Budget\n\n"
            "The amendment was put to the vote and agreed.\n\n"
            "The substantive motion was put to the vote and AGREED.\n")
    rows = extract_items(parse_text(text, "t.txt"))["decisions"]
    assert [(r["item"], r["kind"], r["text"]) for r in rows] == [("5", "AGREED", "")]


def test_parish_outcome_after_a_spaced_dash_on_the_heading_line():
    text = ("3. Grass cutting contract – Resolved to accept the quote from Greenway Grounds "
            "Ltd.\n4. Budget\nRESOLVED that the budget be approved.\n")
    found = extract_items(parse_text(HEAD + text, "t.txt"))
    assert [(r["number"], r["title"]) for r in found["items"]] == [
        ("3", "Grass cutting contract"), ("4", "Budget")]
    assert decisions(text)[0] == ("3", "RESOLVED", "to accept the quote from Greenway Grounds Ltd.")


def test_agreed_to_in_title_case_is_still_narrative():
    text = "3. Bins\nAgreed to look again at the bins in the spring.\n"
    assert decisions(text) == []


def test_decision_heading_over_a_lead_in_and_lettered_parts():
    # Scottish minutes: "Decision" / "The Board:" / "(a) approved ...; and" / "(b) asked ..."
    text = ("6. WINTER PLANNING\nThe Chief Officer presented the winter plan.\nDecision\n"
            "The Board:\n(a) approved the winter plan for 2023/24; and\n"
            "(b) asked the Chief Officer to report on delayed discharges in May 2023.\n\n"
            "7. DATE OF NEXT MEETING\nThe next meeting will be held on 2 May 2023.\n")
    assert decisions(text) == [("6", "DECISION", "The Board:\n(a) approved the winter plan for "
                                "2023/24; and\n(b) asked the Chief Officer to report on delayed "
                                "discharges in May 2023.")]


def test_keyword_after_a_part_mark_opens_that_part_only():
    # a tabular minute saved as text: "Finance: (a) RESOLVED to ... (b) The bank ..."
    text = ("Minute | Item | Action\n"
            "24/051 | Finance: (a) RESOLVED to approve payments totalling £612.40 as listed. "
            "(b) The bank reconciliation to 31 May was received. | Clerk\n"
            "24/052 | Date of next meeting: Monday 1 July 2024. |\n")
    assert decisions(text) == [("24/051", "RESOLVED",
                                "to approve payments totalling £612.40 as listed.")]


def test_one_word_keywords_are_the_matchers_matches():
    """The keywords read from the Doc's token columns (one word each) are the Matcher's
    matches, in order, on every line of the sample papers."""
    from pathlib import Path

    from pipeline.extractors.items.decision_rules import rules
    from pipeline.extractors.language import columns, doc_of, span_of
    from pipeline.readers import read

    r = rules()
    assert r.keyword_words is not None
    checked = 0
    for path in sorted((Path(__file__).resolve().parents[1] / "corpus").glob("*.txt")):
        document = read(path)
        lowers = columns(doc_of(document)).lowers
        for block in document.blocks:
            span = span_of(document, block)
            matched = [(r.info[span.vocab.strings[m]], s, e) for m, s, e in r.keywords(span)]
            read_off = [(r.keyword_words[lowers[k]], k - span.start, k - span.start + 1)
                        for k in range(span.start, span.end) if lowers[k] in r.keyword_words]
            assert read_off == matched, block.text
            checked += len(matched)
    assert checked > 10
