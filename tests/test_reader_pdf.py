"""Tests for the PDF reader: word agreement with the shared corpus, tables, furniture,
reading order, bad input, and the PDFium fast path against the pdfplumber path."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pipeline.errors import EmptyDocument, EncryptedDocument, NeedsOCR, ReadError
from pipeline.model.document import BlockKind, Document
from pipeline.readers import pdf_chars, pdf_fast
from pipeline.readers.ocr import OcrOptions
from pipeline.readers.pdf import join_wrapped, read_pdf

SHARED = Path(__file__).resolve().parents[2] / "shared"
SHARED_PDFS = sorted((SHARED / "corpus" / "pdf").glob("*.pdf")) + sorted(
    (SHARED / "devset" / "docs" / "pdf").glob("*.pdf")
)
needs_shared = pytest.mark.skipif(not SHARED_PDFS, reason="shared corpus not available")
MIN_F1 = 0.98
MIN_BLOCK_AGREEMENT = 0.98  # share of blocks the two engines give identically
ENGINES = ["pdfium", "pdfplumber"]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a test once with PDFium (the default) and once with the pdfplumber path."""
    yield request.param


def read_with(engine: str, path: Path) -> Document:
    return read_pdf(path, path.name, engine=engine)


def kinds_and_texts(doc: Document) -> list[tuple[BlockKind, str]]:
    return [(b.kind, b.text) for b in doc.blocks]


def agreement(ref: list, got: list) -> tuple[int, int]:
    """(blocks the same and in the same order, blocks in the longer list)."""
    matcher = difflib.SequenceMatcher(a=ref, b=got, autojunk=False)
    return sum(m.size for m in matcher.get_matching_blocks()), max(len(ref), len(got))


def words(text: str) -> Counter:
    """Lower-cased words with the punctuation inside each token removed."""
    out: Counter = Counter()
    for chunk in text.split():
        word = "".join(c for c in chunk.lower() if c.isalnum())
        if word:
            out[word] += 1
    return out


def reference_text(text: str) -> str:
    """The .txt without its markup: block tags break words, inline tags, ** and # go."""
    text = text.replace("\u00a0", " ")
    text = re.sub(r"</?(?:p|li|ol|ul|br|div|h\d)(?:\s[^>]*)?/?>", " ", text)
    text = re.sub(r"<[^>]+>", "", text).replace("**", "")
    return re.sub(r"^#+\s", "", text, flags=re.M)


def f1(ref: Counter, got: Counter) -> float:
    common = sum((ref & got).values())
    precision, recall = common / max(1, sum(got.values())), common / max(1, sum(ref.values()))
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def corpus_pdf(prefix: str) -> Path:
    found = sorted((SHARED / "corpus" / "pdf").glob(f"{prefix}_*.pdf"))
    if not found:
        pytest.skip("shared corpus not available")
    return found[0]


# --- real data -------------------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("pdf", SHARED_PDFS, ids=lambda p: p.stem)
def test_words_agree_with_source_text(pdf: Path) -> None:
    source = pdf.parent.parent / f"{pdf.stem}.txt"
    doc = read_pdf(pdf, pdf.name)
    score = f1(words(reference_text(source.read_text(encoding="utf-8"))), words(doc.text))
    assert score >= MIN_F1, f"{pdf.stem}: bag-of-words F1 {score:.4f}"


@needs_shared
@pytest.mark.parametrize("pdf", SHARED_PDFS, ids=lambda p: p.stem)
def test_page_furniture_is_dropped(pdf: Path) -> None:
    doc = read_pdf(pdf, pdf.name)
    with pdfplumber.open(pdf) as plumbed:
        assert doc.pages == len(plumbed.pages)
    for block in doc.blocks:
        assert "Page 1 of" not in block.text
        assert not re.fullmatch(r"Page \d+ of \d+", block.text)
    # the running header ("London Borough of ... <body> – <date>") never becomes a block
    header_blocks = [b for b in doc.blocks if re.search(r"London Borough of \w+ .* – ", b.text)]
    assert header_blocks == []


def test_attendance_table_rows_are_whole() -> None:
    doc = read_pdf(corpus_pdf("004"), "004.pdf")
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW and "Claydon" in b.text]
    assert len(rows) == 1
    row = rows[0]
    assert row.cells[0] == "Borough Commander Richard Claydon"
    assert row.cells == (
        "Borough Commander Richard Claydon",
        "Borough Commander, Harrow Fire Authority",
        "London Fire and Emergency Planning Authority",
    )
    members = [b for b in doc.blocks if b.table == row.table]
    assert len(members) == 8  # the wrapped rows are merged: 8 member rows
    # table words do not come out a second time as text lines
    assert sum("Claydon" in b.text for b in doc.blocks) == 1
    assert doc.text.count("Emergency Planning Authority") == 1


def test_numbered_items_keep_their_numbers_and_headings_are_found() -> None:
    doc = read_pdf(corpus_pdf("004"), "004.pdf")
    texts = {b.text: b for b in doc.blocks}
    assert "110. Attendance by Substitute Members:" in texts
    assert texts["HARROW PARTNERSHIP BOARD"].kind is BlockKind.HEADING
    assert texts["HARROW PARTNERSHIP BOARD"].level == 1
    bullets = [b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert bullets and all(b.marker == "•" and not b.text.startswith("•") for b in bullets)


@needs_shared
def test_speed_against_extract_text(capsys: pytest.CaptureFixture) -> None:
    """Pages/s of read_pdf on each engine, pdfplumber's extract_text and pdftotext -layout.

    Printed, not asserted: timings depend on the machine and its load.
    """
    rates = {}
    for engine in ENGINES:
        read_with(engine, SHARED_PDFS[0])  # warm up imports and caches
        start = time.perf_counter()
        pages = sum(read_with(engine, path).pages for path in SHARED_PDFS)
        rates[f"read_pdf ({engine})"] = pages / (time.perf_counter() - start)
    start = time.perf_counter()
    for path in SHARED_PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    rates["pdfplumber extract_text"] = pages / (time.perf_counter() - start)
    if shutil.which("pdftotext"):
        start = time.perf_counter()
        for path in SHARED_PDFS:
            subprocess.run(
                ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
            )
        rates["pdftotext -layout"] = pages / (time.perf_counter() - start)
    with capsys.disabled():
        print(f"\npages/s over {pages} pages: ", end="")
        print("; ".join(f"{name}: {rate:.1f}" for name, rate in rates.items()))


# --- the PDFium fast path against the pdfplumber path -----------------------------------


@needs_shared
def test_fast_path_blocks_match_pdfplumber(capsys: pytest.CaptureFixture) -> None:
    same = total = 0
    differing = []
    for path in SHARED_PDFS:
        ref = kinds_and_texts(read_with("pdfplumber", path))
        got = kinds_and_texts(read_with("pdfium", path))
        matched, longest = agreement(ref, got)
        same, total = same + matched, total + longest
        if matched < longest:
            differing.append(f"{path.stem}: {matched}/{longest}")
    with capsys.disabled():
        print(f"\nblocks identical on both engines: {same}/{total} ({same / total:.4f})")
    assert same / total >= MIN_BLOCK_AGREEMENT, differing


@needs_shared
@pytest.mark.parametrize("pdf", SHARED_PDFS, ids=lambda p: p.stem)
def test_fast_words_match_pdfplumber_words(pdf: Path) -> None:
    with pdfplumber.open(pdf) as plumbed:
        for page, fast in zip(plumbed.pages, pdf_fast.pages(pdf), strict=True):
            ref = page.extract_words(extra_attrs=["fontname", "size"])
            got = fast.words()
            assert [w["text"] for w in got] == [w["text"] for w in ref]
            assert all(abs(g["x0"] - r["x0"]) < 0.05 for g, r in zip(got, ref, strict=True))
            assert all(g["size"] == pytest.approx(r["size"]) for g, r in zip(got, ref, strict=True))
            page.close()


def test_fast_path_words_without_bulk_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Characters are read one by one when the page text does not line up with them."""
    path = corpus_pdf("001")  # has a hyphen at a line end, which PDFium marks specially
    bulk = [page.words() for page in pdf_fast.pages(path)]
    monkeypatch.setattr(pdf_chars, "_page_text", lambda textpage, count: None)
    assert [page.words() for page in pdf_fast.pages(path)] == bulk


def test_rotated_page_falls_back_to_pdfplumber(tmp_path: Path) -> None:
    path = tmp_path / "rotated.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for rotation in (0, 90, 0):
        pdf.setPageRotation(rotation)
        pdf.setFont("Helvetica", 11)
        pdf.drawString(72, A4[1] - 100, f"A page turned {rotation} degrees.")
        pdf.showPage()
    pdf.save()
    assert [page.rotated for page in pdf_fast.pages(path)] == [False, True, False]
    fast, plumbed = read_with("pdfium", path), read_with("pdfplumber", path)
    assert kinds_and_texts(fast) == kinds_and_texts(plumbed)  # page 2 read by pdfplumber too
    assert fast.blocks[0].text == fast.blocks[-1].text == "A page turned 0 degrees."
    assert {b.page for b in fast.blocks} == {1, 2, 3}


def test_rect_table_in_a_form_and_scaled_text(tmp_path: Path, engine: str) -> None:
    """Cells drawn as rectangles inside a form XObject; text sized by its matrix (Tf 1)."""
    path = tmp_path / "form.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.beginForm("grid")
    for row in range(3):
        for col in range(2):
            pdf.rect(72 + col * 150, A4[1] - 300 - row * 30, 150, 30)
    pdf.endForm()
    pdf.saveState()
    pdf.translate(0, -50)  # the form is placed 50 pt lower than it was drawn
    pdf.doForm("grid")
    pdf.restoreState()
    pdf.setFont("Times-Roman", 10)
    for row in range(3):
        for col in range(2):
            pdf.drawString(76 + col * 150, A4[1] - 340 - row * 30, f"cell {row}-{col}")
    heading = pdf.beginText()
    heading.setTextTransform(14, 0, 0, 14, 72, A4[1] - 100)
    heading.setFont("Helvetica-Bold", 1)
    heading.textOut("Scaled Heading")
    pdf.drawText(heading)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, A4[1] - 130, "Body text long enough to set the body size of the page.")
    pdf.save()
    doc = read_pdf(path, "form.pdf", engine=engine)
    assert (doc.blocks[0].kind, doc.blocks[0].text, doc.blocks[0].level) == (
        BlockKind.HEADING,
        "Scaled Heading",
        1,
    )
    rows = [b.cells for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [(f"cell {r}-0", f"cell {r}-1") for r in range(3)]


def test_words_set_apart_without_spaces(tmp_path: Path, engine: str) -> None:
    """Words placed 3.2 pt apart with no space characters (as TeX writes them) stay apart,
    though an italic "f" inks 1.6 pt past its advance: x1 is the advance, as in pdfminer."""
    path = tmp_path / "nospaces.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    line, x = "the staff of the chief officer if any", 72.0
    for word in line.split(" "):
        pdf.setFont("Times-Italic", 11)
        pdf.drawString(x, A4[1] - 100, word)
        x += stringWidth(word, "Times-Italic", 11) + 3.2
    pdf.save()
    assert read_pdf(path, "nospaces.pdf", engine=engine).text == line


# --- generated PDFs --------------------------------------------------------------------


def make_pdf(
    path: Path,
    pages: list[list[tuple[float, float, str]]],
    font: str = "Helvetica",
    size: float = 11,
    **kwargs,
) -> Path:
    """One page per list of (x, y-from-top, text) strings."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    for page in pages:
        for x, y, text in page:
            pdf.setFont(font, size)
            pdf.drawString(x, A4[1] - y, text)
        pdf.showPage()
    pdf.save()
    return path


def test_two_columns_are_read_left_then_right(tmp_path: Path, engine: str) -> None:
    left = " ".join(f"left{i} alpha beta gamma delta" for i in range(30))
    right = " ".join(f"right{i} alpha beta gamma delta" for i in range(30))
    strings = [(72, 80, "A Title Running Across Both Columns Of The Page Here")]
    for x, text in ((72, left), (320, right)):
        for n, line in enumerate(simpleSplit(text, "Helvetica", 11, 200)):
            strings.append((x, 110 + 14 * n, line))
    doc = read_pdf(make_pdf(tmp_path / "cols.pdf", [strings]), "cols.pdf", engine=engine)
    text = doc.text
    assert text.index("left29") < text.index("right0")
    assert text.index("Title") < text.index("left0")
    assert [w for w in text.split() if w.startswith("left")] == [f"left{i}" for i in range(30)]


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path, engine: str) -> None:
    pages = [
        [
            (72, 40, "Borough Council Planning Committee 12 May 2024"),
            (72, 100, f"Body text {n}."),
            (280, 810, f"- {n} -"),
        ]
        for n in (1, 2, 3)
    ]
    doc = read_pdf(make_pdf(tmp_path / "furniture.pdf", pages), "furniture.pdf", engine=engine)
    assert [b.text for b in doc.blocks] == ["Body text 1.", "Body text 2.", "Body text 3."]
    assert doc.pages == 3


def test_single_page_keeps_header_but_drops_page_number(tmp_path: Path, engine: str) -> None:
    pages = [[(72, 40, "Borough Council"), (72, 100, "Body text."), (280, 810, "Page 1")]]
    doc = read_pdf(make_pdf(tmp_path / "one.pdf", pages), "one.pdf", engine=engine)
    assert [b.text for b in doc.blocks] == ["Borough Council", "Body text."]


def test_paragraphs_lists_and_numbers(tmp_path: Path, engine: str) -> None:
    lines = [
        (72, 100, "This paragraph wraps over two lines because it is a"),
        (72, 114, "long sentence and continues here."),
        (72, 140, "- First bullet item that wraps"),
        (84, 154, "onto a second line."),
        (72, 168, "1. Numbered item keeps its number."),
        (72, 182, "(a) Lettered item."),
        (72, 196, "A new sentence after de-"),
        (72, 210, "commission here."),
    ]
    doc = read_pdf(make_pdf(tmp_path / "para.pdf", [lines]), "para.pdf", engine=engine)
    got = [(b.kind, b.text, b.marker) for b in doc.blocks]
    assert got == [
        (
            BlockKind.PARAGRAPH,
            "This paragraph wraps over two lines because it is a long sentence and continues here.",
            "",
        ),
        (BlockKind.LIST_ITEM, "First bullet item that wraps onto a second line.", "-"),
        (BlockKind.PARAGRAPH, "1. Numbered item keeps its number.", ""),
        (BlockKind.PARAGRAPH, "(a) Lettered item.", ""),
        (BlockKind.PARAGRAPH, "A new sentence after de-commission here.", ""),
    ]


def test_bold_short_line_is_heading(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "bold.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, A4[1] - 100, "Background")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, A4[1] - 125, "Some body text that is long enough to be the body size.")
    pdf.save()
    doc = read_pdf(path, "bold.pdf", engine=engine)
    assert (doc.blocks[0].kind, doc.blocks[0].level, doc.blocks[0].bold) == (
        BlockKind.HEADING,
        2,
        True,
    )
    assert doc.blocks[1].kind is BlockKind.PARAGRAPH and not doc.blocks[1].bold


def test_ruled_table_from_reportlab(tmp_path: Path, engine: str) -> None:
    style = getSampleStyleSheet()["BodyText"]
    rows = [["Name", "Organisation"], ["", ""]]
    rows += [
        [
            Paragraph(f"Borough Commander Richard Claydon {n}", style),
            Paragraph("London Fire and Emergency Planning Authority", style),
        ]
        for n in range(80)
    ]
    table = Table(rows, colWidths=[110, 110])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    path = tmp_path / "table.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph("Members present:", style), table])
    doc = read_pdf(path, "table.pdf", engine=engine)
    table_rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert doc.pages >= 2 and {b.page for b in table_rows} == set(range(1, doc.pages + 1))
    assert len(table_rows) == 81  # the empty row is skipped
    assert len({b.table for b in table_rows}) == 1  # continued over the page break
    assert table_rows[1].cells == (
        "Borough Commander Richard Claydon 0",
        "London Fire and Emergency Planning Authority",
    )
    assert doc.blocks[0].text == "Members present:"
    assert doc.text.count("Emergency Planning") == 80


@needs_shared
def test_row_broken_by_page_is_joined(engine: str) -> None:
    path = SHARED / "devset" / "docs" / "pdf" / "C05_licensing_subcommittee.pdf"
    if not path.exists():
        pytest.skip("devset not available")
    doc = read_pdf(path, path.name, engine=engine)
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW and b.cells[0] == "19."]
    assert len(rows) == 1
    assert rows[0].cells[1] == (
        "Licensing Act 2003 - Application for a Premises Licence - The Copper Kettle, "
        "12 Market Street, Portbridge"
    )


def test_join_wrapped() -> None:
    assert (
        join_wrapped(["Borough Commander", "Richard Claydon"])
        == "Borough Commander Richard Claydon"
    )
    assert join_wrapped(["(and de-", "commission)"]) == "(and de-commission)"
    assert join_wrapped(["Item 5 -", "Report"]) == "Item 5 - Report"
    assert join_wrapped(["", "x", ""]) == "x"


# --- bad input -------------------------------------------------------------------------


def test_empty_file(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="empty file"):
        read_pdf(path, "empty.pdf", engine=engine)


def test_random_bytes(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError) as info:
        read_pdf(path, "noise.pdf", engine=engine)
    assert "Traceback" not in str(info.value)
    assert "PDF" in str(info.value)


def test_truncated_pdf(tmp_path: Path, engine: str) -> None:
    if SHARED_PDFS:
        data = SHARED_PDFS[0].read_bytes()
    else:
        lines = [(72, 100 + 14 * n, f"Line {n} of a generated paper.") for n in range(40)]
        data = make_pdf(tmp_path / "whole.pdf", [lines, lines]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * 0.4)])
    try:
        doc = read_pdf(path, "truncated.pdf", engine=engine)
    except ReadError as exc:
        assert "Traceback" not in str(exc)
    else:
        assert doc.format == "pdf"


def test_encrypted_pdf(tmp_path: Path, engine: str) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [[(72, 100, "Secret minutes.")]], encrypt="secret")
    with pytest.raises(EncryptedDocument, match="encrypted PDF: needs a password"):
        read_pdf(path, "locked.pdf", engine=engine)


def test_image_only_pdf_needs_ocr(tmp_path: Path, engine: str) -> None:
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(image)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.drawImage(str(image), 72, 500, width=400, height=200)
        pdf.showPage()
    pdf.save()
    with pytest.raises(NeedsOCR, match=r"no text layer, needs OCR \(2 pages of images"):
        read_pdf(path, "scan.pdf", engine=engine, ocr=OcrOptions("never"))


def test_blank_pdf_is_empty(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.showPage()
    pdf.save()
    with pytest.raises(EmptyDocument):
        read_pdf(path, "blank.pdf", engine=engine)


def one_page_with_header(path: Path, header_size: float) -> None:
    """A one-page paper as Word prints it: a header in the top margin, council on the left
    and the meeting at a right tab stop, above the body text."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", header_size)
    pdf.drawString(72, A4[1] - 40, "Fernley Council")
    pdf.setFont("Helvetica", header_size)
    pdf.drawRightString(A4[0] - 72, A4[1] - 40, "Licensing Sub-Committee - 3 May 2024")
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, A4[1] - 90, "MINUTES OF THE LICENSING SUB-COMMITTEE")
    pdf.setFont("Helvetica", 11)
    for n, line in enumerate(["Present: Councillors A Rook (Chair), B Finch and C Wren.",
                              "1. Apologies for absence were received from Councillor D Teal.",
                              "2. The minutes of the last meeting were agreed."]):
        pdf.drawString(72, A4[1] - 130 - 20 * n, line)
    pdf.save()


def test_a_one_page_papers_header_in_small_type_is_furniture(tmp_path: Path,
                                                              engine: str) -> None:
    path = tmp_path / "one-page.pdf"
    one_page_with_header(path, header_size=9)
    texts = [b.text for b in read_pdf(path, "one-page.pdf", engine=engine).blocks]
    assert texts[0] == "MINUTES OF THE LICENSING SUB-COMMITTEE"
    assert not any("Fernley" in text for text in texts)


def test_a_header_in_body_size_is_kept_cut_at_its_tab_stop(tmp_path: Path,
                                                           engine: str) -> None:
    path = tmp_path / "one-page.pdf"
    one_page_with_header(path, header_size=11)
    texts = [b.text for b in read_pdf(path, "one-page.pdf", engine=engine).blocks]
    assert texts[:2] == ["Fernley Council", "Licensing Sub-Committee - 3 May 2024"]


def test_a_name_cut_after_its_initials_runs_on(tmp_path: Path, engine: str) -> None:
    # "Mrs. H.M." ends a line with a full stop, yet the surname follows on the next line.
    path = tmp_path / "wrapped.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    lines = ["Councillor P.R. Ormsby (Chairman); Councillors Mrs. K.L. Dunne, Mrs. H.M.",
             "Garvey, R.W. Haig and Mr. S.", "Lister.", "The meeting closed at 8.05 p.m."]
    for n, line in enumerate(lines):
        pdf.drawString(72, A4[1] - 100 - 13 * n, line)
    pdf.save()
    texts = [b.text for b in read_pdf(path, "wrapped.pdf", engine=engine).blocks]
    assert texts == [" ".join(lines[:3]), lines[3]]
