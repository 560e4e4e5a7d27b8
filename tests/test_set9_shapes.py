"""Shapes of held-out set 9 that only a Word, HTML or PDF reading gives: bold lines read as
headings, a borderless two-column table, a ModernGov 'Minutes:' label set as a heading.
The papers are invented; each is built block by block, as the readers give them."""

from __future__ import annotations

from pipeline.extractors import extract_document
from pipeline.model import BlockKind, Document
from pipeline.model.document import DocumentBuilder


def _document(rows: list[tuple[BlockKind, str]]) -> Document:
    builder = DocumentBuilder("set9.docx", "docx")
    table = builder.new_table()
    for kind, line in rows:
        if kind is BlockKind.TABLE_ROW:
            builder.add(kind, "", cells=line.split("\t"), table=table)
        else:
            builder.add(kind, line)
    return builder.build()


P, H, T = BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.TABLE_ROW


def test_unlabelled_members_set_as_bold_lines_and_as_a_borderless_table() -> None:
    head = [(H, "Minutes 02/10/2023"),
            (P, "Minutes from the Rhydycroes Community Council meeting held at 7.00pm on "
                "Monday 2nd October 2023 at Rhydycroes Hall")]
    tail = [(H, "23/301 Apologies of absence"), (P, "None"),
            (H, "23/302 Minutes"), (P, "RESOLVED: to accept the minutes.")]
    bold = [(H, "Cllr Dafydd Rees Chair"), (H, "Cllr Nia Lloyd"),
            (H, "PCSO Gwen Parry North Wales Police")]
    table = [(T, "Cllr Dafydd Rees\tChair"), (T, "Cllr Nia Lloyd\tVice-Chair"),
             (H, "PCSO Gwen Parry North Wales Police")]
    for rows in (bold, table):
        names = [r["name"] for r in extract_document(_document(head + rows + tail))["attendees"]]
        assert names == ["Dafydd Rees", "Nia Lloyd", "Gwen Parry"], rows


def test_a_minutes_label_set_as_a_heading_ends_neither_apologies_nor_declarations() -> None:
    rows = [(H, "Agenda and minutes"), (H, "Planning Committee - Thursday, 9th May, 2019 6.00 pm"),
            (P, "1."), (H, "Apologies"), (H, "Minutes:"), (P, "Councillors Arden and Bisset."),
            (P, "2."), (H, "Declarations of interest"), (H, "Minutes:"),
            (H, "19/00410/FUL 3 Quarry Lane"),
            (P, "Councillor Cowell – personal interest as a neighbour of the applicant."),
            (P, "3."), (H, "19/00410/FUL 3 Quarry Lane"), (H, "Minutes:"), (P, "PERMIT")]
    rows_out = extract_document(_document(rows))
    assert [r["name"] for r in rows_out["apologies"]] == ["Arden", "Bisset"]
    assert [(r["name"], r["item"], r["kind"]) for r in rows_out["declarations"]] == [
        ("Cowell", "3", "personal")]


def test_a_plural_honorific_line_set_as_a_heading_stays_in_the_present_list() -> None:
    rows = [(H, "CLONMORE CITY COUNCIL"),
            (P, "Minutes of Meeting of the Planning Committee held in the Council Chamber on "
                "Monday 6 June 2022 at 10.00 am"),
            (P, "PRESENT: Councillor A Rooney (Chairman)"),
            (H, "Aldermen B Keery MBE, C Lowry"),
            (H, "Councillors D Magee, E Nugent"),
            (P, "1. Apologies"), (P, "None.")]
    names = [r["name"] for r in extract_document(_document(rows))["attendees"]]
    assert names == ["A Rooney", "B Keery", "C Lowry", "D Magee", "E Nugent"]
