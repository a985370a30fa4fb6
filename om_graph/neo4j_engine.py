"""The Neo4j engine: every rule and the stage facts as Cypher files, run in the database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .engine import NetworkFacts, RawHit, canonical_evidence
from .queries import camel, read_query, rule_query
from .rules import Rule, RuleContext


class Neo4jEngine:
    """Runs the Cypher rules of ``cypher/`` against a loaded database."""

    name = "neo4j"

    def __init__(self, driver: Any, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def _rows(self, query: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        def work(tx):
            return [record.data() for record in tx.run(query, params)]

        with self.driver.session(database=self.database) as session:
            return session.execute_read(work)

    def run_rule(self, rule: type[Rule], ctx: RuleContext) -> list[RawHit]:
        params = {camel(k): v for k, v in ctx.params.items()} | {"asOf": ctx.as_of}
        return [
            RawHit(rule.subject_kind, row["subject_id"], row["subject_name"], canonical_evidence(row["evidence"] or {}))
            for row in self._rows(rule_query(rule.code), params)
        ]

    def rows(self, analysis: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self._rows(read_query(analysis.query_file), {camel(k): v for k, v in params.items()})

    def network_facts(self, as_of: dt.date, window_months: int) -> list[NetworkFacts]:
        rows = self._rows(read_query("stages.cypher"), {"asOf": as_of, "windowMonths": window_months})
        return [NetworkFacts(**row) for row in rows]
