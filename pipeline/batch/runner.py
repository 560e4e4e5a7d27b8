"""The extract run: read every paper, extract its rows, write the run folder.

Each document is processed on its own (in a worker process when `workers > 1`), and
whatever goes wrong with one document becomes a row of `errors.csv`; the batch goes on.
Outputs are written only at the end, each to a temporary name renamed into place, so
an interrupted run leaves the previous outputs whole.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from pipeline.batch.authorities import Authorities
from pipeline.batch.pool import run_pool, settle
from pipeline.batch.rerun import contents, keep_outputs_stamp, kept_stat, unchanged_outputs
from pipeline.batch.store import OCR_CACHE_NAME, Store, pipeline_fingerprint
from pipeline.batch.summary import RunSummary
from pipeline.batch.task import (
    DocumentResult,
    error_row,
    failed_result,
    process,
    process_for_store,
    warning_rows,
)
from pipeline.batch.walk import Input, Walker
from pipeline.errors import RunError
from pipeline.export.csv import CsvStream, atomic_write_text, write_csv
from pipeline.model.bodies import BodyRegistry
from pipeline.model.records import DERIVED, SCHEMA
from pipeline.people import write_people
from pipeline.readers import suffix_of
from pipeline.regex_cache import flush as store_compiled_rules
from pipeline.settings import RunSettings, Settings, default_workers
from pipeline.version import __version__

log = logging.getLogger(__name__)

__all__ = ["BodyRegistry", "DocumentResult", "Progress", "RunSettings", "RunSummary", "Settings",
           "default_workers", "error_row", "process", "run_extract",
           "write_outputs"]


class Progress(Protocol):
    """What a run reports as it goes (the CLI's progress bar or per-paper lines)."""

    def start(self, total: int, reused: int) -> None:
        """`total` files found, of which `reused` need no work."""

    def advance(self, result: DocumentResult) -> None:
        """One more file done."""

    def finish(self) -> None:
        """All done: clear whatever was drawn."""


def _results(inputs: list[Input], settings: Settings,
             client: Any | None) -> Iterator[DocumentResult]:
    if not inputs:  # nothing changed since the last run: no workers to start
        return
    if client is not None:
        from pipeline.batch.dask_executor import run_dask

        yield from run_dask(inputs, client, settings.debug)
    elif settings.in_process:
        for item in inputs:  # in-process: tracebacks reach the user with --debug
            yield process(item, settings.debug)
    else:
        workers = settings.workers or 1
        if min(workers, len(inputs)) > 1:  # one worker builds what it needs as fast alone
            _preload(inputs)
        for result in run_pool(_largest_first(inputs), process_for_store, failed_result,
                               workers=workers, timeout=settings.timeout,
                               memory_mb=settings.memory_mb):
            assert isinstance(result, DocumentResult)
            yield result


def _preload(inputs: list[Input]) -> None:
    """Import the readers and build the extractors' pipelines and matchers once, in the
    parent, so that forked workers start warm instead of each building its own. Only
    when two workers or more start: a lone worker would build them as fast itself, and
    the warm-up paper's own extraction would be time spent for nothing (a one-paper run).

    Only the readers the papers' names call for: the parent does this alone while the
    workers wait, and pdfplumber's, PDFium's and python-docx's imports cost an HTML run
    time for nothing (a paper whose content is another format loads its reader itself)."""
    from pipeline.extractors import extract_document
    from pipeline.extractors.language import special_cases
    from pipeline.readers import SUFFIX_FORMATS, _reader
    from pipeline.readers.text import parse_text

    try:
        for fmt in sorted({SUFFIX_FORMATS[suffix_of(item.path)] for item in inputs
                           if item.supported and suffix_of(item.path) in SUFFIX_FORMATS}):
            _reader(fmt)
        extract_document(parse_text(WARM_UP, "warm-up.txt"))
    except Exception as error:  # noqa: BLE001 - each paper meets it again and reports it
        # a reader that cannot be imported or a rule that cannot be built must not end the
        # run with a traceback: every paper it concerns gets an error row instead
        log.warning("warm-up failed (%s: %s); the papers report it", type(error).__name__,
                    error)
        return
    special_cases().load_all()  # every exception once, not again in each worker
    store_compiled_rules()  # before the fork: the workers then have nothing new to store
    settle()  # the workers fork with all of it already out of the collector's sight


def _largest_first(inputs: list[Input]) -> list[Input]:
    """The papers, biggest file first: the pool hands them out in this order, and a long
    paper started last would keep one worker busy while the others sit idle at the end.
    Outputs do not depend on the order (the CSVs follow the walk's order, not this)."""
    def size(item: Input) -> int:
        try:
            return item.path.stat().st_size
        except OSError:
            return 0
    return sorted(inputs, key=size, reverse=True)


WARM_UP = ("BOARD\n\nMinutes of the meeting held on 1 May 2024\n\nPresent: Councillor A Smith\n\n"
           "1. Minutes\n\nRESOLVED: That the minutes be agreed.\n\n"
           "The Group reports to the Board. It is recommended that the report be noted.\n")


def _digest(item: Input, content: str) -> str:
    """What a stored result is keyed by beside the pipeline's fingerprint: the content
    hash, and for a PDF read by the other engine that engine, so switching re-reads it.

    A file that is not read is keyed by why, so that asking for its format (or no
    longer asking) re-does it."""
    if not item.supported:
        return f"skipped: {item.skip}"
    digest = content
    if item.engine != "pdfium" and suffix_of(item.path) == ".pdf":
        digest += f" engine={item.engine}"
    if item.ocr != "auto" and suffix_of(item.path) == ".pdf":
        digest += f" ocr={item.ocr}"
    return digest


def check_out(out: Path) -> None:
    """RunError when `out` cannot be a run folder (a file, or under a file)."""
    for path in (out, *out.parents):
        if path.exists():
            if not path.is_dir():
                what = f"--out {out}" if path == out else f"--out {out}: {path}"
                raise RunError(f"{what} is a file, not a folder")
            return


def _no_papers(paths: list[Path], settings: Settings, inputs: list[Input],
               left_out: list[Path]) -> RunError:
    where = ", ".join(str(p) for p in paths)
    looked = [f"formats {', '.join(settings.formats)}"]
    if settings.glob:
        looked.append(f"--glob {settings.glob!r}")
    if settings.exclude:
        looked.append(f"--exclude {' '.join(repr(x) for x in settings.exclude)}")
    notes = []
    if inputs:
        notes.append(f"{len(inputs)} other file(s) skipped, e.g. {inputs[0].document}: "
                     f"{inputs[0].skip}")
    if left_out:
        notes.append(f"left out minutebook output folder(s): "
                     f"{', '.join(str(p) for p in left_out[:3])}")
    return RunError(f"no papers found under {where} ({'; '.join(looked)})"
                    + (f"; {'; '.join(notes)}" if notes else ""))


def run_extract(paths: list[Path], out: Path, settings: Settings | None = None,
                progress: Progress | None = None) -> RunSummary:
    """Extract every paper under `paths` into the run folder `out`, resuming earlier work.

    Documents whose content and pipeline version are unchanged since they last
    succeeded are not processed again (`settings.force` re-does them all). Raises
    RunError, before writing anything, when no paper is found, `out` is a file or the
    scheduler does not answer."""
    settings = settings or Settings()
    started = time.time()
    check_out(out)
    authorities = Authorities.of(settings.authority, settings.authority_map)
    walker = Walker(settings.glob, settings.exclude, settings.formats, out, settings.pdf_engine,
                    settings.ocr, str(out / OCR_CACHE_NAME))
    inputs = list(walker.walk(paths))
    if not any(item.supported for item in inputs):
        raise _no_papers(paths, settings, inputs, walker.left_out)
    client, owned = None, False
    if settings.scheduler is not None:
        from pipeline.batch.dask_executor import connect

        client, owned = connect(settings.scheduler)
    fingerprint = pipeline_fingerprint()
    try:
        with Store(out) as store:
            known = store.known()
            cached = store.file_stats()
            hashes, stats = contents(inputs, cached)
            digests = {item.document: _digest(item, hashes.get(item.document, ""))
                       for item in inputs}
            todo = [item for item in inputs if settings.force or known.get(item.document) not in {
                (digests[item.document], fingerprint, "ok"),
                (digests[item.document], fingerprint, "skipped")}]
            redo = {item.document for item in todo}
            store.keep_file_stats({  # papers reused whose stat was not kept (or changed)
                document: kept for document in hashes if document not in redo
                and (kept := kept_stat(stats, hashes, document))
                and cached.get(document) != kept})
            pages_read = 0
            if progress:
                progress.start(len(inputs), len(inputs) - len(todo))
            try:
                for result in _results(todo, settings, client):
                    store.save(result.document, digests[result.document], fingerprint,
                               result.status, pages=result.pages, seconds=result.seconds,
                               warnings=result.warnings, errors=result.errors,
                               tables=result.tables, text=result.text, packed=result.packed,
                               file_stat=kept_stat(stats, hashes, result.document))
                    pages_read += result.pages
                    if progress:
                        progress.advance(result)
            finally:
                if progress:
                    progress.finish()
            documents = [item.document for item in inputs]
            found, processed = len(inputs), len(todo)
            written_with = f"{settings.raw_csv}:{authorities.stamp()}"
            summary = (unchanged_outputs(store, documents, known, out, written_with)
                       if not todo else None)
            # the per-paper bookkeeping (about 1 KB a paper) is not needed to write the
            # outputs: dropped here, the writing reuses its memory instead of adding to it
            del inputs, todo, redo, known, cached, hashes, stats, digests
            if summary is None:
                summary = write_outputs(store, documents, out, settings.raw_csv, authorities)
                keep_outputs_stamp(store, documents, out, written_with, summary)
    finally:
        if owned and client is not None:
            client.close()
    summary.reused = found - processed
    summary.processed = processed
    summary.pages_read = pages_read
    summary.seconds = time.time() - started
    _write_run_info(out, paths, settings, summary, started, walker.left_out)
    return summary


def write_outputs(store: Store, documents: list[str], out: Path, raw_csv: bool,
                  authorities: Authorities | None = None) -> RunSummary:
    """Rebuild every CSV from the store, reading and decoding each document's rows once.

    Every table's header is its columns in the one schema (`pipeline.model.records`).
    The rows of documents, parts and relations carry the keys of the bodies they name,
    and a body's key may depend on a paper read later (an alias that joins two names):
    so the bodies are resolved first (`BodyRegistry`), from the small lists of what each
    paper says of bodies that the store keeps beside its rows (`Store.mentions`), and
    then one pass streams every row to its CSV. Memory holds the registry (one entry per
    distinct body and one per name a paper refers to), never a table's rows.

    Each paper's authority is the one it names, unless `authorities` (the run's
    `--authority` / `--authority-map`) gives it one; bodies are keyed within it."""
    authorities = authorities or Authorities()
    registry = BodyRegistry()
    given: dict[str, tuple[str, str]] = {}  # document -> the run's (authority, source)
    for document, found in store.mentions(documents):
        authority, source = authorities.resolve(document, str(found.get("authority") or ""), "")
        if source in ("run", "map"):
            given[document] = (authority, source)
        registry.add(document, found, authority)
    registry.resolve()
    writers = {name: CsvStream(out / f"{name}.csv", table.columns, raw=raw_csv)
               for name, table in SCHEMA.items()
               if name not in ("bodies", "errors", *DERIVED)}
    errors = CsvStream(out / "errors.csv", SCHEMA["errors"].columns, raw=raw_csv)
    summary = RunSummary(out, 0, 0, 0, {name: 0 for name in SCHEMA if name != "errors"}, 0.0)
    duplicates = store.duplicates(documents)
    for record in store.records(documents):
        if (first := duplicates.get(record["document"])) is not None:
            errors.write(error_row(record["document"], "walk", "duplicate",
                                   f"the same bytes as {first}: its rows are that paper's "
                                   "again", "warning"))
            summary.warnings += 1
        summary.documents += record["status"] != "skipped"
        summary.failed += record["status"] == "failed"
        summary.skipped += record["status"] == "skipped"
        summary.pages += record["pages"]
        for error in record["errors"]:
            errors.write({"severity": "skipped" if error.get("error_type") == "skipped"
                          else "error", **error})
        for warning in warning_rows(record["document"], record["warnings"]):
            errors.write(warning)
            summary.warnings += 1
        authority = ""
        for row in record["tables"].get("documents", ()):
            if record["document"] in given:
                row["authority"], row["authority_source"] = given[record["document"]]
            authority = str(row.get("authority") or "")
        for table, rows in record["tables"].items():
            if table == "bodies" or table not in writers:
                continue
            for row in rows:
                writers[table].write(registry.fill(table, row, authority))
            summary.counts[table] += len(rows)
    merged = registry.rows()
    summary.counts["bodies"] = len(merged)
    write_csv(out / "bodies.csv", merged, SCHEMA["bodies"].columns, raw=raw_csv)
    for stream in [*writers.values(), errors]:
        stream.close()
    del registry, merged, given  # the people tables hold their own index of the run
    summary.counts.update(write_people(out, raw_csv))  # from the CSVs just written
    return summary


def _write_run_info(out: Path, paths: list[Path], settings: Settings, summary: RunSummary,
                    started: float, left_out: list[Path]) -> None:
    info = {
        "minutebook": __version__,
        "pipeline": pipeline_fingerprint(),
        "inputs": [str(p) for p in paths],
        "glob": settings.glob,
        "exclude": list(settings.exclude),
        "formats": list(settings.formats),
        "left_out": [str(p) for p in left_out],
        "csv_escaping": "none" if settings.raw_csv else "formula-apostrophe",
        "workers": settings.workers,
        "pdf_engine": settings.pdf_engine,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "seconds": round(summary.seconds, 3),
        "documents": summary.documents,
        "processed": summary.processed,
        "reused": summary.reused,
        "failed": summary.failed,
        "skipped": summary.skipped,
        "warnings": summary.warnings,
        "pages": summary.pages,
        "rows": summary.counts,
    }
    atomic_write_text(out / "run.json", json.dumps(info, indent=2, ensure_ascii=False) + "\n")

