"""Agenda packs: `parts.segment` splits one file into the papers it combines."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extractors import extract_document
from pipeline.extractors.metadata import extract_metadata
from pipeline.extractors.parts import Part, segment
from pipeline.readers import read
from pipeline.readers.text import parse_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
REAL = ROOT.parent / "shared" / "real" / "OpenlyLocal" / "test" / "fixtures" / "dummy_files"


def paper(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def fold(text: str) -> str:
    return " ".join(text.casefold().replace("the ", "").split())


def test_a_single_paper_is_one_part() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        document = read(path)
        parts = segment(document)
        assert len(parts) == 1, path.name
        assert (parts[0].first_block, parts[0].last_block) == (0, len(document.blocks) - 1)
        row = extract_metadata(document)
        assert (parts[0].kind, parts[0].body, parts[0].date) == (
            row["kind"], row["body"], row["date"])


def test_an_empty_document_has_no_parts() -> None:
    assert segment(parse_text("", "empty.txt")) == []


def test_a_pack_of_agenda_minutes_and_report() -> None:
    text = "\f".join([paper("fernley_planning_agenda_2024-04-09.txt"),
                      paper("fernley_osc_minutes_2024-02-06.txt"),
                      paper("fernley_hwb_report_2024-03-14.txt")])
    document = parse_text(text, "pack.txt")
    parts = segment(document)
    got = [(p.number, p.kind, fold(p.body), p.date, p.first_page, p.last_page) for p in parts]
    assert got == [
        (1, "agenda", "planning committee", "2024-04-09", 1, 1),
        (2, "minutes", "overview and scrutiny committee", "2024-02-06", 2, 2),
        (3, "report", "fernley health and wellbeing board", "2024-03-14", 3, 3),
    ]
    assert parts[0].first_block == 0 and parts[-1].last_block == len(document.blocks) - 1
    assert all(a.last_block + 1 == b.first_block for a, b in zip(parts, parts[1:], strict=False))
    assert document.blocks[parts[1].first_block].page == 2
    # the documents row of a pack is its cover's
    row = extract_document(document)["documents"][0]
    assert (row["kind"], fold(row["body"]), row["date"]) == (
        "agenda", "planning committee", "2024-04-09")


def test_a_paper_over_several_pages_stays_one_part() -> None:
    text = paper("fernley_osc_minutes_2024-02-06.txt")
    middle = len(text) // 2
    cut = text.index("\n\n", middle)
    document = parse_text(text[:cut] + "\n\f" + text[cut:], "two_pages.txt")
    assert document.pages == 2
    assert len(segment(document)) == 1


def test_two_reports_to_one_meeting_are_two_parts() -> None:
    report = paper("fernley_hwb_report_2024-03-14.txt")
    parts = segment(parse_text(report + "\f" + report, "reports.txt"))
    assert [(p.kind, p.first_page) for p in parts] == [("report", 1), ("report", 2)]


def test_part_blocks() -> None:
    document = parse_text("Planning Committee\nAGENDA\n1. Apologies", "a.txt")
    (part,) = segment(document)
    assert isinstance(part, Part)
    assert part.blocks(document) == document.blocks


@pytest.mark.skipif(not (REAL / "test_minutes.pdf").exists(), reason="../shared not present")
def test_the_real_merton_pack() -> None:
    document = read(REAL / "test_minutes.pdf")
    parts = segment(document)
    got = [(p.kind, fold(p.body), p.date, p.first_page, p.last_page) for p in parts]
    assert got[0] == ("agenda", "audit committee", "2009-10-22", 1, 2)
    assert got[1] == ("minutes", "audit committee", "2009-09-24", 3, 4)
    assert got[2][0] == "minutes" and "general purposes committee" in got[2][1]
    assert got[2][2:] == ("2009-09-24", 5, 8)
    assert len(parts) == 3
    row = extract_metadata(document)
    assert (row["kind"], fold(row["body"]), row["date"]) == (
        "agenda", "audit committee", "2009-10-22")
    # the pack's minutes are still read: attendance is not skipped for an agenda cover
    assert extract_document(document)["attendees"]
