"""The Python API: run the pipeline and get the tables as pandas DataFrames.

    >>> from pipeline import extract, load, iter_documents
    >>> run = extract("corpus", exclude=["README.md", "*.py"])   # doctest: +SKIP
    >>> run.decisions.groupby("kind").size()                     # doctest: +SKIP
    >>> run.to_sqlite("corpus.db")                               # doctest: +SKIP
    >>> same = load("outputs")        # a run folder written by `minutebook extract`
    >>> for result in iter_documents("archive/"):                # doctest: +SKIP
    ...     print(result.document, len(result.tables["decisions"]))

`extract` and the `minutebook extract` command build the same settings
(`pipeline.settings.Settings`) and share one runner, so a run folder written by either
can be read with `load`. The tables are typed (`pipeline.tables`): `page`, `start`,
`end` (and `pages`, `blocks` of documents) are integers of pandas' nullable `Int64` (an
empty cell is <NA>), every other column is text, "" for an empty cell (never NaN). The
text is the paper's: the apostrophe the CSVs put before a cell a spreadsheet would run
as a formula is taken off again, so a paper named `-budget.txt` is `-budget.txt` here.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from pipeline.batch.runner import RunSummary, process, run_extract
from pipeline.batch.task import DocumentResult
from pipeline.batch.walk import walk
from pipeline.model.bodies import BodyRegistry, mentions
from pipeline.model.labels import CONTRACT_COLUMNS
from pipeline.model.records import DERIVED, Record, row_of
from pipeline.settings import Settings
from pipeline.tables import (
    TABLE_COLUMNS,
    TABLES,
    frame_of,
    read_run,
    read_table,
    records,
    typed,
    typed_records,
)

__all__ = ["TABLES", "TABLE_COLUMNS", "DocumentExtraction", "Extraction", "Settings", "extract",
           "iter_documents", "load", "read_table"]

PathLike = str | Path


def _paths(paths: PathLike | Iterable[PathLike]) -> list[Path]:
    if isinstance(paths, str | Path):
        return [Path(paths)]
    return [Path(p) for p in paths]


def settings_of(settings: Settings | None = None, **overrides: Any) -> Settings:
    """`settings` (default: `Settings()`) with `overrides` (setting names as keywords),
    checked: ValueError for a bad value, TypeError for an unknown name."""
    return (settings or Settings()).with_(**overrides) if overrides else (settings or Settings())


@dataclass(eq=False, repr=False)
class Extraction:
    """The tables of one run, as pandas DataFrames (one attribute per table).

    Make one with `extract` (runs the pipeline) or `load` (reads a run folder). The
    contract columns of each table come first (see CONTRACT.md), then the provenance
    columns: `page`, `start`, `end` (Int64) and `evidence`; text columns are strings,
    "" when empty, as the paper has them (no spreadsheet escaping). `graph` builds the
    NetworkX graph on first use; `to_csv`, `to_parquet`, `to_popolo` and `to_sqlite`
    write the tables out.
    """

    documents: pd.DataFrame
    attendees: pd.DataFrame
    apologies: pd.DataFrame
    substitutes: pd.DataFrame
    items: pd.DataFrame
    decisions: pd.DataFrame
    recommendations: pd.DataFrame
    bodies: pd.DataFrame
    relations: pd.DataFrame
    declarations: pd.DataFrame
    parts: pd.DataFrame
    votes: pd.DataFrame
    vote_members: pd.DataFrame
    people: pd.DataFrame
    attendance: pd.DataFrame
    attendance_summary: pd.DataFrame
    errors: pd.DataFrame
    #: The run folder the tables were read from (None when built from frames).
    run_dir: Path | None = None
    #: The run folder's run.json (versions, inputs, counts), {} when there is none.
    info: dict = field(default_factory=dict)
    #: What the run did (documents, failures, reused), when this came from `extract`.
    summary: RunSummary | None = None
    _graph: nx.MultiDiGraph | None = field(default=None, init=False)
    _tmp: tempfile.TemporaryDirectory | None = field(default=None, init=False)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in output order (the frames themselves, not copies)."""
        return {name: getattr(self, name) for name in TABLES}

    def __getitem__(self, table: str) -> pd.DataFrame:
        if table not in TABLES:
            raise KeyError(f"no table {table!r}; the tables are {', '.join(TABLES)}")
        return getattr(self, table)

    def records(self, table: str) -> list[Record]:
        """The rows of `table` as typed records (`pipeline.model.records`: a dataclass
        per table, with the row's `provenance`), e.g. `run.records("decisions")[0].text`."""
        return typed_records(self[table], table)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(frame)}" for name, frame in self.tables.items())
        return f"Extraction({self.run_dir or 'in memory'}: {counts})"

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The run's bodies, organisations, people and meetings (`build_graph`), built
        once on first use from the run folder's CSVs (from the frames when there is no
        run folder)."""
        if self._graph is None:
            from pipeline.graph import build_graph

            if self.run_dir is not None and (self.run_dir / "documents.csv").exists():
                self._graph = build_graph(self.run_dir)
            else:
                with tempfile.TemporaryDirectory(prefix="minutebook-graph-") as folder:
                    self.to_csv(folder)
                    self._graph = build_graph(folder)
                self._graph.graph["run"] = str(self.run_dir or "")
        return self._graph

    def to_csv(self, folder: PathLike, *, raw: bool = False) -> list[Path]:
        """Write every table as `<table>.csv` (UTF-8 with BOM, contract columns first) and
        the run's `run.json` (with `csv_escaping` saying how the cells were written) into
        `folder`, as `minutebook extract` does; returns the paths. Cells a spreadsheet
        would run as formulas get a leading apostrophe unless `raw`; `load(folder)` takes
        it off again."""
        from pipeline.export.csv import CSV_ESCAPING_KEY, escaping_name, write_csv
        from pipeline.fsio import atomic_write_text

        folder = Path(folder)
        written = []
        for name, frame in self.tables.items():
            path = folder / f"{name}.csv"
            required = list(TABLE_COLUMNS[name])
            columns = required + [str(c) for c in frame.columns if c not in required]
            write_csv(path, records(frame), columns, raw=raw)
            written.append(path)
        info = {**self.info, CSV_ESCAPING_KEY: escaping_name(raw)}
        atomic_write_text(folder / "run.json",
                          json.dumps(info, indent=2, ensure_ascii=False) + "\n")
        written.append(folder / "run.json")
        return written

    def to_parquet(self, folder: PathLike) -> list[Path]:
        """Write every table as `<table>.parquet` into `folder` (needs pyarrow); returns
        the paths. `load(folder)` reads them back."""
        from pipeline.export.parquet import write_parquet

        return write_parquet(self.tables, Path(folder))

    def to_popolo(self, path: PathLike, *, validate: bool = True) -> Path:
        """Write the run as one Popolo JSON file (organizations, persons, memberships,
        events, motions), checked against models/popolo/ unless `validate=False`."""
        from pipeline.export.popolo import write_popolo

        return write_popolo(self.tables, Path(path), validate=validate,
                            run=str(self.run_dir or ""))

    def to_sqlite(self, path: PathLike) -> Path:
        """Write every table into a new SQLite database at `path`, indexed on document
        and key columns, with the run.json in `run_info`; open it with sqlite3 or
        Datasette."""
        from pipeline.export.sqlite import write_sqlite

        return write_sqlite(self.tables, Path(path), info=self.info)


def load(run_dir: PathLike) -> Extraction:
    """Read a run folder (the CSVs of `minutebook extract`, or the Parquet files of
    `Extraction.to_parquet`) into an Extraction, typed and unescaped (`read_run`).

    Raises FileNotFoundError when the folder holds neither documents.csv nor
    documents.parquet, ValueError when a number column holds something else."""
    run_dir = Path(run_dir)
    if (run_dir / "documents.csv").exists():
        tables = read_run(run_dir)
    elif (run_dir / "documents.parquet").exists():
        from pipeline.export.parquet import read_parquet

        tables = {}
        for name in TABLES:
            path = run_dir / f"{name}.parquet"
            frame = read_parquet(path) if path.exists() else frame_of([])
            tables[name] = typed(frame, TABLE_COLUMNS[name])
    else:
        raise FileNotFoundError(f"{run_dir}: not a run folder (no documents.csv or "
                                "documents.parquet)")
    info_path = run_dir / "run.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.exists() else {}
    return Extraction(**tables, run_dir=run_dir, info=info)


def extract(paths: PathLike | Iterable[PathLike], settings: Settings | None = None, *,
            out: PathLike | None = None, **overrides: Any) -> Extraction:
    """Extract every paper under `paths` (files or folders) and return the tables.

    How the run goes is a `Settings` (the one `minutebook extract` builds from its
    options), given whole as `settings` and/or as keywords that override its fields:
    `workers` processes read the papers, each with a time limit (`timeout`) and memory
    ceiling (`memory_mb`), `workers=0` in this process (default: the machine's cores);
    `glob` keeps the files whose name (or relative path) matches, `exclude` drops
    matching ones (both ignore case); `formats` are the formats read (Markdown only when
    named); `pdf_engine`, `raw_csv`, `force`, `scheduler` as in `Settings`.

    The run folder is `out` (resumed as `minutebook extract` resumes it: unchanged papers
    are not read again unless `force`), or a temporary folder that lives as long as the
    returned Extraction. A paper that cannot be read is a row of `errors`, not an
    exception.

    Raises FileNotFoundError when a path does not exist, ValueError for a bad setting,
    TypeError for an unknown one, and `pipeline.errors.RunError` when no paper is found
    or `out` is a file.
    """
    settings = settings_of(settings, **overrides)
    inputs = _paths(paths)
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    tmp = None
    if out is None:
        tmp = tempfile.TemporaryDirectory(prefix="minutebook-run-")
        out = tmp.name
    summary = run_extract(inputs, Path(out), settings)
    extraction = load(out)
    extraction.summary = summary
    extraction._tmp = tmp
    return extraction


@dataclass(eq=False)
class DocumentExtraction:
    """What one paper gave: its rows per table as typed DataFrames (contract columns
    first, empty tables included; types as in `Extraction`), and the errors that stopped
    or skipped it.

    The cells are as extracted: unlike the CSVs, nothing is escaped for spreadsheets."""

    document: str
    path: Path
    tables: dict[str, pd.DataFrame]
    errors: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    text: str = ""

    @property
    def failed(self) -> bool:
        """Whether the paper failed (a skipped file of another type has not failed)."""
        return any(e.get("severity", "error") == "error" for e in self.errors)

    def __getitem__(self, table: str) -> pd.DataFrame:
        return self.tables[table]

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={len(f)}" for n, f in self.tables.items() if len(f))
        status = "failed" if self.failed else ("skipped" if self.errors else "ok")
        return f"DocumentExtraction({self.document!r}, {status}: {counts or 'no rows'})"


def iter_documents(paths: PathLike | Iterable[PathLike], settings: Settings | None = None,
                   **overrides: Any) -> Iterator[DocumentExtraction]:
    """Read and extract the papers under `paths` one at a time, in this process, yielding
    each paper's result as soon as it is done; nothing is written and only one paper is
    held in memory. Of the settings (`extract`'s), `glob`, `exclude` and `formats` filter
    the files and `pdf_engine` reads PDFs; the others are for runs.

    Raises FileNotFoundError when a path does not exist, ValueError or TypeError for a
    bad setting (when called, before the first paper).
    """
    return _iter_documents(paths, settings_of(settings, **overrides))


def _iter_documents(paths: PathLike | Iterable[PathLike],
                    settings: Settings) -> Iterator[DocumentExtraction]:
    inputs = _paths(paths)
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    for item in walk(inputs, settings.glob, settings.exclude, settings.formats,
                     engine=settings.pdf_engine, ocr=settings.ocr):
        result = process(item)
        yield _document_extraction(result, item.path)


def _document_extraction(result: DocumentResult, path: Path) -> DocumentExtraction:
    """One paper's records as typed frames of every table but errors, its bodies keyed
    within the paper as a run keys them (`pipeline.model.bodies`)."""
    rows = {name: [row_of(name, record) for record in records_]
            for name, records_ in result.tables.items()}
    registry = BodyRegistry()
    registry.add(result.document, mentions(rows))
    rows["bodies"] = registry.rows()
    tables = {}
    for name in CONTRACT_COLUMNS:
        if name in DERIVED:  # a run's people and attendance, not one paper's
            continue
        table = [registry.fill(name, row) for row in rows.get(name, [])]
        tables[name] = frame_of(table, TABLE_COLUMNS[name])
    return DocumentExtraction(result.document, path, tables, list(result.errors),
                              list(result.warnings), result.pages, result.text)
