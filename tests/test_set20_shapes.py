"""Shapes met in a blind held-out round (set 20): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    return extract_document(parse_text(text, "paper.txt"))


def test_who_was_represented_by_gives_the_pair() -> None:
    rows = _rows("HOUSING PANEL\n\nMinutes of the meeting held on 9 March 2026\n\n"
                 "Present: Councillors J Amos (Chair) and P Brandt\n\n1. Apologies\n\n"
                 "Apologies for absence were received from Councillor K Irwin (who was "
                 "represented by Councillor N Jacobs) and Councillor F Kemp.\n")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("K Irwin", "N Jacobs")]
    assert "N Jacobs" in [r["name"] for r in rows["attendees"]]


def test_a_group_reports_its_findings_to_a_body() -> None:
    rows = _rows("HOUSING PANEL\n\nMinutes of the meeting held on 9 March 2026\n\n"
                 "1. Task groups\n\nThe Panel agreed to set up a Task and Finish Group on damp "
                 "and mould, which will report its findings to the Housing Panel in June.\n\n"
                 "The Fuel Poverty Working Group will report its recommendations to the "
                 "Cabinet.\n")
    assert {(r["source"], r["relation"], r["target"]) for r in rows["relations"]} == {
        ("Task and Finish Group", "reports_to", "Housing Panel"),
        ("Fuel Poverty Working Group", "reports_to", "Cabinet")}
