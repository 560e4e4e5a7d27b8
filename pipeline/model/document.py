"""The one document model every reader returns and every extractor reads.

A `Document` is a flat, ordered list of typed `Block`s. The document's plain
text is the blocks' texts joined by newlines, and every block knows its
character span in that text and the page it came from, so anything an
extractor finds can point back to the paper.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from pipeline.model.bullets import split_bullet

SCHEMA_VERSION = "1"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"


@dataclass(slots=True)
class Block:
    """One unit of reading order: a heading, a paragraph, a list item or a table row.

    `start`/`end` index `Document.text`; `page` is 1-based. A table row's text is its
    cells joined by tabs, and rows of one table share `table`.
    """

    kind: BlockKind
    text: str
    page: int = 1
    start: int = 0
    end: int = 0
    level: int = 0
    marker: str = ""
    cells: tuple[str, ...] = ()
    table: int | None = None
    bold: bool = False
    #: read by OCR: the lowest confidence (0-100) of its OCR'd lines; None from a text layer
    ocr: float | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["kind"] = str(self.kind)
        data["cells"] = list(self.cells)
        return data


@dataclass(slots=True)
class Document:
    """A paper as read: its source, format, page count, blocks and reader warnings."""

    source: str
    format: str
    pages: int = 1
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""
    #: the paper's one spaCy Doc, made on first use by `pipeline.extractors.language.doc_of`
    #: (typed loosely so that this model imports no spaCy); never compared nor serialised
    spacy_doc: Any = field(default=None, compare=False, repr=False)

    def __getstate__(self) -> dict:
        # a pickled Document (sent to another process) leaves its Doc behind: it is rebuilt
        # there on use, cheaper than pickling the tokens
        return {name: getattr(self, name) for name in _PICKLED}

    def __setstate__(self, state: dict) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.spacy_doc = None

    def to_json(self) -> str:
        return json.dumps(
            {
                "schema": SCHEMA_VERSION,
                "source": self.source,
                "format": self.format,
                "pages": self.pages,
                "warnings": self.warnings,
                "blocks": [b.to_dict() for b in self.blocks],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, data: str) -> Document:
        raw = json.loads(data)
        builder = DocumentBuilder(raw["source"], raw["format"])
        for b in raw["blocks"]:
            builder.add(
                BlockKind(b["kind"]),
                b["text"],
                page=b["page"],
                level=b["level"],
                marker=b["marker"],
                cells=b["cells"],
                table=b["table"],
                bold=b["bold"],
                ocr=b.get("ocr"),
            )
        doc = builder.build(pages=raw["pages"])
        doc.warnings = list(raw["warnings"])
        return doc


_PICKLED = ("source", "format", "pages", "blocks", "warnings", "text")


#: characters a paper's text should not keep: a typesetter's ligatures, whose one glyph
#: 'ﬃ' the PDF's text layer may give as one character ('Griﬃths' is no 'Griffiths' to
#: a search, a register or the gold), and invisible marks that split a word in two
#: (a soft hyphen, zero-width joiners, a byte order mark inside the text)
UNSEEN = str.maketrans({
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u00ad": None, "\u200b": None, "\u200c": None,
    "\u200d": None, "\u2060": None, "\ufeff": None, "\u00a0": " "})


def clean_inline(text: str) -> str:
    """Collapse white space (including non-breaking spaces) to single spaces; ligatures
    spelt out and invisible marks dropped (`UNSEEN`)."""
    if not text.isascii():
        text = text.translate(UNSEEN)
    return " ".join(text.split())


class DocumentBuilder:
    """Collects blocks in reading order and assigns their character spans."""

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        self.format = fmt
        self._blocks: list[Block] = []
        self._parts: list[str] = []
        self._offset = 0
        self._tables = 0
        self.warnings: list[str] = []

    def new_table(self) -> int:
        self._tables += 1
        return self._tables - 1

    def add(
        self,
        kind: BlockKind,
        text: str,
        *,
        page: int = 1,
        level: int = 0,
        marker: str = "",
        cells: list[str] | tuple[str, ...] = (),
        table: int | None = None,
        bold: bool = False,
        ocr: float | None = None,
    ) -> Block | None:
        """Append a block; empty text is dropped. Table rows take their text from cells."""
        if kind is BlockKind.TABLE_ROW:
            cells = tuple(clean_inline(c) for c in cells)
            if not any(cells):
                return None
            text = "\t".join(cells)
        else:
            text = clean_inline(text)
            if not text:
                return None
            if kind is BlockKind.PARAGRAPH and (bullet := split_bullet(text)):
                kind, marker, text = BlockKind.LIST_ITEM, bullet[0], bullet[1]
                level = level or 1
        if self._parts:
            self._offset += 1  # the newline between blocks
        block = Block(
            kind=kind,
            text=text,
            page=page,
            start=self._offset,
            end=self._offset + len(text),
            level=level,
            marker=marker,
            cells=tuple(cells),
            table=table,
            bold=bold,
            ocr=ocr,
        )
        self._parts.append(text)
        self._offset = block.end
        self._blocks.append(block)
        return block

    @property
    def last(self) -> Block | None:
        return self._blocks[-1] if self._blocks else None

    def extend_last(self, more: str, separator: str = " ") -> None:
        """Join wrapped text onto the last block, keeping its span consistent."""
        block = self._blocks[-1]
        block.text = f"{block.text}{separator}{clean_inline(more)}"
        block.end = block.start + len(block.text)
        self._parts[-1] = block.text
        self._offset = block.end

    def build(self, pages: int = 1) -> Document:
        return Document(
            source=self.source,
            format=self.format,
            pages=max(pages, 1),
            blocks=self._blocks,
            warnings=self.warnings,
            text="\n".join(self._parts),
        )
