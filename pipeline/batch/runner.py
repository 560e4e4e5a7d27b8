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
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.batch.walk import Input, walk
from pipeline.errors import MinutebookError
from pipeline.export.csv import atomic_write_text, write_csv
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

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def process(item: Input, debug: bool = False) -> DocumentResult:
    """Read and extract one document; never raises unless `debug`."""
    from pipeline.extract import extract_document
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
        stage = "extract"
        started = time.perf_counter()
        tables = extract_document(document)
        result.seconds["extract"] = time.perf_counter() - started
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


def _results(inputs: list[Input], workers: int, debug: bool) -> Iterable[DocumentResult]:
    if workers <= 1 or len(inputs) <= 1:
        for item in inputs:
            yield process(item, debug)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process, inputs, [debug] * len(inputs), chunksize=4)


def run_extract(paths: list[Path], out: Path, *, workers: int = 1, pattern: str | None = None,
                exclude: tuple[str, ...] = (), raw_csv: bool = False, debug: bool = False,
                on_result: Callable[[DocumentResult], None] | None = None) -> RunSummary:
    """Extract every paper under `paths` into the run folder `out`."""
    started = time.time()
    inputs = list(walk(paths, pattern, exclude))
    tables: dict[str, list[dict]] = {name: [] for name in CONTRACT_COLUMNS}
    errors: list[dict] = []
    per_document = []
    for result in _results(inputs, workers, debug):
        errors.extend(result.errors)
        for table, rows in result.tables.items():
            tables.setdefault(table, []).extend(rows)
        if result.tables or result.failed:
            per_document.append({"document": result.document, "pages": result.pages,
                                 "failed": result.failed, "warnings": result.warnings,
                                 "seconds": {k: round(v, 4) for k, v in result.seconds.items()}})
        if on_result:
            on_result(result)
    tables["bodies"] = merge_bodies(tables.get("bodies", []))
    out.mkdir(parents=True, exist_ok=True)
    for table, columns in CONTRACT_COLUMNS.items():
        write_csv(out / f"{table}.csv", tables.get(table, []), columns, raw=raw_csv)
    write_csv(out / "errors.csv", errors, ERROR_COLUMNS, raw=raw_csv)
    failed = sum(1 for d in per_document if d["failed"])
    skipped = sum(1 for e in errors if e["error_type"] == "skipped")
    summary = RunSummary(out, len(inputs) - skipped, failed, skipped,
                         {t: len(r) for t, r in tables.items()}, time.time() - started)
    run_info = {
        "minutebook": __version__,
        "inputs": [str(p) for p in paths],
        "glob": pattern,
        "exclude": list(exclude),
        "workers": workers,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(summary.seconds, 3),
        "documents": summary.documents,
        "failed": failed,
        "skipped": skipped,
        "pages": sum(d["pages"] for d in per_document),
        "rows": summary.counts,
        "per_document": per_document,
    }
    atomic_write_text(out / "run.json", json.dumps(run_info, indent=2, ensure_ascii=False))
    return summary


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
