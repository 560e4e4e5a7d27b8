"""CSV writing: contract columns first, spreadsheet-safe cells, atomic replace.

A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return would be run as a
formula by Excel or LibreOffice when the file is opened (CSV injection), so by default
such a cell gets a leading apostrophe, which spreadsheets show as text.

The escaping is exactly reversible: a cell is escaped when it matches `^'*[=+\\-@\\t\\r]`
(apostrophes, then a formula character) by prefixing one `'`, and a read cell is
unescaped by removing one leading `'` when it matches `^'+[=+\\-@\\t\\r]`. So a cell that
already starts with `'=` is written `''=` and read back as `'=`. The run folder's
run.json says which escaping its CSVs have (`csv_escaping`); `pipeline.tables` reads
them back unescaped.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.fsio import atomic_write_text, temp_beside

__all__ = ["CSV_ESCAPING_KEY", "ESCAPING_FORMULA", "ESCAPING_NONE", "FORMULA_STARTS",
           "CsvStream", "atomic_write_text", "columns_for", "escaping_name", "raw_cell",
           "safe_cell", "unescape_cell", "write_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_ESCAPE = re.compile(r"'*[=+\-@\t\r]")
_ESCAPED = re.compile(r"'+[=+\-@\t\r]")

#: The run.json key naming the escaping of the run's CSVs; a missing key means
#: ESCAPING_FORMULA (what every run wrote before the key existed, unless --raw-csv).
CSV_ESCAPING_KEY = "csv_escaping"
ESCAPING_FORMULA = "formula-apostrophe"
ESCAPING_NONE = "none"


def allow_long_cells() -> None:
    """Let Python's csv reader read the run's own cells: one may hold a whole paragraph of
    a hostile paper (a body name of 200,000 characters), over the reader's default limit
    of 131,072 (the run ended with a traceback reading its documents.csv back)."""
    csv.field_size_limit(2**31 - 1)


def escaping_name(raw: bool) -> str:
    """The run.json `csv_escaping` value of CSVs written with (or without) `raw`."""
    return ESCAPING_NONE if raw else ESCAPING_FORMULA


# The first characters a cell that needs escaping can have: most cells are decided on
# their first character alone, without the regular expression (a large archive writes
# tens of millions of cells).
_RISKY_FIRST = frozenset("'=+-@\t\r")


def raw_cell(value: object) -> str:
    if value is None:
        return ""
    return value if type(value) is str else str(value)


def safe_cell(value: object) -> str:
    """The cell as written to a CSV: one `'` before a (possibly already escaped)
    formula start, anything else untouched."""
    text = raw_cell(value)
    if text and text[0] in _RISKY_FIRST and _NEEDS_ESCAPE.match(text):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """The inverse of `safe_cell`: unescape_cell(safe_cell(x)) == x for every string x."""
    # (an escaped cell opens with its apostrophe: most cells are decided on that alone)
    return text[1:] if text[:1] == "'" and _ESCAPED.match(text) else text


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
    clean = raw_cell if raw else safe_cell
    for row in rows:
        writer.writerow([clean(row.get(column, "")) for column in columns])
    # The byte-order mark makes Excel read the file as UTF-8; pandas and csv skip it.
    atomic_write_text(path, "\ufeff" + buffer.getvalue())


class CsvStream:
    """A CSV written row by row to a temporary file and renamed into place on close,
    so a table of a large run is never held in memory nor left half-written."""

    def __init__(self, path: Path, columns: Sequence[str], *, raw: bool = False) -> None:
        self.path = path
        self.columns = list(columns)
        fd, self.tmp = temp_beside(path)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        self.handle.write("\ufeff")
        self.writer = csv.writer(self.handle, lineterminator="\r\n")
        self.writer.writerow(self.columns)
        self.clean = raw_cell if raw else safe_cell

    def write(self, row: dict) -> None:
        clean, get = self.clean, row.get
        # a plain string whose first character starts no formula is written as it is, without
        # a call per cell (a large archive writes tens of millions of cells)
        self.writer.writerow([
            value if type(value) is str and value[:1] not in _RISKY_FIRST else clean(value)
            for value in [get(column, "") for column in self.columns]])

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)
