"""Recommendations, bodies and relations (placeholder until the extractor lands)."""

from pipeline.model import Document


def extract_structure(document: Document, meta: dict) -> dict[str, list[dict]]:
    return {"recommendations": [], "bodies": [], "relations": []}
