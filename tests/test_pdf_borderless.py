"""Tables drawn without rules (pipeline.readers.pdf_borderless), on PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.model.document import BlockKind
from pipeline.readers.pdf import read_pdf


@pytest.fixture(params=["pdfium", "pdfplumber"])
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


def draw(path: Path, lines: list[list[tuple[float, str]]]) -> None:
    """One line per list, each part drawn at its x: a Word table without borders prints so."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    for n, parts in enumerate(lines):
        for x, text in parts:
            pdf.drawString(x, A4[1] - 100 - 15 * n, text)
    pdf.save()


def blocks(path: Path, engine: str) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in read_pdf(path, path.name, engine=engine).blocks]


def test_lined_up_parts_are_a_table_and_an_empty_cell_stays_empty(tmp_path: Path,
                                                                  engine: str) -> None:
    path = tmp_path / "grid.pdf"
    draw(path, [[(72, "Present:")],
                [(72, "Councillor A Bell"), (220, "(Chair)"), (330, "Councillor D Evans")],
                [(72, "Councillor C Dee"), (220, "(Vice-Chair)"), (330, "Councillor F Gray")],
                [(72, "Councillor H Ince"), (330, "Councillor J Kay")],
                [(72, "Officers:")],
                [(72, "Lara Moss"), (220, "Head of Planning")],
                [(72, "Nina Oakes"), (220, "Democratic Services Officer")]])
    rows = [text for kind, text in blocks(path, engine) if kind is BlockKind.TABLE_ROW]
    assert rows == ["Councillor A Bell\t(Chair)\tCouncillor D Evans",
                    "Councillor C Dee\t(Vice-Chair)\tCouncillor F Gray",
                    "Councillor H Ince\t\tCouncillor J Kay",
                    "Lara Moss\tHead of Planning", "Nina Oakes\tDemocratic Services Officer"]


def test_a_hanging_indent_and_a_numbered_list_are_no_table(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "items.pdf"
    draw(path, [[(72, "12"), (120, "MINUTES OF THE MEETING HELD ON 3 MAY 2024")],
                [(120, "RESOLVED: That the minutes be agreed as a correct record.")],
                [(72, "13"), (120, "WORK PROGRAMME")],
                [(72, "1."), (120, "Apologies for absence")],
                [(72, "2."), (120, "Declarations of interest")]])
    assert not any(kind is BlockKind.TABLE_ROW for kind, _ in blocks(path, engine))


def test_labelled_lines_at_a_tab_stop_and_lines_that_do_not_line_up_are_no_table(
        tmp_path: Path, engine: str) -> None:
    path = tmp_path / "cover.pdf"
    draw(path, [[(72, "Portfolio Holder:"), (216, "Councillor R Penn")],
                [(72, "Wards affected:"), (216, "All")],
                [(72, "Key decision:"), (216, "Yes")],
                [],
                [(72, "Ann Bell"), (180, "Fernley Homes")],  # set at tab stops, not columns
                [(72, "Christopher Dunmore-Evans"), (252, "Fernley Borough Council")]])
    assert not any(kind is BlockKind.TABLE_ROW for kind, _ in blocks(path, engine))
