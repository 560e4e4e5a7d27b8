"""OCR a PDF's chosen pages into laid-out items, through the run's OCR cache.

Each page is rendered by PDFium (in process, with the page's /Rotate applied, so
coordinates are the page as shown, as pdfplumber's are), grey, at `OcrOptions.dpi`; its
pixels are hashed for the cache; Tesseract's TSV (cached or fresh) becomes word dicts;
rules in the image become table edges. Pages are rendered and OCR'd one at a time and
their images dropped at once, so memory stays that of one page (~9 MB at 300 dpi).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
from pdfplumber.table import Table

from pipeline.readers.ocr import (
    OcrOptions,
    deskew,
    page_key,
    recognise,
    snap_sizes,
    tsv_words,
    word_dicts,
)
from pipeline.readers.ocr_image import (
    clean,
    drop_rule_glyphs,
    find_tables,
    ink,
    mark_bold,
    rule_edges,
    stroke_widths,
    trim_specks,
)


@dataclass(slots=True)
class OcrPage:
    """One OCR'd page: its words (pdf_fast's dicts plus `conf`), tables and size in pt."""

    number: int
    words: list[dict]
    edges: list[dict]  # the rules in the image, as pdfplumber's edges
    width: float
    height: float
    cached: bool = False
    tables: list[Table] = field(default_factory=list)


@dataclass(slots=True)
class OcrStats:
    """What OCR cost a document: pages OCR'd by Tesseract, pages from the cache, seconds."""

    pages: int = 0
    cached: int = 0
    seconds: float = 0.0
    numbers: list[int] = field(default_factory=list)


def ocr_pages(path: Path, numbers: list[int], options: OcrOptions,
              stats: OcrStats | None = None) -> list[OcrPage]:
    """The pages `numbers` (1-based) of the PDF at `path`, OCR'd.

    Sizes are snapped and bold lines marked over all the pages together (a paper's body
    text is one size and weight). Raises `ocr.OcrUnavailable` when Tesseract is missing
    (before rendering anything: `ocr.available` is asked first by the reader)."""
    stats = stats if stats is not None else OcrStats()
    pages = list(_read(path, numbers, options, stats))
    words = [w for page in pages for w in page.words]
    snap_sizes(words)
    mark_bold(words)
    for page in pages:
        page.tables = find_tables(page.edges, page.words, page.width, page.height)
    return pages


def _read(path: Path, numbers: list[int], options: OcrOptions, stats: OcrStats
          ) -> Iterator[OcrPage]:
    cache = _open_cache(options.cache)
    pdf = pdfium.PdfDocument(path)
    try:
        for number in numbers:
            page = pdf[number - 1]
            try:
                bitmap = page.render(scale=options.dpi / 72, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
            key = page_key(image, options)
            image = clean(image)
            tsv = _cached(cache, key)
            cached = tsv is not None
            if tsv is None:
                started = time.perf_counter()
                tsv = recognise(image, options)
                seconds = time.perf_counter() - started
                stats.pages += 1
                stats.seconds += seconds
                _keep(cache, key, tsv, seconds)
            else:
                stats.cached += 1
            stats.numbers.append(number)
            found = tsv_words(tsv)
            mask = ink(image)
            strokes = stroke_widths(mask, [(int(w.x0), int(w.top), int(w.x1), int(w.bottom))
                                           for w in found])
            edges = rule_edges(mask, options.dpi)
            boxes = [[int(w.x0), int(w.top), int(w.x1), int(w.bottom)] for w in found]
            trim_specks(mask, boxes)
            for word, (_, top, _, bottom) in zip(found, boxes, strict=True):
                word.top, word.bottom = top, bottom
            deskew(found)  # after the strokes, which are measured in the image as it is
            words = drop_rule_glyphs(word_dicts(found, options.dpi, strokes, number), edges)
            width, height = image.size[0] * 72 / options.dpi, image.size[1] * 72 / options.dpi
            del image, mask, bitmap
            yield OcrPage(number, words, edges, width, height, cached)
    finally:
        pdf.close()
        if cache is not None:
            cache.close()


def _open_cache(path: Path | None) -> sqlite3.Connection | None:
    """The OCR cache, or None when there is none or it cannot be opened (a read-only run
    folder, a Dask worker without the client's file system): OCR then just runs."""
    if path is None:
        return None
    from pipeline.batch.store import ocr_cache_open

    try:
        return ocr_cache_open(path)
    except sqlite3.Error:
        return None


def _cached(cache: sqlite3.Connection | None, key: str) -> str | None:
    if cache is None:
        return None
    from pipeline.batch.store import ocr_cache_get

    try:
        return ocr_cache_get(cache, key)
    except sqlite3.Error:
        return None


def _keep(cache: sqlite3.Connection | None, key: str, tsv: str, seconds: float) -> None:
    if cache is None:
        return
    from pipeline.batch.store import ocr_cache_put

    with suppress(sqlite3.Error):  # a cache that cannot be written only costs a re-OCR
        ocr_cache_put(cache, key, tsv, seconds)


__all__ = ["OcrPage", "OcrStats", "ocr_pages"]
