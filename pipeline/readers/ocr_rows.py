"""Which rows came from OCR: every row of a paper says how its text was read.

A row's span (`start`, `end` into the paper's text) falls in blocks; a block read by
OCR carries its lowest line confidence (`Block.ocr`). A row whose span touches an OCR'd
block is `text_source` "ocr" with the lowest `ocr_confidence` (0-100) of those blocks,
so a reviewer can sort the rows to check first; every other row of the paper is "text".
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from pipeline.batch.walk import Input
from pipeline.model.document import Document
from pipeline.model.records import Record
from pipeline.readers.ocr import OcrOptions


def ocr_options(item: Input) -> OcrOptions:
    """The OCR options a paper travels with (its run's --ocr and OCR cache)."""
    return OcrOptions(item.ocr, Path(item.ocr_cache) if item.ocr_cache else None)


def mark_text_source(tables: dict[str, list[Record]], document: Document) -> None:
    """Fill `text_source` and `ocr_confidence` of every record of the paper, in place."""
    ocr_blocks = [b for b in document.blocks if b.ocr is not None]
    starts = [b.start for b in ocr_blocks]
    for records in tables.values():
        for record in records:
            provenance = record.provenance
            provenance.text_source = "text"
            if not ocr_blocks or provenance.start is None:
                continue
            end = provenance.end if provenance.end is not None else provenance.start
            index = bisect_right(starts, end) - 1
            confs = []
            while index >= 0 and ocr_blocks[index].end >= provenance.start:
                if ocr_blocks[index].start <= end:
                    confs.append(ocr_blocks[index].ocr)
                index -= 1
            if confs:
                provenance.text_source = "ocr"
                provenance.ocr_confidence = round(min(c for c in confs if c is not None))
