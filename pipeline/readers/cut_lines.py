"""Blocks cut into the lines a paper had before a reader or a mirror ran them together
(`unflatten`, `coded_rows`): each piece is a span of the same text, and the space before
each cut becomes a line break, so every offset, and every row's provenance, holds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pipeline.model import Block, Document


def cut_blocks(document: Document, cuts_of: Callable[[int, Block], list[int]]) -> Document:
    """`document` with block n cut where `cuts_of(n, block)` says (offsets in its text,
    after a space); the same object when no block is cut."""
    blocks: list[Block] = []
    breaks: list[int] = []  # offsets in the text of the spaces that become line breaks
    for n, block in enumerate(document.blocks):
        cuts = [cut for cut in cuts_of(n, block) if 0 < cut < len(block.text)]
        if not cuts:
            blocks.append(block)
            continue
        for begin, end in zip([0, *cuts], [*cuts, len(block.text)], strict=True):
            piece = block.text[begin:end].rstrip()
            if piece:
                blocks.append(replace(block, text=piece, start=block.start + begin,
                                      end=block.start + begin + len(piece)))
        breaks.extend(block.start + cut - 1 for cut in cuts)
    if not breaks:
        return document
    text = list(document.text)
    for at in breaks:
        if 0 <= at < len(text) and text[at] == " ":
            text[at] = "\n"
    document.blocks = blocks
    document.text = "".join(text)
    return document
