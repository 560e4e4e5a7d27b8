"""OCR of scanned pages: scans made here from the project's own sample PDFs (corpus/pdf),
read back through Tesseract into the same document model, rows marked as OCR'd.

Tests that run Tesseract skip where it is not installed, except where
MINUTEBOOK_REQUIRE_OCR is set (CI installs it, so there a missing Tesseract fails).
Each OCRs a page or two: OCR is ~1 s a page.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import numpy as np
import pytest

import pipeline.readers.ocr_page as ocr_page
from pipeline import Settings, extract
from pipeline.errors import NeedsOCR
from pipeline.readers import ocr
from pipeline.readers.ocr import OcrOptions, snap_sizes, tsv_words, word_dicts
from pipeline.readers.ocr_image import find_tables, median3, rule_edges
from pipeline.readers.ocr_scans import scan_pdf
from pipeline.readers.pdf import read_pdf

CORPUS_PDF = Path(__file__).resolve().parents[1] / "corpus" / "pdf"
MINUTES = CORPUS_PDF / "fernley_council_minutes_2024-05-22.pdf"  # two pages
ONE_PAGE = CORPUS_PDF / "fernley_cabinet_item_2024-01-23.pdf"

needs_tesseract = pytest.mark.skipif(
    not ocr.available() and not os.environ.get("MINUTEBOOK_REQUIRE_OCR"),
    reason=f"Tesseract is not installed ({ocr.INSTALL_HINT})")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.lower()))


@pytest.fixture()
def count_ocr(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of pages Tesseract is asked to read, as a one-item list."""
    calls = [0]
    real = ocr_page.recognise

    def counted(image: object, options: OcrOptions) -> str:
        calls[0] += 1
        return real(image, options)

    monkeypatch.setattr(ocr_page, "recognise", counted)
    return calls


# --- without Tesseract ---------------------------------------------------------------------

TSV_HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth" \
             "\theight\tconf\ttext"


def _tsv(rows: list[tuple[int, int, int, int, int, float, str]]) -> str:
    """Tesseract's TSV for words given as (line, left, top, width, height, conf, text)."""
    out = [TSV_HEADER]
    for line, left, top, width, height, conf, text in rows:
        out.append(f"5\t1\t1\t1\t{line}\t1\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(out)


def test_tsv_words_become_layout_words_with_a_size_per_line_and_bullets() -> None:
    tsv = _tsv([(1, 100, 100, 20, 30, 40.0, "e"), (1, 200, 100, 180, 42, 96.0, "Apologies"),
                (1, 400, 100, 60, 30, 95.0, "from"),
                (2, 100, 300, 30, 3, 12.0, "—"), (2, 300, 290, 15, 15, 20.0, "a"),
                (2, 500, 300, 90, 30, 91.0, "Budget")])
    words = word_dicts(tsv_words(tsv), dpi=300)
    texts = [w["text"] for w in words]
    assert texts == ["•", "Apologies", "from", "Budget"]  # a bullet read as 'e'; specks gone
    line = [w for w in words if w["line_id"][-1] == 1]
    assert len({(w["top"], w["bottom"], w["size"]) for w in line}) == 1  # one line, one box
    assert 8 < line[0]["size"] < 14  # ~42 px with ascender and descender at 300 dpi: ~11 pt
    assert words[1]["x0"] == pytest.approx(200 * 72 / 300)
    assert words[1]["conf"] == 96.0


def test_sizes_a_few_tenths_apart_become_one_and_headings_keep_theirs() -> None:
    words = [{"text": "body", "size": s} for s in (10.8, 11.0, 11.1, 11.3, 10.9)]
    words += [{"text": "Heading", "size": s} for s in (14.1, 14.3)]
    snap_sizes(words)
    assert {w["size"] for w in words[:5]} == {11.0}
    assert {w["size"] for w in words[5:]} == {14.0}


def test_ruled_lines_in_an_image_make_a_table_of_the_words_inside() -> None:
    dpi = 100
    mask = np.zeros((400, 600), dtype=bool)
    for y in (100, 150, 200):
        mask[y:y + 2, 50:550] = True  # three rules across
    for x in (50, 300, 548):
        mask[100:202, x:x + 2] = True  # three down
    edges = rule_edges(mask, dpi)
    scale = 72 / dpi
    words = [{"text": text, "x0": x * scale, "x1": (x + 60) * scale, "top": y * scale,
              "bottom": (y + 20) * scale, "conf": 90.0, "upright": True, "size": 11.0,
              "fontname": "OCR"}
             for text, x, y in (("Name", 70, 115), ("Council", 320, 115), ("Ann", 70, 165),
                                ("Kingsmere", 320, 165))]
    tables = find_tables(edges, words, 600 * scale, 400 * scale)
    assert len(tables) == 1
    assert tables[0].extract() == [["Name", "Council"], ["Ann", "Kingsmere"]]


def test_despeckling_median_is_pillows_median_filter() -> None:
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(7)
    for shape in ((5, 7), (300, 257), (601, 40)):  # strips of 256 rows, and their seams
        image = Image.fromarray(rng.integers(0, 256, shape, dtype=np.uint8))
        expected = np.asarray(image.filter(ImageFilter.MedianFilter(3)))
        assert np.array_equal(np.asarray(median3(image)), expected)


def test_letters_stems_are_no_table_rules() -> None:
    mask = np.zeros((300, 300), dtype=bool)
    mask[50:100, 40:48] = True  # a bold letter's stem: long enough, but ends in the air
    mask[50:100, 80:88] = True
    assert [e for e in rule_edges(mask, 300) if e["orientation"] == "v"] == []


def test_ocr_setting_is_checked() -> None:
    assert Settings(ocr="never").ocr == "never"
    with pytest.raises(ValueError, match="ocr must be one of auto, always, never"):
        Settings(ocr="sometimes")


def test_without_tesseract_the_row_says_how_to_install_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "available", lambda lang="eng": False)
    scanned = scan_pdf(ONE_PAGE, tmp_path / "scan.pdf", dpi=100)
    with pytest.raises(NeedsOCR, match="apt-get install tesseract-ocr"):
        read_pdf(scanned, "scan.pdf")
    mixed = scan_pdf(MINUTES, tmp_path / "mixed.pdf", dpi=100, pages=[2])
    doc = read_pdf(mixed, "mixed.pdf")  # the text page is still read
    assert doc.blocks and {b.page for b in doc.blocks} == {1}
    assert any("Tesseract is not installed" in w and "apt-get" in w for w in doc.warnings)


# --- with Tesseract ------------------------------------------------------------------------

@needs_tesseract
def test_a_scanned_page_reads_as_its_text_page(tmp_path: Path) -> None:
    scanned = scan_pdf(ONE_PAGE, tmp_path / "scan.pdf", dpi=200, angle=0.4, noise=0.01)
    text = read_pdf(ONE_PAGE, "text.pdf")
    doc = read_pdf(scanned, "scan.pdf")
    expected, found = _words(text.text), _words(doc.text)
    assert len(expected & found) >= 0.9 * len(expected)
    assert len(found - expected) <= 0.1 * len(found)
    assert all(b.ocr is not None and 0 <= b.ocr <= 100 for b in doc.blocks)
    assert any(b.kind == "heading" for b in doc.blocks)
    assert any("read by OCR" in w for w in doc.warnings)


@needs_tesseract
def test_inspect_shows_each_ocr_blocks_confidence(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main

    mixed = scan_pdf(MINUTES, tmp_path / "mixed.pdf", dpi=200, pages=[2])
    assert main(["inspect", str(mixed)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("#")]
    marked = [line for line in lines if re.search(r" \(ocr \d{1,3}\) ", line)]
    assert marked and all(" p2 " in line for line in marked)  # the scanned page only
    assert any(" p1 " in line for line in lines)


@needs_tesseract
def test_a_mixed_pack_ocrs_only_its_image_pages(tmp_path: Path, count_ocr: list[int]) -> None:
    mixed = scan_pdf(MINUTES, tmp_path / "mixed.pdf", dpi=200, pages=[2])
    doc = read_pdf(mixed, "mixed.pdf")
    assert count_ocr[0] == 1
    assert {b.page for b in doc.blocks if b.ocr is None} == {1}
    assert {b.page for b in doc.blocks if b.ocr is not None} == {2}
    always = read_pdf(mixed, "mixed.pdf", ocr=OcrOptions("always"))
    assert count_ocr[0] == 3 and all(b.ocr is not None for b in always.blocks)
    with pytest.raises(NeedsOCR, match="OCR is off"):
        read_pdf(scan_pdf(ONE_PAGE, tmp_path / "scan.pdf", dpi=100), "scan.pdf",
                 ocr=OcrOptions("never"))


@needs_tesseract
def test_a_page_is_ocrd_once_whatever_the_run(tmp_path: Path, count_ocr: list[int],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    scan_pdf(ONE_PAGE, papers / "cabinet.pdf", dpi=200)
    out = tmp_path / "run"
    run = extract(papers, out=out, workers=0)
    assert count_ocr[0] == 1
    decisions = run.decisions
    assert len(decisions) and set(decisions.text_source) == {"ocr"}
    assert decisions.ocr_confidence.between(0, 100).all()
    with (out / "errors.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["error_type"] for r in rows] == ["ocr"] and rows[0]["severity"] == "warning"
    # --force re-does the paper, and a code change would too: the page comes from the cache
    monkeypatch.setattr(ocr_page, "recognise", lambda *_: pytest.fail("OCR'd twice"))
    again = extract(papers, out=out, workers=0, force=True)
    assert again.decisions.text.tolist() == decisions.text.tolist()
    assert (out / "ocr.sqlite").is_file()


def test_ocr_never_on_the_command_line_leaves_image_pages_as_warnings(tmp_path: Path) -> None:
    from pipeline.cli import main

    papers = tmp_path / "papers"
    papers.mkdir()
    scan_pdf(MINUTES, papers / "mixed.pdf", dpi=100, pages=[2])
    out = tmp_path / "run"
    assert main(["extract", str(papers), "--out", str(out), "--ocr", "never", "-q"]) == 0
    with (out / "errors.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["severity"], r["error_type"]) for r in rows] == [("warning", "no_text_layer")]
    assert "--ocr never" in rows[0]["message"]
    assert not (out / "ocr.sqlite").exists()  # nothing was OCR'd
