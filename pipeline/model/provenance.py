"""Where a row came from: the record every table's row shares (`pipeline.model.records`)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(slots=True)
class Provenance:
    """Where a row came from. `start`/`end` index the document's plain text."""

    document: str = ""
    part: int | None = None
    page: int | None = None
    start: int | None = None
    end: int | None = None
    evidence: str = ""
    rule: str = ""


PROVENANCE_FIELDS = tuple(f.name for f in fields(Provenance))
