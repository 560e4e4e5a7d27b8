"""Extraction stages: each takes a `Document` and returns contract rows with provenance.

Every row is a dict holding the contract columns of its table (CONTRACT.md) plus the
provenance columns `page`, `start`, `end` (character span in `Document.text`) and
`evidence` (the source line), so each row can be checked against the paper.
"""

from __future__ import annotations

from pipeline.extractors.attendance import extract_attendance
from pipeline.extractors.items import extract_items
from pipeline.extractors.metadata import extract_metadata
from pipeline.extractors.structure import extract_structure
from pipeline.model import Document

TABLES = ("attendees", "apologies", "substitutes", "items", "decisions", "recommendations",
          "relations", "bodies")


def extract_document(document: Document) -> dict[str, list[dict]]:
    """Run every stage on one document; returns rows per table (documents has one row)."""
    result: dict[str, list[dict]] = {table: [] for table in TABLES}
    result["documents"] = [extract_metadata(document)]
    result.update(extract_attendance(document))
    result.update(extract_items(document))
    result.update(extract_structure(document, result["documents"][0]))
    return result
