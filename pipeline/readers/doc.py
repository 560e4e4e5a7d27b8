"""Word 97-2003 (.doc) reader: the binary Word files of older archives.

An archive of the 2000s is mostly .doc. The file is a Compound File (read with olefile)
whose `WordDocument` stream holds the text in pieces, listed by the piece table of the
`0Table`/`1Table` stream (the FIB at the head of `WordDocument` says which, where the
table is and how many characters the main text has). The text carries Word's marks:

- `\\r` ends a paragraph; `\\x07` ends a table cell, and a row ends with one more `\\x07`
  (an empty cell gives `\\x07\\x07` too: a row is taken to end there when it has as many
  cells as the row above, or is the table's first row);
- `\\x0b` is a line break, `\\x0c` a page or section break;
- a field is `\\x13` instruction `\\x14` result `\\x15`: its result is kept;
- pictures, drawn objects, footnote and comment anchors are dropped.

What the text alone does not say is not read: styles (so no headings: the extractors
read paragraphs as they read a text file's), automatic list numbers, headers and footers,
text boxes. Word 95 and older, and password-protected files, are clear errors.
"""

from __future__ import annotations

import struct
from pathlib import Path

import olefile

from pipeline.errors import EmptyDocument, EncryptedDocument, ReadError
from pipeline.model import BlockKind, Document, DocumentBuilder

WORD_97 = 0x00C1  # the FIB version Word 97 wrote; later versions write higher ones
DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None) | {
    0x1E: "-", 0xA0: " "}


class _Fib:
    """What the reader needs of the File Information Block."""

    def __init__(self, word: bytes) -> None:
        if len(word) < 0x200:
            raise ReadError("Word document stream too short", kind="corrupt")
        ident, self.version = struct.unpack_from("<HH", word, 0)
        if ident != 0xA5EC:
            raise ReadError("not a Word document (no Word header)", kind="not_doc")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        self.encrypted = bool(flags & 0x0100 or flags & 0x8000)
        self.table = "1Table" if flags & 0x0200 else "0Table"
        csw = struct.unpack_from("<H", word, 32)[0]
        longs = 34 + 2 * csw + 2
        cslw = struct.unpack_from("<H", word, longs - 2)[0]
        self.main_chars = struct.unpack_from("<I", word, longs + 12)[0]
        pairs = longs + 4 * cslw + 2
        self.clx, self.clx_size = struct.unpack_from("<II", word, pairs + 33 * 8)


def _pieces(word: bytes, table: bytes, fib: _Fib) -> str:
    """The document's characters, in order, from the piece table."""
    at = fib.clx
    while at < len(table) and table[at] == 0x01:  # property modifiers before the table
        at += 3 + struct.unpack_from("<H", table, at + 1)[0]
    if at >= len(table) or table[at] != 0x02:
        raise ReadError("Word piece table not found", kind="corrupt")
    size = struct.unpack_from("<I", table, at + 1)[0]
    plc = table[at + 5: at + 5 + size]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    out = []
    for n in range(count):
        value = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * n + 2)[0]
        length = max(0, cps[n + 1] - cps[n])
        offset = value & 0x3FFFFFFF
        if value & 0x40000000:  # eight-bit text, at half the offset
            out.append(word[offset // 2: offset // 2 + length].decode("cp1252", "replace"))
        else:
            out.append(word[offset: offset + 2 * length].decode("utf-16-le", "replace"))
    return "".join(out)[:fib.main_chars]


def _without_field_codes(text: str) -> str:
    """Field instructions dropped, results kept (fields nest)."""
    out, stack = [], []  # per open field: True while in its instruction
    for char in text:
        if char == "\x13":
            stack.append(True)
        elif char == "\x14":
            if stack:
                stack[-1] = False
        elif char == "\x15":
            if stack:
                stack.pop()
        elif not any(stack):
            out.append(char)
    return "".join(out)


class _Blocks:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self.page = 1
        self.cells: list[str] = []
        self.width: int | None = None  # cells in the table's previous row
        self.table: int | None = None

    def paragraph(self, text: str) -> None:
        if self.cells:
            self.row()
        if text.strip():
            self.table, self.width = None, None
        for line in text.split("\x0b"):
            self.builder.add(BlockKind.PARAGRAPH, line, page=self.page)

    def cell(self, text: str, after_cell_mark: bool) -> None:
        ends_row = after_cell_mark and not text.strip() and (
            self.width is None or len(self.cells) >= self.width)
        if ends_row:
            self.row()
        else:
            self.cells.append(text.replace("\x0b", " "))

    def row(self) -> None:
        if not self.cells:
            return
        if self.table is None:
            self.table = self.builder.new_table()
        self.builder.add(BlockKind.TABLE_ROW, "", cells=self.cells, table=self.table,
                         page=self.page)
        self.width, self.cells = len(self.cells), []


ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")  # the stream of a locked .docx


def read_doc(path: Path, source: str) -> Document:
    if ENCRYPTION_INFO in path.read_bytes():  # found even where the container is damaged
        raise EncryptedDocument("password-protected Word document: it cannot be read "
                                "without its password")
    if not olefile.isOleFile(str(path)):
        raise ReadError("not a Word 97-2003 document (not a Compound File)", kind="not_doc")
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise ReadError("not a Word document (no WordDocument stream)", kind="not_doc")
            word = ole.openstream("WordDocument").read()
            fib = _Fib(word)
            if fib.version < WORD_97:
                raise ReadError("a Word 6/95 document: save it as .docx", kind="unsupported")
            if fib.encrypted:
                raise EncryptedDocument("password-protected Word document")
            if not ole.exists(fib.table):
                raise ReadError(f"Word table stream {fib.table} missing", kind="corrupt")
            table = ole.openstream(fib.table).read()
    except (OSError, struct.error, ValueError, IndexError) as error:
        raise ReadError(f"corrupt Word document: {type(error).__name__}: {error}",
                        kind="corrupt") from None
    try:
        text = _without_field_codes(_pieces(word, table, fib)).translate(DROPPED)
    except struct.error as error:
        raise ReadError(f"corrupt Word piece table: {error}", kind="corrupt") from None
    builder = DocumentBuilder(source, "doc")
    blocks = _Blocks(builder)
    current: list[str] = []
    previous = ""
    for char in text:
        if char in "\r\x0c\x0e":
            blocks.paragraph("".join(current))
            current = []
            if char == "\x0c":
                blocks.page += 1
        elif char == "\x07":
            blocks.cell("".join(current), previous == "\x07")
            current = []
        else:
            current.append(char)
        previous = char
    blocks.paragraph("".join(current))
    blocks.row()
    document = builder.build(pages=blocks.page)
    if not document.blocks:
        raise EmptyDocument("no text in the document")
    return document
