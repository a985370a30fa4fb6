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
    #: Queries answered at once (see :func:`~om_graph.engines.contract.answer_all`): a cold server spends
    #: most of an audit planning each query on one core, so two overlap; more gave little on 2 cores.
    workers = 2

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
            result = tx.run(text, params)
            keys = result.keys()
            return [_row(keys, record) for record in result]

        def session_read() -> list[Row]:
            with self.driver.session(database=self.database) as session:
                return session.execute_read(work)

        return bounded(patience(self.timeout), session_read)


def _row(keys: list[str], record: Any) -> Row:
    """``record.data()``, taken as it is when it holds only plain values (:func:`_plain`)."""
    values = record.values()
    return dict(zip(keys, values)) if all(map(_plain, values)) else record.data()


#: Values ``Record.data()`` gives back as they are.
_AS_IS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> bool:
    """Is ``value`` text, a number, a boolean, null or a list of these (nested)? ``Record.data()`` would return it
    unchanged, after checking each list entry against every graph and collection type of the driver: most of
    reading 219,755 [id, name] pairs of ``network/members``."""
    kind = value.__class__
    return kind in _AS_IS or (kind is list and all(v.__class__ in _AS_IS or _plain(v) for v in value))
