"""One typed loader: every consumer sees the paper's text and integer provenance.

A paper named `-x.txt` is written `'-x.txt` in the CSVs (so a spreadsheet does not run
it) and is `-x.txt` again in the API, the graph, Popolo, SQLite and Parquet.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import Extraction, extract, load
from pipeline.export.csv import write_csv
from pipeline.graph import build_graph, load_run
from pipeline.tables import (
    TABLES,
    csv_escaped,
    frame_of,
    read_run,
    read_table,
    records,
    typed,
)
from tests.conftest import check_types

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NAMES = {"-x.txt": "fernley_hwb_minutes_2024-03-14.txt",
         "=x.txt": "fernley_csp_minutes_2024-03-13.txt"}


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    for name, sample in NAMES.items():
        shutil.copy(CORPUS / sample, folder / name)
    return folder


@pytest.fixture(scope="module")
def run(papers: Path, tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    return extract(papers, out=tmp_path_factory.mktemp("run"), workers=0)


# --- the API ------------------------------------------------------------------------------

def test_extract_keeps_formula_like_names_and_types_numbers(run: Extraction) -> None:
    csv_names = pd.read_csv(run.run_dir / "documents.csv", dtype=str, keep_default_na=False,
                            encoding="utf-8-sig")["document"]
    assert sorted(csv_names) == ["'-x.txt", "'=x.txt"]  # escaped on disk
    assert sorted(run.documents["document"]) == ["-x.txt", "=x.txt"]  # not in Python
    for name in TABLES:
        check_types(run[name], name)
        if "document" in run[name].columns and len(run[name]):
            assert set(run[name]["document"]) <= set(NAMES), name
    assert set(run.attendees["document"]) == set(NAMES)
    biggest = run.attendees.start.max()
    assert pd.api.types.is_integer(biggest) and biggest == max(
        int(s) for s in pd.read_csv(run.run_dir / "attendees.csv", dtype=str,
                                    encoding="utf-8-sig")["start"])
    assert run.documents["pages"].tolist() == [1, 1]
    assert (run.decisions["end"] > run.decisions["start"]).all()


def test_load_and_csv_round_trip_are_exact(run: Extraction, tmp_path: Path) -> None:
    again = load(run.run_dir)
    for name in TABLES:
        pd.testing.assert_frame_equal(again[name], run[name], obj=name)
    for raw in (False, True):
        folder = tmp_path / f"raw-{raw}"
        run.to_csv(folder, raw=raw)
        back = load(folder)
        assert back.info["csv_escaping"] == ("none" if raw else "formula-apostrophe")
        for name in TABLES:
            pd.testing.assert_frame_equal(back[name], run[name], obj=f"{name} raw={raw}")


def test_iter_documents_frames_are_typed(papers: Path, run: Extraction) -> None:
    from pipeline import iter_documents

    for paper in iter_documents(papers):
        assert paper.document in NAMES
        for name, frame in paper.tables.items():
            check_types(frame, name)
        expected = run.decisions[run.decisions["document"] == paper.document]
        got = paper["decisions"]
        assert got["start"].tolist() == expected["start"].tolist()
        assert got["document"].tolist() == expected["document"].tolist()


# --- graph, Popolo, SQLite, Parquet -----------------------------------------------------------

def test_graph_nodes_carry_the_paper_names(run: Extraction) -> None:
    graph = build_graph(run.run_dir)
    for name in NAMES:
        node = graph.nodes[f"meeting:{name}"]
        assert node["document"] == name
    documents = {d["document"] for _, _, d in graph.edges(data=True) if "document" in d}
    assert documents == set(NAMES)
    assert not [n for n in graph if "'" in n and ("'-" in n or "'=" in n)]
    tables = load_run(run.run_dir)
    assert set(tables) == set(TABLES) - {"errors"}
    check_types(tables["attendees"])


def test_popolo_has_the_paper_names(run: Extraction, tmp_path: Path) -> None:
    pytest.importorskip("jsonschema")
    data = json.loads(run.to_popolo(tmp_path / "p.json").read_text(encoding="utf-8"))
    events = {e["id"] for e in data["events"] if e["classification"] == "meeting"}
    assert events == {f"event/{name}" for name in NAMES}
    urls = {unquote(s["url"].split("#")[0]) for kind in ("persons", "events", "motions")
            for r in data[kind] for s in r["sources"]}
    assert urls == set(NAMES)
    assert any(s["url"] == "-x.txt#page=1" for m in data["motions"] for s in m["sources"])


def test_sqlite_has_the_paper_names_and_integer_columns(run: Extraction,
                                                        tmp_path: Path) -> None:
    db = sqlite3.connect(run.to_sqlite(tmp_path / "run.db"))
    names = [r[0] for r in db.execute("select document from documents order by document")]
    assert names == ["-x.txt", "=x.txt"]
    declared = {r[1]: r[2] for r in db.execute('pragma table_info("documents")')}
    assert {c: declared[c] for c in ("pages", "blocks", "page", "start", "end")} == dict.fromkeys(
        ("pages", "blocks", "page", "start", "end"), "INTEGER")
    assert declared["document"] == "TEXT"
    kinds = {r[0] for r in db.execute("select distinct typeof(start) from attendees")}
    assert kinds == {"integer"}
    assert db.execute("select max(start) from attendees").fetchone()[0] == \
        run.attendees.start.max()


def test_parquet_is_typed_and_reads_back_the_same(run: Extraction, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    run.to_parquet(tmp_path / "pq")
    schema = pq.read_schema(tmp_path / "pq" / "documents.parquet")
    assert str(schema.field("pages").type) == "int64"
    assert str(schema.field("document").type) == "string"
    assert pq.read_table(tmp_path / "pq" / "documents.parquet").column(
        "document").to_pylist() == run.documents["document"].tolist()
    back = load(tmp_path / "pq")
    for name in TABLES:
        pd.testing.assert_frame_equal(back[name], run[name], obj=name)


# --- the loader on its own --------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=4),
       st.lists(st.one_of(st.none(), st.integers(-10**12, 10**12)), min_size=1, max_size=4))
def test_read_table_round_trips_any_text_and_numbers(
        tmp_path_factory: pytest.TempPathFactory, texts: list[str],
        numbers: list[int | None]) -> None:
    folder = tmp_path_factory.mktemp("t")
    rows = [{"document": t, "page": n, "evidence": t}
            for t, n in zip(texts, numbers, strict=False)]
    expected = frame_of(rows, ("document",))
    for raw in (False, True):
        write_csv(folder / f"{raw}.csv", rows, ("document",), raw=raw)
        got = read_table(folder / f"{raw}.csv", ("document",), escaped=not raw)
        pd.testing.assert_frame_equal(got, expected)
    assert records(expected) == [{**r, "page": r["page"]} for r in rows]


def test_types_and_empty_cells(tmp_path: Path) -> None:
    write_csv(tmp_path / "items.csv", [{"document": "a", "number": "", "title": "x",
                                        "page": "", "start": "3", "end": "-4", "extra": None}],
              ("document", "number", "title"))
    frame = read_table(tmp_path / "items.csv", ("document", "number", "title"))
    assert frame.loc[0, "number"] == "" and frame.loc[0, "extra"] == ""
    assert frame.loc[0, "page"] is pd.NA and frame.loc[0, "start"] == 3
    assert frame.loc[0, "end"] == -4  # written '-4, read as the number
    assert records(frame) == [{"document": "a", "number": "", "title": "x", "page": None,
                               "start": 3, "end": -4, "extra": ""}]
    missing = read_table(tmp_path / "nowhere.csv", ("document", "page"))
    assert list(missing.columns) == ["document", "page"] and len(missing) == 0
    check_types(missing)
    write_csv(tmp_path / "bad.csv", [{"document": "a", "page": "two"}], ("document",))
    with pytest.raises(ValueError, match="bad.csv.*'page'.*'two'"):
        read_table(tmp_path / "bad.csv")
    with pytest.raises(ValueError, match="whole number"):
        typed(pd.DataFrame({"start": [1.5]}))


def test_run_json_says_whether_cells_are_escaped(tmp_path: Path) -> None:
    write_csv(tmp_path / "documents.csv", [{"document": "'=x"}], ("document",), raw=True)
    assert csv_escaped(tmp_path)  # no run.json: escaped, as runs always were by default
    assert read_run(tmp_path, ["documents"])["documents"]["document"].tolist() == ["=x"]
    (tmp_path / "run.json").write_text(json.dumps({"documents": 1}), encoding="utf-8")
    assert csv_escaped(tmp_path)  # a run.json of before the key
    (tmp_path / "run.json").write_text(json.dumps({"csv_escaping": "none"}), encoding="utf-8")
    assert not csv_escaped(tmp_path)
    assert read_run(tmp_path, ["documents"])["documents"]["document"].tolist() == ["'=x"]
    (tmp_path / "run.json").write_text(json.dumps({"csv_escaping": "formula-apostrophe"}),
                                       encoding="utf-8")
    assert csv_escaped(tmp_path)
    (tmp_path / "run.json").write_text(json.dumps({"csv_escaping": "rot13"}), encoding="utf-8")
    with pytest.raises(ValueError, match="rot13"):
        csv_escaped(tmp_path)


def test_review_shows_the_paper_names(run: Extraction, tmp_path: Path) -> None:
    from pipeline.review import build_review
    from pipeline.review.site import slugify

    site = build_review(run.run_dir, tmp_path / "review")
    index = site.index.read_text(encoding="utf-8")
    for name in NAMES:
        assert f'<a href="{slugify(name)}">{name}</a>' in index
        page = (tmp_path / "review" / slugify(name)).read_text(encoding="utf-8")
        assert f"<h1>{name}</h1>" in page and "Minutes" in page
    assert "&#x27;-x.txt" not in index and "&#x27;=x.txt" not in index
