"""The Neo4j engine: each query's Cypher file, run in the database on what `om-graph load` wrote."""

from __future__ import annotations

from typing import Any

from om_graph.engines.contract import Params, Query, Row
from om_graph.engines.cypher import camel, read_query


class Neo4jEngine:
    """Runs the Cypher files of ``cypher/`` against a loaded database, parameters in camelCase."""

    name = "neo4j"

    def __init__(self, driver: Any, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def rows(self, query: Query, params: Params) -> list[Row]:
        text = read_query(query.cypher_file)
        cypher_params = {camel(k): v for k, v in params.items()}

        def work(tx: Any) -> list[Row]:
            return [record.data() for record in tx.run(text, cypher_params)]

        with self.driver.session(database=self.database) as session:
            return session.execute_read(work)
