"""Declarations of interest: who declared what interest in which item (issue 13).

Placeholder while the extractor is written: finds nothing."""

from __future__ import annotations

from pipeline.model import Document


def extract_declarations(document: Document, items: list[dict]) -> list[dict]:
    """declarations.csv rows (name, item, kind, text, action + provenance) of one paper;
    `items` are the paper's items rows, whose numbers a declaration's item must use."""
    return []
