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

from pipeline.errors import RunError
from pipeline.graph.keys import KeyedTables, keyed, person_key
from pipeline.model.bodies import authority_key
from pipeline.model.labels import CONTRACT_COLUMNS, RELATIONS
from pipeline.tables import read_run, records

BODY_RELATIONS = RELATIONS


def load_run(run_dir: Path) -> dict[str, pd.DataFrame]:
    """The run's contract tables, typed and unescaped as `pipeline.tables.read_run` reads
    them (empty frames for missing files)."""
    return read_run(run_dir, CONTRACT_COLUMNS)


def build_graph(run_dir: Path | str) -> nx.MultiDiGraph:
    """The run's bodies, organisations, people and meetings with typed edges.

    A body is a node per key of bodies.csv (`body:<key>`), and meetings and relations
    reach bodies by the keys their rows carry, so the graph has exactly the run's
    bodies; the source of `member_of` that is no body is an organisation (`org:<key>`)."""
    frames = load_run(Path(run_dir))
    run = keyed({name: records(frame) for name, frame in frames.items()})
    graph = nx.MultiDiGraph(run=str(run_dir))
    for row in run.bodies:
        # `borough` is the authority too, for the readers of graphs written before it
        authority = row.get("authority", "") or ""
        graph.add_node(f"body:{row['key']}", kind="body", label=row["body"],
                       aliases=row.get("aliases", ""), body_type=row.get("body_type", ""),
                       authority=authority, borough=authority,
                       documents=row.get("documents", ""))
    dates = {row["document"]: row["date"] for row in run.rows["documents"]}
    authorities = {row["document"]: row.get("authority", "") or ""
                   for row in run.rows["documents"]}
    for row in run.rows["documents"]:
        _add_meeting(graph, run, row)
    for row in run.rows["relations"]:
        where = authorities.get(row["document"], "")
        source = _node(graph, run, row["source_key"], row["source"], where)
        target = _node(graph, run, row["target_key"], row["target"], where)
        if not source or not target:
            continue
        graph.add_edge(source, target, key=f"{row['relation']}:{row['document']}",
                       kind=row["relation"], document=row["document"],
                       date=dates.get(row["document"], ""), evidence=row.get("evidence", ""))
    if run.rows.get("attendance"):  # people linked across meetings (pipeline.people)
        people = {row["person_id"]: row for row in run.rows.get("people", [])}
        for row in run.rows["attendance"]:
            _add_attendance_edge(graph, row, people.get(row["person_id"], {}))
    else:  # a run folder written before people were linked: one person per folded name
        for table, kind in (("attendees", "attended"), ("apologies", "sent_apologies")):
            for row in run.rows[table]:
                _add_person_edge(graph, row, kind)
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "person":
            meetings = sorted({v for _, v, k in graph.out_edges(node, data="kind")
                               if k == "attended"})
            data["attendance_count"] = len(meetings)
            data["meetings"] = " | ".join(m.removeprefix("meeting:") for m in meetings)
    return graph


def _add_meeting(graph: nx.MultiDiGraph, run: KeyedTables, row: dict) -> None:
    node = f"meeting:{row['document']}"
    authority = row.get("authority", "") or ""
    graph.add_node(node, kind="meeting", label=f"{row['body'] or 'meeting'} {row['date']}".strip(),
                   document=row["document"], date=row["date"], paper_kind=row["kind"],
                   body=row["body"], authority=authority)
    body = _node(graph, run, row["body_key"], row["body"], authority)
    if body:
        graph.add_edge(node, body, key=f"meeting_of:{row['document']}", kind="meeting_of",
                       document=row["document"], date=row["date"], evidence="")


def _node(graph: nx.MultiDiGraph, run: KeyedTables, key: str, name: str,
          authority: str = "") -> str:
    """The node of the body keyed `key`, or of the organisation when no body has it (named
    in a paper of `authority`)."""
    if not key:
        return ""
    if run.is_body(key):
        return f"body:{key}"
    node = f"org:{key}"
    if node not in graph:
        graph.add_node(node, kind="organisation", label=name, authority=authority,
                       borough=authority)
    return node


def authorities(graph: nx.MultiDiGraph) -> list[str]:
    """The authorities the graph's bodies and meetings belong to, by name."""
    return sorted({str(data.get("authority")) for _, data in graph.nodes(data=True)
                   if data.get("authority") and data.get("kind") in ("body", "meeting")})


def authority_graph(graph: nx.MultiDiGraph, authority: str) -> nx.MultiDiGraph:
    """The part of the graph that belongs to one authority (matched as `authority_key`
    matches, so 'Kingsmere Council' finds 'Kingsmere Borough Council'): its bodies,
    organisations and meetings, and the people at those meetings."""
    wanted = authority_key(authority)
    own = {n for n, d in graph.nodes(data=True) if d.get("authority")
           and authority_key(str(d["authority"])) == wanted}
    people = {u for u, v in graph.edges() if v in own and graph.nodes[u].get("kind") == "person"}
    part = graph.subgraph(own | people).copy()
    part.graph.update(graph.graph, authority=authority)
    return part


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


#: The edge from a person to a meeting, by their attendance status.
ATTENDANCE_EDGES = {"present": "attended", "substitute": "attended",
                    "apologies": "sent_apologies", "substituted": "substituted"}


def _add_attendance_edge(graph: nx.MultiDiGraph, row: dict, person: dict) -> None:
    node = f"person:{row['person_id']}"
    if node not in graph:
        graph.add_node(node, kind="person", label=person.get("name") or row["name"],
                       authority=row.get("authority", ""), party=person.get("party", ""),
                       variants=person.get("variants", ""), attendance_count=0, meetings="")
    meeting = f"meeting:{row['document']}"
    kind = ATTENDANCE_EDGES.get(row["status"], "attended")
    graph.add_edge(node, meeting, key=f"{kind}:{row['document']}", kind=kind,
                   document=row["document"], status=row["status"], role=row.get("role", ""),
                   organisation="", capacity="")


def body_structure(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Only the bodies and organisations and the relations between them."""
    nodes = [n for n, d in graph.nodes(data=True) if d.get("kind") in ("body", "organisation")]
    structure = nx.MultiDiGraph()
    structure.add_nodes_from((n, graph.nodes[n]) for n in nodes)
    for u, v, k, data in graph.edges(keys=True, data=True):
        if data.get("kind") in BODY_RELATIONS and u in structure and v in structure:
            structure.add_edge(u, v, key=k, **data)
    return structure


def authority_part(graph: nx.MultiDiGraph, authority: str, run_dir: Path | str
                   ) -> nx.MultiDiGraph:
    """The graph, or the part of it that is `authority`'s ("": the whole graph). RunError,
    naming the run's authorities, when the run has nothing of it."""
    if not authority:
        return graph
    part = authority_graph(graph, authority)
    if not part.number_of_nodes():
        known = ", ".join(authorities(graph)) or "none: no paper named its council"
        raise RunError(f"{run_dir} has nothing of the authority {authority!r}; its "
                       f"authorities are: {known}")
    return part
