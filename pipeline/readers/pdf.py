"""Read a PDF into the document model.

Why not just `page.extract_text()`: Word-made council PDFs repeat a running header and
a "Page N of M" footer on every page, draw attendance lists as ruled tables whose cells
wrap over several lines, and now and then set text in two columns. Plain extraction
interleaves the wrapped cell lines of neighbouring cells, keeps the furniture and loses
paragraph breaks. Here each page becomes visual lines (with font size and boldness) plus
whole table rows, in reading order; furniture is dropped by its repetition across pages;
and the lines are grouped into headings, paragraphs and list items. Pages are read one at
a time and closed at once, so memory stays bounded on long PDFs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import EmptyDocument, EncryptedDocument, MinutebookError, NeedsOCR, ReadError
from pipeline.model.document import BlockKind, Document, DocumentBuilder

FURNITURE_BAND = 0.08  # share of the page height at the top and bottom where furniture lives
GUTTER_RANGE = (0.3, 0.7)  # where a two-column gutter may sit, as shares of the page width
MIN_GUTTER = 12.0  # pt of clear vertical space that separates two columns
MIN_COLUMN_LINES = 5  # lines each column needs before a page counts as two-column
GLUE_GAP = 1.0  # pt: closer words are one word split by a font change ("27" + "th")
WIDE_GAP = 0.5  # x font size: a gap after a list number this wide is a tab
PARA_GAP = 0.2  # x font size above normal line spacing that starts a new block
MAX_LINE_GAP = 0.4  # x font size: the most that counts as normal line spacing
HEADING_DELTA = 1.0  # pt above the body size that makes a heading
MAX_HEADING_WORDS = 12  # bold blocks up to this long are headings
MAX_SIZE_HEADING_WORDS = 40  # larger-font blocks longer than this stay paragraphs
SENTENCE_END = tuple(".:;?!")

BULLETS = {"•": "•", "▪": "▪", "-": "-", "–": "–", "◦": "◦", "■": "■", "➢": "➢", "\uf0b7": "•",
           "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf0a8": "◦"}
NUMBER_RE = re.compile(r"\(?(\d{1,3}|[a-z]|[ivx]{1,5})\)|\d{1,3}(\.\d{1,3})*\.|\d{1,3}(\.\d{1,3})+|[a-z]\.|[ivx]{1,5}\.")
PLAIN_NUMBER_RE = re.compile(r"\d{1,3}")
PAGE_NUMBER_RE = re.compile(r"(?i)(page\s*)?\d+(\s*(of|/)\s*\d+)?|-\s*\d+\s*-|\[\s*\d+\s*\]")
PAGE_OF_RE = re.compile(r"(?i)page\s+\d+\s+of\s+\d+")


@dataclass(slots=True)
class Line:
    """One visual line of text outside tables."""

    text: str
    page: int
    x0: float
    top: float
    bottom: float
    size: float
    bold: bool
    text_x0: float  # where the second word starts (the text after a bullet or number)
    first_gap: float  # space after the first word; a tab after a list number is wide
    band: bool  # inside the top or bottom furniture band


@dataclass(slots=True)
class TableItem:
    rows: list[list[str]]
    page: int


Item = Line | TableItem


def read_pdf(path: Path, source: str) -> Document:
    """Read `path` into a Document named `source`; raise a ReadError subclass on bad input."""
    if path.stat().st_size == 0:
        raise EmptyDocument("empty file")
    try:
        pages, chars, image_pages = _read_pages(path)
    except MinutebookError:
        raise
    except Exception as exc:  # pdfminer raises many types for broken files; report them all
        raise _read_error(exc) from None
    if not chars:
        if image_pages:
            noun = "page" if image_pages == 1 else "pages"
            raise NeedsOCR(f"no text layer, needs OCR ({image_pages} {noun} of images)")
        raise EmptyDocument("no text in PDF")
    builder = DocumentBuilder(source, "pdf")
    _BlockMaker(builder, _drop_furniture(pages)).run()
    if image_pages:
        builder.warnings.append(f"{image_pages} page(s) are images without a text layer")
    doc = builder.build(pages=len(pages))
    if not doc.blocks:
        raise EmptyDocument("no text in PDF apart from page headers and footers")
    return doc


def _read_error(exc: Exception) -> ReadError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return EncryptedDocument("encrypted PDF: needs a password")
    detail = " ".join(str(cause).split())[:200] or "no detail"
    return ReadError(f"not a readable PDF (corrupt or truncated): {type(cause).__name__}: {detail}")


def _read_pages(path: Path) -> tuple[list[list[Item]], int, int]:
    """Items of every page in reading order, the character count and the image-only page count."""
    pages: list[list[Item]] = []
    chars = image_pages = 0
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            try:
                chars += len(page.chars)
                image_pages += bool(page.images) and not page.chars
                pages.append(_read_page(page, number))
            finally:
                page.close()
    return pages, chars, image_pages


def _read_page(page, number: int) -> list[Item]:
    tables = _find_tables(page)
    boxes = [t.bbox for t in tables]
    words = [w for w in page.extract_words(extra_attrs=["fontname", "size"]) if not _inside(w, boxes)]
    rows = _cluster_rows(words)
    gutter = _find_gutter(rows, page.width, page.height)
    pieces: list[tuple[int, float, Item]] = []  # (column: 0 spans, 1 left, 2 right), top, item
    for row in rows:
        for col, part in _split_row(row, gutter):
            pieces.append((col, part[0]["top"], _make_line(part, number, page.height)))
    for table in tables:
        x0, top, x1, _ = table.bbox
        col = 0 if gutter is None or x0 < gutter < x1 else (1 if x1 <= gutter else 2)
        pieces.append((col, top, TableItem(table.extract(), number)))
    return _column_order(pieces)


def _find_tables(page) -> list:
    """Ruled tables only; a page without rects or a vertical rule cannot hold one (fast path)."""
    if not page.rects and not any(abs(ln["x0"] - ln["x1"]) < 1 for ln in page.lines):
        return []
    return [t for t in page.find_tables() if len(t.rows) * max(len(r.cells) for r in t.rows) >= 2]


def _inside(word: dict, boxes: list[tuple]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for x0, top, x1, bottom in boxes)


def _cluster_rows(words: list[dict]) -> list[list[dict]]:
    """Group words whose vertical extents overlap by half into rows, top to bottom."""
    rows: list[list[dict]] = []
    top = bottom = 0.0
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        overlap = min(bottom, w["bottom"]) - max(top, w["top"])
        if rows and overlap > 0.5 * min(bottom - top, w["bottom"] - w["top"]):
            rows[-1].append(w)
            top, bottom = min(top, w["top"]), max(bottom, w["bottom"])
        else:
            rows.append([w])
            top, bottom = w["top"], w["bottom"]
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def _find_gutter(rows: list[list[dict]], width: float, height: float) -> float | None:
    """The x of a clear vertical gap that separates two columns of body text, if any."""
    body = [r for r in rows if height * FURNITURE_BAND < r[0]["top"] < height * (1 - FURNITURE_BAND)]
    if len(body) < 2 * MIN_COLUMN_LINES:
        return None
    lo, hi = int(width * GUTTER_RANGE[0]), int(width * GUTTER_RANGE[1])
    cover = [0] * (hi - lo)
    for row in body:
        for w in row:
            for x in range(max(lo, int(w["x0"])), min(hi, int(w["x1"]) + 1)):
                cover[x - lo] += 1
    limit, best, start = len(body) // 10, (0, 0), None
    for i, n in enumerate(cover + [limit + 1]):
        if n <= limit and start is None:
            start = i
        elif n > limit and start is not None:
            best, start = max(best, (i - start, start)), None
    if best[0] < MIN_GUTTER:
        return None
    gutter = lo + best[1] + best[0] / 2
    left = [max(w["x1"] for w in r if w["x1"] <= gutter) for r in body if any(w["x1"] <= gutter for w in r)]
    right = [r for r in body if any(w["x0"] >= gutter for w in r)]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return None
    margin = min(r[0]["x0"] for r in body)
    filled = sorted(left)[len(left) // 2] >= gutter - best[0] / 2 - 0.25 * (gutter - margin)
    return gutter if filled else None  # left lines must run up to the gutter, as wrapped text does


def _split_row(row: list[dict], gutter: float | None) -> list[tuple[int, list[dict]]]:
    if gutter is None or any(w["x0"] < gutter < w["x1"] for w in row):
        return [(0, row)]
    parts = [(1, [w for w in row if w["x1"] <= gutter]), (2, [w for w in row if w["x0"] >= gutter])]
    return [p for p in parts if p[1]]


def _column_order(pieces: list[tuple[int, float, Item]]) -> list[Item]:
    """Top to bottom; between full-width items, the left column is read before the right."""
    out: list[Item] = []
    left: list[Item] = []
    right: list[Item] = []
    for col, _, item in sorted(pieces, key=lambda p: (p[1], p[0])):
        if col == 0:
            out += left + right + [item]
            left, right = [], []
        else:
            (left if col == 1 else right).append(item)
    return out + left + right


def _make_line(words: list[dict], page: int, height: float) -> Line:
    text = words[0]["text"]
    for prev, w in zip(words, words[1:]):
        text += ("" if w["x0"] - prev["x1"] < GLUE_GAP else " ") + w["text"]
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w["size"] * 2) / 2] += len(w["text"])
    inked = [w for w in words if any(c.isalnum() for c in w["text"])] or words
    top, bottom = min(w["top"] for w in words), max(w["bottom"] for w in words)
    second = words[1] if len(words) > 1 else words[0]
    return Line(
        text=text,
        page=page,
        x0=words[0]["x0"],
        top=top,
        bottom=bottom,
        size=sizes.most_common(1)[0][0],
        bold=all("bold" in w["fontname"].lower() for w in inked),
        text_x0=second["x0"],
        first_gap=second["x0"] - words[0]["x1"],
        band=bottom <= height * FURNITURE_BAND or top >= height * (1 - FURNITURE_BAND),
    )


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[list[Item]]) -> list[Item]:
    """Running headers/footers (repeated on 2+ pages) and page numbers, then one flat list."""
    seen: Counter[str] = Counter()
    for items in pages:
        seen.update({_furniture_key(i.text) for i in items if isinstance(i, Line) and i.band})
    repeated = {key for key, n in seen.items() if n >= 2}
    out: list[Item] = []
    for number, items in enumerate(pages, 1):
        first = next((i for i in items if isinstance(i, Line)), None)
        for item in items:
            if isinstance(item, Line):
                key = _furniture_key(item.text)
                if PAGE_OF_RE.fullmatch(item.text.strip()):
                    continue
                if item.band and (key in repeated or PAGE_NUMBER_RE.fullmatch(item.text.strip())):
                    continue
                if number == 1 and item is first and key in repeated:
                    continue
            out.append(item)
    return out


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines with a space; a hyphen wrapped after a word joins without one.

    LibreOffice and Word break lines after the hyphen of 'de-commission', 'Vice-Chair' or
    '2024-25'; the hyphen is part of the word, so no space goes in.
    """
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalnum() and part[0].isalnum():
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out


def _bullet(line: Line) -> tuple[str, str] | None:
    """(marker, text) when the line starts with a bullet glyph."""
    head = line.text[:1]
    if head not in BULLETS:
        return None
    rest = line.text[1:]
    if head in "-–" and not rest.startswith(" "):
        return None
    return BULLETS[head], rest.strip()


def _numbered(line: Line) -> bool:
    """A list number such as '1.', '1.1', '(a)', 'a)', 'i.'; a bare '11' only before a tab."""
    first = line.text.split(" ", 1)[0]
    if NUMBER_RE.fullmatch(first):
        return True
    return bool(PLAIN_NUMBER_RE.fullmatch(first)) and line.first_gap > WIDE_GAP * line.size


class _BlockMaker:
    """Turns the flat item list into blocks: paragraphs, list items, headings and table rows."""

    def __init__(self, builder: DocumentBuilder, items: list[Item]) -> None:
        self.builder = builder
        self.items = items
        lines = [i for i in items if isinstance(i, Line)]
        sizes: Counter[float] = Counter()
        for line in lines:
            sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        big = [s for s in sizes if s >= self.body_size + HEADING_DELTA]
        self.top_size = max(big, default=0.0)
        gaps = Counter(
            round(b.top - a.bottom, 1)
            for a, b in zip(lines, lines[1:])
            if a.page == b.page and a.size == b.size and b.top > a.bottom - 1
        )
        self.normal_gap = gaps.most_common(1)[0][0] if gaps else 0.0
        self.lines: list[Line] = []
        self.marker = ""
        self.last_table: tuple[int, int] | None = None  # (index, columns) of a table still open

    def run(self) -> None:
        for item in self.items:
            if isinstance(item, TableItem):
                self.flush()
                self.add_table(item)
            elif self.lines and self.continues(self.lines[-1], item):
                self.lines.append(item)
            else:
                self.flush()
                self.start(item)
        self.flush()

    def start(self, line: Line) -> None:
        bullet = _bullet(line)
        self.marker = bullet[0] if bullet else ""
        if bullet:
            line.text = bullet[1]
        self.lines = [line]

    def continues(self, prev: Line, line: Line) -> bool:
        if _bullet(line) or _numbered(line):
            return False
        if abs(line.size - prev.size) > 0.5 or line.bold != prev.bold:
            return False
        if self.marker and line.x0 < self.lines[0].text_x0 - 3:
            return False  # outdented below a list item: a new paragraph
        unfinished = not prev.text.endswith(SENTENCE_END)
        lower = line.text[:1].islower()
        if line.page != prev.page or line.top < prev.top:  # next page or next column
            return unfinished and lower
        max_gap = min(self.normal_gap, MAX_LINE_GAP * prev.size) + PARA_GAP * prev.size
        return line.top - prev.bottom <= max_gap and (unfinished or lower)

    def flush(self) -> None:
        if not self.lines:
            return
        self.last_table = None
        first, text = self.lines[0], join_wrapped([ln.text for ln in self.lines])
        bold = all(ln.bold for ln in self.lines)
        kind, level = BlockKind.PARAGRAPH, 0
        words = len(text.split())
        if self.marker:
            kind = BlockKind.LIST_ITEM
        elif first.size >= self.body_size + HEADING_DELTA and words <= MAX_SIZE_HEADING_WORDS:
            kind, level = BlockKind.HEADING, 1 if first.size >= self.top_size - 0.25 else 2
        elif bold and words <= MAX_HEADING_WORDS and not text.endswith("."):
            kind, level = BlockKind.HEADING, 2
        self.builder.add(kind, text, page=first.page, level=level, marker=self.marker, bold=bold)
        self.lines, self.marker = [], ""

    def add_table(self, table: TableItem) -> None:
        rows = [[join_wrapped((cell or "").split("\n")) for cell in row] for row in table.rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        columns = max(len(row) for row in rows)
        if self.last_table and self.last_table[1] == columns:
            index = self.last_table[0]  # a table continued from the previous page
        else:
            index = self.builder.new_table()
        for row in rows:
            self.builder.add(BlockKind.TABLE_ROW, "", page=table.page, cells=row, table=index)
        self.last_table = (index, columns)
