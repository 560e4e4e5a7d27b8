"""Recorded votes (pipeline/extractors/items/votes.py): counts, results, motions and named votes.

The shapes real councils use are the catalogue's (tests/conventions/votes.jsonl); these
tests pin the details: number words, result words, traps, motion names, provenance.
"""

from __future__ import annotations

import pytest

from pipeline.extractors.items.headings import extract_items
from pipeline.extractors.items.votes import extract_votes, rules
from pipeline.readers.text import parse_text

HEADER = "Council\nMinutes of the meeting held on 5 March 2025\n\n"


def run(body: str) -> dict[str, list[dict]]:
    document = parse_text(HEADER + body, "votes.txt")
    return extract_votes(document, extract_items(document)["items"])


def votes(body: str) -> list[tuple]:
    return [(v["item"], v["motion"], v["for"], v["against"], v["abstained"], v["result"])
            for v in run(body)["votes"]]


@pytest.mark.parametrize(("text", "counts"), [
    ("The motion was carried by twenty-one votes to nineteen.", (21, 19, "")),
    ("The motion was carried by 8 votes to 3 with 1 abstention.", (8, 3, 1)),
    ("On a vote being taken there were 4 for, none against and 2 abstentions.", (4, 0, 2)),
    ("Votes for 23 against 14; the motion was carried.", (23, 14, "")),
    ("The result of the vote was For: 9, Against: 5, Abstain: 1.", (9, 5, 1)),
])
def test_counts_in_digits_and_words(text: str, counts: tuple) -> None:
    [vote] = votes(f"4. Motion\n\n{text}\n")
    assert vote[2:5] == counts


@pytest.mark.parametrize(("text", "result"), [
    ("The amendment was not carried.", "lost"),
    ("The amendment was defeated.", "lost"),
    ("The amendment fell.", "fell"),
    ("The substantive motion was declared CARRIED.", "carried"),
    ("The recommendation was put to the vote and agreed.", "agreed"),
    ("The motion was carried unanimously.", "carried"),
])
def test_results_are_normalised(text: str, result: str) -> None:
    [vote] = votes(f"4. Motion\n\n{text}\n")
    assert vote[5] == result
    assert vote[2:5] == ("", "", "")  # never derived from a result, nor from "unanimously"


@pytest.mark.parametrize("text", [
    "The recommendations were agreed.",  # a decision, not a recorded vote
    "It was unanimously RESOLVED that the accounts be approved.",
    "Councillor Ashe requested a recorded vote.",  # a request, not a vote
    "The grant provides 5 for each household.",
    "For the avoidance of doubt: the scheme runs until March.",
    "Against: none of the options was costed.",
])
def test_traps_give_no_vote(text: str) -> None:
    assert run(f"4. Motion\n\n{text}\n") == {"votes": [], "vote_members": []}


def test_the_motion_is_named_as_the_minutes_name_it() -> None:
    got = votes("4. Budget\n\nAmendment 2 moved by Councillor Ruth Hale was lost.\n\n"
                "The amendment moved by Councillor Osei was carried.\n")
    assert [v[1] for v in got] == ["Amendment 2 moved by Councillor Ruth Hale",
                                   "the amendment moved by Councillor Osei"]


def test_votes_are_numbered_and_carry_their_item_and_provenance() -> None:
    body = ("4. Motion\n\nThe amendment was lost by 2 votes to 5.\n\n"
            "5. Budget\n\nA recorded vote was taken on the recommendations.\n\n"
            "For (2): Councillors Amis and Bree\n\nAgainst (1): Councillor Cole\n")
    document = parse_text(HEADER + body, "votes.txt")
    found = extract_votes(document, extract_items(document)["items"])
    assert [(v["vote"], v["item"]) for v in found["votes"]] == [(1, "4"), (2, "5")]
    assert [(m["vote"], m["item"], m["name"], m["position"]) for m in found["vote_members"]] == [
        (2, "5", "Amis", "for"), (2, "5", "Bree", "for"), (2, "5", "Cole", "against")]
    first = found["votes"][0]
    assert document.text[first["start"]:first["end"]] in first["evidence"]
    assert "lost by 2 votes to 5" in document.text[first["start"]:first["end"]]
    assert first["rule"] and all(m["rule"] for m in found["vote_members"])
    assert found["votes"][1]["for"] == 2 and found["votes"][1]["against"] == 1


def test_a_paper_without_items_gives_votes_with_an_empty_item() -> None:
    document = parse_text(HEADER + "The motion was put to the vote and declared lost.\n",
                          "votes.txt")
    [vote] = extract_votes(document, [])["votes"]
    assert (vote["item"], vote["motion"], vote["result"]) == ("", "the motion", "lost")


def test_a_label_without_an_open_vote_names_nobody() -> None:
    assert run("4. Membership\n\nAgainst\n\nCouncillors Amis and Bree\n")["vote_members"] == []


def test_the_rules_load_from_models() -> None:
    r = rules()
    assert r.numbers["thirty-nine"] == 39 and r.numbers["none"] == 0
    assert set(r.results.values()) == {"carried", "lost", "agreed", "fell"}
    assert set(r.positions.values()) == {"for", "against", "abstained"}


def test_the_motion_result_and_number_gates_never_skip_a_match() -> None:
    from pathlib import Path

    from pipeline.extractors.items.vote_rules import rules
    from pipeline.readers import read

    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = [b.text for path in sorted(root.glob("*.txt")) for b in read(path).blocks]
    texts += ["The motion was put to the vote and was carried.", "AMENDMENT 2 was lost.",
              "The recommendations, which were CARRIED", "Proposal fell",
              "carried by twenty-one votes to Seventeen", "Votes for: 5, against: nil"]
    r = rules()
    gated = [cue for cue in (*r.opens, *r.result_cues) if cue.needs]
    assert gated
    assert any(r.number.search(t) for t in texts)
    for cue in gated:
        for text in texts:
            if not all(need.search(text) for need in cue.needs):
                assert not cue.pattern.search(text), (cue.id, text)
                assert not cue.finditer(text, {}), (cue.id, text)
    for cue in (*r.count_items, *r.count_pairs):
        for text in texts:
            if not r.number.search(text):
                assert not cue.pattern.search(text), (cue.id, text)
