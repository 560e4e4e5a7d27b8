"""What a page image shows beyond its words: ruled table lines and bold strokes.

A text PDF's tables are found from the rules it draws (pdfplumber's TableFinder on the
page's edges); a scan draws its rules in pixels. Long straight runs of dark pixels are
those rules, and given to the same TableFinder as edges, with the OCR words as its
characters, they give the same table rows. Tesseract's LSTM engine says nothing of
font weight, but a bold word's strokes are wider: the mean length of a word's
horizontal ink runs, over its line's size, tells bold lines from the rest of a paper.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pdfplumber.table import Table, TableFinder, TableSettings
from PIL import Image

INK = 160  # grey level below which a pixel is ink (scans are rarely pure black)
MIN_RULE_IN = 0.3  # inches: no letter of running text is this long a straight stroke
# A vertical rule may be as short as one table row of one line (~0.2 in); letters of
# body text stay under 0.12 in (a 12 pt 'l'), and a stray vertical makes no table
# without horizontal rules crossing it.
MIN_VERTICAL_IN = 0.13
# share of ink pixels that are specks, in the page's middle quarter, over which a page
# is despeckled: a clean page (scanned or rendered) has none, a speckled one 0.8-26% (dense
# text dilutes it); the whole page's share is steadier but costs four times as much
NOISY = 0.004
SPECK_INK = 4  # most ink pixels in a speck's 5x5 square
RULE_GLYPHS = set("|[]{}")  # what Tesseract reads a ruled line as (not "1", "l": digits)
BOLD_RATIO = 1.3  # a word's stroke width over the paper's median that makes it bold
SHORT_LINE_FACTOR = 1.15  # ... and of a line of one or two words, this much more
UNIFORM = 0.25  # a line with at most this share of its words of the other weight is one weight
TABLE_SETTINGS = TableSettings.resolve(None)  # pdfplumber's defaults, as for text pages


def ink(image: Any) -> np.ndarray:
    """The page image as a boolean array, True where there is ink."""
    return np.asarray(image.convert("L")) < INK


def clean(image: Image.Image) -> Image.Image:
    """The page despeckled (3x3 median) when over NOISY of its ink pixels are specks.

    Speckle from a dirty scanner glass costs Tesseract a third of its confidence (95 to
    66-69 on pages with 1% speckle, measured) and the median gives it back (93);
    white-washing the specks alone gave less (and the scores of the scanned test papers
    fell). On a clean page the median only blurs, so it runs where needed (`median3`,
    0.03 s a page at 300 dpi). A speck is an ink pixel with at most SPECK_INK ink pixels
    in its 5x5 square (a speck scanned at 150 dpi is ~2x2 pixels at 300 dpi; a 1-pixel
    rule still has 5); they are counted on the page's middle quarter, ~0.05 s (the whole
    page, 0.2 s)."""
    mask = ink(image)
    height, width = mask.shape
    middle = mask[height // 4:3 * height // 4, width // 4:3 * width // 4]
    total = int(middle.sum())
    if not total or int(np.count_nonzero(middle & (_box_sums(middle, 2) <= SPECK_INK))) \
            <= NOISY * total:
        return image
    return median3(image)


def median3(image: Image.Image, strip: int = 256) -> Image.Image:
    """The grey image's 3x3 median, edges repeated: the pixels Pillow's MedianFilter(3)
    gives (tested), at a tenth of its cost (0.03 s, not 0.35 s, a page at 300 dpi).

    Each column of three is sorted once; a pixel's median is then the median of the
    largest of its three columns' minima, the median of their medians and the smallest
    of their maxima (exact for a 3x3 window). Strips of rows keep the temporary arrays
    to a few MB."""
    pixels = np.asarray(image.convert("L"))
    height = pixels.shape[0]
    padded = np.pad(pixels, 1, mode="edge")
    out = np.empty_like(pixels)
    for start in range(0, height, strip):
        rows = padded[start:min(start + strip, height) + 2]
        above, here, below = rows[:-2], rows[1:-1], rows[2:]
        low, high = np.minimum(above, here), np.maximum(above, here)
        middle = np.maximum(low, np.minimum(high, below))
        low, high = np.minimum(low, below), np.maximum(high, below)
        out[start:start + strip] = _median_of_three(
            np.maximum(np.maximum(low[:, :-2], low[:, 1:-1]), low[:, 2:]),
            _median_of_three(middle[:, :-2], middle[:, 1:-1], middle[:, 2:]),
            np.minimum(np.minimum(high[:, :-2], high[:, 1:-1]), high[:, 2:]))
    return Image.fromarray(out)


def _median_of_three(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return np.maximum(np.minimum(a, b), np.minimum(np.maximum(a, b), c))


def _box_sums(mask: np.ndarray, radius: int) -> np.ndarray:
    """How many True pixels each pixel's (2 radius + 1) square holds (outside is False).

    Summed across, then down, in bytes: a fifth of the cost of a summed-area table in
    int32 (a square of up to 11 x 11 pixels counts at most 121, inside a byte)."""
    side = 2 * radius + 1
    padded = np.pad(mask, radius).view(np.uint8)
    height, width = mask.shape
    across = padded[:, :width].copy()
    for shift in range(1, side):
        across += padded[:, shift:shift + width]
    out = across[:height].copy()
    for shift in range(1, side):
        out += across[shift:shift + height]
    return out


def _runs(mask: np.ndarray, min_len: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of each run of True at least `min_len` long, row by row."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    change = np.diff(padded, axis=1)
    rows_s, starts = np.nonzero(change == 1)
    _, ends = np.nonzero(change == -1)  # same order: each run's end follows its start
    keep = ends - starts >= min_len
    return list(zip(rows_s[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(),
                    strict=True))


def rule_edges(mask: np.ndarray, dpi: int) -> list[dict]:
    """pdfplumber-style edges (points) of the straight horizontal and vertical rules.

    Runs of ink in neighbouring pixel rows (columns) that overlap are one rule, a few
    pixels thick, or stepped by a slight skew. A vertical run is kept only when both its
    ends meet a horizontal rule, as a table's rules do: the stems of large or bold
    letters are as long as a one-line table row is tall, but they end in the air.
    Above 200 dpi the rules are looked for at half the resolution, each pixel the OR of
    four (a rule one pixel thick survives; the search costs a quarter)."""
    if dpi > 200:
        height, width = mask.shape[0] // 2 * 2, mask.shape[1] // 2 * 2
        mask = (mask[0:height:2, 0:width:2] | mask[1:height:2, 0:width:2]
                | mask[0:height:2, 1:width:2] | mask[1:height:2, 1:width:2])
        dpi //= 2
    scale = 72.0 / dpi
    # pieces from 0.05 in: a rule skewed by half a degree steps down a pixel every ~100
    # pixels, and its end pieces are short; the whole rule must be MIN_RULE_IN long
    across = [(pos, a, b) for pos, a, b in _merge(_runs(mask, int(0.05 * dpi)), int(0.02 * dpi))
              if b - a >= MIN_RULE_IN * dpi]
    down = _merge(_runs(mask.T, int(MIN_VERTICAL_IN * dpi)), int(0.02 * dpi))
    reach = 0.05 * dpi  # how far (pixels) a vertical's end may stop short of a rule
    edges = [_edge(a * scale, pos * scale, b * scale, pos * scale, "h") for pos, a, b in across]
    for pos, a, b in down:
        ends = [any(x0 - reach <= pos <= x1 + reach and abs(y - end) <= reach
                    for y, x0, x1 in across) for end in (a, b)]
        if all(ends):
            edges.append(_edge(pos * scale, a * scale, pos * scale, b * scale, "v"))
    return edges


def _merge(runs: list[tuple[int, int, int]], gap: int) -> list[tuple[float, int, int]]:
    """Runs of the same or neighbouring rows (or columns) that overlap or stop less than
    `gap` apart (a scanned rule is broken by specks and dropouts), as one (position,
    start, end) each, at their mean position."""
    groups: list[list[int]] = []  # last row, start, end, sum of row x length, length
    active: list[list[int]] = []
    current = None
    for row, start, end in sorted(runs):
        if row != current:  # groups close once a row: one made or grown in this row
            current = row   # stays open through it, so filtering per run changed nothing
            active = [g for g in active if g[0] >= row - 1]
        for group in active:
            if group[1] - gap < end and start < group[2] + gap:
                group[0], group[1], group[2] = row, min(group[1], start), max(group[2], end)
                group[3] += row * (end - start)
                group[4] += end - start
                break
        else:
            group = [row, start, end, row * (end - start), end - start]
            groups.append(group)
            active.append(group)
    return [(g[3] / g[4], g[1], g[2]) for g in groups]


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": top, "width": x1 - x0, "height": bottom - top}


class _TablePage:
    """Just what pdfplumber's TableFinder and Table.extract read from a page."""

    def __init__(self, edges: list[dict], chars: list[dict],
                 bbox: tuple[float, float, float, float]) -> None:
        self.edges, self.chars, self.bbox = edges, chars, bbox


def find_tables(edges: list[dict], words: list[dict], width: float, height: float
                ) -> list[Table]:
    """pdfplumber's ruled tables of the page, each extracting the OCR words inside it.

    A word is given to pdfplumber as one character: its word and line rules join
    characters by their gaps, so cells come out as the words joined by spaces."""
    if not any(e["orientation"] == "v" for e in edges):
        return []
    page: Any = _TablePage(edges, [], (0, 0, width, height))
    tables = []
    for table in TableFinder(page, TABLE_SETTINGS).tables:
        x0, top, x1, bottom = table.bbox
        inside = [{**w, "doctop": w["top"]} for w in words
                  if x0 <= (w["x0"] + w["x1"]) / 2 < x1 and top <= (w["top"] + w["bottom"]) / 2
                  < bottom]
        cropped: Any = _TablePage([], inside, table.bbox)
        tables.append(Table(cropped, table.cells))
    return tables


def drop_rule_glyphs(words: list[dict], edges: list[dict]) -> list[dict]:
    """The words, less those that are a vertical rule read as a letter ('|', 'l', ']').

    A word of such glyphs crossed by a vertical rule is the rule; a leading or trailing
    '|' of a longer word crossed by one is stripped (Tesseract joins a rule to a word it
    touches). A '|' where no rule is drawn is the paper's own text, and stays."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    kept = []
    for w in words:
        text = w["text"]
        crossed = any(w["x0"] - 1 <= e["x0"] <= w["x1"] + 1 and e["top"] < w["bottom"]
                      and e["bottom"] > w["top"] for e in verticals)
        if crossed and set(text) <= RULE_GLYPHS and len(text) <= 2:
            continue
        if crossed and len(text) > 1 and (text[0] in RULE_GLYPHS or text[-1] in RULE_GLYPHS):
            w["text"] = text.strip("|[]{}") or text
        elif len(text) > 1 and text[0] == "|" and text[1].isalnum():
            # the paper's own '|' joined to the next word ('|P' for '| P'): two words
            bar = (w["x1"] - w["x0"]) / len(text)
            kept.append({**w, "text": "|", "x1": w["x0"] + bar})
            w = {**w, "text": text[1:], "x0": w["x0"] + 2 * bar}
        kept.append(w)
    return kept


def trim_specks(mask: np.ndarray, boxes: list[list[int]]) -> None:
    """Shrink each [x0, top, x1, bottom] box (in place) to its main band of ink rows.

    A speck above or below a word, apart from it, stretches Tesseract's box and so the
    size read from it (a paragraph's last word, alone on its line, read as a heading);
    rows of ink cut off from the word's largest band by a blank row, holding under a
    fifth of its ink, are dropped. The dots of 'i' and 'j' and quote marks go with them,
    so they do not count as ascenders (`ocr.ASCENDING`)."""
    for box in boxes:
        x0, top, x1, bottom = box
        rows = mask[top:bottom, x0:x1].sum(axis=1) if x1 > x0 and bottom > top else None
        if rows is None or not rows.any():
            continue
        bands: list[list[int]] = []  # first row, last row, ink
        for index, ink_count in enumerate(rows.tolist()):
            if not ink_count:
                continue
            if bands and bands[-1][1] == index - 1:
                bands[-1][1] = index
                bands[-1][2] += ink_count
            else:
                bands.append([index, index, ink_count])
        main = max(bands, key=lambda b: b[2])
        kept = [b for b in bands if b is main or b[2] >= 0.2 * main[2]]
        box[1], box[3] = top + min(b[0] for b in kept), top + max(b[1] for b in kept) + 1


def stroke_widths(mask: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> list[float]:
    """The mean horizontal ink run (pixels) inside each (x0, top, x1, bottom) box."""
    out = []
    for x0, top, x1, bottom in boxes:
        cell = mask[top:bottom, x0:x1]
        if cell.size == 0:
            out.append(0.0)
            continue
        starts = int(np.count_nonzero(cell[:, 1:] & ~cell[:, :-1])) + int(cell[:, 0].sum())
        out.append(float(cell.sum()) / starts if starts else 0.0)
    return out


def mark_bold(words: list[dict]) -> None:
    """Set `fontname` "OCR-Bold" on the words whose strokes are wide, in place.

    Each word carries `stroke` (pixels per point of size, `stroke_widths` over its
    size); a word is bold when that is BOLD_RATIO over the paper's median, which is that
    of body text. Word by word, as a text layer's fonts are: a line is a heading when all
    its words are bold, and 'Date of meeting: 12 March' with a bold label is not. Needs
    a few words to compare: a paper of a few words stays regular."""
    strokes = sorted(w["stroke"] for w in words if w.get("stroke"))
    if len(strokes) < 20:
        return
    typical = strokes[len(strokes) // 2]
    lines: dict[Any, list[dict]] = {}
    for w in words:
        lines.setdefault(w["line_id"], []).append(w)
    for line in lines.values():
        # a word of one or two letters has too few strokes to measure ('1.', 'P', '|'):
        # it takes the weight most of its line's longer words have, else regular
        # one or two words are a small sample: they must be clearly wide to be bold (the
        # last word of a paragraph, on its own line, would otherwise break it off)
        measured = [w for w in line if sum(ch.isalnum() for ch in w["text"]) >= 3]
        ratio = BOLD_RATIO * (1.0 if len(measured) >= 3 else SHORT_LINE_FACTOR)
        long = [w.get("stroke", 0.0) >= ratio * typical for w in measured]
        most = sum(long) * 2 > len(long)
        # a line of words nearly all one weight is that weight: one word misjudged would
        # otherwise break a bold paragraph (a recommendation set bold) into pieces
        share = sum(long) / len(long) if long else 0.0
        uniform = share >= 1 - UNIFORM or share <= UNIFORM
        for w in line:
            if sum(ch.isalnum() for ch in w["text"]) >= 3 and not uniform:
                bold = w.get("stroke", 0.0) >= ratio * typical
            else:
                bold = most
            if bold:
                w["fontname"] = "OCR-Bold"
