"""The graph of bodies, organisations, people and meetings built from a run folder."""

from pipeline.graph.build import build_graph, load_run

__all__ = ["build_graph", "load_run"]
