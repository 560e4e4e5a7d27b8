"""SQLite: one table per contract table (and errors), indexed for the usual questions.

The database opens in the `sqlite3` shell and in Datasette as it is: text columns as
the paper has them (the CSVs' spreadsheet escaping undone), provenance numbers (`page`,
`start`, `end`, `pages`, `blocks`, ...) as INTEGER columns (NULL when empty), an index on
`document` and on each table's key columns (the body keys among them), full-text search
on the wording of items, decisions and recommendations (FTS5, in the `<table>_fts` form
Datasette detects), and a `run_info` table with the run's run.json.

    sqlite3 run/minutebook.db "select body, count(*) from decisions
        join documents using (document) group by body"
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.fsio import atomic_path
from pipeline.model.records import SCHEMA
from pipeline.tables import INTEGER_COLUMNS, TABLE_COLUMNS, records, typed

log = logging.getLogger("minutebook")

__all__ = ["FULL_TEXT", "INDEXES", "INTEGER_COLUMNS", "write_sqlite"]

# Besides `document` (indexed wherever it is a column): the columns people filter on and
# the words searched, as the one schema (`pipeline.model.records`) names them.
INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    name: table.indexes for name, table in SCHEMA.items()}
FULL_TEXT: dict[str, tuple[str, ...]] = {
    name: table.full_text for name, table in SCHEMA.items() if table.full_text}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_table(db: sqlite3.Connection, name: str, frame: pd.DataFrame) -> None:
    frame = typed(frame, TABLE_COLUMNS.get(name, ()))  # ints as int or None, text as str
    columns = [str(c) for c in frame.columns]
    types = ["INTEGER" if c in INTEGER_COLUMNS else "TEXT" for c in columns]
    body = ", ".join(f"{_quote(c)} {t}" for c, t in zip(columns, types, strict=True))
    db.execute(f"CREATE TABLE {_quote(name)} ({body})")
    if columns:
        marks = ", ".join("?" for _ in columns)
        rows = ([row[c] for c in columns] for row in records(frame))
        db.executemany(f"INSERT INTO {_quote(name)} VALUES ({marks})", rows)


def _create_indexes(db: sqlite3.Connection, name: str, columns: list[str]) -> list[str]:
    wanted: list[tuple[str, ...]] = [("document",)] if "document" in columns else []
    wanted += [key for key in INDEXES.get(name, ()) if key not in wanted]
    made = []
    for key in wanted:
        if not all(c in columns for c in key):
            continue
        index = f"idx_{name}_{'_'.join(key)}"
        db.execute(f"CREATE INDEX {_quote(index)} ON {_quote(name)} "
                   f"({', '.join(_quote(c) for c in key)})")
        made.append(index)
    return made


def _create_full_text(db: sqlite3.Connection, name: str, columns: list[str]) -> None:
    searchable = [c for c in FULL_TEXT.get(name, ()) if c in columns]
    if not searchable:
        return
    fts = f"{name}_fts"
    try:
        db.execute(f"CREATE VIRTUAL TABLE {_quote(fts)} USING FTS5 "
                   f"({', '.join(_quote(c) for c in searchable)}, content=\"{name}\")")
    except sqlite3.OperationalError as error:  # an SQLite built without FTS5
        log.warning("no full-text index for %s: %s", name, error)
        return
    db.execute(f"INSERT INTO {_quote(fts)} ({_quote(fts)}) VALUES ('rebuild')")


def write_sqlite(tables: Mapping[str, pd.DataFrame], path: Path | str, *,
                 info: Mapping | None = None) -> Path:
    """Write the tables into a new SQLite database at `path` (replaced atomically).

    `info` (the run's run.json) goes into a `run_info(key, value)` table, values as JSON.
    """
    path = Path(path)
    with atomic_path(path) as tmp:
        db = sqlite3.connect(tmp)
        try:
            with db:
                for name, frame in tables.items():
                    _create_table(db, name, frame)
                    columns = [str(c) for c in frame.columns]
                    _create_indexes(db, name, columns)
                    _create_full_text(db, name, columns)
                db.execute("CREATE TABLE run_info (key TEXT PRIMARY KEY, value TEXT)")
                db.executemany("INSERT INTO run_info VALUES (?, ?)",
                               [(str(k), json.dumps(v, ensure_ascii=False))
                                for k, v in (info or {}).items()])
            db.execute("ANALYZE")
        finally:
            db.close()
    return path
