"""Build the review site of a run folder: an index and one page per document.

A document's page shows its plain text (as the store keeps it) with every extracted
row marked where it came from, using the rows' `start`/`end` spans; the rows sit in a
tab per table beside the text. Everything that comes from a paper goes through
`templates.esc`, and page names are slugs, never paths taken from a document.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
import warnings
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pipeline.review.templates as t
from pipeline.batch.store import STORE_NAME, STORE_VERSION, Store
from pipeline.errors import MinutebookError
from pipeline.fsio import atomic_write_text
from pipeline.model.labels import CONTRACT_COLUMNS, ERROR_COLUMNS
from pipeline.model.records import SCHEMA
from pipeline.review.templates import Mark, highlight
from pipeline.tables import TABLE_COLUMNS, csv_escaped, read_table, records

# the tables with a span into a document's text, in the order their tabs are shown: the
# schema's, with the paper's own row last (bodies are the run's, not one paper's)
TABLES = (*(name for name, table in SCHEMA.items()
            if table.has_spans and name not in ("documents", "bodies")), "documents")
# the counts on the index, with their short headers
COUNTED = {"attendees": "attend.", "apologies": "apol.", "substitutes": "subst.",
           "items": "items", "decisions": "decis.", "recommendations": "recs",
           "relations": "rels", "declarations": "decl.", "votes": "votes"}
STRUCTURE = "structure.svg"


class ReviewError(MinutebookError):
    """The run folder cannot be reviewed (no store, or one of another version)."""

    stage = "review"
    kind = "review"


@dataclass
class DocumentView:
    """What one document's page shows."""

    document: str
    filename: str
    meta: dict = field(default_factory=dict)
    text: str = ""
    tables: dict[str, list[dict]] = field(default_factory=dict)
    stored: bool = True

    def count(self, table: str) -> int:
        return len(self.tables.get(table, []))


def slugify(document: str) -> str:
    """A safe, unique page file name for a document path: ASCII slug plus a short hash."""
    ascii_name = unicodedata.normalize("NFKD", document).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:80].strip("-")
    digest = hashlib.sha256(document.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{stem or 'document'}-{digest}.html"


def _read_csv(run_dir: Path, table: str) -> list[dict]:
    """The rows of one table of the run, typed and unescaped (`pipeline.tables`)."""
    return records(read_table(run_dir / f"{table}.csv", TABLE_COLUMNS[table],
                              escaped=csv_escaped(run_dir)))


def open_store(run_dir: Path) -> Store:
    """The run's store, refusing one that `Store` would wipe (another schema version)."""
    path = run_dir / STORE_NAME
    if not path.is_file():
        raise ReviewError(f"{run_dir} has no {STORE_NAME}; make it with "
                          f"`minutebook extract PATH --out {run_dir}`")
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != STORE_VERSION:
        raise ReviewError(f"{path} was written by another minutebook version; "
                          "run `minutebook extract` into it again")
    return Store(run_dir)


def load_documents(run_dir: Path) -> list[DocumentView]:
    """The run's documents (the order of documents.csv) with their text and rows."""
    views = []
    with open_store(run_dir) as store:
        known = store.known()
        listed = {row["document"]: row
                  for row in _read_csv(run_dir, "documents") if row.get("document")}
        if not listed:  # no CSVs yet: whatever the store read successfully
            listed = {d: {"document": d} for d, (_, _, status) in known.items()
                      if status == "ok"}
        records = {r["document"]: r for r in store.records(list(listed))}
        for document, row in listed.items():
            record = records.get(document)
            tables = record["tables"] if record else {}
            # the body's key is the run's (resolved when the CSVs were written)
            meta = {**(tables.get("documents") or [row])[0], "body_key": row.get("body_key", "")}
            views.append(DocumentView(document, slugify(document), meta,
                                      store.text(document) if record else "", tables,
                                      record is not None))
    return views


def _span(row: dict, size: int) -> tuple[int, int] | None:
    try:
        start, end = int(row["start"]), int(row["end"])
    except (KeyError, TypeError, ValueError):
        return None
    start, end = max(0, start), min(size, end)
    return (start, end) if start < end else None


def _columns(table: str, rows: list[dict]) -> list[str]:
    known = [c for c in CONTRACT_COLUMNS.get(table, ()) if c != "document"]
    if not known:
        hidden = {"document", "page", "start", "end", "evidence"}
        known = [c for c in dict.fromkeys(k for r in rows for k in r) if c not in hidden]
    return [*known, "page"]


def _label(table: str, row: dict) -> str:
    values = [str(row.get(c, "")) for c in _columns(table, [row])[:-1]]
    label = " · ".join(v for v in values if v)
    return f"{table}: {label[:160]}"


def marks_of(view: DocumentView) -> list[Mark]:
    """A mark for every row of `view` whose span lies (at least partly) in the text."""
    marks = []
    for table, rows in view.tables.items():
        for n, row in enumerate(rows):
            span = _span(row, len(view.text))
            if span:
                marks.append(Mark(span[0], span[1], f"{table}-{n}", table, _label(table, row)))
    return marks


def _tables_shown(view: DocumentView) -> list[str]:
    return [*TABLES, *(k for k, rows in view.tables.items() if k not in TABLES and rows)]


def _panel(table: str, rows: list[dict], size: int, active: bool) -> str:
    name = t.css_name(table)
    state = " active" if active else ""
    if not rows:
        return (f'<div class="panel{state}" data-panel="{t.esc(table)}">'
                f'<p class="empty">No {t.esc(table)} in this document.</p></div>')
    columns = _columns(table, rows)
    head = "".join(f"<th>{t.esc(c)}</th>" for c in columns)
    body = []
    for n, row in enumerate(rows):
        placed = _span(row, size) is not None
        tip = row.get("evidence", "") if placed else "no span in this document's text"
        cells = "".join(f"<td>{t.esc(row.get(c, ''))}</td>" for c in columns)
        body.append(f'<tr data-row="{t.esc(f"{table}-{n}")}" tabindex="0" '
                    f'class="t-{name}{"" if placed else " unplaced"}" title="{t.esc(tip)}">'
                    f"{cells}</tr>")
    return (f'<div class="panel{state}" data-panel="{t.esc(table)}"><table><thead><tr>{head}'
            f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>")


def _chip(table: str, count: int, checkbox: bool) -> str:
    box = f'<input type="checkbox" checked data-table="{t.css_name(table)}"> ' if checkbox else ""
    return (f'<label class="chip">{box}<span class="swatch sw-{t.css_name(table)}"></span>'
            f"{t.esc(table)} {count}</label>")


def _structure(open_: bool, drawn: bool) -> str:
    picture = (f'<img src="{STRUCTURE}" alt="Bodies of the run by reporting line">' if drawn
               else '<p class="empty">No relations between bodies in this run: nothing to '
               f'draw (<a href="{STRUCTURE}">{STRUCTURE}</a>).</p>')
    return (f'<details class="structure"{" open" if open_ else ""}><summary>Body structure '
            f"of the run</summary>{picture}</details>")


def render_document(view: DocumentView, run_name: str, structure: bool = True) -> str:
    """The page of one document: highlighted text, legend, a tab per table, the picture."""
    tables = _tables_shown(view)
    first = next((x for x in tables if view.count(x)), tables[0])
    meta = view.meta
    facts = [meta.get("kind"), meta.get("body"), meta.get("date"), meta.get("format"),
             f"{meta.get('pages')} page(s)" if meta.get("pages") else ""]
    legend = "".join(_chip(x, view.count(x), True) for x in tables)
    tabs = "".join(f'<button type="button" data-tab="{t.esc(x)}" class="t-{t.css_name(x)}'
                   f'{" active" if x == first else ""}">{t.esc(x)} {view.count(x)}</button>'
                   for x in tables)
    panels = "".join(_panel(x, view.tables.get(x, []), len(view.text), x == first)
                     for x in tables)
    if view.text:
        paper = f'<pre id="text">{highlight(view.text, marks_of(view))}</pre>'
    else:
        why = "is not in the run's store" if not view.stored else "has no stored text"
        paper = f'<p class="empty">This document {why}; run `minutebook extract` again.</p>'
    body = (f'<header><a href="index.html">&larr; {t.esc(run_name)}: all documents</a>'
            f"<h1>{t.esc(view.document)}</h1>"
            f'<p class="meta">{" · ".join(t.esc(f) for f in facts if f)}</p>'
            f'<div class="legend">{legend}</div></header>'
            f'<main><section id="paper">{paper}</section>'
            f'<aside id="rows"><nav class="tabs">{tabs}</nav>{panels}'
            f"{_structure(False, structure)}</aside></main>")
    css = t.DOCUMENT_CSS + t.table_css(tables)
    return t.page(f"{view.document} - minutebook review", body, css=css, script=t.SCRIPT,
                  body_class="doc")


def _bodies(bodies: list[dict], views: list[DocumentView]) -> str:
    """The run's bodies (bodies.csv, one row per key) and the papers that are theirs,
    joined by the key each documents row carries: the bodies the graph and Popolo have."""
    if not bodies:
        return '<p class="empty">No bodies in this run.</p>'
    papers: dict[str, list[DocumentView]] = {}
    for view in views:
        papers.setdefault(str(view.meta.get("body_key") or ""), []).append(view)
    rows = []
    for body in bodies:
        own = papers.get(body.get("key", ""), [])
        links = ", ".join(f'<a href="{t.esc(v.filename)}">{t.esc(v.document)}</a>' for v in own)
        named = len([d for d in str(body.get("documents", "")).split(" | ") if d])
        rows.append(f'<tr><td>{t.esc(body.get("body", ""))}</td>'
                    f'<td>{t.esc(body.get("aliases", ""))}</td>'
                    f'<td class="nowrap"><code>{t.esc(body.get("key", ""))}</code></td>'
                    f'<td class="num">{named}</td><td>{links}</td></tr>')
    return ("<table><thead><tr><th>body</th><th>other names</th><th>key</th>"
            '<th class="num"><abbr title="papers naming it">named</abbr></th>'
            f"<th>its papers</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")


def render_index(views: list[DocumentView], errors: list[dict], info: dict, run_name: str,
                 structure: bool = True, bodies: list[dict] | None = None) -> str:
    """The index: run summary, the structure picture, documents with counts, the run's
    bodies, errors."""
    head = "".join(f'<th class="num"><abbr title="{x}">{short}</abbr></th>'
                   for x, short in COUNTED.items())
    rows = []
    for view in views:
        meta = view.meta
        counts = "".join(f'<td class="num{"" if view.count(x) else " zero"}">{view.count(x)}</td>'
                         for x in COUNTED)
        key = t.esc(f"key: {meta['body_key']}") if meta.get("body_key") else ""
        rows.append(f'<tr><td><a href="{t.esc(view.filename)}">{t.esc(view.document)}</a></td>'
                    + "".join((f'<td title="{key}">' if c == "body" else "<td class=nowrap>")
                              + f"{t.esc(meta.get(c, ''))}</td>"
                              for c in ("kind", "body", "date", "format"))
                    + f"{counts}</tr>")
    documents = (f"<table><thead><tr><th>document</th><th>kind</th><th>body</th><th>date</th>"
                 f"<th>format</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
                 if rows else '<p class="empty">No documents were read in this run.</p>')
    pages = {v.document: v.filename for v in views}
    error_rows = []
    for error in errors:
        document = error.get("document") or ""
        name = t.esc(document)
        if document in pages:
            name = f'<a href="{t.esc(pages[document])}">{name}</a>'
        error_rows.append(f"<tr><td>{name}</td>" + "".join(
            f"<td>{t.esc(error.get(c, ''))}</td>" for c in ERROR_COLUMNS[1:]) + "</tr>")
    failures = (f"<table><thead><tr>{''.join(f'<th>{c}</th>' for c in ERROR_COLUMNS)}</tr>"
                f"</thead><tbody>{''.join(error_rows)}</tbody></table>" if error_rows
                else '<p class="empty">No errors.</p>')
    facts = [f"minutebook {info['minutebook']}" if info.get("minutebook") else "",
             f"started {info['started']}" if info.get("started") else "",
             f"{len(views)} documents", _severities(errors),
             f"{info['pages']} pages" if info.get("pages") else ""]
    body = (f"<header><h1>Review of {t.esc(run_name)}</h1>"
            f'<p class="meta">{" · ".join(t.esc(f) for f in facts if f)}</p></header>'
            f'<div class="wrap">{_structure(True, structure)}<h2>Documents</h2>{documents}'
            f"<h2>Bodies (bodies.csv)</h2>{_bodies(bodies or [], views)}"
            f"<h2>Errors (errors.csv)</h2>{failures}</div>")
    return t.page(f"{run_name} - minutebook review", body)


def _severities(errors: list[dict]) -> str:
    """errors.csv in a few words: '2 errors, 1 warning, 3 skipped' or 'no errors'."""
    counts: dict[str, int] = {}
    for row in errors:
        severity = row.get("severity") or "error"
        counts[severity] = counts.get(severity, 0) + 1
    words = [f"{n} {s}" + ("s" if n != 1 and s != "skipped" else "")
             for s, n in counts.items()]
    return ", ".join(words) or "no errors"


def draw_run_structure(run_dir: Path, out: Path) -> int:
    """Draw the run's body structure once into the review folder (SVG and PNG).

    Returns the number of relations drawn: with none the picture is empty."""
    from pipeline.graph import build_graph
    from pipeline.graph.build import body_structure
    from pipeline.graph.export import draw_structure

    graph = build_graph(run_dir)
    with warnings.catch_warnings():  # a lone body or none: matplotlib's layout complains
        warnings.filterwarnings("ignore", "Tight layout not applied", UserWarning)
        draw_structure(graph, out / Path(STRUCTURE).stem)
    return body_structure(graph).number_of_edges()


@dataclass
class ReviewSite:
    """What `build_review` wrote."""

    out: Path
    index: Path
    pages: list[Path]
    errors: int


def build_review(run_dir: Path, out: Path | None = None) -> ReviewSite:
    """Write the review site of `run_dir` into `out` (default RUN_DIR/review)."""
    run_dir = Path(run_dir)
    out = Path(out) if out else run_dir / "review"
    views = load_documents(run_dir)
    errors = _read_csv(run_dir, "errors")
    try:
        info = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {}
    out.mkdir(parents=True, exist_ok=True)
    drawn = draw_run_structure(run_dir, out) > 0
    run_name = run_dir.resolve().name or str(run_dir)
    pages = []
    for view in views:
        path = out / view.filename
        atomic_write_text(path, render_document(view, run_name, drawn))
        pages.append(path)
    index = out / "index.html"
    atomic_write_text(index, render_index(views, errors, info, run_name, drawn,
                                          _read_csv(run_dir, "bodies")))
    return ReviewSite(out, index, pages, len(errors))
