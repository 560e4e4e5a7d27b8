"""The graph: built from a run folder, exported, read back whole, compared."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from pipeline.export.csv import write_csv
from pipeline.graph import build_graph
from pipeline.graph.build import body_structure
from pipeline.graph.compare import compare
from pipeline.graph.export import export_graph, layers
from pipeline.model.labels import CONTRACT_COLUMNS


def make_run(folder: Path, bodies: list[dict], relations: list[dict]) -> Path:
    tables = {table: [] for table in CONTRACT_COLUMNS}
    tables["documents"] = [{"document": "m.txt", "kind": "minutes", "date": "2024-03-14",
                            "body": "Health and Wellbeing Board"}]
    tables["attendees"] = [{"document": "m.txt", "name": "Cllr Ann Lee", "role": "Chair",
                            "organisation": "Council", "capacity": "member"}]
    tables["bodies"] = bodies
    tables["relations"] = [{"document": "m.txt", **r} for r in relations]
    for table, columns in CONTRACT_COLUMNS.items():
        write_csv(folder / f"{table}.csv", tables[table], columns)
    return folder


BODIES = [{"body": "Health and Wellbeing Board", "aliases": "HWB | the Board"},
          {"body": "Safeguarding Adults Board", "aliases": "SAB"},
          {"body": "Community Safety Partnership", "aliases": "CSP"}]
RELATIONS = [{"source": "SAB", "relation": "reports_to", "target": "HWB"},
             {"source": "the Police", "relation": "member_of",
              "target": "Community Safety Partnership"}]


def test_graph_resolves_aliases_and_links_people(tmp_path: Path) -> None:
    graph = build_graph(make_run(tmp_path, BODIES, RELATIONS))
    assert graph.has_edge("body:safeguarding adults board", "body:health and wellbeing board")
    assert graph.nodes["org:police"]["kind"] == "organisation"
    assert graph.nodes["person:ann lee"]["attendance_count"] == 1
    assert graph.has_edge("meeting:m.txt", "body:health and wellbeing board")


def test_exports_read_back_with_every_attribute(tmp_path: Path) -> None:
    graph = build_graph(make_run(tmp_path / "run", BODIES, RELATIONS))
    written = export_graph(graph, tmp_path / "graph")
    assert {p.name for p in written} >= {"graph.graphml", "graph.gexf", "structure.png"}
    for loaded in (nx.read_graphml(tmp_path / "graph" / "graph.graphml"),
                   nx.read_gexf(tmp_path / "graph" / "graph.gexf")):
        assert set(loaded.nodes) == set(graph.nodes)
        for node, data in graph.nodes(data=True):
            for key, value in data.items():
                assert str(loaded.nodes[node][key]) == str(value)
        assert loaded.number_of_edges() == graph.number_of_edges()


def test_layers_put_parents_above(tmp_path: Path) -> None:
    structure = body_structure(build_graph(make_run(tmp_path, BODIES, RELATIONS)))
    depth = layers(structure)
    assert depth["body:health and wellbeing board"] < depth["body:safeguarding adults board"]


def test_compare_lists_bodies_and_edges_in_one_run_only(tmp_path: Path) -> None:
    a = build_graph(make_run(tmp_path / "a", BODIES, RELATIONS))
    b_bodies = [BODIES[0], {"body": "Children's Partnership Board", "aliases": ""}]
    b = build_graph(make_run(tmp_path / "b", b_bodies, [
        {"source": "Children's Partnership Board", "relation": "reports_to",
         "target": "Health and Wellbeing Board"}]))
    rows = compare(a, b).rows
    changes = {(r["change"], r["what"], r["a"] or r["b"]) for r in rows}
    assert ("only in A", "body", "Safeguarding Adults Board") in changes
    assert ("only in B", "body", "Children's Partnership Board") in changes
    assert any(r["change"] == "added" and r["what"] == "edge" for r in rows)
    assert any(r["change"] == "removed" and r["what"] == "edge" for r in rows)


def test_compare_does_not_match_bodies_on_a_generic_alias(tmp_path: Path) -> None:
    a = build_graph(make_run(tmp_path / "a", [{"body": "Adults Safeguarding Board",
                                               "aliases": "the Board"}], []))
    b = build_graph(make_run(tmp_path / "b", [{"body": "Harrow Partnership Board",
                                               "aliases": "the Board"}], []))
    changes = {(r["change"], r["a"] or r["b"]) for r in compare(a, b).rows}
    assert ("only in A", "Adults Safeguarding Board") in changes
    assert ("only in B", "Harrow Partnership Board") in changes


def test_compare_haringey_with_harrow(tmp_path: Path) -> None:
    from pipeline.batch.runner import RunSettings, run_extract
    from pipeline.cli import main
    from tests.conftest import shared_or_skip

    corpus = shared_or_skip("corpus")
    for name, stems in (("haringey", ("000", "001", "002")), ("harrow", ("003", "004"))):
        papers = [p for p in sorted(corpus.glob("*.txt")) if p.name[:3] in stems]
        run_extract(papers, tmp_path / name, RunSettings(workers=1))
    out = tmp_path / "diff.csv"
    assert main(["compare", str(tmp_path / "haringey"), str(tmp_path / "harrow"),
                 "--out", str(out)]) == 0
    rows = out.read_text(encoding="utf-8-sig")
    assert "only in A" in rows and "only in B" in rows and "edge" in rows
