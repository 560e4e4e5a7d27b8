"""The extract run: read every paper, extract its rows, write the run folder.

Each document is processed on its own (in a worker process when `workers > 1`), and
whatever goes wrong with one document becomes a row of `errors.csv`; the batch goes on.
Outputs are written only at the end, each to a temporary name renamed into place, so
an interrupted run leaves the previous outputs whole.
"""

from __future__ import annotations

import json
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.batch.pool import run_pool
from pipeline.batch.store import Store, content_hash, pipeline_fingerprint
from pipeline.batch.walk import Input, walk
from pipeline.errors import MinutebookError
from pipeline.export.csv import CsvStream, atomic_write_text, write_csv
from pipeline.model.labels import CONTRACT_COLUMNS, ERROR_COLUMNS

log = logging.getLogger("minutebook")


@dataclass
class DocumentResult:
    """What one document gave: rows per table, or the error that stopped it."""

    document: str
    tables: dict[str, list[dict]] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    text: str = ""

    @property
    def failed(self) -> bool:
        return any(e["error_type"] != "skipped" for e in self.errors)


@dataclass
class RunSummary:
    out: Path
    documents: int
    failed: int
    skipped: int
    counts: dict[str, int]
    seconds: float
    pages: int = 0
    reused: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def process(item: Input, debug: bool = False) -> DocumentResult:
    """Read and extract one document; never raises unless `debug`."""
    from pipeline.extractors import extract_document
    from pipeline.readers import read

    result = DocumentResult(item.document)
    if not item.supported:
        suffix = item.path.suffix or "(none)"
        result.errors.append(_error(item.document, "walk", "skipped",
                                    f"unsupported file type '{suffix}'"))
        return result
    stage = "read"
    try:
        started = time.perf_counter()
        document = read(item.path, item.document)
        result.seconds["read"] = time.perf_counter() - started
        result.pages = document.pages
        result.warnings = list(document.warnings)
        result.text = document.text
        stage = "extract"
        started = time.perf_counter()
        tables = extract_document(document)
        result.seconds["extract"] = time.perf_counter() - started
    except MemoryError:
        result.errors.append(_error(item.document, stage, "out_of_memory",
                                    "ran out of memory (over the worker's memory ceiling)"))
        return result
    except MinutebookError as error:
        result.errors.append(_error(item.document, error.stage, error.kind, str(error)))
        return result
    except Exception as error:  # one bad paper must not end the batch
        if debug:
            raise
        log.debug("%s", traceback.format_exc())
        result.errors.append(_error(item.document, stage, "internal_error",
                                    f"{type(error).__name__}: {error}"))
        return result
    for table, rows in tables.items():
        if table != "bodies":
            rows = [{"document": item.document, **row} for row in rows]
        result.tables[table] = rows
    return result


def _error(document: str, stage: str, kind: str, message: str) -> dict:
    return {"document": document, "stage": stage, "error_type": kind,
            "message": " ".join(str(message).split())[:500]}


def failed_result(item: Input, kind: str, message: str) -> DocumentResult:
    """The result of a document whose worker timed out or died."""
    result = DocumentResult(item.document)
    result.errors.append(_error(item.document, "worker", kind, message))
    return result


def _results(inputs: list[Input], settings: RunSettings) -> Iterator[DocumentResult]:
    if not inputs:  # nothing changed since the last run: no workers to start
        return
    if settings.scheduler:
        from pipeline.batch.dask_executor import run_dask

        yield from run_dask(inputs, settings.scheduler, settings.debug)
    elif settings.workers == 0 or settings.debug:
        for item in inputs:  # in-process: tracebacks reach the user with --debug
            yield process(item, settings.debug)
    else:
        _preload()
        yield from run_pool(inputs, process, failed_result, workers=settings.workers,
                            timeout=settings.timeout, memory_mb=settings.memory_mb)


def _preload() -> None:
    """Import the readers and build the extractors' pipelines and matchers once, in the
    parent, so that forked workers start warm instead of each building its own."""
    from pipeline.extractors import extract_document
    from pipeline.readers import _reader
    from pipeline.readers.text import parse_text

    for fmt in ("pdf", "docx", "html", "text"):
        _reader(fmt)
    extract_document(parse_text(WARM_UP, "warm-up.txt"))


WARM_UP = ("BOARD\n\nMinutes of the meeting held on 1 May 2024\n\nPresent: Councillor A Smith\n\n"
           "1. Minutes\n\nRESOLVED: That the minutes be agreed.\n\n"
           "The Group reports to the Board. It is recommended that the report be noted.\n")


@dataclass
class RunSettings:
    """How a run goes; shared by the CLI and the Python API."""

    workers: int = 1
    pattern: str | None = None
    exclude: tuple[str, ...] = ()
    raw_csv: bool = False
    debug: bool = False
    force: bool = False
    timeout: float | None = 600.0
    memory_mb: int | None = 4096
    scheduler: str | object | None = None  # Dask address, Client or LocalCluster


def run_extract(paths: list[Path], out: Path, settings: RunSettings | None = None,
                on_result: Callable[[DocumentResult], None] | None = None) -> RunSummary:
    """Extract every paper under `paths` into the run folder `out`, resuming earlier work.

    Documents whose content and pipeline version are unchanged since they last
    succeeded are not processed again (`settings.force` re-does them all)."""
    settings = settings or RunSettings()
    started = time.time()
    inputs = list(walk(paths, settings.pattern, settings.exclude))
    fingerprint = pipeline_fingerprint()
    with Store(out) as store:
        known = store.known()
        digests = {item.document: content_hash(item.path) if item.supported else ""
                   for item in inputs}
        todo = [item for item in inputs if settings.force or known.get(item.document) not in {
            (digests[item.document], fingerprint, "ok"),
            (digests[item.document], fingerprint, "skipped")}]
        for result in _results(todo, settings):
            status = "failed" if result.failed else ("skipped" if result.errors else "ok")
            store.save(result.document, digests[result.document], fingerprint, status,
                       pages=result.pages, seconds=result.seconds, warnings=result.warnings,
                       errors=result.errors, tables=result.tables, text=result.text)
            if on_result:
                on_result(result)
        summary = write_outputs(store, [item.document for item in inputs], out, settings.raw_csv)
    summary.reused = len(inputs) - len(todo)
    summary.seconds = time.time() - started
    _write_run_info(out, paths, settings, summary, started)
    return summary


def write_outputs(store: Store, documents: list[str], out: Path, raw_csv: bool) -> RunSummary:
    """Rebuild every CSV from the store, streaming one document at a time."""
    columns: dict[str, list[str]] = {t: list(c) for t, c in CONTRACT_COLUMNS.items()}
    for record in store.records(documents):  # first pass: the extra columns present
        for table, rows in record["tables"].items():
            for row in rows:
                columns.setdefault(table, [])
                columns[table] += [k for k in row if k not in columns[table]]
    writers = {table: CsvStream(out / f"{table}.csv", cols, raw=raw_csv)
               for table, cols in columns.items() if table != "bodies"}
    errors = CsvStream(out / "errors.csv", list(ERROR_COLUMNS), raw=raw_csv)
    bodies: list[dict] = []
    summary = RunSummary(out, 0, 0, 0, {t: 0 for t in columns}, 0.0)
    for record in store.records(documents):
        summary.documents += record["status"] != "skipped"
        summary.failed += record["status"] == "failed"
        summary.skipped += record["status"] == "skipped"
        summary.pages += record["pages"]
        for error in record["errors"]:
            errors.write(error)
        for table, rows in record["tables"].items():
            if table == "bodies":
                bodies.extend({**row, "documents": record["document"]} for row in rows)
                continue
            for row in rows:
                writers[table].write(row)
            summary.counts[table] += len(rows)
    merged = merge_bodies(bodies)
    summary.counts["bodies"] = len(merged)
    body_columns = columns.get("bodies", list(CONTRACT_COLUMNS["bodies"]))
    write_csv(out / "bodies.csv", merged, body_columns + ["documents"], raw=raw_csv)
    for stream in [*writers.values(), errors]:
        stream.close()
    return summary


def _write_run_info(out: Path, paths: list[Path], settings: RunSettings, summary: RunSummary,
                    started: float) -> None:
    info = {
        "minutebook": __version__,
        "pipeline": pipeline_fingerprint(),
        "inputs": [str(p) for p in paths],
        "glob": settings.pattern,
        "exclude": list(settings.exclude),
        "workers": settings.workers,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(summary.seconds, 3),
        "documents": summary.documents,
        "processed": summary.documents + summary.skipped - summary.reused,
        "reused": summary.reused,
        "failed": summary.failed,
        "skipped": summary.skipped,
        "pages": summary.pages,
        "rows": summary.counts,
    }
    atomic_write_text(out / "run.json", json.dumps(info, indent=2, ensure_ascii=False) + "\n")


def merge_bodies(rows: list[dict]) -> list[dict]:
    """One row per distinct body across the run, with its aliases and documents merged."""
    merged: dict[str, dict] = {}
    for row in rows:
        key = " ".join(row.get("body", "").casefold().split())
        if not key:
            continue
        target = merged.setdefault(key, {**row, "aliases": "", "documents": ""})
        aliases = {a for a in target["aliases"].split(" | ") if a}
        aliases |= {a for a in str(row.get("aliases", "")).split(" | ") if a}
        target["aliases"] = " | ".join(sorted(aliases - {target["body"]}))
        documents = {d for d in target["documents"].split(" | ") if d}
        documents |= {d for d in str(row.get("documents", row.get("document", ""))).split(" | ")
                      if d}
        target["documents"] = " | ".join(sorted(documents))
    return [merged[k] for k in sorted(merged)]


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))
