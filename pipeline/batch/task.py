"""The per-paper task: read one paper and extract its rows, never raising.

Every executor (in-process, the local worker pool, Dask) runs `process` and gets a
`DocumentResult` back; what went wrong with a paper is in its `errors`, each row with a
`severity`: `error` (the paper failed), `warning` (read, but look at it) or `skipped`
(not a paper minutebook reads).
"""

from __future__ import annotations

import logging
import time
import traceback
from dataclasses import dataclass, field

from pipeline.batch.store import Packed, pack
from pipeline.batch.walk import Input
from pipeline.errors import MinutebookError, warning_kind
from pipeline.model.records import Record, record_of
from pipeline.readers import suffix_of
from pipeline.readers.ocr_rows import mark_text_source, ocr_options
from pipeline.regex_cache import flush as store_compiled_rules

log = logging.getLogger("minutebook")

SEVERITIES = ("error", "warning", "skipped")


@dataclass
class DocumentResult:
    """What one document gave: records per table, or the error that stopped it."""

    document: str
    tables: dict[str, list[Record]] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    text: str = ""
    packed: Packed | None = None  # tables and text as the store keeps them, those emptied

    @property
    def failed(self) -> bool:
        return any(e.get("severity", "error") == "error" for e in self.errors)

    @property
    def skipped(self) -> bool:
        return not self.failed and any(e.get("severity") == "skipped" for e in self.errors)

    @property
    def status(self) -> str:
        """ok, failed or skipped: what the store records for the paper."""
        return "failed" if self.failed else ("skipped" if self.skipped else "ok")


def error_row(document: str, stage: str, kind: str, message: str,
              severity: str = "error") -> dict:
    """One row of errors.csv."""
    return {"document": document, "stage": stage, "error_type": kind, "severity": severity,
            "message": " ".join(str(message).split())[:500]}


def warning_rows(document: str, warnings: list[str]) -> list[dict]:
    """The reader's warnings of a paper as errors.csv rows of severity `warning`."""
    rows = []
    for text in warnings:
        kind, message = warning_kind(text)
        rows.append(error_row(document, "read", kind, message, "warning"))
    return rows


def process(item: Input, debug: bool = False) -> DocumentResult:
    """Read and extract one document; never raises unless `debug`."""
    from pipeline.extractors import extract_document
    from pipeline.readers import read

    result = DocumentResult(item.document)
    if not item.supported:
        reason = item.skip or f"unsupported file type '{suffix_of(item.path) or '(none)'}'"
        result.errors.append(error_row(item.document, "walk", "skipped", reason, "skipped"))
        return result
    stage = "read"
    try:
        started = time.perf_counter()
        document = read(item.path, item.document, engine=item.engine, ocr=ocr_options(item))
        result.seconds["read"] = time.perf_counter() - started
        result.pages = document.pages
        result.warnings = list(document.warnings)
        result.text = document.text
        stage = "extract"
        started = time.perf_counter()
        result.tables = typed_tables(extract_document(document), item.document)
        mark_text_source(result.tables, document)
        result.seconds["extract"] = time.perf_counter() - started
        store_compiled_rules()  # kept for the next run (a forked worker never runs atexit)
    except MemoryError:
        result.errors.append(error_row(item.document, stage, "out_of_memory",
                                       "ran out of memory (over the worker's memory ceiling)"))
        return result
    except MinutebookError as error:
        result.errors.append(error_row(item.document, error.stage, error.kind, str(error)))
        return result
    except Exception as error:  # one bad paper must not end the batch
        if debug:
            raise
        log.debug("%s", traceback.format_exc())
        result.errors.append(error_row(item.document, stage, "internal_error",
                                       f"{type(error).__name__}: {error}"))
        return result
    return result


def typed_tables(tables: dict[str, list[dict]], document: str) -> dict[str, list[Record]]:
    """An extractor's rows of one paper as records of their tables, each row given its
    `document` (bodies rows are the run's, merged later, and carry it in provenance only).

    Raises `pipeline.model.records.RecordError` for a key no column has (a misspelt key
    would otherwise become a CSV column) or a missing contract column."""
    return {table: [record_of(table, row if table == "bodies" else {"document": document, **row},
                              document) for row in rows]
            for table, rows in tables.items()}


def process_for_store(item: Input, debug: bool = False) -> DocumentResult:
    """`process`, with the result's rows and text packed as the store keeps them: what a
    worker process sends to the run's process. That one process writes the store for all
    the workers, on the same cores as they; encoding every paper's rows there was half of
    its work while the pool ran (and the packed result pickles in a quarter the bytes)."""
    result = process(item, debug)
    result.packed = pack(result.tables, result.text)
    result.tables, result.text = {}, ""
    return result


def failed_result(item: Input, kind: str, message: str) -> DocumentResult:
    """The result of a document whose worker timed out or died."""
    result = DocumentResult(item.document)
    result.errors.append(error_row(item.document, "worker", kind, message))
    return result
