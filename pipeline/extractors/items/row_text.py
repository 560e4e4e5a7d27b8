"""The text of a line or table row as items and decisions read it: a table saved as text
without its closing bars, a row's cells joined, the item number a minutes table's row
repeats."""

from __future__ import annotations

from pipeline.model import Block, BlockKind


def strip_bars(text: str) -> str:
    """The text without the closing bars of a table saved as text ('Minutes |'); a loop,
    not an end-anchored regex, so a long line of spaces costs one pass."""
    end = len(text.rstrip())
    while end and text[end - 1] == "|" and (end == 1 or text[end - 2].isspace()):
        end -= 1
        while end and text[end - 1].isspace():
            end -= 1
    return text[:end]


def row_number(block: Block, numbers: set[str]) -> str:
    """The item number a line opens with when it is one of the paper's item numbers and
    the line is a row of a table ('P015/24 | ...', a 'P015/24' cell): the minutes table of a
    page that printed its agenda table first repeats the agenda's numbers."""
    text = block.cells[0] if block.kind is BlockKind.TABLE_ROW and block.cells else \
        block.text.split(" | ")[0] if " | " in block.text else ""
    return text.strip() if text.strip() in numbers else ""


def block_text(block: Block) -> str:
    """A block's text as a decision reads it: a table row's cells joined, a table saved as
    text without its closing bar."""
    if block.kind is BlockKind.TABLE_ROW:
        return " ".join(c for c in block.cells if c.strip())
    return strip_bars(block.text.strip())
