"""Read PDF pages with PDFium (pypdfium2) into the words and tables pdfplumber would give.

Why: pdfplumber parses every character with pdfminer in pure Python; PDFium is C++, and
reading the shared papers through it is ~6x faster (measured). pdf.py lays a page out
from its words and ruled tables; this module gives it the words that
`page.extract_words(extra_attrs=["fontname", "size"])` would, built from PDFium's
characters by pdfplumber's word rules, and runs pdfplumber's own TableFinder on edges and
characters taken from PDFium, only on pages with a rect or a vertical rule, as the
pdfplumber path does. Coordinates are pdfplumber's: `top` down from the MediaBox top, and
a character's box is pdfminer's (origin to advance, baseline + descent, one size tall),
not PDFium's ink box, so gaps between words and lines come out the same.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils.text import LIGATURES

from pipeline.readers.pdf_chars import BOTTOM, CHAR_FIELDS, TEXT, TOP, X0, X1, Char, CharReader
from pipeline.readers.pdf_drawings import scan_objects

X_TOLERANCE = 3.0  # pdfplumber's word defaults: a wider gap between characters splits a word
Y_TOLERANCE = 3.0  # ... and characters whose tops differ by more are on different lines
_TABLE_FIELDS = (*CHAR_FIELDS, "doctop")  # a character as pdfplumber's tables read it
TABLE_SETTINGS = TableSettings.resolve(None)  # pdfplumber's defaults, as page.find_tables uses


@dataclass(slots=True)
class FastPage:
    """One page as PDFium read it. A page shown rotated is `rotated` and left unread."""

    width: float
    height: float
    rotated: bool
    chars: list[Char]
    has_images: bool
    edges: list[dict] | None  # pdfplumber-style edges; None when no table can be on the page

    def words(self) -> list[dict]:
        return chars_to_words(self.chars)

    def tables(self) -> list[Table]:
        """pdfplumber's ruled tables, each given only the characters inside it to extract."""
        if self.edges is None:
            return []
        # pdfplumber's table code reads only these three attributes of its Page
        page: Any = _TablePage(self.edges, [], (0, 0, self.width, self.height))
        finder = TableFinder(page, TABLE_SETTINGS)
        tables = []
        for table in finder.tables:
            x0, top, x1, bottom = table.bbox
            inside = [
                dict(zip(_TABLE_FIELDS, (*c, c[TOP]), strict=True))
                for c in self.chars
                if x0 <= (c[X0] + c[X1]) / 2 < x1 and top <= (c[TOP] + c[BOTTOM]) / 2 < bottom
            ]
            cropped: Any = _TablePage([], inside, table.bbox)
            tables.append(Table(cropped, table.cells))
        return tables


@dataclass(slots=True)
class _TablePage:
    """Just what pdfplumber's TableFinder and Table.extract read from a page."""

    edges: list[dict]
    chars: list[dict]
    bbox: tuple[float, float, float, float]


def pages(path: Path) -> Generator[FastPage, None, None]:
    """Each page of the PDF in turn; PDFium's errors (PdfiumError) propagate."""
    doc = pdfium.PdfDocument(path)
    try:
        for index in range(len(doc)):
            yield _read_page(doc, index)
    finally:
        doc.close()


def _read_page(doc: pdfium.PdfDocument, index: int) -> FastPage:
    """Read one page, closing it and its text page at once so memory stays bounded."""
    page = doc[index]
    try:
        left, bottom, right, top = page.get_mediabox()
        width, height = right - left, top - bottom
        if page.get_rotation() % 360:  # PDFium's coordinates are unrotated, pdfplumber's not
            return FastPage(width, height, True, [], False, None)
        textpage = page.get_textpage()
        try:
            chars = CharReader(textpage, top).read()
        finally:
            textpage.close()
        edges, ruled, has_images = scan_objects(page, top)
        return FastPage(width, height, False, chars, has_images, edges if ruled else None)
    finally:
        page.close()


# --- words: pdfplumber's WordExtractor rules --------------------------------------------

_X0, _X1, _TOP, _BOTTOM = (itemgetter(k) for k in (X0, X1, TOP, BOTTOM))
_STYLE = itemgetter(7, 6, 5)  # upright, font, size
_LIGATURES = str.maketrans(LIGATURES)


def chars_to_words(chars: list[Char]) -> list[dict]:
    """pdfplumber's extract_words(extra_attrs=["fontname", "size"]) over these characters.

    Characters are taken in content order in runs of one orientation, font and size; each
    run is clustered into lines by `top`, sorted along the line and split at whitespace,
    at gaps over X_TOLERANCE and where a character starts before the previous one.
    """
    words: list[dict] = []
    for (upright, font, size), run in groupby(chars, key=_STYLE):
        for line in _lines(list(run), upright):
            if upright:  # nearly every line: words built in one pass, no per-word lists
                _upright_words(line, font, size, words)
                continue
            for word in _split(line, upright):
                words.append(
                    {
                        "text": "".join([c[TEXT] for c in word]).translate(_LIGATURES),
                        "x0": min(map(_X0, word)),
                        "x1": max(map(_X1, word)),
                        "top": min(map(_TOP, word)),
                        "bottom": max(map(_BOTTOM, word)),
                        "upright": upright,
                        "fontname": font,
                        "size": size,
                    }
                )
    return words


def _upright_words(line: list[Char], font: str, size: float, words: list[dict]) -> None:
    """`_split` and the word boxes of chars_to_words for one upright line, in one pass.

    Extremes are kept as min() and max() keep them (the first of equal values), so the
    boxes are the very floats the general path gives; it was a third of the reading time.
    """
    text: list[str] = []
    x0 = x1 = top = bottom = last_x0 = last_x1 = last_top = 0.0
    for char, c_x0, c_x1, c_top, c_bottom, _size, _font, _upright in line:
        space = char.isspace()
        if text and (space or c_x0 < last_x0 or c_x0 > last_x1 + X_TOLERANCE
                     or abs(c_top - last_top) > Y_TOLERANCE):
            words.append({"text": "".join(text).translate(_LIGATURES), "x0": x0, "x1": x1,
                          "top": top, "bottom": bottom, "upright": True, "fontname": font,
                          "size": size})
            text = []
        if space:
            continue
        if text:
            if c_x0 < x0:
                x0 = c_x0
            if c_x1 > x1:
                x1 = c_x1
            if c_top < top:
                top = c_top
            if c_bottom > bottom:
                bottom = c_bottom
        else:
            x0, x1, top, bottom = c_x0, c_x1, c_top, c_bottom
        text.append(char)
        last_x0, last_x1, last_top = c_x0, c_x1, c_top
    if text:
        words.append({"text": "".join(text).translate(_LIGATURES), "x0": x0, "x1": x1,
                      "top": top, "bottom": bottom, "upright": True, "fontname": font,
                      "size": size})


def _lines(run: list[Char], upright: bool) -> list[list[Char]]:
    """pdfplumber's cluster_objects: a run's lines, tops chained within Y_TOLERANCE.

    One font often runs down a whole page, so this loop is hot: no per-character lambdas.
    """
    key, along, tolerance = (_TOP, _X0, Y_TOLERANCE) if upright else (_X0, _TOP, X_TOLERANCE)
    keys = list(map(key, run))
    values = sorted(set(keys))
    if values[-1] - values[0] <= tolerance:  # one line
        return [sorted(run, key=along)]
    cluster_of: dict[float, int] = {}
    number = 0
    for last, value in zip([values[0], *values], values, strict=False):
        number += value > last + tolerance
        cluster_of[value] = number
    lines: list[list[Char]] = [[] for _ in range(number + 1)]
    for value, char in zip(keys, run, strict=True):  # content order kept inside a line
        lines[cluster_of[value]].append(char)
    return [sorted(line, key=along) for line in lines]


def _split(line: list[Char], upright: bool) -> list[list[Char]]:
    """pdfplumber's char_begins_new_word, left to right (upright) or top to bottom."""
    words: list[list[Char]] = []
    word: list[Char] = []
    for char in line:
        if char[TEXT].isspace():
            if word:
                words.append(word)
                word = []
            continue
        if word:
            prev = word[-1]
            if upright:
                new = char[X0] < prev[X0] or char[X0] > prev[X1] + X_TOLERANCE
                new = new or abs(char[TOP] - prev[TOP]) > Y_TOLERANCE
            else:
                new = char[TOP] < prev[TOP] or char[TOP] > prev[BOTTOM] + Y_TOLERANCE
                new = new or abs(char[X0] - prev[X0]) > X_TOLERANCE
            if new:
                words.append(word)
                word = []
        word.append(char)
    if word:
        words.append(word)
    return words
