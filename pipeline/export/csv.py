"""CSV writing: contract columns first, spreadsheet-safe cells, atomic replace.

A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return would be run as a
formula by Excel or LibreOffice when the file is opened (CSV injection), so by default
such a cell gets a leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def atomic_write_text(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def columns_for(rows: Iterable[dict], required: Sequence[str]) -> list[str]:
    columns = list(required)
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return columns


def write_csv(path: Path, rows: list[dict], required: Sequence[str], *,
              raw: bool = False) -> None:
    """Write `rows` with the `required` columns first and any extra columns after."""
    columns = columns_for(rows, required)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    clean = (lambda v: "" if v is None else str(v)) if raw else safe_cell
    for row in rows:
        writer.writerow([clean(row.get(column, "")) for column in columns])
    # The byte-order mark makes Excel read the file as UTF-8; pandas and csv skip it.
    atomic_write_text(path, "\ufeff" + buffer.getvalue())


class CsvStream:
    """A CSV written row by row to a temporary file and renamed into place on close,
    so a table of a large run is never held in memory nor left half-written."""

    def __init__(self, path: Path, columns: Sequence[str], *, raw: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.columns = list(columns)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.handle.write("\ufeff")
        self.writer = csv.writer(self.handle, lineterminator="\r\n")
        self.writer.writerow(self.columns)
        self.clean = (lambda v: "" if v is None else str(v)) if raw else safe_cell

    def write(self, row: dict) -> None:
        self.writer.writerow([self.clean(row.get(column, "")) for column in self.columns])

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)
