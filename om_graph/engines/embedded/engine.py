"""The embedded engine: queries answered in memory by their Python twins; the default, needs no server."""

from __future__ import annotations

from om_graph.dataset.model import Dataset
from om_graph.engines.contract import Params, Query, Row
from om_graph.engines.embedded.graph import EmbeddedGraph


class EmbeddedEngine:
    """Holds a dataset as an :class:`EmbeddedGraph` and runs each query's Python twin on it."""

    name = "embedded"

    def __init__(self, dataset: Dataset) -> None:
        self.graph = EmbeddedGraph.from_dataset(dataset)

    def rows(self, query: Query, params: Params) -> list[Row]:
        return list(query.run(self.graph, params))
