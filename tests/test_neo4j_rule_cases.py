"""The same rule cases on Neo4j: each Cypher rule must give the embedded engine's findings exactly."""

from __future__ import annotations

import pytest

from casefiles import RuleCase, all_cases
from om_graph.audit.run import network_facts
from om_graph.engines.embedded import EmbeddedEngine
from test_rule_cases import assert_case, findings_of

pytestmark = pytest.mark.neo4j
CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case_on_neo4j(case: RuleCase, load_into_neo4j) -> None:
    on_neo4j = findings_of(case, load_into_neo4j(case.dataset))
    assert on_neo4j == findings_of(case, EmbeddedEngine(case.dataset))
    assert_case(case, on_neo4j)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_stage_facts_on_neo4j(case: RuleCase, load_into_neo4j) -> None:
    engine = load_into_neo4j(case.dataset)
    assert network_facts(engine, case.as_of) == network_facts(EmbeddedEngine(case.dataset), case.as_of)
