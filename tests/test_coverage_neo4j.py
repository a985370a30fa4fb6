"""The coverage report and the plan are the same on Neo4j as on the embedded engine; the queries stay anchored."""

from __future__ import annotations

import pytest

from om_graph.queries.registry import all_queries
from om_graph.features.coverage.planner import plan
from om_graph.features.coverage.render import coverage_dict
from om_graph.features.coverage.report import coverage_instance, coverage_report
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.engines.cypher import read_query
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset

pytestmark = pytest.mark.neo4j
COVERAGE = [a for a in all_queries() if a.name.startswith("coverage/")]


@pytest.mark.parametrize("level", ["state", "district"])
def test_same_report_and_plan_on_both_engines(level: str, load_into_neo4j) -> None:
    dataset = example_dataset()
    reports = [
        coverage_report(engine, level=level, as_of=EXAMPLE_AS_OF)
        for engine in (load_into_neo4j(dataset), EmbeddedEngine(dataset))
    ]
    on_neo4j, embedded = (coverage_dict(r, r.person_names().__getitem__) | {"engine": None} for r in reports)
    assert on_neo4j == embedded
    assert plan(coverage_instance(reports[0]), 3) == plan(coverage_instance(reports[1]), 3)


@pytest.mark.parametrize("analysis", COVERAGE, ids=lambda a: a.name)
def test_no_cartesian_product_and_no_all_nodes_scan(analysis, neo4j_driver, neo4j_settings, load_into_neo4j) -> None:
    load_into_neo4j(example_dataset())
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        summary = session.run("EXPLAIN " + read_query(analysis.cypher_file), analysis.params).consume()
    operators = _operators(summary.plan)
    assert not {op for op in operators if op.startswith(("CartesianProduct", "AllNodesScan"))}, operators


def _operators(plan) -> list[str]:
    found = [plan["operatorType"]]
    for child in plan.get("children", []):
        found += _operators(child)
    return found
