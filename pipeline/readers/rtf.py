"""RTF reader: the Rich Text Format papers of older archives.

Councils' systems of the 2000s published minutes as RTF beside PDF (and Word saves it),
so an archive of that decade holds many. RTF is a stream of groups, control words and
text; this reads it in one pass, with a stack of group states, into the same blocks as
the other readers:

- `\\par` ends a paragraph, `\\line` a line of it; `\\cell` ends a table cell and `\\row` a
  row (paragraphs marked `\\intbl` are cell text); `\\page` starts a new page;
- a paragraph is a heading when its style is a "heading N" style of the stylesheet or it
  carries `\\outlinelevelN`; it is a list item when Word wrote its number in a
  `\\listtext` (or `\\pntext`) group, whose text is the item's marker;
- `\\b` and `\\b0` say what is bold; `\\'hh` bytes are decoded with the document's code
  page (`\\ansicpg`, cp1252 by default) and `\\uN` is a Unicode character, its fallback
  skipped;
- what is not body text is skipped: font, colour and list tables, document info, headers
  and footers, footnotes, pictures, objects, field instructions (a field's result is
  kept), bookmarks and every `\\*` destination the reader does not know.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import EmptyDocument, ReadError
from pipeline.model import BlockKind, Document, DocumentBuilder

TOKEN = re.compile(rb"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|([^\\{}\r\n]+)",
                   re.S)
SKIPPED = frozenset({
    b"fonttbl", b"colortbl", b"info", b"pict", b"object", b"header", b"headerl", b"headerr",
    b"headerf", b"footer", b"footerl", b"footerr", b"footerf", b"footnote", b"fldinst",
    b"themedata", b"colorschememapping", b"latentstyles", b"datastore", b"xmlnstbl",
    b"listtable", b"listoverridetable", b"rsidtbl", b"generator", b"bkmkstart", b"bkmkend",
    b"filetbl", b"revtbl", b"userprops", b"nonshppict", b"shppict", b"xe", b"tc", b"txe",
    b"atnid", b"annotation", b"mmathPr", b"pgdsctbl", b"protusertbl", b"wgrffmtfilter",
    b"fchars", b"lchars", b"docvar", b"background", b"shp", b"sp", b"nonesttables",
})
SYMBOLS = {b"emdash": "\u2014", b"endash": "\u2013", b"lquote": "\u2018", b"rquote": "\u2019",
           b"ldblquote": "\u201c", b"rdblquote": "\u201d", b"bullet": "\u2022",
           b"tab": "\t", b"emspace": " ", b"enspace": " ", b"qmspace": " "}
CONTROL_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "", b"\\": "\\", b"{": "{", b"}": "}",
                   b"*": ""}
# Word's Symbol-font bullets are private-use characters
BULLETS = {"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u27a2", "\uf076": "\u2756",
           "\uf0fc": "\u2713", "o": "\u25e6"}
HEADING_STYLE = re.compile(r"^\s*heading\s*(\d)", re.I)
MAX_DEPTH = 512  # deeper nesting than any word processor writes: a hostile file


@dataclass(slots=True)
class _State:
    skip: bool = False
    bold: bool = False
    unicode_skip: int = 1  # \ucN: characters of fallback after each \uN
    marker: bool = False  # inside \listtext or \pntext: the paragraph's list number
    style_entry: bool = False  # one style of the stylesheet


class _Reader:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.codec = codecs.lookup("cp1252")
        self.page = 1
        self.text: list[str] = []
        self.marker: list[str] = []
        self.bold = [0, 0]  # characters in bold, characters in all
        self.style = -1
        self.outline = -1
        self.list_level = 0  # \ilvlN: how deep in its list a paragraph is (0: top)
        self.in_table = False
        self.cell: list[str] = []  # the paragraphs of the cell being read
        self.cells: list[str] = []  # the cells of the row being read
        self.table: int | None = None
        self.styles: dict[int, str] = {}  # \sN -> its name in the stylesheet
        self.style_number: int | None = None
        self.style_name: list[str] = []
        self.in_stylesheet = 0  # the group depth of \stylesheet, when inside it

    def run(self, data: bytes) -> None:
        stack: list[_State] = []
        state = _State()
        pending_skip = 0  # fallback characters of the last \uN still to drop
        ignorable = False  # a \* was just read: the next destination may be skipped
        at, end = 0, len(data)
        while at < end:
            match = TOKEN.match(data, at)
            if match is None:  # a line break between tokens, which RTF ignores
                at += 1
                continue
            at = match.end()
            word, number, hexa, symbol, brace, text = match.groups()
            if word == b"bin" and number is not None:  # \binN: N raw bytes, braces and all
                at += max(0, int(number))
                continue
            if brace == b"{":
                if len(stack) >= MAX_DEPTH:
                    raise ReadError("RTF groups nested too deeply", kind="corrupt")
                stack.append(state)
                state = replace(state, style_entry=bool(self.in_stylesheet))
                if self.in_stylesheet and len(stack) == self.in_stylesheet + 1:
                    self.style_number, self.style_name = 0, []
                ignorable = False
                continue
            if brace == b"}":
                if self.in_stylesheet and len(stack) == self.in_stylesheet + 1:
                    self._end_style()
                if self.in_stylesheet and len(stack) == self.in_stylesheet:
                    self.in_stylesheet = 0
                state = stack.pop() if stack else _State()
                continue
            if word is not None:
                if state.skip:
                    continue
                if ignorable and word not in (b"listtext", b"pntext", b"fldrslt"):
                    state.skip = True  # an optional destination this reader does not know
                    ignorable = False
                    continue
                ignorable = False
                pending_skip = self._word(word, number, state, len(stack), pending_skip)
                continue
            if state.skip:
                continue
            if symbol is not None:
                if symbol == b"*":
                    ignorable = True
                elif symbol in (b"\n", b"\r"):
                    self._end_paragraph()  # "\<newline>" is \par
                else:
                    self._add(CONTROL_SYMBOLS.get(symbol, ""), state)
                continue
            if hexa is not None:
                if pending_skip:
                    pending_skip -= 1
                    continue
                self._add(bytes([int(hexa, 16)]).decode(self.codec.name, "replace"), state)
                continue
            if text:
                decoded = text.decode("latin-1")
                if pending_skip:
                    dropped = min(pending_skip, len(decoded))
                    decoded, pending_skip = decoded[dropped:], pending_skip - dropped
                self._add(decoded, state)
        self._end_paragraph()
        self._end_row()

    def _word(self, word: bytes, number: bytes | None, state: _State, depth: int,
              pending_skip: int) -> int:
        value = int(number) if number is not None else None
        if word in SKIPPED:
            state.skip = True
        elif word == b"stylesheet":
            self.in_stylesheet = depth
        elif word == b"ansicpg" and value:
            with contextlib.suppress(LookupError):  # an unknown code page: cp1252 stays
                self.codec = codecs.lookup(f"cp{value}")
        elif word == b"u" and value is not None:
            self._add(chr(value % 65536), state)
            return state.unicode_skip
        elif word == b"uc" and value is not None:
            state.unicode_skip = max(0, value)
        elif word == b"par":
            self._end_paragraph()
        elif word == b"line":
            self._add("\n", state)
        elif word == b"cell":
            self._end_cell()
        elif word == b"row":
            self._end_row()
        elif word == b"intbl":
            self.in_table = True
        elif word == b"pard" and not state.marker:  # "{\listtext\pard ...}" keeps the paragraph's
            self.in_table, self.style, self.outline, self.list_level = False, -1, -1, 0
        elif word == b"s" and value is not None:
            if state.style_entry:
                self.style_number = value
            else:
                self.style = value
        elif word == b"outlinelevel" and value is not None:
            self.outline = value
        elif word == b"ilvl" and value is not None:
            self.list_level = value
        elif word == b"b":
            state.bold = value != 0
        elif word == b"plain":
            state.bold = False
        elif word in (b"listtext", b"pntext"):
            state.marker = True
        elif word == b"page":
            self._end_paragraph()
            self.page += 1
        elif word in SYMBOLS:
            self._add(SYMBOLS[word], state)
        return pending_skip

    def _add(self, text: str, state: _State) -> None:
        if not text:
            return
        if state.style_entry:
            self.style_name.append(text)
        elif state.marker:
            self.marker.append(text)
        else:
            self.text.append(text)
            visible = len(text.strip())
            self.bold[1] += visible
            if state.bold:
                self.bold[0] += visible

    def _end_style(self) -> None:
        name = "".join(self.style_name).split(";")[0].strip()
        if self.style_number is not None and name:
            self.styles[self.style_number] = name
        self.style_number, self.style_name = None, []

    def _take(self) -> tuple[str, str, bool]:
        """The paragraph read so far: its text, list marker and whether it is all bold."""
        text, marker = "".join(self.text), "".join(self.marker).strip()
        bold = self.bold[1] > 0 and self.bold[0] == self.bold[1]
        self.text, self.marker, self.bold = [], [], [0, 0]
        return text, marker, bold

    def _end_paragraph(self) -> None:
        if self.in_table:  # a cell of more than one paragraph
            self.cell.append(self._take()[0])
            return
        text, marker, bold = self._take()
        if not text.strip():
            return
        self._end_row()
        self.table = None  # a paragraph between two tables: the next row starts another
        style = self.styles.get(self.style, "")
        heading = HEADING_STYLE.match(style)
        level = int(heading.group(1)) if heading else 1 if style == "Title" else (
            self.outline + 1 if 0 <= self.outline < 9 else 0)
        depth = self.list_level + 1
        if "List" in style and "Paragraph" not in style:  # "List Bullet", "List Number 2"
            marker = marker or "\u2022"  # no number written: the style's bullet
            depth = max(depth, 2 if style.endswith("2") else 1)
        for n, line in enumerate(text.split("\n")):
            if level:
                self.builder.add(BlockKind.HEADING, line, level=level, page=self.page, bold=bold)
            elif marker and n == 0:
                numbered = any(c.isalnum() for c in marker)  # "1.", "(a)"; else a bullet
                self.builder.add(BlockKind.LIST_ITEM, f"{marker} {line}" if numbered else line,
                                 marker=marker if numbered else BULLETS.get(marker, "\u2022"),
                                 level=depth, page=self.page, bold=bold)
            else:
                self.builder.add(BlockKind.PARAGRAPH, line, page=self.page, bold=bold)

    def _end_cell(self) -> None:
        self.cell.append(self._take()[0])
        self.cells.append(" ".join(part for part in self.cell if part.strip()))
        self.cell = []

    def _end_row(self) -> None:
        if self.cell or "".join(self.text).strip() and self.in_table:
            self._end_cell()
        if not self.cells:
            return
        if self.table is None:
            self.table = self.builder.new_table()
        cells = [" ".join(cell.split("\n")) for cell in self.cells]
        self.builder.add(BlockKind.TABLE_ROW, "", cells=cells, table=self.table, page=self.page)
        self.cells = []


def read_rtf(path: Path, source: str) -> Document:
    data = path.read_bytes()
    if not data.strip():
        raise EmptyDocument("empty file")
    if not data.lstrip().startswith(b"{\\rtf"):
        raise ReadError("not an RTF document (no {\\rtf header)", kind="not_rtf")
    builder = DocumentBuilder(source, "rtf")
    reader = _Reader(builder)
    reader.run(data)
    document = builder.build(pages=reader.page)
    if not document.blocks:
        raise EmptyDocument("no text in the document")
    return document
