"""The query cases on Neo4j: each Cypher file gives the embedded engine's rows exactly, and the expected ones."""

from __future__ import annotations

import pytest

from casefiles import QueryCase, all_cases, assert_case, rows_of
from om_graph.audit.run import network_facts
from om_graph.engines.embedded import EmbeddedEngine

pytestmark = pytest.mark.neo4j
CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_query_case_on_neo4j(case: QueryCase, load_into_neo4j) -> None:
    neo4j = load_into_neo4j(case.dataset)
    on_neo4j = rows_of(case, neo4j)
    assert on_neo4j == rows_of(case, EmbeddedEngine(case.dataset))
    assert_case(case, on_neo4j)
    # every case's dataset also checks the facts behind the stages
    assert network_facts(neo4j, case.as_of) == network_facts(EmbeddedEngine(case.dataset), case.as_of)
