"""Parquet: one file per table, every column a string, as the CSVs have it.

The CSVs are the contract, so the Parquet files carry the same cells: a column that
holds page numbers is still a column of strings ("" for an empty cell), which keeps a
round trip CSV -> Parquet -> pandas exact. Each file's schema metadata names the table
and the minutebook version that wrote it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from pipeline import __version__


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
        frame = frame.fillna("").astype(str)
        schema = pa.schema([pa.field(str(column), pa.string()) for column in frame.columns])
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
        metadata = dict(table.schema.metadata or {})
        metadata.update({b"minutebook.table": name.encode(),
                         b"minutebook.version": __version__.encode()})
        table = table.replace_schema_metadata(metadata)
        path = folder / f"{name}.parquet"
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        try:
            pq.write_table(table, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(path)
    return written


def read_parquet(path: Path | str) -> pd.DataFrame:
    """One table written by `write_parquet`, as a DataFrame of strings."""
    _, pq = _pyarrow()
    frame = pq.read_table(path).to_pandas()
    return frame.astype(str)
