"""Read a PDF into the document model.

Why not just `page.extract_text()`: Word-made council PDFs repeat a running header and
a "Page N of M" footer on every page, draw attendance lists as ruled tables whose cells
wrap over several lines, and now and then set text in two columns. Plain extraction
interleaves the wrapped lines of neighbouring cells, keeps the furniture and loses
paragraph breaks. Here each page becomes visual lines (with font size and boldness) and
whole table rows in reading order; furniture is dropped by its repetition across pages;
and the lines are grouped into headings, paragraphs and list items. Pages are read one
at a time and closed at once, so memory stays bounded on long PDFs.

Pages without a text layer (scans) are OCR'd (`ocr_page`, `--ocr auto`, the default),
or every page (`always`), or none (`never`: such pages are listed as warnings); an
OCR'd page's words go through the same layout, and its blocks carry their confidence.

Words and ruled tables come from PDFium (pdf_fast, ~6x faster) by default, or from
pdfplumber (`engine="pdfplumber"`, the slower reference the tests compare with); both
give the same words, so everything from lines on (pdf_layout, pdf_blocks) is shared.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, closing
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import PdfminerException

import pipeline.readers.ocr as ocr_engine
from pipeline.errors import EmptyDocument, EncryptedDocument, NeedsOCR, ReadError, warning
from pipeline.model.document import Document, DocumentBuilder
from pipeline.readers.pdf_blocks import BlockMaker, join_wrapped
from pipeline.readers.pdf_borderless import borderless_tables
from pipeline.readers.pdf_fast import pages as fast_pages
from pipeline.readers.pdf_layout import Item, drop_furniture, layout_page

__all__ = ["join_wrapped", "read_pdf"]


def read_pdf(path: Path, source: str, engine: str = "pdfium",
             ocr: ocr_engine.OcrOptions | None = None) -> Document:
    """Read `path` into a Document named `source`; raise a ReadError subclass on bad input.

    `engine` "pdfium" reads pages with pdf_fast (a page PDFium shows rotated with
    pdfplumber); "pdfplumber" reads every page with pdfplumber. `ocr` says which pages
    are OCR'd (default: those without a text layer) and where the OCR cache is."""
    if engine not in ("pdfium", "pdfplumber"):
        raise ValueError(f"engine must be pdfium or pdfplumber, not {engine!r}")
    ocr = ocr or ocr_engine.OcrOptions()
    if path.stat().st_size == 0:
        raise EmptyDocument("empty file")
    try:
        pages, chars, image_only = _read_pages(path, engine)
    except Exception as exc:  # pdfminer and PDFium raise many types for broken files
        raise _read_error(exc, path) from None
    image_pages = sum(image_only)
    wanted = ([n for n, image in enumerate(image_only, 1) if image] if ocr.mode == "auto"
              else list(range(1, len(pages) + 1)) if ocr.mode == "always" else [])
    notes: list[str] = []
    if wanted and not ocr_engine.available(ocr.lang):
        if not chars:
            raise NeedsOCR(f"no text layer, needs OCR ({image_pages} pages of images): "
                           f"Tesseract is not installed: {ocr_engine.INSTALL_HINT}")
        notes.append(warning("no_text_layer", f"{image_pages} page(s) are images without a "
                             f"text layer, left unread: Tesseract is not installed: "
                             f"{ocr_engine.INSTALL_HINT}"))
    elif wanted:
        chars += _ocr(path, wanted, ocr, pages, notes)
    elif image_pages:
        if not chars:
            raise NeedsOCR(f"no text layer, needs OCR ({image_pages} pages of images; "
                           f"OCR is off: --ocr never)")
        notes.append(warning("no_text_layer", f"{image_pages} page(s) are images without "
                             f"a text layer (OCR is off: --ocr never)"))
    if not chars and image_pages:  # OCR ran and read nothing: blank or unreadable scans
        raise NeedsOCR(f"no text layer ({image_pages} pages of images), and OCR read no "
                       f"text on them")
    if not chars:
        raise EmptyDocument("no text in PDF")
    builder = DocumentBuilder(source, "pdf")
    BlockMaker(builder, borderless_tables(drop_furniture(pages))).run()
    builder.warnings.extend(notes)
    doc = builder.build(pages=len(pages))
    if not doc.blocks:
        raise EmptyDocument("no text in PDF apart from page headers and footers")
    return doc


def _read_error(exc: Exception, path: Path) -> ReadError:
    """A one-line message naming the problem; pdfplumber wraps pdfminer's own errors."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedDocument("encrypted PDF: needs a password")
    code = getattr(cause, "err_code", None)  # PDFium says why a document failed to load
    if isinstance(cause, pdfium.PdfiumError) and code == pdfium_c.FPDF_ERR_PASSWORD:
        return EncryptedDocument("encrypted PDF: needs a password")
    with path.open("rb") as handle:
        if b"%PDF-" not in handle.read(1024):
            return ReadError("not a PDF: no %PDF header")
    if isinstance(cause, PSEOF):
        return ReadError("truncated or corrupt PDF: unexpected end of file")
    if isinstance(cause, pdfium.PdfiumError) and code == pdfium_c.FPDF_ERR_FORMAT:
        return ReadError("truncated or corrupt PDF: PDFium could not parse it")
    detail = " ".join(str(cause).split())[:200] or "no detail"
    return ReadError(f"corrupt PDF: {type(cause).__name__}: {detail}")


def _ocr(path: Path, numbers: list[int], options: ocr_engine.OcrOptions,
         pages: list[list[Item]], notes: list[str]) -> int:
    """OCR pages `numbers` into `pages` (in place), note it; the characters found."""
    from pipeline.readers.ocr_page import OcrStats, ocr_pages

    stats = OcrStats()
    chars = 0
    confs: list[float] = []
    for page in ocr_pages(path, numbers, options, stats):
        pages[page.number - 1] = layout_page(page.words, page.tables, page.number,
                                             page.width, page.height)
        chars += sum(len(w["text"]) for w in page.words)
        confs += [w["conf"] for w in page.words]
    mean = f"{sum(confs) / len(confs):.0f}" if confs else "none"
    notes.append(warning("ocr", f"{len(numbers)} page(s) read by OCR (pages "
                         f"{_ranges(numbers)}; mean word confidence {mean}; "
                         f"{stats.cached} from the OCR cache)"))
    return chars


def _ranges(numbers: list[int]) -> str:
    """'1-3, 5' for [1, 2, 3, 5]."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if b > a else f"{a}" for a, b in spans)


def _read_pages(path: Path, engine: str) -> tuple[list[list[Item]], int, list[bool]]:
    """Every page's items in reading order, the character count and which pages are
    images without a text layer."""
    pages: list[list[Item]] = []
    chars = 0
    image_pages: list[bool] = []
    for items, count, image_only in _page_items(path, engine):
        pages.append(items)
        chars += count
        image_pages.append(image_only)
    return pages, chars, image_pages


def _page_items(path: Path, engine: str) -> Iterator[tuple[list[Item], int, bool]]:
    """(items, characters, image-only) for each page, read by `engine`."""
    if engine == "pdfplumber":
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                yield _read_plumber_page(page, number)
        return
    with ExitStack() as stack:
        # closing() ends the generator, which closes the PDF, even when a page fails
        read = stack.enter_context(closing(fast_pages(path)))
        plumber = None  # opened once, only if a page needs it
        for number, fast in enumerate(read, 1):
            if fast.rotated:  # PDFium's coordinates are unrotated; pdfplumber's are as shown
                plumber = plumber or stack.enter_context(pdfplumber.open(path))
                yield _read_plumber_page(plumber.pages[number - 1], number)
            else:
                tables = _real_tables(fast.tables())
                items = layout_page(fast.words(), tables, number, fast.width, fast.height)
                yield items, len(fast.chars), fast.has_images and not fast.chars


def _read_plumber_page(page: Any, number: int) -> tuple[list[Item], int, bool]:
    """(items, characters, image-only) for one pdfplumber page, which is closed after."""
    try:
        tables = _find_tables(page)
        words = page.extract_words(extra_attrs=["fontname", "size"])
        items = layout_page(words, tables, number, page.width, page.height)
        return items, len(page.chars), bool(page.images) and not page.chars
    finally:
        page.close()


def _find_tables(page: Any) -> list[Table]:
    """Ruled tables only; a page without rects or a vertical rule cannot hold one (fast path)."""
    if not page.rects and not any(abs(ln["x0"] - ln["x1"]) < 1 for ln in page.lines):
        return []
    return _real_tables(page.find_tables())


def _real_tables(tables: list[Table]) -> list[Table]:
    """Drop a lone ruled box (one cell): a framed note, not a table."""
    return [t for t in tables if len(t.rows) * max(len(r.cells) for r in t.rows) >= 2]
