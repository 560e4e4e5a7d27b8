"""A PDF page laid out: its words and ruled tables as visual lines and table rows.

Either engine (pdf_fast's PDFium words, or pdfplumber's) gives the same words; from here
on the two share everything. Words become lines by their vertical overlap, a clear
gutter splits a two-column page (read left column, then right), and running headers,
footers and page numbers are dropped by their repetition across pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate, combinations, pairwise
from operator import itemgetter

from pdfplumber.table import Table

FURNITURE_BAND = 0.08  # share of the page height at the top and bottom where furniture lives
SMALLER = 1.0  # points below the body's size from which a line in a margin is furniture
HEADER_TAB = 0.12  # a gap this share of the page wide inside a header line is a tab stop
GUTTER_RANGE = (0.3, 0.7)  # where a two-column gutter may sit, as shares of the page width
MIN_GUTTER = 12.0  # pt of clear vertical space that separates two columns
MIN_COLUMN_LINES = 5  # lines each column needs before a page counts as two-column
OCR_ALIKE = 0.85  # how alike two OCR'd band lines read to be one running header or footer
GLUE_GAP = 1.0  # pt: closer words are one word split by a font change ("27" + "th")
CELL_GAP = 0.8  # x font size: a wider gap between two words of a line is a tab or a column
PAGE_NUMBER_RE = re.compile(r"(?i)(page\s*)?\d+(\s*(of|/)\s*\d+)?|-\s*\d+\s*-|\[\s*\d+\s*\]")
PAGE_OF_RE = re.compile(r"(?i)page\s+\d+\s+of\s+\d+")
_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() holds for (sre's test is the same)
_TOP, _BOTTOM, _X0 = itemgetter("top"), itemgetter("bottom"), itemgetter("x0")
_TOP_X0, _COUNT = itemgetter("top", "x0"), itemgetter(1)


@dataclass(slots=True)
class Line:
    """One visual line of text outside tables."""

    text: str
    page: int
    x0: float
    top: float
    bottom: float
    size: float  # the size most of its characters have
    bold: bool  # every word is in a bold font
    text_x0: float  # where the second word starts: the text after a bullet or number
    first_gap: float  # space after the first word; a tab after a list number is wide
    band: bool  # inside the top or bottom furniture band
    ocr: float | None = None  # an OCR'd line's mean word confidence (0-100)
    # (x0, text) of the parts a tab-wide gap separates: cells of a table drawn without rules
    cells: tuple[tuple[float, str], ...] = ()


@dataclass(slots=True)
class TableItem:
    rows: list[list[str | None]]
    page: int
    ocr: float | None = None  # an OCR'd table's lowest word confidence (0-100)


Item = Line | TableItem


def layout_page(
    words: list[dict], tables: list[Table], number: int, width: float, height: float
) -> list[Item]:
    """Lines and table rows of one page in reading order, from either engine's words."""
    boxes = [t.bbox for t in tables]
    ocr = bool(words) and "conf" in words[0]  # OCR words (pipeline.readers.ocr) say how sure
    every = words
    if boxes:
        words = [w for w in words if not _inside(w, boxes)]
    rows = _cluster_rows(words)
    gutter = _find_gutter(rows, width, height)
    pieces: list[tuple[int, float, Item]] = []  # (column: 0 spans, 1 left, 2 right), top, item
    for row in rows:
        for col, part in _split_row(row, gutter):
            for piece in _band_pieces(part, width, height):
                pieces.append((col, piece[0]["top"], _make_line(piece, number, height)))
    for table in tables:
        x0, top, x1, _ = table.bbox
        col = 0 if gutter is None or x0 < gutter < x1 else (1 if x1 <= gutter else 2)
        conf = _table_conf(every, table.bbox) if ocr else None
        pieces.append((col, top, TableItem(table.extract(), number, conf)))
    return _column_order(pieces)


def _table_conf(words: list[dict], bbox: tuple) -> float | None:
    confs = [w["conf"] for w in words if _inside(w, [bbox])]
    return min(confs) if confs else None


def _inside(word: dict, boxes: list[tuple]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1 for x0, y0, x1, y1 in boxes)


def _cluster_rows(words: list[dict]) -> list[list[dict]]:
    """Group words whose vertical extents overlap by half into rows, top to bottom."""
    rows: list[list[dict]] = []
    top = bottom = 0.0
    # min() and max() written out: this runs for every word of every page
    for w in sorted(words, key=_TOP_X0):
        w_top, w_bottom = w["top"], w["bottom"]
        overlap = (w_bottom if w_bottom < bottom else bottom) - (w_top if w_top > top else top)
        height, w_height = bottom - top, w_bottom - w_top
        if rows and overlap > 0.5 * (w_height if w_height < height else height):
            rows[-1].append(w)
            if w_top < top:
                top = w_top
            if w_bottom > bottom:
                bottom = w_bottom
        else:
            rows.append([w])
            top, bottom = w_top, w_bottom
    return [sorted(r, key=_X0) for r in rows]


def _find_gutter(rows: list[list[dict]], width: float, height: float) -> float | None:
    """The x of a clear vertical gap between two columns of wrapped body text, if any."""
    band = height * FURNITURE_BAND
    body = [r for r in rows if band < r[0]["top"] < height - band]
    if len(body) < 2 * MIN_COLUMN_LINES:
        return None
    lo, hi = int(width * GUTTER_RANGE[0]), int(width * GUTTER_RANGE[1])
    steps = [0] * (hi - lo + 1)  # +1 where a word starts covering x, -1 after it ends
    for w in (w for row in body for w in row):
        start, end = max(lo, int(w["x0"])), min(hi, int(w["x1"]) + 1)
        if start < end:
            steps[start - lo] += 1
            steps[end - lo] -= 1
    cover = list(accumulate(steps[:-1]))  # how many words cover each x in the middle
    limit, best, start = len(body) // 10, (0, 0), 0  # a few full-width lines may cross
    for i, n in enumerate(cover + [limit + 1]):
        if n > limit:
            best, start = max(best, (i - start, start)), i + 1
    if best[0] < MIN_GUTTER:
        return None
    gutter = lo + best[1] + best[0] / 2
    left = sorted(max(w["x1"] for w in r if w["x1"] <= gutter) for r in body if r[0]["x1"] < gutter)
    right = [r for r in body if r[-1]["x0"] >= gutter]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return None
    margin = min(r[0]["x0"] for r in body)  # wrapped text runs up to the gutter; tab stops do not
    reach = gutter - best[0] / 2 - 0.25 * (gutter - margin)
    return gutter if left[len(left) // 2] >= reach else None


def _split_row(row: list[dict], gutter: float | None) -> list[tuple[int, list[dict]]]:
    if gutter is None or any(w["x0"] < gutter < w["x1"] for w in row):
        return [(0, row)]
    parts = [(1, [w for w in row if w["x1"] <= gutter]), (2, [w for w in row if w["x0"] >= gutter])]
    return [p for p in parts if p[1]]


def _band_pieces(words: list[dict], width: float, height: float) -> list[list[dict]]:
    """A header or footer line cut where a tab stop spreads it across the page ('Fernley
    Council <tab> Licensing Committee - 3 May 2024'): its pieces are separate texts, and a
    one-page paper's header would otherwise run the council into the committee's name."""
    top, bottom = words[0]["top"], words[-1]["bottom"]
    if not (bottom <= height * FURNITURE_BAND or top >= height * (1 - FURNITURE_BAND)):
        return [words]
    pieces = [[words[0]]]
    for prev, word in pairwise(words):
        if word["x0"] - prev["x1"] > width * HEADER_TAB:
            pieces.append([])
        pieces[-1].append(word)
    return pieces


def _column_order(pieces: list[tuple[int, float, Item]]) -> list[Item]:
    """Top to bottom; between full-width items the left column is read before the right."""
    out: list[Item] = []
    columns: dict[int, list[Item]] = {1: [], 2: []}
    for col, _, item in sorted(pieces, key=lambda p: (p[1], p[0])):
        if col:
            columns[col].append(item)
        else:
            out += columns[1] + columns[2] + [item]
            columns = {1: [], 2: []}
    return out + columns[1] + columns[2]


def _make_line(words: list[dict], page: int, height: float) -> Line:
    text = words[0]["text"]
    cuts = [0]  # where each part separated by a tab-wide gap starts in `text`
    starts = [words[0]["x0"]]
    for prev, w in pairwise(words):
        gap = w["x0"] - prev["x1"]
        if gap > CELL_GAP * w["size"]:
            cuts.append(len(text) + 1)
            starts.append(w["x0"])
        text += ("" if gap < GLUE_GAP else " ") + w["text"]
    # A plain dict and max() pick the size Counter.most_common(1) picks (the first of equals)
    sizes: dict[float, int] = {}
    for w in words:
        key = round(w["size"] * 2) / 2
        sizes[key] = sizes.get(key, 0) + len(w["text"])
    inked = [w for w in words if _ALNUM.search(w["text"])] or words  # not the bullet
    top, bottom = min(map(_TOP, words)), max(map(_BOTTOM, words))
    second = words[1] if len(words) > 1 else words[0]
    bold = all("bold" in w["fontname"].lower() for w in inked)
    band = bottom <= height * FURNITURE_BAND or top >= height * (1 - FURNITURE_BAND)
    size, x0, x2 = max(sizes.items(), key=_COUNT)[0], words[0]["x0"], second["x0"]
    line = Line(text, page, x0, top, bottom, size, bold, x2, x2 - words[0]["x1"], band)
    if "conf" in words[0]:  # an OCR'd line
        line.ocr = sum(w["conf"] for w in words) / len(words)
    elif len(cuts) > 1:
        line.cells = tuple((x, text[a:b].strip()) for x, a, b in
                           zip(starts, cuts, [*cuts[1:], len(text)], strict=True))
    return line


def _furniture_key(text: str, ocr: bool = False) -> str:
    if ocr:  # OCR reads a running header's rules, dashes and spaces differently by page
        text = re.sub(r"[\W_]+", "", text)
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _alike_ocr_keys(pages: list[list[Item]], seen: Counter[str]) -> set[str]:
    """OCR'd band lines read alike on two pages or more: a running header that OCR
    read with a speck more on one page ('...Harrow ais Harrow...') is still repeated."""
    keys = sorted({_furniture_key(i.text, True) for items in pages for i in items
                   if isinstance(i, Line) and i.band and i.ocr is not None and len(i.text) > 8})
    alike = set()
    for a, b in combinations(keys, 2):
        if SequenceMatcher(None, a, b).ratio() >= OCR_ALIKE:
            alike |= {a, b}
    return {key for key in alike if key in seen}


def _body_size(pages: list[list[Item]]) -> float:
    """The type size of most of the text outside the margins' bands (0 when none)."""
    chars: Counter[float] = Counter()
    for items in pages:
        for item in items:
            if isinstance(item, Line) and not item.band and item.ocr is None:
                chars[round(item.size, 1)] += len(item.text)
    return chars.most_common(1)[0][0] if chars else 0.0


def drop_furniture(pages: list[list[Item]]) -> list[Item]:
    """Drop running headers/footers (repeated on 2+ pages, or in the margin in type smaller
    than the body's) and page numbers; flatten pages."""
    seen: Counter[str] = Counter()
    for items in pages:
        seen.update({_furniture_key(i.text, i.ocr is not None) for i in items
                     if isinstance(i, Line) and i.band})
    repeated = {key for key, n in seen.items() if n >= 2}
    repeated |= _alike_ocr_keys(pages, seen)
    small = _body_size(pages) - SMALLER
    out: list[Item] = []
    for number, items in enumerate(pages, 1):
        first = next((i for i in items if isinstance(i, Line)), None)
        for item in items:
            if isinstance(item, Line):
                text, key = item.text.strip(), _furniture_key(item.text, item.ocr is not None)
                if PAGE_OF_RE.fullmatch(text):
                    continue
                if item.band and (key in repeated or PAGE_NUMBER_RE.fullmatch(text)):
                    continue
                if item.band and item.ocr is None and item.size < small:
                    continue  # a header or footer once only (a one-page paper's, say)
                if number == 1 and item is first and key in repeated:
                    continue  # page 1's own header line, repeated in later pages' headers
            out.append(item)
    return out
