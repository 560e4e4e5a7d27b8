"""The documents row of a paper: its kind, body and meeting date, with provenance.

The header's rules (`header.py`) read a run of blocks; this module applies them to a whole
Document, which may be a pack of papers (`parts.segment`): a pack's documents row is that of
its first part, the cover.
"""

from __future__ import annotations

from pipeline.extractors.provenance import provenance
from pipeline.extractors.sections.header import (
    Blocks,
    classify_blocks,
    cues,
    find_body,
    find_date,
    is_body_name,
    metadata_of,
)
from pipeline.extractors.sections.parts import metadata_key, segment
from pipeline.model import Document

__all__ = ["classify_blocks", "classify_kind", "cues", "extract_metadata", "find_body",
           "find_date", "is_body_name", "metadata_of"]


def classify_kind(source: Document | Blocks) -> tuple[str, str]:
    """(kind, cue) of a paper, or of a run of blocks.

    For a whole Document that is a pack of several papers, the kind that decides which
    tables apply: `minutes` when any part records a meeting (its attendance is read),
    else the cover's kind. The documents row (`extract_metadata`) gives the cover's kind.
    """
    if not isinstance(source, Document):
        return classify_blocks(source)
    parts = segment(source)
    if len(parts) > 1:
        for part in parts:
            if part.kind == "minutes":
                return _classified(source, part.blocks(source))
    return _classified(source, source.blocks[parts[0].first_block:parts[0].last_block + 1]
                       if parts else source.blocks)


def _classified(document: Document, blocks: Blocks) -> tuple[str, str]:
    """classify_blocks of a part's blocks, as segmenting the paper found it (kept on its
    Doc with the part's metadata), else worked out."""
    doc = document.spacy_doc
    remembered = doc.user_data.get(metadata_key(blocks)) if doc is not None and blocks else None
    if remembered is not None:
        found: tuple[str, str] = remembered["classified"]
        return found
    return classify_blocks(blocks)


def extract_metadata(document: Document, blocks: Blocks | None = None) -> dict:
    """The documents.csv row (without the `document` column) with provenance of the body.

    `blocks` reads only that run of the document's blocks (one part of a pack); by
    default a pack is read from its cover part (`parts.segment`), a single paper whole.
    """
    if blocks is None:
        parts = segment(document)
        blocks = parts[0].blocks(document) if parts else document.blocks
    doc = document.spacy_doc
    remembered = doc.user_data.get(metadata_key(blocks)) if doc is not None and blocks else None
    found = remembered if remembered is not None else metadata_of(blocks)
    row = {"kind": found["kind"], "body": found["body"], "date": found["date"],
           "format": document.format, "pages": document.pages,
           "blocks": len(document.blocks), "kind_cue": found["kind_cue"]}
    anchor = found["anchor"]
    row.update(provenance(anchor) if anchor else {"page": "", "start": "", "end": "",
                                                   "evidence": ""})
    return row
