"""Recorded votes: counts and results of votes on motions and amendments, and how each
member voted in a named vote (issue 13).

Placeholder while the extractor is written: finds nothing."""

from __future__ import annotations

from pipeline.model import Document


def extract_votes(document: Document, items: list[dict]) -> dict[str, list[dict]]:
    """votes.csv and vote_members.csv rows of one paper."""
    return {"votes": [], "vote_members": []}
