"""Write the graph in the formats graph tools read, and draw the body structure."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from pipeline.export.csv import write_csv
from pipeline.fsio import atomic_path, atomic_write_text
from pipeline.graph.build import body_structure

RELATION_COLOURS = {"reports_to": "#1f5fa8", "replaces": "#b8432f", "member_of": "#4f8a3c",
                    "linked_to": "#8a6d3b"}
NODE_COLOURS = {"body": "#dce8f5", "organisation": "#eef3e6"}


def export_graph(graph: nx.MultiDiGraph, out: Path) -> list[Path]:
    """GraphML, GEXF, node-link JSON, nodes/edges CSV and a picture; returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, writer in (("graph.graphml", nx.write_graphml), ("graph.gexf", nx.write_gexf)):
        with atomic_path(out / name) as tmp:
            writer(graph, tmp)
        written.append(out / name)
    data = nx.node_link_data(graph, edges="edges")
    atomic_write_text(out / "graph.json", json.dumps(data, indent=1, ensure_ascii=False))
    nodes = [{"id": n, **d} for n, d in graph.nodes(data=True)]
    edges = [{"source": u, "target": v, "key": k, **d}
             for u, v, k, d in graph.edges(keys=True, data=True)]
    write_csv(out / "nodes.csv", nodes, ("id", "kind", "label"))
    write_csv(out / "edges.csv", edges, ("source", "target", "kind"))
    written += [out / "graph.json", out / "nodes.csv", out / "edges.csv"]
    written += draw_structure(graph, out / "structure")
    return written


def layers(structure: nx.MultiDiGraph) -> dict[str, int]:
    """Depth of each node below the bodies it reports to (0 = top), cycles tolerated."""
    reporting = nx.DiGraph()
    reporting.add_nodes_from(structure.nodes)
    for u, v, data in structure.edges(data=True):
        if data.get("kind") in ("reports_to", "member_of"):
            reporting.add_edge(v, u)  # parent above child
    condensed = nx.condensation(reporting)
    depth: dict[int, int] = {}
    for component in nx.topological_sort(condensed):
        parents = list(condensed.predecessors(component))
        depth[component] = 1 + max(depth[p] for p in parents) if parents else 0
    mapping = condensed.graph["mapping"]
    return {node: depth[mapping[node]] for node in structure.nodes}


def draw_structure(graph: nx.MultiDiGraph, stem: Path) -> list[Path]:
    """The bodies drawn top-down by reporting line, as PNG and SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    structure = body_structure(graph)
    connected = [n for n in structure.nodes if structure.degree(n) > 0]
    structure = structure.subgraph(connected).copy()
    position = _positions(structure)
    width = max((x for x, _ in position.values()), default=0.5) + 0.5
    depth = -min((y for _, y in position.values()), default=0)
    figure, axes = plt.subplots(figsize=(max(8, 2.6 * width), max(4, 1.9 * (depth + 1) + 1)))
    for u, v, data in structure.edges(data=True):
        colour = RELATION_COLOURS.get(data.get("kind"), "#777777")
        style = "dashed" if data.get("kind") in ("linked_to", "replaces") else "solid"
        # arrows within one row would run through the boxes between them: bend them
        bend = 0.3 if position[u][1] == position[v][1] else 0.0
        axes.annotate("", xy=position[v], xytext=position[u],
                      arrowprops={"arrowstyle": "-|>", "color": colour, "linestyle": style,
                                  "shrinkA": 22, "shrinkB": 22, "lw": 1.3,
                                  "connectionstyle": f"arc3,rad={bend}"})
    for node, (x, y) in position.items():
        data = structure.nodes[node]
        axes.text(x, y, _wrap(data.get("label", node)), ha="center", va="center", fontsize=8,
                  bbox={"boxstyle": "round,pad=0.4",
                        "facecolor": NODE_COLOURS.get(data.get("kind"), "#f0f0f0"),
                        "edgecolor": "#555555"})
    for relation, colour in RELATION_COLOURS.items():
        axes.plot([], [], color=colour, label=relation.replace("_", " "))
    if position:
        axes.legend(loc="lower right", fontsize=8, frameon=False)
    else:
        axes.text(0.5, 0.5, "no relations between bodies in this run", ha="center",
                  transform=axes.transAxes)
    axes.set_axis_off()
    # text and arrows do not autoscale the axes: frame the laid-out rows explicitly
    axes.set_xlim(-0.1, width + 0.1)
    axes.set_ylim(-depth - 0.6, 0.6)
    figure.tight_layout()
    paths = []
    for suffix in (".png", ".svg"):
        path = stem.with_suffix(suffix)
        with atomic_path(path) as tmp:
            figure.savefig(tmp, dpi=110, format=suffix[1:])
        paths.append(path)
    plt.close(figure)
    return paths


def _positions(structure: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Rows by reporting depth; within a row, each node sits near the mean position of the
    nodes above it that it is linked to (the barycentre heuristic), to cut crossings."""
    level = layers(structure)
    rows: dict[int, list[str]] = {}
    for node in sorted(structure.nodes, key=lambda n: structure.nodes[n].get("label", n)):
        rows.setdefault(level[node], []).append(node)
    width = max((len(r) for r in rows.values()), default=1)
    position: dict[str, tuple[float, float]] = {}
    for depth in sorted(rows):
        def centre(node: str) -> float:
            placed = [position[n][0] for n in nx.all_neighbors(structure, node) if n in position]
            return sum(placed) / len(placed) if placed else width / 2
        members = sorted(rows[depth], key=centre) if depth else rows[depth]
        step = width / len(members)
        for i, node in enumerate(members):
            position[node] = ((i + 0.5) * step, -depth)
    return position


def _wrap(label: str, width: int = 22) -> str:
    lines, current = [], ""
    for word in label.split():
        if current and len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return "\n".join([*lines, current])

