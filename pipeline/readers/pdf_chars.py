"""PDFium's characters of a page, boxed as pdfminer (and so pdfplumber) boxes them.

A character's box is pdfminer's (origin to advance, baseline + descent, one size tall),
not PDFium's ink box, so gaps between words and lines come out as pdfplumber's do.
The loop over characters is the reader's hottest: it calls PDFium through bare ctypes
prototypes and builds tuples without NamedTuple's Python-level constructor.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, count, filterfalse, groupby, islice, pairwise, repeat
from operator import add, eq, ne
from typing import Any, Final

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS

EDGE = 0.01  # pt: box edges closer than this are the same edge

_P, _I = ctypes.c_void_p, ctypes.c_int


def _bind(func: Any, restype: type | None, *argtypes: type) -> Callable:
    """A second prototype for a PDFium function, taking handles and out-pointers as ints.

    These run once or more per character; pypdfium2's typed bindings convert pointer
    arguments on every call, which made the calls ~25% slower when measured.
    """
    address = ctypes.cast(func, _P).value
    assert address, "PDFium function without an address"
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


def _bare(func: Any, restype: type | None) -> Callable:
    """A prototype without argument types, for the two calls made for every character.

    ctypes then converts nothing: an int argument goes as a C int, and handles and
    out-pointers must be passed as ctypes objects (c_void_p, byref). Half the cost per
    call of a typed prototype taking ints, measured.
    """
    bare = _bind(func, restype)
    bare.argtypes = None  # type: ignore[attr-defined]
    return bare


_unicode = _bind(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, _I)
_generated_at = _bare(pdfium_c.FPDFText_IsGenerated, _I)  # (c_void_p, int) -> 1, 0 or -1
_object_at = _bare(pdfium_c.FPDFText_GetTextObject, _P)  # (c_void_p, int) -> int or None
_origin_at = _bare(pdfium_c.FPDFText_GetCharOrigin, _I)  # (c_void_p, int, byref, byref)
_loose_at = _bare(pdfium_c.FPDFText_GetLooseCharBox, _I)  # (c_void_p, int, byref)
_ink_at = _bare(pdfium_c.FPDFText_GetCharBox, _I)  # (c_void_p, int, byref x 4)
_matrix_at = _bare(pdfium_c.FPDFText_GetMatrix, _I)  # (c_void_p, int, byref)
_font_size_at = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)  # (c_void_p, int)
_glyph_width = _bind(pdfium_c.FPDFFont_GetGlyphWidth, _I, _P, ctypes.c_uint, ctypes.c_float, _P)
_font_of = _bind(pdfium_c.FPDFTextObj_GetFont, _P, _P)


# One character, with the fields pdfplumber's word and table code read: a plain tuple
# (text, x0, x1, top, bottom, size, font, upright); a NamedTuple cost a tenth of reading
# the characters to make, ~2,000 a page. CHAR_FIELDS names them; TEXT, X0... are places.
Char = tuple[str, float, float, float, float, float, str, bool]
CHAR_FIELDS = ("text", "x0", "x1", "top", "bottom", "size", "font", "upright")
TEXT: Final = 0
X0: Final = 1
X1: Final = 2
TOP: Final = 3
BOTTOM: Final = 4


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


class CharReader:
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
        # (font, size) -> character -> (advance in text space, whether the loose box agrees)
        self.advances: dict[tuple[int, float], dict[str, tuple[float, bool]]] = {}
        # (font, size, x scale) -> character -> its advance in page space, where it agrees
        self.steps: dict[tuple[int, float, float], dict[str, float]] = {}
        # ... and the characters whose advance does not agree (measured every time)
        self.unsure: dict[tuple[int, float, float], set[str]] = {}
        self.scratch = ctypes.c_double()  # where the origins' unused y is written
        self.page = ctypes.c_void_p(self.handle)  # as the untyped prototypes take it
        self.box_ref = ctypes.byref(self.box)
        self.ink_refs = tuple(ctypes.byref(self.ink, 8 * n) for n in range(4))
        self.matrix = pdfium_c.FS_MATRIX()

    def read(self) -> list[Char]:
        """The page's characters. PDFium is asked for every character's text object and
        origin in two sweeps, and each text object's run of characters is built at once."""
        handle, total = self.handle, pdfium_c.FPDFText_CountChars(self.textpage.raw)
        if total <= 0:
            return []
        text = _page_text(self.textpage, total)
        letters = text if text is not None else "".join(
            [chr(_unicode(handle, index)).translate(_HYPHEN_MARKS) for index in range(total)])
        page = self.page
        objects = list(map(_object_at, repeat(page, total), range(total)))
        origins = _origins(page, total, self.scratch)
        # PDFium's inferred spaces and line breaks are not in the file: left out (those
        # it makes have no text object, so only white space with one is asked about)
        spaces = [m.start() for m in _SPACE.finditer(letters)]
        asked = [index for index in spaces if objects[index] is not None]
        generated = set(compress(asked, map(_generated_at, repeat(page, len(asked)), asked)))
        chars: list[Char] = []
        for obj, indices in _runs(objects, generated):
            if isinstance(indices, range):  # nothing left out inside: slices
                run_letters = letters[indices.start:indices.stop]
                x0s = origins[indices.start:indices.stop]
            else:
                run_letters = "".join([letters[i] for i in indices])
                x0s = [origins[i] for i in indices]
            style = self._style(indices[0], obj)
            if style.rotated:  # pdfminer's size is then the box's height too
                self._rotated(indices, run_letters, style, chars)
                continue
            if any(map(eq, x0s, islice(x0s, 1, None))):  # one glyph, two characters
                self._run(indices, run_letters, x0s, style, chars)
                continue
            x1s = self._ends(indices, run_letters, x0s, style)
            chars.extend(zip(
                run_letters, x0s, x1s, repeat(style.top), repeat(style.bottom),
                repeat(style.size), repeat(style.font), repeat(style.upright)))
        return chars

    def _ends(self, indices: Sequence[int], letters: str, x0s: list[float],
              style: _Style) -> list[float]:
        """x1 of each character of a run, as the one-by-one loop (`_run`) gives it.

        A letter first seen in the font is measured by `_right` where it first stands;
        after that a letter whose width agrees with its loose box ends at x0 plus its
        advance, and one whose width does not is measured by `_right` every time.
        """
        key = (style.font_handle, style.font_size, style.x_scale)
        steps = self.steps.setdefault(key, {})  # letter -> advance in page space
        missing = set(letters).difference(steps)
        if not missing:
            return list(map(add, x0s, map(steps.__getitem__, letters)))
        unsure = self.unsure.setdefault(key, set())  # letters measured every time
        measured: dict[int, float] = {}  # place in the run -> x1 from _right
        widths = self._widths(style)
        for letter in missing.difference(unsure):
            known = widths.get(letter)
            if known is None:
                place = letters.index(letter)
                measured[place] = self._right(indices[place], letter, x0s[place], style)
                known = widths[letter]
            if known[1]:
                steps[letter] = known[0] * style.x_scale  # the very float `x0 + ...` adds
            else:
                unsure.add(letter)
        for letter in missing.intersection(unsure):
            for place in _places(letters, letter):
                if place not in measured:
                    measured[place] = self._right(indices[place], letter, x0s[place], style)
        ends = list(map(add, x0s, map(steps.get, letters, repeat(0.0))))
        for place, end in measured.items():
            ends[place] = end
        return ends

    def _run(self, indices: Sequence[int], letters: str, x0s: list[float], style: _Style,
             chars: list[Char]) -> None:
        """One text object's characters one by one: ligatures, and widths not yet known."""
        page, box = self.page, self.box
        widths, scale = self._widths(style), style.x_scale
        for n, (index, char, x0) in enumerate(zip(indices, letters, x0s, strict=True)):
            known = widths.get(char)
            if n and x0 == chars[-1][X0]:  # one glyph, two characters ("ffi")
                _loose_at(page, index, self.box_ref)
                x1 = box.right
                last = chars[-1]
                chars[-1] = (last[TEXT], last[X0], max(x1, last[X1]), *last[TOP:])
            elif known is not None and known[1]:
                x1 = x0 + known[0] * scale
            else:
                x1 = self._right(index, char, x0, style)
            chars.append((char, x0, x1, style.top, style.bottom, style.size, style.font,
                          style.upright))

    def _rotated(self, indices: Sequence[int], letters: str, style: _Style,
                 chars: list[Char]) -> None:
        """A turned or mirrored text object's characters, each boxed by its loose box."""
        page, box, box_ref, page_top = self.page, self.box, self.box_ref, self.page_top
        for index, letter in zip(indices, letters, strict=True):
            _loose_at(page, index, box_ref)
            c_top, c_bottom = page_top - box.top, page_top - box.bottom
            chars.append((letter, box.left, box.right, c_top, c_bottom, c_bottom - c_top,
                          style.font, style.upright))

    def _widths(self, style: _Style) -> dict[str, tuple[float, bool]]:
        """The advances known for the style's font at its size, by character."""
        return self.advances.setdefault((style.font_handle, style.font_size), {})

    def _style(self, index: int, obj: int) -> _Style:
        """Font, size and vertical extent of the text object holding character `index`.

        PDFium's font size leaves out the text matrix (Tf 1 with a scaled Tm reports 1),
        so it is scaled by the matrix as pdfminer does. The characters of one show-text
        operator share a baseline, so their box is worked out once.
        """
        page, matrix = self.page, self.matrix
        _matrix_at(page, index, ctypes.byref(matrix))
        a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
        font_size = _font_size_at(page, index)
        font = _font_of(obj) or 0
        name, descent = self._font(index, font)
        upright = a * d > 0 and b * c <= 0  # pdfminer's test
        if b != 0 or a <= 0 or d == 0:  # turned or mirrored: no shared baseline or advance
            return _Style(name, font, font_size, a, upright, True)
        y = ctypes.c_double()
        _origin_at(page, index, ctypes.byref(self.scratch), ctypes.byref(y))
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
                descent.value = float(FONT_METRICS[name][0].get("Descent", 0))  # type: ignore[arg-type]
            self.fonts[font] = (name, -abs(descent.value) / 1000)
        return self.fonts[font]

    def _right(self, index: int, char: str, x0: float, style: _Style) -> float:
        """x1 from the font's advance width, when the loose box agrees or its ink overhangs.

        A width narrower than the loose box with no ink at the box's edge belongs to
        another glyph (widths are looked up by Unicode, and a hyphen can map to another
        code); then the loose box's edge is right.
        """
        _loose_at(self.page, index, self.box_ref)
        right = self.box.right
        widths = self._widths(style)
        if char not in widths:
            width_at = ctypes.addressof(self.width)
            found = _glyph_width(style.font_handle, ord(char), style.font_size, width_at)
            advance = self.width.value if found else -1.0
            agrees = bool(found) and abs(x0 + advance * style.x_scale - right) <= EDGE
            widths[char] = (advance, agrees)
        advance = widths[char][0]
        end = x0 + advance * style.x_scale
        if advance >= 0 and end < right - EDGE:
            _ink_at(self.page, index, *self.ink_refs)
            if self.ink[1] >= right - EDGE:  # the box's edge is the ink's
                return end
        return right


# PDFium marks a hyphen that ends a line: U+0002 per character, U+FFFE in the page text.
_SPACE = re.compile(r"\s")  # sre's \s is str.isspace() character by character
_HYPHEN_MARKS = str.maketrans({"\x02": "-", "\ufffe": "-"})


def _runs(objects: list[int | None], generated: set[int]
          ) -> Iterator[tuple[int, Sequence[int]]]:
    """Each text object's characters in content order, as the one-by-one loop took them:
    characters without a text object, and `generated` ones, left out, and the characters
    of one object on both sides of those taken as one run."""
    if generated:  # rare: white space PDFium made up inside a text object
        kept = filterfalse(generated.__contains__, compress(range(len(objects)), objects))
        for obj, run in groupby(kept, objects.__getitem__):
            yield obj, list(run)  # type: ignore[misc]
        return
    changes = compress(count(1), map(ne, islice(objects, 1, None), objects))
    runs: list[tuple[int, list[range]]] = []
    for start, end in pairwise((0, *changes, len(objects))):
        obj = objects[start]
        if obj is None:
            continue
        if runs and runs[-1][0] == obj:  # only left-out characters between the two
            runs[-1][1].append(range(start, end))
        else:
            runs.append((obj, [range(start, end)]))
    for obj, spans in runs:
        yield obj, spans[0] if len(spans) == 1 else [i for span in spans for i in span]


def _places(text: str, letter: str) -> Iterator[int]:
    """Where `letter` stands in `text`, left to right."""
    place = text.find(letter)
    while place >= 0:
        yield place
        place = text.find(letter, place + 1)


def _origins(page: ctypes.c_void_p, count: int, scratch: ctypes.c_double) -> list[float]:
    """Every character's origin x (its y is written to `scratch` and left)."""
    x = ctypes.c_double()
    x_at, y_at = ctypes.byref(x), ctypes.byref(scratch)
    xs: list[float] = []
    append = xs.append
    for index in range(count):
        _origin_at(page, index, x_at, y_at)
        append(x.value)
    return xs


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
