"""The run's state: an SQLite database in the run folder (WAL mode).

Per document it keeps the content hash and pipeline version it was processed with,
its status, timings, error rows, extracted rows (every column of the one schema,
`pipeline.model.records`) and what those rows say of bodies. A run skips a document whose
content and pipeline version are unchanged, so re-running an archive costs only the
hashing; the CSVs are rebuilt from here. Each document is committed in its own
transaction, so a run killed at any point keeps everything it finished.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pipeline.rules as rules
from pipeline.model.bodies import mentions
from pipeline.model.records import Record, row_of
from pipeline.version import __version__

STORE_NAME = "state.sqlite"
# Bump when SCHEMA changes incompatibly: an older store is then rebuilt from scratch (3:
# rows hold every column of the one schema, and `bodies` replaced the rows' extra keys;
# 4: `bodies` (`model.bodies.mentions`) holds the paper's authority).
STORE_VERSION = 4
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    document TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    status TEXT NOT NULL,          -- ok, failed, skipped
    pages INTEGER NOT NULL DEFAULT 0,
    seconds TEXT NOT NULL DEFAULT '{}',
    warnings TEXT NOT NULL DEFAULT '[]',
    errors TEXT NOT NULL DEFAULT '[]',
    tables BLOB,                   -- zlib-compressed JSON: table name -> rows
    text BLOB,                     -- zlib-compressed plain text the spans index
    bodies TEXT,                   -- JSON: what the rows say of bodies (model.bodies.mentions)
    file_stat TEXT NOT NULL DEFAULT ''  -- "size:mtime_ns hash" of the file ('' = hash again)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
#: Columns added since a store of this STORE_VERSION was first made: added in place, so an
#: older store keeps its rows (name -> column definition).
ADDED_COLUMNS = {"file_stat": "TEXT NOT NULL DEFAULT ''"}


@dataclass(frozen=True)
class Packed:
    """One paper's rows, text and body mentions encoded as the store keeps them."""

    tables: bytes  # zlib-compressed JSON: table name -> rows of every column
    text: bytes  # zlib-compressed text
    bodies: str  # JSON: `model.bodies.mentions` of the rows


def pack(tables: Mapping[str, Sequence[Record | dict]], text: str) -> Packed:
    """`tables` (records, or rows of every column) and `text` encoded for `Store.save`.

    A worker process packs its own paper's result (`batch.task.process_for_store`): the
    run's one process that writes the store then only inserts, instead of encoding every
    paper while the workers, on the same cores, wait for it."""
    rows = {table: [row if isinstance(row, dict) else row_of(table, row) for row in found]
            for table, found in tables.items()}
    return Packed(zlib.compress(json.dumps(rows, ensure_ascii=False).encode(), 3),
                  zlib.compress(text.encode(), 3),
                  json.dumps(mentions(rows), ensure_ascii=False))


NOT_EXTRACTION_RULES = {"popolo"}  # export schemas: changing them changes no extracted row
#: Parts of the package that cannot change a stored row: what runs after the store (CSV and
#: other exports, the graph, the review site), the front ends, and the machinery that only
#: schedules `runner.process` or keeps its results (a failed document is always re-done;
#: the store's layout has STORE_VERSION). Everything else, a new module too, is hashed.
# Code that schedules papers or reads and writes finished rows; the per-paper task
# (batch/task.py), the readers, the model and the extractors make rows and are hashed.
# Bodies are resolved when the CSVs are written, from what the store keeps of them
# (`model.bodies.mentions`, part of the store's layout: a change to it bumps STORE_VERSION),
# so a change to how bodies are keyed re-extracts nothing.
NOT_ROW_CODE = ("graph/", "export/", "review/", "cli.py", "bench.py", "bench_archive.py",
                "model/bodies.py",
                "api.py", "batch/pool.py", "batch/dask_executor.py", "batch/store.py",
                "batch/runner.py", "batch/walk.py", "batch/rerun.py", "batch/summary.py",
                "batch/authorities.py", "progress.py", "people.py", "meetings.py",
                "register.py", "tables.py", "fsio.py")
RULES_SUBPACKAGE = "_rules/"  # the installed copy of models/: hashed as rules, not code


@cache
def pipeline_fingerprint() -> str:
    """What the stored rows were made by: a stored document is reused only when this is
    unchanged. Computed once per process from the installed package and rules."""
    return fingerprint(resources.files("pipeline"), rules.root())


def fingerprint(package: Traversable, rule_folder: Traversable) -> str:
    """The version, plus a hash of every rule file but the export schemas and of the source
    of every module that can change an extracted row (`package` is the `pipeline` folder,
    `rule_folder` the rules: models/ or its installed copy)."""
    digest = hashlib.sha256(__version__.encode())
    for relative, file in rules.iter_rule_files(rule_folder):
        if relative.split("/")[0] not in NOT_EXTRACTION_RULES:
            digest.update(f"rules/{relative}\0".encode())
            digest.update(file.read_bytes())
    for relative, file in rules.iter_files(package):
        if _row_code(relative):
            digest.update(f"code/{relative}\0".encode())
            digest.update(file.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


@cache
def code_fingerprint() -> str:
    """A hash of every module of the package and the store's layout: what the CSVs of a
    run folder were written by (an unchanged re-run keeps them only if this is unchanged)."""
    digest = hashlib.sha256(f"{__version__}:{STORE_VERSION}".encode())
    for relative, file in rules.iter_files(resources.files("pipeline")):
        if relative.endswith(".py"):
            digest.update(f"{relative}\0".encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _row_code(relative: str) -> bool:
    """Whether the package file at `relative` ('extractors/items/headings.py') can change a row."""
    if not relative.endswith(".py") or relative.startswith(RULES_SUBPACKAGE):
        return False
    return not any(relative.startswith(skip) if skip.endswith("/") else relative == skip
                   for skip in NOT_ROW_CODE)


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes ('' when it cannot be read: it will fail properly later)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


class Store:
    """One run folder's state; the process that owns the run is its only writer."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / STORE_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        if self.db.execute("PRAGMA user_version").fetchone()[0] != STORE_VERSION:
            self.db.execute("DROP TABLE IF EXISTS documents")
            self.db.execute(f"PRAGMA user_version = {STORE_VERSION}")
        self.db.executescript(SCHEMA)
        have = {row[1] for row in self.db.execute("PRAGMA table_info(documents)")}
        for name, definition in ADDED_COLUMNS.items():
            if name not in have:
                self.db.execute(f"ALTER TABLE documents ADD COLUMN {name} {definition}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def known(self) -> dict[str, tuple[str, str, str]]:
        """document -> (content hash, pipeline, status) of everything stored."""
        cursor = self.db.execute("SELECT document, content_hash, pipeline, status FROM documents")
        # every row repeats the pipeline's fingerprint and one of three statuses: one string
        # each, not 100,000 copies
        return {row[0]: (row[1], sys.intern(row[2]), sys.intern(row[3])) for row in cursor}

    def duplicates(self, documents: list[str]) -> dict[str, str]:
        """document -> the first of `documents` (in their order) with the same bytes, for each
        later one: an archive often holds one paper under two names ('Minutes.pdf' and
        'Printed minutes.pdf'), whose rows would count twice. Files that are not read are
        no papers and no duplicates."""
        cursor = self.db.execute(
            "SELECT document, content_hash FROM documents WHERE content_hash IN (SELECT "
            "content_hash FROM documents WHERE content_hash NOT LIKE 'skipped:%' "
            "GROUP BY content_hash HAVING COUNT(*) > 1)")
        by_document = dict(cursor.fetchall())
        first: dict[str, str] = {}
        found: dict[str, str] = {}
        for document in documents:
            digest = by_document.get(document)
            if digest is None:
                continue
            if digest in first:
                found[document] = first[digest]
            else:
                first[digest] = document
        return found

    def file_stats(self) -> dict[str, str]:
        """document -> "size:mtime_ns hash" of its file when last hashed, for the documents
        whose stat was kept: a file whose size and modification time are unchanged need not
        be read again."""
        cursor = self.db.execute("SELECT document, file_stat FROM documents WHERE file_stat != ''")
        return {row[0]: row[1] for row in cursor}

    def keep_file_stats(self, stats: dict[str, str]) -> None:
        """Set documents' "size:mtime_ns hash" without touching their rows."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany("UPDATE documents SET file_stat = ? WHERE document = ?",
                                [(stat, document) for document, stat in stats.items()])

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def save(self, document: str, digest: str, pipeline: str, status: str, *, pages: int = 0,
             seconds: dict | None = None, warnings: list | None = None,
             errors: list | None = None,
             tables: Mapping[str, Sequence[Record | dict]] | None = None,
             text: str = "", file_stat: str = "", packed: Packed | None = None) -> None:
        """Keep one document's result; `tables` are its records (or rows of every column),
        or `packed` holds them and the text already encoded (`pack`). `file_stat` is the
        file's "size:mtime_ns content-hash" when `digest` was taken ('' to hash it again
        next time)."""
        packed = packed or pack(tables or {}, text)
        self.db.execute(
            "INSERT OR REPLACE INTO documents (document, content_hash, pipeline, status, pages, "
            "seconds, warnings, errors, tables, text, bodies, file_stat) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document, digest, pipeline, status, pages, json.dumps(seconds or {}),
             json.dumps(warnings or []), json.dumps(errors or []), packed.tables, packed.text,
             packed.bodies, file_stat))

    def text(self, document: str) -> str:
        """The plain text of a stored document, as its rows' spans index it."""
        row = self.db.execute("SELECT text FROM documents WHERE document = ?",
                              (document,)).fetchone()
        return zlib.decompress(row[0]).decode() if row and row[0] else ""

    def mentions(self, documents: list[str]) -> Iterator[tuple[str, dict[str, list]]]:
        """(document, `mentions`) of each stored document of `documents`, in the order
        given, without decoding any rows (one indexed look-up per document)."""
        for document in documents:
            row = self.db.execute("SELECT bodies FROM documents WHERE document = ?",
                                  (document,)).fetchone()
            if row is not None:
                yield document, json.loads(row[0]) if row[0] else {}

    def records(self, documents: list[str]) -> Iterator[dict]:
        """Stored results of `documents`, one at a time and in the order given (one
        look-up by the primary key's index per document: linear in the archive)."""
        for document in documents:
            row = self.db.execute(
                "SELECT status, pages, seconds, warnings, errors, tables FROM documents "
                "WHERE document = ?", (document,)).fetchone()
            if row is None:
                continue
            yield {"document": document, "status": row[0], "pages": row[1],
                   "seconds": json.loads(row[2]), "warnings": json.loads(row[3]),
                   "errors": json.loads(row[4]),
                   "tables": json.loads(zlib.decompress(row[5])) if row[5] else {}}



# --- the OCR cache: Tesseract's output per page image, kept across runs ------------------
# Its own database beside the store: workers write it while they read (the store has one
# writer, the run's process), and it is keyed by the page image and the OCR settings
# (`pipeline.readers.ocr.page_key`), never by the pipeline's fingerprint, so neither a
# re-run, --force nor a code change OCRs a page twice.

OCR_CACHE_NAME = "ocr.sqlite"


def ocr_cache_open(path: Path) -> sqlite3.Connection:
    """The OCR cache at `path`, made if missing; several processes may write it at once."""
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, tsv BLOB NOT NULL, "
               "seconds REAL NOT NULL DEFAULT 0)")
    return db


def ocr_cache_get(db: sqlite3.Connection, key: str) -> str | None:
    """The TSV kept for a page image, or None."""
    row = db.execute("SELECT tsv FROM pages WHERE key = ?", (key,)).fetchone()
    return zlib.decompress(row[0]).decode("utf-8") if row else None


def ocr_cache_put(db: sqlite3.Connection, key: str, tsv: str, seconds: float = 0.0) -> None:
    """Keep a page's TSV (and how long Tesseract took over it)."""
    db.execute("INSERT OR REPLACE INTO pages (key, tsv, seconds) VALUES (?, ?, ?)",
               (key, zlib.compress(tsv.encode("utf-8")), seconds))
