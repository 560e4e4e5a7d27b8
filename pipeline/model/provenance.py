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
    #: how the row's text was read: "text" (a text layer, or a DOCX, HTML or text file)
    #: or "ocr" (`pipeline.readers.ocr_rows`); "" for rows of the run (bodies)
    text_source: str = ""
    #: for an OCR'd row, the lowest confidence (0-100) of the lines it comes from
    ocr_confidence: int | None = None


PROVENANCE_FIELDS = tuple(f.name for f in fields(Provenance))
