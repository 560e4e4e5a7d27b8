"""What lets an unchanged re-run of a large archive touch nothing but the store's index.

- A paper whose size and modification time are those its hash was taken at is not read
  again (`contents`, `kept_stat`): the store keeps "size:mtime_ns hash" beside its rows.
- The CSVs are not rewritten when nothing they follow from has changed and no one has
  touched them (`unchanged_outputs`): the code that wrote them, the settings they were
  written with, and each paper's stored result, in order (`outputs_stamp`).
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from pipeline.batch.store import Store, code_fingerprint, content_hash
from pipeline.batch.summary import RunSummary
from pipeline.batch.walk import Input
from pipeline.model.records import SCHEMA

__all__ = ["contents", "keep_outputs_stamp", "kept_stat", "unchanged_outputs"]


#: A file modified this close to when it was looked at may change again within the same
#: mtime tick unseen (git's "racy clean" files): its stat is not kept, so it is hashed again.
RACY_SECONDS = 2.0


def file_stat(item: Input, now: float) -> str:
    """"size:mtime_ns" of a paper's file, or '' when it cannot be trusted to mark the content."""
    try:
        stat = item.path.stat()
    except OSError:
        return ""
    if now - stat.st_mtime < RACY_SECONDS:
        return ""
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def contents(inputs: list[Input], cached: dict[str, str]
              ) -> tuple[dict[str, str], dict[str, str]]:
    """The content hash of each paper and the file stat to keep with it. A file whose size
    and modification time are those stored with its hash is not read again, so an
    unchanged re-run of a large archive reads no paper (`cached`: `Store.file_stats`)."""
    now = time.time()
    hashes: dict[str, str] = {}
    stats: dict[str, str] = {}
    for item in inputs:
        if not item.supported:
            continue
        stat = file_stat(item, now)
        kept_stat, _, kept_hash = cached.get(item.document, "").partition(" ")
        if stat and kept_hash and kept_stat == stat:
            hashes[item.document] = kept_hash
        else:
            hashes[item.document] = content_hash(item.path)
        stats[item.document] = stat
    return hashes, stats


def kept_stat(stats: dict[str, str], hashes: dict[str, str], document: str) -> str:
    """What the store keeps to skip hashing the file next time: "size:mtime_ns hash"
    (the raw content hash: the stored digest may carry the PDF engine too)."""
    stat = stats.get(document, "")
    return f"{stat} {hashes[document]}" if stat and hashes.get(document) else ""


OUTPUTS_KEY = "outputs"


def outputs_stamp(known: dict[str, tuple[str, str, str]], documents: list[str],
                   written_with: str) -> str:
    """What a run folder's CSVs follow from: the code that wrote them, the settings they
    were written with (`written_with`: the escaping, the authorities given), and each
    document in order with the content, pipeline and status of its stored result
    (`known`: `Store.known`)."""
    digest = hashlib.sha256(f"{code_fingerprint()}:{written_with}".encode())
    for document in documents:
        digest.update(f"{document}\0{known.get(document)}\0".encode())
    return digest.hexdigest()


def output_files(out: Path) -> dict[str, str]:
    files = {}
    for name in [*SCHEMA]:
        try:
            stat = (out / f"{name}.csv").stat()
        except OSError:
            continue
        files[name] = f"{stat.st_size}:{stat.st_mtime_ns}"
    return files


def keep_outputs_stamp(store: Store, documents: list[str], out: Path, written_with: str,
                        summary: RunSummary) -> None:
    figures = {"documents": summary.documents, "failed": summary.failed,
               "skipped": summary.skipped, "pages": summary.pages,
               "warnings": summary.warnings, "counts": summary.counts}
    store.set_meta(OUTPUTS_KEY, json.dumps({
        "stamp": outputs_stamp(store.known(), documents, written_with),
        "files": output_files(out), "summary": figures}))


def unchanged_outputs(store: Store, documents: list[str],
                       known: dict[str, tuple[str, str, str]], out: Path,
                       written_with: str) -> RunSummary | None:
    """The summary of the CSVs already in `out` when nothing they follow from has changed
    and no one has touched them since they were written (None: write them again). An
    unchanged re-run of an archive then costs a walk, a stat per file and one query."""
    kept = store.get_meta(OUTPUTS_KEY)
    if kept is None:
        return None
    written = json.loads(kept)
    if written["files"] != output_files(out) or \
            written["stamp"] != outputs_stamp(known, documents, written_with):
        return None
    figures = written["summary"]
    return RunSummary(out, figures["documents"], figures["failed"], figures["skipped"],
                      figures["counts"], 0.0, pages=figures["pages"],
                      warnings=figures["warnings"])
