"""The plans of the gap queries on Neo4j, a landscape's gaps on both engines, and ``om-graph gaps --neo4j``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from om_graph.queries.registry import run_query
from om_graph.cli.app import app
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.gaps.find import all_kinds
from om_graph.synth.landscape import generate_landscape
from om_graph.engines.cypher import read_query
from om_graph.dataset.sources import example_dataset

pytestmark = pytest.mark.neo4j
#: Plan operators that mean a query compares everything with everything or reads every node.
FORBIDDEN_OPERATORS = ("CartesianProduct", "AllNodesScan")


def _operators(plan) -> set[str]:
    names = {plan["operatorType"].split("@")[0]}
    for child in plan.get("children", []):
        names |= _operators(child)
    return names


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_query_is_anchored_on_labels(kind, neo4j_driver, neo4j_settings, load_into_neo4j) -> None:
    load_into_neo4j(generate_landscape(0.5, 1))
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        plan = session.run("EXPLAIN " + read_query(f"{kind.query}.cypher")).consume().plan
    assert not _operators(plan) & set(FORBIDDEN_OPERATORS)


def test_generated_landscape_gives_the_same_gaps_on_both_engines(load_into_neo4j) -> None:
    """A landscape has state, cluster and district networks, thematic ones and borders between states."""
    dataset = generate_landscape(1, 3)
    neo4j, embedded = load_into_neo4j(dataset), EmbeddedEngine(dataset)
    for kind in all_kinds():
        assert run_query(neo4j, kind.query) == run_query(embedded, kind.query), kind.code


def test_cli_reads_the_gaps_from_neo4j(load_into_neo4j) -> None:
    load_into_neo4j(example_dataset())
    runner = CliRunner()
    from_neo4j = runner.invoke(app, ["gaps", "--neo4j", "--format", "json"])
    embedded = runner.invoke(app, ["gaps", "--example", "--format", "json"])
    assert from_neo4j.exit_code == 0, from_neo4j.output
    assert json.loads(from_neo4j.stdout) == json.loads(embedded.stdout)
