"""Provenance columns shared by every extracted row."""

from __future__ import annotations

from pipeline.model import Block

PROVENANCE_COLUMNS = ("page", "start", "end", "evidence")


def provenance(block: Block, start: int | None = None, end: int | None = None) -> dict:
    """Where a row came from: the block's page, a span in Document.text, the source line.

    `start`/`end` are offsets inside the block's text; omitted, the whole block is meant.
    """
    begin = block.start + (start or 0)
    finish = block.start + (end if end is not None else len(block.text))
    return {"page": block.page, "start": begin, "end": finish, "evidence": block.text[:500]}
