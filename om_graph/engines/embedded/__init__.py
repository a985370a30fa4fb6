"""The embedded engine: the graph model in memory, queried in Python."""

from om_graph.engines.embedded.engine import EmbeddedEngine
from om_graph.engines.embedded.graph import EmbeddedGraph, Node

__all__ = ["EmbeddedEngine", "EmbeddedGraph", "Node"]
