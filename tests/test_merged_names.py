"""Lines of an attendance list that run two columns of names together with no separator
(people/merged_names.py). Every name here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.extractors import extract_document
from pipeline.extractors.people.merged_names import bare, forename, list_lines, split_merged
from pipeline.readers import read


def names(line: str, others: list[str] | None = None) -> list[str] | None:
    persons = split_merged(line, 0, len(line), others or [])
    return None if persons is None else [p.name for p in persons]


@pytest.mark.parametrize(("line", "expected"), [
    ("Ailsa Brannock Gregor Tulloch", ["Ailsa Brannock", "Gregor Tulloch"]),
    ("Mary Ann Lowrie Hugh Bellamy", ["Mary Ann Lowrie", "Hugh Bellamy"]),
    ("Mr Tomasz Wrobel Ann Sillars", ["Tomasz Wrobel", "Ann Sillars"]),
    ("P J Quarrie Siân Pughe", ["P J Quarrie", "Siân Pughe"]),
    ("Colin Baillie Hamish Ogston", ["Colin Baillie", "Hamish Ogston"]),
    ("AILEEN CROWE DOUGAL FINCHLEY", ["AILEEN CROWE", "DOUGAL FINCHLEY"]),
])
def test_a_line_with_one_reading_is_split(line: str, expected: list[str]) -> None:
    assert names(line) == expected


@pytest.mark.parametrize("line", [
    "Mary Ann Lowrie",  # one person: 'Lowrie' starts no name
    "Alan Gordon Neil Rossiter",  # one person with three forenames, or two: nothing tells
    "Ann Bell, Carl Dee",  # a separator: the list reader's
    "Ann Bell (Chair) Carl Dee",
    "Councillors Ann Bell Carl Dee",  # a plural honorific: every name a councillor
    "Zorbath Quimble Yarrick Vonn",  # no given name known, no other line to tell
    "Ann Bell Vice Chair",  # an office after the name, not a second person
])
def test_a_line_without_evidence_is_left_alone(line: str) -> None:
    assert names(line) is None


def test_the_other_lines_of_the_list_decide_an_ambiguous_line() -> None:
    two_a_line = ["Kirsty Lamond Duncan Rae", "Morag Nicol Ewan Rintoul"]
    assert names("Alan Gordon Neil Rossiter", two_a_line) == ["Alan Gordon", "Neil Rossiter"]
    one_a_line = ["Peter Lumsden", "Joan Sillars"]
    assert names("Alan Gordon Neil Rossiter", one_a_line) is None


def test_unknown_given_names_split_in_twos_when_the_list_says_two_a_line() -> None:
    two_a_line = ["Kirsty Lamond Duncan Rae", "Morag Nicol Ewan Rintoul"]
    assert names("Zorbath Quimble Yarrick Vonn", two_a_line) == ["Zorbath Quimble",
                                                                 "Yarrick Vonn"]
    assert names("Zorbath Quimble Yarrick", two_a_line) is None  # three words: no pairs


def test_a_long_run_guesses_few_unknown_given_names() -> None:
    # 'Zorbath' is no given name the vocabulary knows; the other names read on evidence
    line = "Ann Bell Carl Dee Mr Ivo Rusk County Cllr Ola Venn Zorbath Quimble"
    assert names(line) == ["Ann Bell", "Carl Dee", "Ivo Rusk", "Ola Venn", "Zorbath Quimble"]
    persons = split_merged(line, 0, len(line), [])
    assert persons is not None and persons[3].roles == ["County Cllr"]
    # two names of two, one unknown: too little evidence; four words may be one person
    assert names("Ann Bell Zorbath Quimble") is None
    assert names("Mohammed Abdul Rahmoun Khan") is None


def test_list_lines_stop_at_labels_and_other_lines() -> None:
    texts = ["Apologies:", "Ann Bell Carl Dee", "Eve Ford Gail Hale", "In Attendance",
             "Ian Kerr Jo Lamb", "1. Minutes"]
    label = {"Apologies:", "In Attendance"}.__contains__
    assert list_lines(texts, 1, label) == ["Eve Ford Gail Hale"]
    assert list_lines(texts, 4, label) == []
    assert bare("Ann Bell Carl Dee") and not bare("1. Minutes")


def test_forenames_ignore_case_accents_and_hyphens() -> None:
    assert forename("SIAN") and forename("Siân") and forename("Ann-Marie")
    assert not forename("Lowrie")


def _two_column_pdf(path: Path) -> None:
    """A PRESENT table in two columns without ruling lines, as many PDFs print it."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0

    def line(x: float, text: str) -> None:
        pdf.setFont("Helvetica", 11)
        pdf.drawString(x, y, text)

    for text in ("LOCHARD NATIONAL PARK AUTHORITY", "MINUTES OF THE BOARD MEETING",
                 "held at Glenbrae Hall on 14 June 2007 at 10.00am", "PRESENT"):
        line(72, text)
        y -= 18
    for left, right in [("Ruaridh Blane", "Catriona Moffat"), ("Neil Gow", "Innes Petrie"),
                        ("Morag Ure", "")]:
        line(72, left)
        line(300, right)
        y -= 14
    y -= 14
    for label, left, right in [("In Attendance:", "Sorcha Keir", "Lachlan Tait"),
                               ("Apologies:", "Fergus Drever", "Eilidh Vass")]:
        line(72, label)
        y -= 16
        line(72, left)
        line(300, right)
        y -= 28
    line(72, "1. The minutes of the previous meeting were approved.")
    pdf.save()


def test_a_two_column_present_table_in_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "board.pdf"
    _two_column_pdf(path)
    tables = extract_document(read(path))
    assert [r["name"] for r in tables["attendees"]] == [
        "Ruaridh Blane", "Catriona Moffat", "Neil Gow", "Innes Petrie", "Morag Ure",
        "Sorcha Keir", "Lachlan Tait"]
    assert [r["name"] for r in tables["apologies"]] == ["Fergus Drever", "Eilidh Vass"]
