"""Attendance, apologies and substitutes (placeholder until the extractor lands)."""

from pipeline.model import Document


def extract_attendance(document: Document) -> dict[str, list[dict]]:
    return {"attendees": [], "apologies": [], "substitutes": []}
