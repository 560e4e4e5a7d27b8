"""Tests for the PDF reader: word agreement with the shared corpus, tables, furniture,
reading order and bad input."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from pipeline.errors import EmptyDocument, EncryptedDocument, NeedsOCR, ReadError
from pipeline.model.document import BlockKind
from pipeline.readers.pdf import join_wrapped, read_pdf

SHARED = Path(__file__).resolve().parents[2] / "shared"
SHARED_PDFS = sorted((SHARED / "corpus" / "pdf").glob("*.pdf")) + sorted(
    (SHARED / "devset" / "docs" / "pdf").glob("*.pdf")
)
needs_shared = pytest.mark.skipif(not SHARED_PDFS, reason="shared corpus not available")
MIN_F1 = 0.98


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
    assert doc.pages == len(pdfplumber.open(pdf).pages)
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
    pages = sum(read_pdf(p, p.name).pages for p in SHARED_PDFS[:1])  # warm up imports
    start = time.perf_counter()
    pages = sum(read_pdf(p, p.name).pages for p in SHARED_PDFS)
    ours = pages / (time.perf_counter() - start)
    start = time.perf_counter()
    for path in SHARED_PDFS:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    plain = pages / (time.perf_counter() - start)
    with capsys.disabled():
        print(f"\nread_pdf: {ours:.1f} pages/s; pdfplumber extract_text: {plain:.1f} pages/s "
              f"({pages} pages)")


# --- generated PDFs --------------------------------------------------------------------


def make_pdf(path: Path, pages: list[list[tuple[float, float, str]]], font: str = "Helvetica",
             size: float = 11, **kwargs) -> Path:
    """One page per list of (x, y-from-top, text) strings."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **kwargs)
    for page in pages:
        for x, y, text in page:
            pdf.setFont(font, size)
            pdf.drawString(x, A4[1] - y, text)
        pdf.showPage()
    pdf.save()
    return path


def test_two_columns_are_read_left_then_right(tmp_path: Path) -> None:
    left = " ".join(f"left{i} alpha beta gamma delta" for i in range(30))
    right = " ".join(f"right{i} alpha beta gamma delta" for i in range(30))
    strings = [(72, 80, "A Title Running Across Both Columns Of The Page Here")]
    for x, text in ((72, left), (320, right)):
        for n, line in enumerate(simpleSplit(text, "Helvetica", 11, 200)):
            strings.append((x, 110 + 14 * n, line))
    doc = read_pdf(make_pdf(tmp_path / "cols.pdf", [strings]), "cols.pdf")
    text = doc.text
    assert text.index("left29") < text.index("right0")
    assert text.index("Title") < text.index("left0")
    assert [w for w in text.split() if w.startswith("left")] == [f"left{i}" for i in range(30)]


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    pages = [
        [(72, 40, "Borough Council Planning Committee 12 May 2024"), (72, 100, f"Body text {n}."),
         (280, 810, f"- {n} -")]
        for n in (1, 2, 3)
    ]
    doc = read_pdf(make_pdf(tmp_path / "furniture.pdf", pages), "furniture.pdf")
    assert [b.text for b in doc.blocks] == ["Body text 1.", "Body text 2.", "Body text 3."]
    assert doc.pages == 3


def test_single_page_keeps_header_but_drops_page_number(tmp_path: Path) -> None:
    pages = [[(72, 40, "Borough Council"), (72, 100, "Body text."), (280, 810, "Page 1")]]
    doc = read_pdf(make_pdf(tmp_path / "one.pdf", pages), "one.pdf")
    assert [b.text for b in doc.blocks] == ["Borough Council", "Body text."]


def test_paragraphs_lists_and_numbers(tmp_path: Path) -> None:
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
    doc = read_pdf(make_pdf(tmp_path / "para.pdf", [lines]), "para.pdf")
    got = [(b.kind, b.text, b.marker) for b in doc.blocks]
    assert got == [
        (BlockKind.PARAGRAPH,
         "This paragraph wraps over two lines because it is a long sentence and continues here.", ""),
        (BlockKind.LIST_ITEM, "First bullet item that wraps onto a second line.", "-"),
        (BlockKind.PARAGRAPH, "1. Numbered item keeps its number.", ""),
        (BlockKind.PARAGRAPH, "(a) Lettered item.", ""),
        (BlockKind.PARAGRAPH, "A new sentence after de-commission here.", ""),
    ]


def test_bold_short_line_is_heading(tmp_path: Path) -> None:
    path = tmp_path / "bold.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(72, A4[1] - 100, "Background")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, A4[1] - 125, "Some body text that is long enough to be the body size.")
    pdf.save()
    doc = read_pdf(path, "bold.pdf")
    assert (doc.blocks[0].kind, doc.blocks[0].level, doc.blocks[0].bold) == (BlockKind.HEADING, 2, True)
    assert doc.blocks[1].kind is BlockKind.PARAGRAPH and not doc.blocks[1].bold


def test_join_wrapped() -> None:
    assert join_wrapped(["Borough Commander", "Richard Claydon"]) == "Borough Commander Richard Claydon"
    assert join_wrapped(["(and de-", "commission)"]) == "(and de-commission)"
    assert join_wrapped(["Item 5 -", "Report"]) == "Item 5 - Report"
    assert join_wrapped(["", "x", ""]) == "x"


# --- bad input -------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocument, match="empty file"):
        read_pdf(path, "empty.pdf")


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ReadError) as info:
        read_pdf(path, "noise.pdf")
    assert "Traceback" not in str(info.value)
    assert "PDF" in str(info.value)


def test_truncated_pdf(tmp_path: Path) -> None:
    if SHARED_PDFS:
        data = SHARED_PDFS[0].read_bytes()
    else:
        lines = [(72, 100 + 14 * n, f"Line {n} of a generated paper.") for n in range(40)]
        data = make_pdf(tmp_path / "whole.pdf", [lines, lines]).read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: int(len(data) * 0.4)])
    try:
        doc = read_pdf(path, "truncated.pdf")
    except ReadError as exc:
        assert "Traceback" not in str(exc)
    else:
        assert doc.format == "pdf"


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", [[(72, 100, "Secret minutes.")]], encrypt="secret")
    with pytest.raises(EncryptedDocument, match="encrypted PDF: needs a password"):
        read_pdf(path, "locked.pdf")


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(image)
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.drawImage(str(image), 72, 500, width=400, height=200)
        pdf.showPage()
    pdf.save()
    with pytest.raises(NeedsOCR, match=r"no text layer, needs OCR \(2 pages of images\)"):
        read_pdf(path, "scan.pdf")


def test_blank_pdf_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.showPage()
    pdf.save()
    with pytest.raises(EmptyDocument):
        read_pdf(path, "blank.pdf")
