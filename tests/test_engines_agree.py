"""Both engines agree: random datasets give the same findings and stages on the embedded engine and Neo4j."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings

from om_graph.audit.run import run_audit
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.audit.render.data import report_dict
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from strategies import AS_OF, datasets

pytestmark = pytest.mark.neo4j
EXAMPLES = int(os.environ.get("OM_AGREEMENT_EXAMPLES", "300"))


def comparable(result) -> dict:
    report = report_dict(result)
    report.pop("engine")
    return report


def test_example_audit_is_identical_on_both_engines(load_into_neo4j) -> None:
    dataset = example_dataset()
    on_neo4j = run_audit(load_into_neo4j(dataset), as_of=EXAMPLE_AS_OF)
    embedded = run_audit(EmbeddedEngine(dataset), as_of=EXAMPLE_AS_OF)
    assert comparable(on_neo4j) == comparable(embedded)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(dataset=datasets())
def test_random_datasets_agree(dataset, load_into_neo4j) -> None:
    note("dataset:\n" + yaml.safe_dump(dataset.to_plain(), allow_unicode=True, sort_keys=False))
    neo = comparable(run_audit(load_into_neo4j(dataset), as_of=AS_OF))
    emb = comparable(run_audit(EmbeddedEngine(dataset), as_of=AS_OF))
    assert json.dumps(neo["findings"], sort_keys=True, indent=1) == json.dumps(emb["findings"], sort_keys=True, indent=1)
    assert neo["networks"] == emb["networks"]
