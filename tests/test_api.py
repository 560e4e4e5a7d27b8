"""The Python API: extract, load, iter_documents and the Extraction's round trips."""

from __future__ import annotations

import gc
import json
import shutil
import types
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

import pipeline.api
from pipeline import Extraction, extract, iter_documents, load
from pipeline.model.labels import CONTRACT_COLUMNS, ERROR_COLUMNS
from pipeline.model.records import DERIVED
from tests.conftest import check_types

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SUBSET = ("fernley_hwb_minutes_2024-03-14.txt", "fernley_csp_minutes_2024-03-13.txt",
          "fernley_hwb_report_2024-03-14.txt")


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("papers")
    for name in SUBSET:
        shutil.copy(CORPUS / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def run(papers: Path, tmp_path_factory: pytest.TempPathFactory) -> Extraction:
    return extract(papers, out=tmp_path_factory.mktemp("run"), workers=1)


def test_public_names_are_the_api_even_after_the_extractors_load() -> None:
    import pipeline
    import pipeline.extractors  # noqa: F401
    from pipeline.extractors import extract_document

    assert pipeline.extract is pipeline.api.extract
    assert isinstance(pipeline.extract, types.FunctionType)
    assert callable(extract_document)
    for name in ("extract", "iter_documents", "load", "Extraction"):
        assert getattr(pipeline, name).__doc__


def test_extract_gives_one_typed_frame_per_table(run: Extraction) -> None:
    assert run.summary is not None and run.summary.documents == len(SUBSET)
    assert sorted(run.documents["document"]) == sorted(SUBSET)
    for name, frame in run.tables.items():
        required = CONTRACT_COLUMNS.get(name, ERROR_COLUMNS)
        assert list(frame.columns[: len(required)]) == list(required), name
        check_types(frame, name)
    assert {"page", "start", "end"} <= set(run.decisions.columns)
    assert {"pages", "blocks"} <= set(run.documents.columns)
    assert not run.attendees["start"].isna().any()
    counts = json.loads((run.run_dir / "run.json").read_text())["rows"]
    for name, count in counts.items():
        assert len(run[name]) == count, name
    assert len(run.decisions) and len(run.attendees)
    assert run.documents.set_index("document").loc[SUBSET[2], "kind"] == "report"
    with pytest.raises(KeyError, match="no table"):
        run["minutes"]


def test_load_reads_the_run_folder_back(run: Extraction) -> None:
    again = load(run.run_dir)
    assert again.info["documents"] == len(SUBSET)
    for name, frame in run.tables.items():
        pd.testing.assert_frame_equal(again[name], frame, obj=name)


def test_csv_round_trip(run: Extraction, tmp_path: Path) -> None:
    written = run.to_csv(tmp_path / "csv")
    assert {p.name for p in written} == {f"{t}.csv" for t in run.tables} | {"run.json"}
    info = json.loads((tmp_path / "csv" / "run.json").read_text(encoding="utf-8"))
    assert info == {**run.info, "csv_escaping": "formula-apostrophe"}
    assert written[0].read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, as the run writes
    back = load(tmp_path / "csv")
    for name, frame in run.tables.items():
        pd.testing.assert_frame_equal(back[name], frame, obj=name)


def test_parquet_round_trip(run: Extraction, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    written = run.to_parquet(tmp_path / "pq")
    assert {p.name for p in written} == {f"{t}.parquet" for t in run.tables}
    back = load(tmp_path / "pq")
    for name, frame in run.tables.items():
        pd.testing.assert_frame_equal(back[name], frame, obj=name)


def test_empty_cells_stay_empty_strings(tmp_path: Path) -> None:
    paper = tmp_path / "papers" / "m.txt"
    paper.parent.mkdir()
    paper.write_text("Minutes\n\n1. Budget\n\nRESOLVED: That the report be noted.\n",
                     encoding="utf-8")
    result = extract(paper.parent, out=tmp_path / "run", workers=0)
    decision = result.decisions.iloc[0]
    assert decision["item"] in ("", "1") and isinstance(decision["item"], str)
    assert result.documents.loc[0, "date"] == ""


def test_graph_is_built_once_on_first_use(run: Extraction) -> None:
    assert run._graph is None or isinstance(run._graph, nx.MultiDiGraph)
    graph = run.graph
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph is run.graph
    meetings = {n for n, d in graph.nodes(data=True) if d.get("kind") == "meeting"}
    assert meetings == {f"meeting:{d}" for d in SUBSET}
    people = [n for n, d in graph.nodes(data=True) if d.get("kind") == "person"]
    assert people


def test_graph_of_frames_without_a_run_folder(run: Extraction) -> None:
    loose = Extraction(**run.tables)
    assert loose.run_dir is None
    assert set(loose.graph.nodes) == set(run.graph.nodes)


def test_temporary_run_folder_lives_as_long_as_the_extraction(papers: Path) -> None:
    result = extract(papers / SUBSET[2], workers=0)
    folder = result.run_dir
    assert (folder / "documents.csv").exists()
    assert list(result.documents["document"]) == [SUBSET[2]]
    del result
    gc.collect()
    assert not folder.exists()


def test_extract_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such file"):
        extract(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="no such file"):
        next(iter_documents([tmp_path / "nowhere"]))


def test_load_refuses_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a run folder"):
        load(tmp_path)


def test_iter_documents_streams_one_paper_at_a_time(papers: Path, run: Extraction,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = pipeline.api.process

    def counting(item, debug=False):
        calls.append(item.document)
        return real(item, debug)

    monkeypatch.setattr(pipeline.api, "process", counting)
    stream = iter_documents(papers, glob="*.txt")
    assert isinstance(stream, types.GeneratorType)
    assert calls == []  # nothing is read before the first result is asked for
    first = next(stream)
    assert calls == [first.document]
    results = [first, *stream]
    assert len(calls) == len(SUBSET)
    for result in results:
        assert not result.errors and not result.failed
        assert set(result.tables) == set(CONTRACT_COLUMNS) - set(DERIVED)
        assert result.text and result.pages >= 1
        for name, frame in result.tables.items():
            if name == "bodies":
                continue
            expected = run[name][run[name]["document"] == result.document]
            assert len(frame) == len(expected), (result.document, name)
            assert list(frame.columns[: len(CONTRACT_COLUMNS[name])]) == list(
                CONTRACT_COLUMNS[name])
    hwb = next(r for r in results if r.document == SUBSET[0])
    expected = run.decisions[run.decisions["document"] == SUBSET[0]]
    assert list(hwb["decisions"]["text"]) == list(expected["text"])


def test_iter_documents_reports_a_bad_paper_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("Minutes\n\nRESOLVED: That the report be noted.\n",
                                    encoding="utf-8")
    (tmp_path / "c.xyz").write_text("not a paper", encoding="utf-8")
    results = {r.document: r for r in iter_documents(tmp_path)}
    assert results["a_empty.txt"].failed
    assert results["a_empty.txt"].errors[0]["error_type"] == "empty"
    assert not results["b.txt"].failed and len(results["b.txt"]["decisions"]) == 1
    assert results["c.xyz"].errors[0]["error_type"] == "skipped"
    assert not results["c.xyz"].failed
    only = [r.document for r in iter_documents(tmp_path, exclude=["*.xyz", "a_*"])]
    assert only == ["b.txt"]
