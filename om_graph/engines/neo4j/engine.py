"""The Neo4j engine: each query's Cypher file, run in the database on what `om-graph load` wrote."""

from __future__ import annotations

from typing import Any

from om_graph.dataset.graph import MARKER
from om_graph.engines.contract import Params, Query, Row
from om_graph.engines.cypher import camel, read_query
from om_graph.engines.neo4j.connect import DEFAULT_TIMEOUT, bounded, patience
from om_graph.errors import NotLoaded

ANY_OM_GRAPH_NODE = f"MATCH (n:{MARKER}) RETURN n.id AS id LIMIT 1"


class Neo4jEngine:
    """Runs the Cypher files of ``cypher/`` against a loaded database, parameters in camelCase.

    Each query runs under ``timeout`` seconds: the server stops it then, and a server that
    does not answer at all is given up on shortly after (:func:`~om_graph.engines.neo4j.connect.bounded`).
    """

    name = "neo4j"

    def __init__(self, driver: Any, database: str = "neo4j", timeout: float = DEFAULT_TIMEOUT) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout

    def rows(self, query: Query, params: Params) -> list[Row]:
        text = read_query(query.cypher_file)
        cypher_params = {camel(k): v for k, v in params.items()}
        return self._read(text, cypher_params)

    def require_loaded(self, where: str) -> None:
        """Refuse a database without om-graph data: reading it would report an empty audit as a clean one.

        A database an earlier om-graph loaded (its networks without the marker, see
        :mod:`.adopt`) is refused too, saying that one load adopts that data.
        """
        from om_graph.engines.neo4j.adopt import adoptable_keys, earlier_statement

        if self._read(ANY_OM_GRAPH_NODE, {}):
            return
        if self._read(earlier_statement("Network"), {"keys": adoptable_keys("Network")}):
            raise NotLoaded(
                f"Neo4j database {self.database!r} at {where} holds no om-graph data, but its :Network nodes "
                "seem to come from an earlier om-graph (before it marked its data): one om-graph load PATH "
                "of the same dataset adopts them"
            )
        raise NotLoaded(
            f"Neo4j database {self.database!r} at {where} holds no om-graph data: "
            "load a dataset first with om-graph load PATH"
        )

    def write_back(self, as_of: Any, profile: str, stages: list[Row], findings: list[Row]) -> Any:
        """Store an audit's stages and findings in the graph, replacing the previous one (see :mod:`.writeback`)."""
        from om_graph.engines.neo4j.writeback import write_back

        return write_back(
            self.driver, self.database, as_of=as_of, profile=profile, stages=stages, findings=findings, timeout=self.timeout
        )

    def _read(self, text: str, params: Params) -> list[Row]:
        from neo4j import unit_of_work

        @unit_of_work(timeout=self.timeout)
        def work(tx: Any) -> list[Row]:
            return [record.data() for record in tx.run(text, params)]

        def session_read() -> list[Row]:
            with self.driver.session(database=self.database) as session:
                return session.execute_read(work)

        return bounded(patience(self.timeout), session_read)
