"""Numbered items and their decisions (placeholder until the extractor lands)."""

from pipeline.model import Document


def extract_items(document: Document) -> dict[str, list[dict]]:
    return {"items": [], "decisions": []}
