"""Build one NetworkX MultiDiGraph from a run folder's CSVs.

Nodes are keyed `body:`, `org:`, `person:` and `meeting:` plus a stable key, so the
graphs of two runs (two boroughs, or one borough in two years) can be compared node by
node. Every attribute is a string or a number, so GraphML and GEXF keep all of them; the
strings are the paper's text (the CSVs' spreadsheet escaping is undone on reading).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd

from pipeline.graph.keys import BodyResolver, person_key
from pipeline.model.labels import CONTRACT_COLUMNS
from pipeline.tables import read_run

BODY_RELATIONS = ("reports_to", "replaces", "member_of", "linked_to")


def load_run(run_dir: Path) -> dict[str, pd.DataFrame]:
    """The run's contract tables, typed and unescaped as `pipeline.tables.read_run` reads
    them (empty frames for missing files)."""
    return read_run(run_dir, CONTRACT_COLUMNS)


def _split(value: str) -> list[str]:
    return [part.strip() for part in str(value).split(" | ") if part.strip()]


def build_graph(run_dir: Path | str) -> nx.MultiDiGraph:
    """The run's bodies, organisations, people and meetings with typed edges."""
    tables = load_run(Path(run_dir))
    graph = nx.MultiDiGraph(run=str(run_dir))
    resolver = BodyResolver()
    for row in tables["bodies"].to_dict("records"):
        key = resolver.add(row["body"], _split(row.get("aliases", "")))
        node = f"body:{key}"
        if node in graph:  # another name of a body already seen: merge, keep its label
            data = graph.nodes[node]
            names = set(_split(data["aliases"])) | set(_split(row.get("aliases", "")))
            names |= {row["body"]}
            data["aliases"] = " | ".join(sorted(names - {data["label"]}))
            docs = set(_split(data["documents"])) | set(_split(row.get("documents", "")))
            data["documents"] = " | ".join(sorted(docs))
            continue
        graph.add_node(node, kind="body", label=row["body"], aliases=row.get("aliases", ""),
                       body_type=row.get("body_type", ""), borough=row.get("borough", ""),
                       documents=row.get("documents", ""))
    dates = dict(zip(tables["documents"]["document"], tables["documents"]["date"], strict=False))
    for row in tables["documents"].to_dict("records"):
        _add_meeting(graph, resolver, row)
    for row in tables["relations"].to_dict("records"):
        source = _body_or_org(graph, resolver, row["source"], row["relation"] == "member_of")
        target = _body_or_org(graph, resolver, row["target"], False)
        graph.add_edge(source, target, key=f"{row['relation']}:{row['document']}",
                       kind=row["relation"], document=row["document"],
                       date=dates.get(row["document"], ""), evidence=row.get("evidence", ""))
    for table, kind in (("attendees", "attended"), ("apologies", "sent_apologies")):
        for row in tables[table].to_dict("records"):
            _add_person_edge(graph, row, kind)
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "person":
            meetings = sorted({v for _, v, k in graph.out_edges(node, data="kind")
                               if k == "attended"})
            data["attendance_count"] = len(meetings)
            data["meetings"] = " | ".join(m.removeprefix("meeting:") for m in meetings)
    return graph


def _add_meeting(graph: nx.MultiDiGraph, resolver: BodyResolver, row: dict) -> None:
    node = f"meeting:{row['document']}"
    graph.add_node(node, kind="meeting", label=f"{row['body'] or 'meeting'} {row['date']}".strip(),
                   document=row["document"], date=row["date"], paper_kind=row["kind"],
                   body=row["body"])
    if row["body"]:
        body = _body_or_org(graph, resolver, row["body"], False)
        graph.add_edge(node, body, key=f"meeting_of:{row['document']}", kind="meeting_of",
                       document=row["document"], date=row["date"], evidence="")


def _body_or_org(graph: nx.MultiDiGraph, resolver: BodyResolver, name: str,
                 may_be_org: bool) -> str:
    key = resolver.resolve(name)
    if f"body:{key}" in graph:
        return f"body:{key}"
    if may_be_org:
        node = f"org:{key}"
        graph.add_node(node, kind="organisation", label=name)
        return node
    node = f"body:{key}"
    graph.add_node(node, kind="body", label=name, aliases="", body_type="", borough="",
                   documents="")
    return node


def _add_person_edge(graph: nx.MultiDiGraph, row: dict, kind: str) -> None:
    key = person_key(row["name"])
    if not key:
        return
    node = f"person:{key}"
    if node not in graph:
        graph.add_node(node, kind="person", label=row["name"], attendance_count=0, meetings="")
    meeting = f"meeting:{row['document']}"
    graph.add_edge(node, meeting, key=f"{kind}:{row['document']}", kind=kind,
                   document=row["document"], role=row.get("role", ""),
                   organisation=row.get("organisation", ""), capacity=row.get("capacity", ""))


def body_structure(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only the bodies and organisations and the relations between them."""
    nodes = [n for n, d in graph.nodes(data=True) if d.get("kind") in ("body", "organisation")]
    structure = nx.MultiDiGraph()
    structure.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    for u, v, k, data in graph.edges(keys=True, data=True):
        if data.get("kind") in BODY_RELATIONS and u in structure and v in structure:
            structure.add_edge(u, v, key=k, **data)
    return structure
