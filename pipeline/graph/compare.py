"""Compare two body structures: two boroughs, or one borough at two dates.

Bodies are matched by the key each run resolved for them (the node is `body:<key>`),
then by name or specific alias (folded), and, failing that, by body type when
each side has exactly one body of that type ("the Health and Wellbeing Board" of two
boroughs is the same kind of thing even when the names differ). Edges are compared on
(source, relation, target) of the matched bodies.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from pipeline.graph.build import body_structure
from pipeline.graph.keys import body_key


@dataclass
class Comparison:
    rows: list[dict]  # change, what, a, b, detail

    def table(self) -> str:
        if not self.rows:
            return "no differences"
        width = max(len(r["change"]) for r in self.rows)
        lines = [f"{'change':{width}}  {'what':8}  detail"]
        lines += [f"{r['change']:{width}}  {r['what']:8}  {r['detail']}" for r in self.rows]
        return "\n".join(lines)


def _names(data: dict) -> set[str]:
    """The names a body may be matched by in another run: its name and its specific aliases.
    A one-word reference ("the Board") names a different body in every paper, so it is
    left out; an acronym ("CSP") stays."""
    names = {body_key(data.get("label", ""))}
    for alias in str(data.get("aliases", "")).split(" | "):
        words = alias.split()
        if words and words[0].casefold() == "the":
            words = words[1:]
        if len(words) > 1 or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1):
            names.add(body_key(alias))
    return {n for n in names if n}


def match_bodies(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> dict[str, str]:
    """Node of A -> node of B for the bodies that are the same."""
    # the same key in both runs is the same body: no names to match again
    matches: dict[str, str] = {node: node for node in a.nodes if node in b.nodes}
    b_names = {node: _names(data) for node, data in b.nodes(data=True)}
    for node, data in a.nodes(data=True):
        if node in matches:
            continue
        names = _names(data)
        for other, other_names in b_names.items():
            if other not in matches.values() and names & other_names:
                matches[node] = other
                break
    by_type_a = _single_by_type(a, set(matches))
    by_type_b = _single_by_type(b, set(matches.values()))
    for body_type, node in by_type_a.items():
        if body_type in by_type_b:
            matches[node] = by_type_b[body_type]
    return matches


def _single_by_type(graph: nx.MultiDiGraph, taken: set[str]) -> dict[str, str]:
    seen: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        if node not in taken and data.get("body_type"):
            seen.setdefault(data["body_type"], []).append(node)
    return {t: nodes[0] for t, nodes in seen.items() if len(nodes) == 1}


def compare(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> Comparison:
    a, b = body_structure(a), body_structure(b)
    matches = match_bodies(a, b)
    label_a: dict[str, str] = {n: d.get("label", n) for n, d in a.nodes(data=True)}
    label_b: dict[str, str] = {n: d.get("label", n) for n, d in b.nodes(data=True)}
    rows = []
    for node in sorted(a.nodes, key=lambda n: label_a[n]):
        if node not in matches:
            rows.append({"change": "only in A", "what": "body", "a": label_a[node], "b": "",
                         "detail": label_a[node]})
        elif label_a[node] != label_b[matches[node]]:
            rows.append({"change": "matched", "what": "body", "a": label_a[node],
                         "b": label_b[matches[node]],
                         "detail": f"{label_a[node]} = {label_b[matches[node]]}"})
    for node in sorted(set(b.nodes) - set(matches.values()), key=lambda n: label_b[n]):
        rows.append({"change": "only in B", "what": "body", "a": "", "b": label_b[node],
                     "detail": label_b[node]})
    edges_a = {(matches.get(u, f"A:{u}"), k, matches.get(v, f"A:{v}")): (u, v)
               for u, v, k in a.edges(data="kind")}
    edges_b = {(u, k, v): (u, v) for u, v, k in b.edges(data="kind")}
    for key in sorted(set(edges_a) - set(edges_b)):
        u, v = edges_a[key]
        rows.append({"change": "removed", "what": "edge", "a": f"{label_a[u]} -> {label_a[v]}",
                     "b": "", "detail": f"{label_a[u]} --{key[1]}--> {label_a[v]}"})
    for key in sorted(set(edges_b) - set(edges_a)):
        u, v = edges_b[key]
        rows.append({"change": "added", "what": "edge", "a": "",
                     "b": f"{label_b[u]} -> {label_b[v]}",
                     "detail": f"{label_b[u]} --{key[1]}--> {label_b[v]}"})
    return Comparison(rows)
