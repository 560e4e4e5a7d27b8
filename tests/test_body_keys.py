"""Bodies resolved once per run: bodies.csv, the graph, Popolo and the review agree."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.api import load
from pipeline.batch.runner import RunSettings, run_extract, write_outputs
from pipeline.batch.store import Store
from pipeline.export.csv import write_csv
from pipeline.export.popolo import build_popolo, validate_popolo
from pipeline.graph import build_graph
from pipeline.graph.build import body_structure
from pipeline.graph.compare import match_bodies
from pipeline.model.bodies import BodyRegistry, mentions
from pipeline.model.labels import CONTRACT_COLUMNS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def counts(run_dir: Path) -> tuple[int, int, int]:
    """(rows of bodies.csv, body nodes of the graph, body organizations of Popolo)."""
    with (run_dir / "bodies.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = len(list(csv.DictReader(handle)))
    graph = build_graph(run_dir)
    nodes = sum(1 for _, kind in graph.nodes(data="kind") if kind == "body")
    popolo = build_popolo(load(run_dir).tables)
    validate_popolo(popolo)
    organizations = sum(1 for o in popolo["organizations"] if o["id"].startswith("body/"))
    return rows, nodes, organizations


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    run_extract([CORPUS], out, RunSettings(workers=2, exclude=("README.md", "*.py"),
                                           timeout=120))
    return out


def test_the_sample_corpus_has_one_count_of_bodies(corpus_run: Path) -> None:
    rows, nodes, organizations = counts(corpus_run)
    assert rows == nodes == organizations > 10


def test_every_body_a_row_names_is_a_row_of_bodies_csv(corpus_run: Path) -> None:
    run = load(corpus_run)
    keys = set(run.bodies["key"])
    assert len(keys) == len(run.bodies) and "" not in keys
    assert set(run.documents["body_key"]) - {""} <= keys
    assert set(run.parts["body_key"]) - {""} <= keys
    assert set(run.relations["target_key"]) <= keys
    sources = run.relations[run.relations["relation"] != "member_of"]["source_key"]
    assert set(sources) <= keys


PAPERS = {
    # the first paper names its body by an acronym only a later paper explains
    "a.txt": {"documents": [{"document": "a.txt", "kind": "minutes", "body": "CSP",
                             "date": "2024-03-13"}],
              "relations": [{"document": "a.txt", "source": "Youth Panel",
                             "relation": "reports_to", "target": "the CSP"}]},
    "b.txt": {"documents": [{"document": "b.txt", "kind": "report",
                             "body": "Health and Wellbeing Board (HWB)", "date": ""}],
              "bodies": [{"body": "Community Safety Partnership", "aliases": "CSP"},
                         {"body": "Health and Wellbeing Board", "aliases": "HWB | the Board"},
                         {"body": "Safer Fernley Partnership", "aliases": "SFP"}],
              "relations": [{"document": "b.txt", "source": "SFP", "relation": "replaces",
                             "target": "Community Safety Partnership"},
                            {"document": "b.txt", "source": "the Police",
                             "relation": "member_of", "target": "HWB"},
                            {"document": "b.txt", "source": "Safer Fernley Partnership",
                             "relation": "member_of", "target": "HWB"}]},
    "c.txt": {"documents": [{"document": "c.txt", "kind": "minutes",
                             "body": "the Health & Wellbeing Board", "date": "2024-03-14"}],
              "bodies": [{"body": "community safety partnership", "aliases": "the Partnership"},
                         {"body": "Youth Panel", "aliases": ""}],
              "attendees": [{"document": "c.txt", "name": "Cllr Ann Lee", "role": "",
                             "organisation": "Safer Fernley Partnership",
                             "capacity": "member"}]},
}


@pytest.fixture
def alias_run(tmp_path: Path) -> Path:
    out = tmp_path / "run"
    with Store(out) as store:
        for document, rows in PAPERS.items():
            store.save(document, "h", "p", "ok", tables=rows)
        write_outputs(store, list(PAPERS), out, raw_csv=False)
    return out


def test_aliases_and_acronyms_give_one_count_of_bodies(alias_run: Path) -> None:
    assert counts(alias_run) == (4, 4, 4)
    run = load(alias_run)
    assert sorted(run.bodies["key"]) == ["community safety partnership",
                                         "health and wellbeing board",
                                         "safer fernley partnership", "youth panel"]
    assert list(run.documents["body_key"]) == ["community safety partnership",
                                               "health and wellbeing board",
                                               "health and wellbeing board"]
    police = run.relations[run.relations["source"] == "the Police"].iloc[0]
    assert police["source_key"] == "police"  # an organisation: no body, no row
    graph = build_graph(alias_run)
    assert graph.nodes["org:police"]["kind"] == "organisation"
    assert graph.has_edge("body:youth panel", "body:community safety partnership")
    assert graph.has_edge("meeting:a.txt", "body:community safety partnership")


def test_a_run_without_keys_is_resolved_the_same_way(alias_run: Path, tmp_path: Path) -> None:
    """A run folder of an older minutebook (no key columns): the graph and Popolo resolve
    the keys with the same registry, and agree with what a new run stores."""
    old = tmp_path / "old"
    run = load(alias_run)
    for name, columns in CONTRACT_COLUMNS.items():
        frame = run.tables[name]
        keep = [c for c in frame.columns if not c.endswith("key") and c != "key"]
        write_csv(old / f"{name}.csv", frame[keep].to_dict("records"), columns)
    assert counts(old)[1:] == counts(alias_run)[1:]
    assert set(build_graph(old).nodes) == set(build_graph(alias_run).nodes)


def test_compare_matches_bodies_by_key(alias_run: Path) -> None:
    graph = body_structure(build_graph(alias_run))
    assert match_bodies(graph, graph) == {node: node for node in graph.nodes}


def test_review_lists_the_runs_bodies(alias_run: Path) -> None:
    from pipeline.review.site import render_index

    views = []
    html = render_index(views, [], {}, "run", False, load(alias_run).bodies.to_dict("records"))
    assert html.count("<code>") == 4 and "youth panel" in html


def test_keys_are_scoped_by_authority() -> None:
    """Issue 14 will give papers their council: the same name in two councils, two keys."""
    registry = BodyRegistry()
    registry.resolver.add("Cabinet", [], authority="Fernley")
    registry.resolver.add("Cabinet", [], authority="Hollins Vale")
    assert registry.resolver.resolve("the Cabinet", "fernley") == "fernley/cabinet"
    assert registry.resolver.resolve("Cabinet") == "cabinet"  # no authority: not scoped
    assert registry.resolver.resolve("Cabinet", "Hollins Vale") == "hollins vale/cabinet"
    registry.add("x.txt", mentions({"bodies": [{"body": "Cabinet", "aliases": ""}]}))
    assert registry.key("Cabinet") == "cabinet"


def test_the_api_gives_typed_records(alias_run: Path) -> None:
    from pipeline.model.records import Body, Relation

    run = load(alias_run)
    relations = run.records("relations")
    assert all(isinstance(r, Relation) for r in relations) and len(relations) == len(
        run.relations)
    assert relations[0].provenance.document == "a.txt"
    assert relations[0].target_key == "community safety partnership"
    assert {b.key for b in run.records("bodies") if isinstance(b, Body)} == set(
        run.bodies["key"])


def test_a_body_named_by_its_acronym_first_joins_the_body_spelt_out_later() -> None:
    registry = BodyRegistry()
    registry.add("a.txt", mentions({"bodies": [{"body": "CSP", "aliases": ""}]}))
    registry.add("b.txt", mentions({"bodies": [{"body": "Community Safety Partnership",
                                                "aliases": "CSP"}]}))
    rows = registry.rows()
    assert [(r["body"], r["aliases"], r["key"], r["documents"]) for r in rows] == [
        ("Community Safety Partnership", "CSP", "community safety partnership",
         "a.txt | b.txt")]
