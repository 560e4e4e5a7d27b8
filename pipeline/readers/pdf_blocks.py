"""Lines and table rows of a PDF into the document's blocks.

Lines run on into one paragraph while the spacing, size and boldness stay those of
running text; a bullet or list number opens a list item; larger or short bold lines are
headings. A table row cut by a page break is joined to its rest on the next page.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from pipeline.model.bullets import SYMBOL_BULLETS
from pipeline.model.document import BlockKind, DocumentBuilder
from pipeline.readers.pdf_layout import Item, Line, TableItem
from pipeline.rules import read_json

WIDE_GAP = 0.5  # x font size: a gap this wide after a bare list number is a tab
PARA_GAP = 0.2  # x font size above normal line spacing that starts a new block
MAX_LINE_GAP = 0.4  # x font size: the most that counts as normal line spacing
HEADING_DELTA = 1.0  # pt above the body size that makes a heading
MAX_HEADING_WORDS = 12  # bold blocks up to this long are headings
MAX_SIZE_HEADING_WORDS = 40  # larger-font blocks longer than this stay paragraphs
SENTENCE_END = tuple(".:;?!")

BULLETS = set("•▪-–◦■➢")
NUMBER_RE = re.compile(  # (1)  1)  (a)  a)  (iv)  a.  iv.  1.  1.1  1.1.
    r"\(?(\d{1,3}|[a-z]|[ivx]{1,5})\)|([a-z]|[ivx]{1,5})\.|\d{1,3}((\.\d{1,3})+\.?|\.)"
)
BARE_NUMBER_RE = re.compile(r"\d{1,3}")


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


INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")


@cache
def _titles() -> frozenset[str]:
    """Titles written with a full stop ('Mrs.', 'Cllr.'): the attendance rules' own list."""
    return frozenset(t for t in read_json("attendance/names.json")["honorifics"]
                     if t.endswith("."))


def _name_cut(text: str) -> bool:
    """A line that ends in initials or a title ('... and Mrs. H.M.'): its full stop ends no
    sentence, the name goes on at the start of the next line."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return bool(INITIALS_RE.fullmatch(last)) or last in _titles()


class BlockMaker:
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
        self.ocr: float | None = None  # the OCR confidence of the table being added

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
        unfinished = not prev.text.endswith(SENTENCE_END) or _name_cut(prev.text)
        lower = line.text[:1].islower()
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
        confs = [ln.ocr for ln in self.lines if ln.ocr is not None]
        self.builder.add(kind, text, page=first.page, level=level, marker=self.marker, bold=bold,
                         ocr=min(confs) if confs else None)
        self.lines, self.marker = [], ""

    def add_table(self, table: TableItem) -> None:
        """Rows with whole cell texts; the last row waits, as the next page may continue it."""
        rows = [[join_wrapped((cell or "").split("\n")) for cell in row] for row in table.rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        pages = [table.page] * len(rows)
        self.ocr = table.ocr
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
        self.builder.add(BlockKind.TABLE_ROW, "", page=page, cells=cells, table=index,
                         ocr=self.ocr)
