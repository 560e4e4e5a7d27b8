"""Parquet: one file per table, typed as the Python API types them.

`page`, `start`, `end`, `pages` and `blocks` are nullable 64-bit integers (null for an
empty cell), every other column a string ("" for an empty cell), with the text as the
paper has it (no spreadsheet escaping), so `read_parquet` gives back exactly the frames
of `pipeline.api.load`. Each file's schema metadata names the table and the minutebook
version that wrote it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline.fsio import atomic_path
from pipeline.tables import TABLE_COLUMNS, is_integer_column, typed
from pipeline.version import __version__


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:  # an optional dependency: say which one
        raise ImportError("Parquet export needs pyarrow: pip install pyarrow") from error
    return pa, pq


def write_parquet(tables: Mapping[str, pd.DataFrame], folder: Path | str) -> list[Path]:
    """Write each table to `folder/<table>.parquet` (atomically); returns the paths."""
    pa, pq = _pyarrow()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        frame = typed(frame, TABLE_COLUMNS.get(name, ()))
        schema = pa.schema([pa.field(str(column), pa.int64() if is_integer_column(str(column))
                                     else pa.string()) for column in frame.columns])
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
        metadata = dict(table.schema.metadata or {})
        metadata.update({b"minutebook.table": name.encode(),
                         b"minutebook.version": __version__.encode()})
        table = table.replace_schema_metadata(metadata)
        path = folder / f"{name}.parquet"
        with atomic_path(path) as tmp:
            pq.write_table(table, tmp)
        written.append(path)
    return written


def read_parquet(path: Path | str) -> pd.DataFrame:
    """One table written by `write_parquet`, typed as `pipeline.tables.typed` types it."""
    pa, pq = _pyarrow()
    frame = pq.read_table(path).to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    return typed(frame)
