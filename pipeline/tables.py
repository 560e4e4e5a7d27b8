"""The tables of a run as pandas frames: the one loader, typed by the one schema.

The tables, their columns and types are defined once, in `pipeline.model.records`
(`SCHEMA`): every table has its contract columns first, then its own extras, the
provenance (`page`, `start`, `end`, `evidence`, `rule`, `part`) and the body keys. A
column has the same type in every table that has it:

- `page`, `start`, `end`, `part` (and the other whole numbers of `SCHEMA`: `pages`,
  `blocks`, `vote`, ...) are integers, as pandas' nullable `Int64` (an empty cell is
  `<NA>`);
- every other column is text: strings, "" for an empty cell, never NaN.

`read_table` and `read_run` read a run folder's CSVs with these types and with the
spreadsheet escaping undone (`pipeline.export.csv.unescape_cell`, as run.json's
`csv_escaping` says), so the Python API, the graph, the review site and the exports all
see the text of the paper. `typed` gives any frame (rows from the extractors, a Parquet
file) the same columns and types.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.export.csv import CSV_ESCAPING_KEY, ESCAPING_FORMULA, ESCAPING_NONE
from pipeline.model.records import SCHEMA, Record, record_of

#: The tables of a run, in output order: the contract tables, minutebook's own, errors.
TABLES: tuple[str, ...] = tuple(SCHEMA)
#: Every column of each table, in output order (a CSV of an older run may lack some:
#: they are read as empty).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {name: t.columns for name, t in SCHEMA.items()}
#: Columns of whole numbers, in whichever table they appear; every other column is text.
INTEGER_COLUMNS: frozenset[str] = frozenset(c for t in SCHEMA.values() for c in t.integers)
INTEGER_DTYPE = "Int64"

_WHOLE = re.compile(r"-?[0-9]+")
# One leading apostrophe before (more apostrophes and) a formula start: unescape_cell
_ESCAPED_PREFIX = r"^'(?='*[=+\-@\t\r])"


def is_integer_column(column: str) -> bool:
    """Whether `column` holds whole numbers (in any table)."""
    return column in INTEGER_COLUMNS


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float | np.floating) and bool(np.isnan(value))


def _integer(value: object, column: str) -> int | None:
    if _missing(value):
        return None
    if isinstance(value, bool | np.bool_):
        raise ValueError(f"column {column!r}: {value!r} is not a whole number")
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return int(value)
    text = str(value)
    if text == "":
        return None
    if _WHOLE.fullmatch(text):
        return int(text)
    raise ValueError(f"column {column!r}: {text!r} is not a whole number")


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def integers(values: Iterable[object], column: str = "") -> pd.api.extensions.ExtensionArray:
    """`values` as a nullable Int64 array: "" and missing values are <NA>; raises
    ValueError for anything that is not a whole number."""
    return pd.array([_integer(v, column) for v in values], dtype=INTEGER_DTYPE)


def typed(frame: pd.DataFrame, columns: Sequence[str] = ()) -> pd.DataFrame:
    """A copy of `frame` with `columns` first (added when absent) and every column of
    its type: Int64 for INTEGER_COLUMNS, strings ("" for missing) for the rest."""
    order = list(columns) + [str(c) for c in frame.columns if c not in columns]
    data = {}
    for column in order:
        values = frame[column] if column in frame.columns else [None] * len(frame)
        if is_integer_column(column):
            if isinstance(values, pd.Series) and isinstance(values.dtype, pd.Int64Dtype):
                data[column] = values.array.copy()
            else:
                data[column] = integers(values, column)
        elif isinstance(values, pd.Series) and isinstance(values.dtype, pd.StringDtype):
            data[column] = values.fillna("").astype(str).array  # read_csv's text: no cell loop
        else:
            data[column] = pd.Series([_text(v) for v in values], dtype=object).astype(str).array
    result = pd.DataFrame(data, columns=order)
    result.index = pd.RangeIndex(len(result))
    return result


def frame_of(rows: Iterable[Mapping], columns: Sequence[str] = ()) -> pd.DataFrame:
    """Rows (dicts, as the extractors make them) as a typed frame: `columns` first, then
    every other key in order of appearance."""
    rows = list(rows)
    order = list(columns)
    for row in rows:
        order += [str(k) for k in row if k not in order]
    raw = pd.DataFrame([[row.get(c) for c in order] for row in rows], columns=order,
                       dtype=object)
    return typed(raw, order)


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows of a typed frame as dicts of plain Python values: str, int, or None for
    a missing number."""
    columns = [str(c) for c in frame.columns]

    def plain(value: object) -> object:
        if _missing(value):
            return None
        if isinstance(value, np.integer):
            return int(value)
        return value

    return [dict(zip(columns, map(plain, row), strict=True))
            for row in frame.itertuples(index=False, name=None)]


def typed_records(frame: pd.DataFrame, table: str) -> list[Record]:
    """The rows of a frame of `table` as its typed records (`pipeline.model.records`);
    columns the schema does not have (a run of another version) are left out."""
    columns = set(SCHEMA[table].columns)
    return [record_of(table, {k: v for k, v in row.items() if k in columns})
            for row in records(typed(frame, SCHEMA[table].columns))]


def csv_escaped(run_dir: Path | str) -> bool:
    """Whether the CSVs of `run_dir` have formula cells escaped, as its run.json says
    (`csv_escaping`). A run folder without run.json, or a run.json without the key (runs
    of before the key), counts as escaped: that was the default, and `--raw-csv` runs
    cannot be told apart."""
    path = Path(run_dir) / "run.json"
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return True
    escaping = info.get(CSV_ESCAPING_KEY, ESCAPING_FORMULA) if isinstance(info, dict) \
        else ESCAPING_FORMULA
    if escaping == ESCAPING_FORMULA:
        return True
    if escaping == ESCAPING_NONE:
        return False
    raise ValueError(f"{path}: unknown {CSV_ESCAPING_KEY} {escaping!r} (expected "
                     f"{ESCAPING_FORMULA!r} or {ESCAPING_NONE!r})")


def read_table(path: Path | str, columns: Sequence[str] = (), *,
               escaped: bool = True) -> pd.DataFrame:
    """One CSV of a run folder, typed (see the module's doc) and, when `escaped`, with
    the formula escaping undone; `columns` come first and are present even when the file
    lacks them (a missing file gives an empty frame of `columns`).

    Raises ValueError when an integer column holds something other than a whole number."""
    path = Path(path)
    if not path.exists():
        return frame_of([], columns)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if escaped:
        for column in frame.columns:
            frame[column] = frame[column].str.replace(_ESCAPED_PREFIX, "", n=1, regex=True)
    try:
        return typed(frame, columns)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None


def read_run(run_dir: Path | str, tables: Iterable[str] = TABLES) -> dict[str, pd.DataFrame]:
    """The named tables of a run folder (every table by default) as typed frames, read
    from `<table>.csv` and unescaped as the folder's run.json says; a missing file gives
    an empty frame of the table's columns."""
    run_dir = Path(run_dir)
    escaped = csv_escaped(run_dir)
    return {name: read_table(run_dir / f"{name}.csv", TABLE_COLUMNS.get(name, ()),
                             escaped=escaped)
            for name in tables}
