"""Read a PDF into the document model.

Why not just `page.extract_text()`: Word-made council PDFs repeat a running header and
a "Page N of M" footer on every page, draw attendance lists as ruled tables whose cells
wrap over several lines, and now and then set text in two columns. Plain extraction
interleaves the wrapped lines of neighbouring cells, keeps the furniture and loses
paragraph breaks. Here each page becomes visual lines (with font size and boldness) and
whole table rows in reading order; furniture is dropped by its repetition across pages;
and the lines are grouped into headings, paragraphs and list items. Pages are read one
at a time and closed at once, so memory stays bounded on long PDFs.

Words and ruled tables come from PDFium (pdf_fast, ~6x faster) by default, or from
pdfplumber; both give the same words, so everything from lines on is shared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass
from itertools import accumulate, pairwise
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSEOF
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import EmptyDocument, EncryptedDocument, NeedsOCR, ReadError, warning
from pipeline.model.document import BlockKind, Document, DocumentBuilder
from pipeline.readers import pdf_fast

# "pdfium": pages are read by pdf_fast, and a page PDFium shows rotated by pdfplumber.
# "pdfplumber": every page by pdfplumber, the slower reference the tests compare with.
ENGINE = "pdfium"

FURNITURE_BAND = 0.08  # share of the page height at the top and bottom where furniture lives
GUTTER_RANGE = (0.3, 0.7)  # where a two-column gutter may sit, as shares of the page width
MIN_GUTTER = 12.0  # pt of clear vertical space that separates two columns
MIN_COLUMN_LINES = 5  # lines each column needs before a page counts as two-column
GLUE_GAP = 1.0  # pt: closer words are one word split by a font change ("27" + "th")
WIDE_GAP = 0.5  # x font size: a gap this wide after a bare list number is a tab
PARA_GAP = 0.2  # x font size above normal line spacing that starts a new block
MAX_LINE_GAP = 0.4  # x font size: the most that counts as normal line spacing
HEADING_DELTA = 1.0  # pt above the body size that makes a heading
MAX_HEADING_WORDS = 12  # bold blocks up to this long are headings
MAX_SIZE_HEADING_WORDS = 40  # larger-font blocks longer than this stay paragraphs
SENTENCE_END = tuple(".:;?!")

BULLETS = set("•▪-–◦■➢")
# Word's Symbol-font bullets come out as private-use characters.
SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓"}
NUMBER_RE = re.compile(  # (1)  1)  (a)  a)  (iv)  a.  iv.  1.  1.1  1.1.
    r"\(?(\d{1,3}|[a-z]|[ivx]{1,5})\)|([a-z]|[ivx]{1,5})\.|\d{1,3}((\.\d{1,3})+\.?|\.)"
)
BARE_NUMBER_RE = re.compile(r"\d{1,3}")
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
    size: float  # the size most of its characters have
    bold: bool  # every word is in a bold font
    text_x0: float  # where the second word starts: the text after a bullet or number
    first_gap: float  # space after the first word; a tab after a list number is wide
    band: bool  # inside the top or bottom furniture band


@dataclass(slots=True)
class TableItem:
    rows: list[list[str | None]]
    page: int


Item = Line | TableItem


def read_pdf(path: Path, source: str) -> Document:
    """Read `path` into a Document named `source`; raise a ReadError subclass on bad input."""
    if path.stat().st_size == 0:
        raise EmptyDocument("empty file")
    try:
        pages, chars, image_pages = _read_pages(path)
    except Exception as exc:  # pdfminer and PDFium raise many types for broken files
        raise _read_error(exc, path) from None
    if not chars:
        if image_pages:
            raise NeedsOCR(f"no text layer, needs OCR ({image_pages} pages of images)")
        raise EmptyDocument("no text in PDF")
    builder = DocumentBuilder(source, "pdf")
    _BlockMaker(builder, _drop_furniture(pages)).run()
    if image_pages:
        builder.warnings.append(warning(
            "no_text_layer", f"{image_pages} page(s) are images without a text layer"))
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


def _read_pages(path: Path) -> tuple[list[list[Item]], int, int]:
    """Every page's items in reading order, the character count and the image-only pages."""
    pages: list[list[Item]] = []
    chars = image_pages = 0
    for items, count, image_only in _page_items(path):
        pages.append(items)
        chars += count
        image_pages += image_only
    return pages, chars, image_pages


def _page_items(path: Path) -> Iterator[tuple[list[Item], int, bool]]:
    """(items, characters, image-only) for each page, read by the ENGINE chosen."""
    if ENGINE == "pdfplumber":
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, 1):
                yield _read_plumber_page(page, number)
        return
    with ExitStack() as stack:
        fast_pages = stack.enter_context(closing(pdf_fast.pages(path)))  # closes the PDF
        plumber = None  # opened once, only if a page needs it
        for number, page in enumerate(fast_pages, 1):
            if page.rotated:  # PDFium's coordinates are unrotated; pdfplumber's are as shown
                plumber = plumber or stack.enter_context(pdfplumber.open(path))
                yield _read_plumber_page(plumber.pages[number - 1], number)
            else:
                tables = _real_tables(page.tables())
                items = _layout_page(page.words(), tables, number, page.width, page.height)
                yield items, len(page.chars), page.has_images and not page.chars


def _read_plumber_page(page, number: int) -> tuple[list[Item], int, bool]:
    """(items, characters, image-only) for one pdfplumber page, which is closed after."""
    try:
        tables = _find_tables(page)
        words = page.extract_words(extra_attrs=["fontname", "size"])
        items = _layout_page(words, tables, number, page.width, page.height)
        return items, len(page.chars), bool(page.images) and not page.chars
    finally:
        page.close()


def _layout_page(
    words: list[dict], tables: list[Table], number: int, width: float, height: float
) -> list[Item]:
    """Lines and table rows of one page in reading order, from either engine's words."""
    boxes = [t.bbox for t in tables]
    words = [w for w in words if not _inside(w, boxes)]
    rows = _cluster_rows(words)
    gutter = _find_gutter(rows, width, height)
    pieces: list[tuple[int, float, Item]] = []  # (column: 0 spans, 1 left, 2 right), top, item
    for row in rows:
        for col, part in _split_row(row, gutter):
            pieces.append((col, part[0]["top"], _make_line(part, number, height)))
    for table in tables:
        x0, top, x1, _ = table.bbox
        col = 0 if gutter is None or x0 < gutter < x1 else (1 if x1 <= gutter else 2)
        pieces.append((col, top, TableItem(table.extract(), number)))
    return _column_order(pieces)


def _find_tables(page) -> list[Table]:
    """Ruled tables only; a page without rects or a vertical rule cannot hold one (fast path)."""
    if not page.rects and not any(abs(ln["x0"] - ln["x1"]) < 1 for ln in page.lines):
        return []
    return _real_tables(page.find_tables())


def _real_tables(tables: list[Table]) -> list[Table]:
    """Drop a lone ruled box (one cell): a framed note, not a table."""
    return [t for t in tables if len(t.rows) * max(len(r.cells) for r in t.rows) >= 2]


def _inside(word: dict, boxes: list[tuple]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1 for x0, y0, x1, y1 in boxes)


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
    for prev, w in pairwise(words):
        text += ("" if w["x0"] - prev["x1"] < GLUE_GAP else " ") + w["text"]
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w["size"] * 2) / 2] += len(w["text"])
    inked = [w for w in words if any(c.isalnum() for c in w["text"])] or words  # not the bullet
    top, bottom = min(w["top"] for w in words), max(w["bottom"] for w in words)
    second = words[1] if len(words) > 1 else words[0]
    bold = all("bold" in w["fontname"].lower() for w in inked)
    band = bottom <= height * FURNITURE_BAND or top >= height * (1 - FURNITURE_BAND)
    size, x0, x2 = sizes.most_common(1)[0][0], words[0]["x0"], second["x0"]
    return Line(text, page, x0, top, bottom, size, bold, x2, x2 - words[0]["x1"], band)


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_furniture(pages: list[list[Item]]) -> list[Item]:
    """Drop running headers/footers (repeated on 2+ pages) and page numbers; flatten pages."""
    seen: Counter[str] = Counter()
    for items in pages:
        seen.update({_furniture_key(i.text) for i in items if isinstance(i, Line) and i.band})
    repeated = {key for key, n in seen.items() if n >= 2}
    out: list[Item] = []
    for number, items in enumerate(pages, 1):
        first = next((i for i in items if isinstance(i, Line)), None)
        for item in items:
            if isinstance(item, Line):
                text, key = item.text.strip(), _furniture_key(item.text)
                if PAGE_OF_RE.fullmatch(text):
                    continue
                if item.band and (key in repeated or PAGE_NUMBER_RE.fullmatch(text)):
                    continue
                if number == 1 and item is first and key in repeated:
                    continue  # page 1's own header line, repeated in later pages' headers
            out.append(item)
    return out


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines with a space; a hyphen wrapped after a word joins without one.

    Word and LibreOffice break lines after the hyphen of 'de-commission', 'Vice-Chair'
    or '2024-25'; the hyphen belongs to the word, so no space goes in.
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
    head, rest = line.text[:1], line.text[1:]
    if head not in BULLETS and head not in SYMBOL_BULLETS:
        return None
    if head in "-–" and not rest.startswith(" "):
        return None  # a hyphenated word or a minus sign
    return SYMBOL_BULLETS.get(head, head), rest.strip()


def _numbered(line: Line) -> bool:
    """A list number such as '1.', '1.1', '(a)', 'a)', 'i.'; a bare '11' only before a tab."""
    first = line.text.split(" ", 1)[0]
    if NUMBER_RE.fullmatch(first):
        return True
    return bool(BARE_NUMBER_RE.fullmatch(first)) and line.first_gap > WIDE_GAP * line.size


class _BlockMaker:
    """Turns the flat item list into paragraphs, list items, headings and table rows."""

    def __init__(self, builder: DocumentBuilder, items: list[Item]) -> None:
        self.builder, self.items = builder, items
        lines = [i for i in items if isinstance(i, Line)]
        sizes: Counter[float] = Counter()
        for line in lines:
            sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        self.top_size = max((s for s in sizes if s >= self.body_size + HEADING_DELTA), default=0.0)
        gaps = Counter(
            round(b.top - a.bottom, 1)
            for a, b in pairwise(lines)
            if a.page == b.page and a.size == b.size and b.top > a.bottom - 1
        )
        self.normal_gap = gaps.most_common(1)[0][0] if gaps else 0.0
        self.lines: list[Line] = []
        self.marker = ""
        self.open_row: tuple[int, list[str], int] | None = None  # table, cells, page: held back

    def run(self) -> None:
        for item in self.items:
            if isinstance(item, TableItem):
                if self.lines:
                    self.flush()
                self.add_table(item)
            elif self.lines and self.continues(self.lines[-1], item):
                self.lines.append(item)
            else:
                self.flush()
                bullet = _bullet(item)
                self.marker = bullet[0] if bullet else ""
                item.text = bullet[1] if bullet else item.text
                self.lines = [item]
        self.flush()

    def continues(self, prev: Line, line: Line) -> bool:
        if _bullet(line) or _numbered(line):
            return False
        if abs(line.size - prev.size) > 0.5 or line.bold != prev.bold:
            return False
        if self.marker and line.x0 < self.lines[0].text_x0 - 3:
            return False  # outdented below a list item: a new paragraph
        unfinished, lower = not prev.text.endswith(SENTENCE_END), line.text[:1].islower()
        if line.page != prev.page or line.top < prev.top:  # on to the next page or column
            return unfinished and lower
        max_gap = min(self.normal_gap, MAX_LINE_GAP * prev.size) + PARA_GAP * prev.size
        return line.top - prev.bottom <= max_gap and (unfinished or lower)

    def flush(self) -> None:
        """Emit the held-back table row, then the lines gathered so far as one block."""
        if self.open_row:
            self.add_row(*self.open_row)
            self.open_row = None
        if not self.lines:
            return
        first, text = self.lines[0], join_wrapped([ln.text for ln in self.lines])
        bold, words = all(ln.bold for ln in self.lines), len(text.split())
        kind, level = BlockKind.PARAGRAPH, 0
        if self.marker:
            kind = BlockKind.LIST_ITEM
        elif first.size >= self.body_size + HEADING_DELTA and words <= MAX_SIZE_HEADING_WORDS:
            kind, level = BlockKind.HEADING, 1 if first.size >= self.top_size - 0.25 else 2
        elif bold and words <= MAX_HEADING_WORDS and not text.endswith("."):
            kind, level = BlockKind.HEADING, 2
        self.builder.add(kind, text, page=first.page, level=level, marker=self.marker, bold=bold)
        self.lines, self.marker = [], ""

    def add_table(self, table: TableItem) -> None:
        """Rows with whole cell texts; the last row waits, as the next page may continue it."""
        rows = [[join_wrapped((cell or "").split("\n")) for cell in row] for row in table.rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        pages = [table.page] * len(rows)
        held, self.open_row = self.open_row, None
        if held and held[2] < table.page and len(held[1]) == len(rows[0]):  # continued table
            index = held[0]
            if rows[0][0]:
                self.add_row(*held)
            else:  # a row broken by the page: its rest has an empty first cell
                rows[0] = [join_wrapped([a, b]) for a, b in zip(held[1], rows[0], strict=True)]
                pages[0] = held[2]
        else:
            self.open_row = held
            self.flush()  # emits the row held back from another table
            index = self.builder.new_table()
        for row, page in zip(rows[:-1], pages[:-1], strict=True):
            self.add_row(index, row, page)
        self.open_row = (index, rows[-1], pages[-1])

    def add_row(self, index: int, cells: list[str], page: int) -> None:
        self.builder.add(BlockKind.TABLE_ROW, "", page=page, cells=cells, table=index)
