"""Every query (rules, stage facts, gaps, network links, coverage) gives the same rows on Neo4j as on the embedded engine."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings

from om_graph.queries.registry import all_queries, get_query, run_query
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.dataset.sources import example_dataset
from strategies import datasets

pytestmark = pytest.mark.neo4j
EXAMPLES = int(os.environ.get("OM_AGREEMENT_EXAMPLES", "300")) // 3
NAMES = [q.name for q in all_queries()]
AS_OF = dt.date(2025, 6, 30)


def _rows(engine, name: str):
    """The query's rows, as of the example's date where it takes the audit date."""
    query = get_query(name)
    return run_query(engine, name, {"as_of": AS_OF} if "as_of" in query.params else {})


def _dump(rows) -> str:
    return json.dumps(rows, sort_keys=True, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("name", NAMES)
def test_example_rows_are_identical_on_both_engines(name: str, load_into_neo4j) -> None:
    dataset = example_dataset()
    on_neo4j = _rows(load_into_neo4j(dataset), name)
    assert _dump(on_neo4j) == _dump(_rows(EmbeddedEngine(dataset), name))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(dataset=datasets())
def test_random_datasets_give_the_same_rows(dataset, load_into_neo4j) -> None:
    note("dataset:\n" + yaml.safe_dump(dataset.to_plain(), allow_unicode=True, sort_keys=False))
    neo, emb = load_into_neo4j(dataset), EmbeddedEngine(dataset)
    for name in NAMES:
        assert _dump(_rows(neo, name)) == _dump(_rows(emb, name)), name
