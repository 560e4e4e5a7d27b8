"""Shapes met in a blind held-out round (set 23): each general, each with its own paper."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.readers.text import parse_text


def _rows(text: str) -> dict[str, list[dict]]:
    head = "JOINT COMMITTEE\n\nMinutes of the meeting held on 3 March 2026\n\n"
    return extract_document(parse_text(head + text + "\n\n1. Minutes\n\nAgreed.\n", "p.txt"))


def test_a_substitute_named_after_and_in_the_apologies_sentence() -> None:
    rows = _rows("Present: Councillor A Bell\n\nApologies for absence were received from "
                 "Councillor Hilary Pendleton and Councillor Barry Okonjo attended as "
                 "substitute.  Apologies were also received from Councillor M Fairclough.")
    assert [r["name"] for r in rows["apologies"]] == ["Hilary Pendleton", "M Fairclough"]
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Hilary Pendleton", "Barry Okonjo")]
    assert "Hilary Pendleton" not in [r["name"] for r in rows["attendees"]]


def test_an_apology_with_a_deputy() -> None:
    rows = _rows("Present: Councillor A Bell\n\nApologies:\n\n·       Councillor Gethin ap Rhys "
                 "(Cyngor Sir Ceredigion) with Councillor Nia Talfryn deputising;\n\n"
                 "·       Councillor Alun Pugh-Davies.")
    assert [(r["member"], r["substitute"], r["organisation"]) for r in rows["substitutes"]] == [
        ("Gethin ap Rhys", "Nia Talfryn", "Cyngor Sir Ceredigion")]
    rows = _rows("Apologies: Councillor Gethin ap Rhys, with Councillor Nia Talfryn deputising.")
    assert [(r["member"], r["substitute"]) for r in rows["substitutes"]] == [
        ("Gethin ap Rhys", "Nia Talfryn")]
