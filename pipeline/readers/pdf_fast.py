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

import ctypes
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils.text import LIGATURES

X_TOLERANCE = 3.0  # pdfplumber's word defaults: a wider gap between characters splits a word
Y_TOLERANCE = 3.0  # ... and characters whose tops differ by more are on different lines
VERTICAL_RULE = 1.0  # pt: a line narrower than this is a vertical rule, as in pdf._find_tables
EDGE = 0.01  # pt: box edges closer than this are the same edge
MAX_FORM_DEPTH = 15  # form XObjects nested deeper are not searched for rules
TABLE_SETTINGS = TableSettings.resolve(None)  # pdfplumber's defaults, as page.find_tables uses

Point = tuple[float, float]
_P, _I = ctypes.c_void_p, ctypes.c_int


def _bind(func: Callable, restype: type | None, *argtypes: type) -> Callable:
    """A second prototype for a PDFium function, taking handles and out-pointers as ints.

    These run once or more per character; pypdfium2's typed bindings convert pointer
    arguments on every call, which made the calls ~25% slower when measured.
    """
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(func, _P).value)


_unicode = _bind(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, _I)
_is_generated = _bind(pdfium_c.FPDFText_IsGenerated, _I, _P, _I)
_text_object = _bind(pdfium_c.FPDFText_GetTextObject, _P, _P, _I)
_origin = _bind(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)
_loose_box = _bind(pdfium_c.FPDFText_GetLooseCharBox, _I, _P, _I, _P)
_ink_box = _bind(pdfium_c.FPDFText_GetCharBox, _I, _P, _I, _P, _P, _P, _P)
_glyph_width = _bind(pdfium_c.FPDFFont_GetGlyphWidth, _I, _P, ctypes.c_uint, ctypes.c_float, _P)
_font_of = _bind(pdfium_c.FPDFTextObj_GetFont, _P, _P)


class Char(NamedTuple):
    """One character with the fields pdfplumber's word and table code read."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str
    upright: bool


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
        page = _TablePage(self.edges, [], (0, 0, self.width, self.height))
        finder = TableFinder(page, TABLE_SETTINGS)
        tables = []
        for table in finder.tables:
            x0, top, x1, bottom = table.bbox
            inside = [
                {**c._asdict(), "doctop": c.top}
                for c in self.chars
                if x0 <= (c.x0 + c.x1) / 2 < x1 and top <= (c.top + c.bottom) / 2 < bottom
            ]
            tables.append(Table(_TablePage([], inside, table.bbox), table.cells))
        return tables


@dataclass(slots=True)
class _TablePage:
    """Just what pdfplumber's TableFinder and Table.extract read from a page."""

    edges: list[dict]
    chars: list[dict]
    bbox: tuple[float, float, float, float]


def pages(path: Path) -> Iterator[FastPage]:
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
            chars = _CharReader(textpage, top).read()
        finally:
            textpage.close()
        edges, ruled, has_images = _scan_objects(page, top)
        return FastPage(width, height, False, chars, has_images, edges if ruled else None)
    finally:
        page.close()


# --- characters ------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class _Style:
    """What the characters of one text object (one show-text operator) share."""

    font: str
    font_handle: int
    font_size: float  # as set by Tf; PDFium's widths are in these units
    x_scale: float  # text space to page space along the line
    upright: bool
    rotated: bool  # then boxes and sizes are taken character by character
    size: float = 0.0  # pdfminer's: the font size in page space
    top: float = 0.0
    bottom: float = 0.0


class _CharReader:
    """One text page's characters, in content order, without the spaces PDFium made up.

    x0 is a character's origin and x1 the origin plus its advance width, as in pdfminer.
    PDFium's loose box is that advance box joined with the ink, which can end right of
    the advance ("f" in TeX fonts, italics), so x1 comes from the font's width, checked
    against the loose box the first time each character is seen in a font.
    """

    def __init__(self, textpage: pdfium.PdfTextPage, page_top: float) -> None:
        self.textpage, self.page_top = textpage, page_top
        self.handle: int = ctypes.cast(textpage.raw, _P).value or 0
        self.box, self.width = pdfium_c.FS_RECTF(), ctypes.c_float()
        self.ink = (ctypes.c_double * 4)()  # left, right, bottom, top
        self.fonts: dict[int, tuple[str, float]] = {}  # handle -> name, descent per size
        # (font, size, character) -> (advance in text space, whether the loose box agrees)
        self.advances: dict[tuple[int, float, str], tuple[float, bool]] = {}

    def read(self) -> list[Char]:
        handle, advances, box, page_top = self.handle, self.advances, self.box, self.page_top
        box_at = ctypes.addressof(box)
        x, y = ctypes.c_double(), ctypes.c_double()
        x_at, y_at = ctypes.addressof(x), ctypes.addressof(y)
        count = pdfium_c.FPDFText_CountChars(self.textpage.raw)
        text = _page_text(self.textpage, count)
        chars: list[Char] = []
        current: int | None = None
        style = _Style("", 0, 0.0, 0.0, True, True)
        for index in range(count):
            char = text[index] if text else chr(_unicode(handle, index)).translate(_HYPHEN_MARKS)
            if char.isspace() and _is_generated(handle, index):
                continue  # PDFium's inferred spaces and line breaks are not in the file
            obj = _text_object(handle, index)
            if obj is None:
                continue
            same_object = obj == current
            if not same_object:
                current, style = obj, self._style(index, obj)
            if style.rotated:  # pdfminer's size is then the box's height too
                _loose_box(handle, index, box_at)
                top, bottom = page_top - box.top, page_top - box.bottom
                fields = (char, box.left, box.right, top, bottom, bottom - top, style.font)
                chars.append(_new_tuple(Char, (*fields, style.upright)))
                continue
            _origin(handle, index, x_at, y_at)
            x0 = x.value
            known = advances.get((style.font_handle, style.font_size, char))
            if same_object and x0 == chars[-1].x0:  # one glyph, two characters ("ffi")
                _loose_box(handle, index, box_at)
                x1 = box.right
                chars[-1] = chars[-1]._replace(x1=max(x1, chars[-1].x1))
            elif known is not None and known[1]:
                x1 = x0 + known[0] * style.x_scale
            else:
                x1 = self._right(index, char, x0, style)
            fields = (char, x0, x1, style.top, style.bottom, style.size, style.font)
            chars.append(_new_tuple(Char, (*fields, style.upright)))
        return chars

    def _style(self, index: int, obj: int) -> _Style:
        """Font, size and vertical extent of the text object holding character `index`.

        PDFium's font size leaves out the text matrix (Tf 1 with a scaled Tm reports 1),
        so it is scaled by the matrix as pdfminer does. The characters of one show-text
        operator share a baseline, so their box is worked out once.
        """
        raw = self.textpage.raw
        matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        font_size = pdfium_c.FPDFText_GetFontSize(raw, index)
        font = _font_of(obj) or 0
        name, descent = self._font(index, font)
        upright = a * d > 0 and b * c <= 0  # pdfminer's test
        if b != 0 or a <= 0 or d == 0:  # turned or mirrored: no shared baseline or advance
            return _Style(name, font, font_size, a, upright, True)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        y0 = y.value + descent * font_size * d
        y1 = y0 + font_size * d
        top, bottom = self.page_top - max(y0, y1), self.page_top - min(y0, y1)
        return _Style(name, font, font_size, a, upright, False, abs(font_size * d), top, bottom)

    def _font(self, index: int, font: int) -> tuple[str, float]:
        """(name, descent as a negative share of the font size), once per font."""
        if font not in self.fonts:
            buffer = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            pdfium_c.FPDFText_GetFontInfo(self.textpage.raw, index, buffer, len(buffer), flags)
            name = buffer.value.decode("utf-8", "replace")
            handle, descent = ctypes.cast(font, pdfium_c.FPDF_FONT), ctypes.c_float()
            if not font or not pdfium_c.FPDFFont_GetDescent(handle, 1000.0, descent):
                descent.value = 0.0
            # A standard font not embedded: pdfminer has metrics from its own AFM table,
            # PDFium from its substitute font. Take pdfminer's, so the boxes agree.
            if name in FONT_METRICS and not (font and pdfium_c.FPDFFont_GetIsEmbedded(handle)):
                descent.value = FONT_METRICS[name][0].get("Descent", 0)
            self.fonts[font] = (name, -abs(descent.value) / 1000)
        return self.fonts[font]

    def _right(self, index: int, char: str, x0: float, style: _Style) -> float:
        """x1 from the font's advance width, when the loose box agrees or its ink overhangs.

        A width narrower than the loose box with no ink at the box's edge belongs to
        another glyph (widths are looked up by Unicode, and a hyphen can map to another
        code); then the loose box's edge is right.
        """
        _loose_box(self.handle, index, ctypes.addressof(self.box))
        right = self.box.right
        key = (style.font_handle, style.font_size, char)
        if key not in self.advances:
            width_at = ctypes.addressof(self.width)
            found = _glyph_width(style.font_handle, ord(char), style.font_size, width_at)
            advance = self.width.value if found else -1.0
            agrees = bool(found) and abs(x0 + advance * style.x_scale - right) <= EDGE
            self.advances[key] = (advance, agrees)
        advance = self.advances[key][0]
        end = x0 + advance * style.x_scale
        if advance >= 0 and end < right - EDGE:
            at = ctypes.addressof(self.ink)
            _ink_box(self.handle, index, at, at + 8, at + 16, at + 24)
            if self.ink[1] >= right - EDGE:  # the box's edge is the ink's
                return end
        return right


_new_tuple = tuple.__new__  # NamedTuple's own __new__ is Python code, 4x slower per character
# PDFium marks a hyphen that ends a line: U+0002 per character, U+FFFE in the page text.
_HYPHEN_MARKS = str.maketrans({"\x02": "-", "\ufffe": "-"})


def _page_text(textpage: pdfium.PdfTextPage, count: int) -> str | None:
    """All characters' text in one call, or None when it does not map one-to-one.

    PDFium leaves out characters it cannot print and writes characters beyond U+FFFF as
    two UTF-16 units; either way the text no longer lines up with the character indices.
    """
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage.raw, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", "replace")
    if written != count + 1 or len(text) != count:
        return None
    return text.translate(_HYPHEN_MARKS)


# --- words: pdfplumber's WordExtractor rules --------------------------------------------

_X0, _X1, _TOP, _BOTTOM = (attrgetter(k) for k in ("x0", "x1", "top", "bottom"))
_STYLE = attrgetter("upright", "font", "size")
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
            for word in _split(line, upright):
                words.append(
                    {
                        "text": "".join([c.text for c in word]).translate(_LIGATURES),
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
        if char.text.isspace():
            if word:
                words.append(word)
                word = []
            continue
        if word:
            prev = word[-1]
            if upright:
                new = char.x0 < prev.x0 or char.x0 > prev.x1 + X_TOLERANCE
                new = new or abs(char.top - prev.top) > Y_TOLERANCE
            else:
                new = char.top < prev.top or char.top > prev.bottom + Y_TOLERANCE
                new = new or abs(char.x0 - prev.x0) > X_TOLERANCE
            if new:
                words.append(word)
                word = []
        word.append(char)
    if word:
        words.append(word)
    return words


# --- drawings: table edges, the table gate, images -------------------------------------


def _scan_objects(page: pdfium.PdfPage, page_top: float) -> tuple[list[dict], bool, bool]:
    """(pdfplumber-style edges, whether a rect or vertical rule is drawn, any image)."""
    edges: list[dict] = []
    ruled = has_images = False
    count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    for obj, kind, matrix in _objects(page.raw, count, get, None, 0):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            has_images = True
            continue
        for shape, points in _subpaths(obj, matrix, page_top):
            found, rule = _edges(shape, points)
            edges += found
            ruled = ruled or rule
    return edges, ruled, has_images


def _objects(
    parent: object, count: Callable, get: Callable, outer: pdfium.PdfMatrix | None, depth: int
) -> Iterator[tuple[object, int, pdfium.PdfMatrix]]:
    """Path and image objects with their matrix to page space, looking inside forms."""
    for index in range(count(parent)):
        obj = get(parent, index)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE) and (
            kind != pdfium_c.FPDF_PAGEOBJ_FORM or depth >= MAX_FORM_DEPTH
        ):
            continue  # text, mostly: nothing to look at
        raw_matrix = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFPageObj_GetMatrix(obj, raw_matrix)
        matrix = pdfium.PdfMatrix.from_raw(raw_matrix)
        if outer is not None:  # an object in a form is placed in the form's space
            matrix = matrix.multiply(outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count_in, get_in = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
            yield from _objects(obj, count_in, get_in, matrix, depth + 1)
        else:
            yield obj, kind, matrix


def _subpaths(
    obj: object, matrix: pdfium.PdfMatrix, page_top: float
) -> Iterator[tuple[str, list[Point]]]:
    """pdfminer's view of a path: per subpath, its operators ("m", "l", "c", "h") and points.

    PDFium stores a close ("h", or the end of "re") as a point back at the start flagged
    `close`; pdfminer keeps "h" as an operator whose point is the start. Curves keep only
    their end points, as pdfminer's `pts` do.
    """
    x, y = ctypes.c_float(), ctypes.c_float()
    shape, points, beziers = "", [], 0
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = matrix.on_point(x.value, y.value)
        point = (px, page_top - py)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            if shape:
                yield shape, points
            shape, points, beziers = "m", [point], 0
            continue
        if not shape:
            continue  # no current point: pdfminer ignores such a path
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            beziers += 1
            if beziers % 3:
                continue  # a control point
            shape += "c"
        else:
            shape += "l"
        points.append(point)
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            if shape[-1] == "l" and point == points[0]:
                shape = shape[:-1] + "h"
            else:
                shape, points = shape + "h", [*points, points[0]]
    if shape:
        yield shape, points


def _edges(shape: str, pts: list[Point]) -> tuple[list[dict], bool]:
    """pdfplumber's edges for one subpath, and whether it is a rect or a vertical rule.

    A two-point subpath is pdfminer's LTLine, "v" unless flat (even when slanted); any
    other gives an edge per pair of points, as LTCurve's and LTRect's edges come out.
    """
    if shape in ("ml", "mlh"):
        (x0, t0), (x1, t1) = pts[0], pts[1]
        edge = _edge(x0, t0, x1, t1, "h" if t0 == t1 else "v")
        return [edge], abs(x0 - x1) < VERTICAL_RULE
    edges = []
    for (x0, t0), (x1, t1) in zip(pts, pts[1:], strict=False):
        edges.append(_edge(x0, t0, x1, t1, "v" if x0 == x1 else ("h" if t0 == t1 else None)))
    return edges, shape in ("mlllh", "mllll") and _is_rect(pts)


def _is_rect(pts: list[Point]) -> bool:
    """pdfminer's LTRect test: a closed loop of four axis-aligned sides."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), end = pts[:5]
    if end != (x0, y0):
        return False
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
        y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    )


def _edge(x0: float, t0: float, x1: float, t1: float, orientation: str | None) -> dict:
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(t0, t1), max(t0, t1)
    return {
        "orientation": orientation,
        "x0": left,
        "x1": right,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": right - left,
        "height": bottom - top,
    }
