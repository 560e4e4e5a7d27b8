"""The graph of bodies, organisations, people and meetings built from a run folder."""

from pipeline.graph.build import (
    authorities,
    authority_graph,
    authority_part,
    build_graph,
    load_run,
)

__all__ = ["authorities", "authority_graph", "authority_part", "build_graph", "load_run"]
