"""Every analysis (gaps, network links, coverage) gives the same rows on Neo4j as on the embedded engine."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings

from om_graph.queries.registry import all_queries, run_query
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.dataset.sources import example_dataset
from strategies import datasets

pytestmark = pytest.mark.neo4j
EXAMPLES = int(os.environ.get("OM_AGREEMENT_EXAMPLES", "300")) // 3
NAMES = [a.name for a in all_queries()]


def _dump(rows) -> str:
    return json.dumps(rows, sort_keys=True, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("name", NAMES)
def test_example_rows_are_identical_on_both_engines(name: str, load_into_neo4j) -> None:
    dataset = example_dataset()
    on_neo4j = run_query(load_into_neo4j(dataset), name)
    assert _dump(on_neo4j) == _dump(run_query(EmbeddedEngine(dataset), name))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(dataset=datasets())
def test_random_datasets_give_the_same_rows(dataset, load_into_neo4j) -> None:
    note("dataset:\n" + yaml.safe_dump(dataset.to_plain(), allow_unicode=True, sort_keys=False))
    neo, emb = load_into_neo4j(dataset), EmbeddedEngine(dataset)
    for name in NAMES:
        assert _dump(run_query(neo, name)) == _dump(run_query(emb, name)), name
