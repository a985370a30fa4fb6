"""History and diff on Neo4j: the same snapshots and the same diff as on the embedded engine, for the example
at two dates and for a changed dataset (one network fixed, one broken, one added, one removed)."""

from __future__ import annotations

import datetime as dt

import pytest

from changes import ADDED, BROKEN, FIXED, REMOVED, changed_example
from om_graph.audit.profile import DEFAULT_PROFILE
from om_graph.audit.run import run_audit
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.diff import diff, diff_dict
from om_graph.features.history import graph_fingerprint, snapshot_of
from om_graph.features.history.record import GRAPH_BASIS

pytestmark = pytest.mark.neo4j


def snap(engine, as_of=EXAMPLE_AS_OF):
    return snapshot_of(engine, run_audit(engine, as_of=as_of), DEFAULT_PROFILE, source="test")


def comparable(d) -> dict:
    """The diff without where and when it was computed (engine names, times)."""
    out = diff_dict(d, "de")
    for side in ("old", "new"):
        out[side] = {k: v for k, v in out[side].items() if k not in ("engine", "saved_at")}
    return out


def test_changed_dataset_diff_is_the_same_on_neo4j(load_into_neo4j) -> None:
    old_neo4j = snap(load_into_neo4j(example_dataset()))
    new_neo4j = snap(load_into_neo4j(changed_example()))
    on_neo4j = diff(old_neo4j, new_neo4j)
    embedded = diff(snap(EmbeddedEngine(example_dataset())), snap(EmbeddedEngine(changed_example())))
    assert comparable(on_neo4j) == comparable(embedded)
    assert {m.network_id for m in on_neo4j.moved} >= {FIXED, BROKEN}
    assert [n.id for n in on_neo4j.added] == [ADDED] and [n.id for n in on_neo4j.removed] == [REMOVED]
    assert old_neo4j.dataset["basis"] == GRAPH_BASIS and on_neo4j.same_data is False


def test_two_dates_diff_is_the_same_on_neo4j(load_into_neo4j) -> None:
    engine = load_into_neo4j(example_dataset())
    later = dt.date(2026, 6, 30)
    on_neo4j = diff(snap(engine), snap(engine, later))
    embedded = diff(snap(EmbeddedEngine(example_dataset())), snap(EmbeddedEngine(example_dataset()), later))
    assert comparable(on_neo4j) == comparable(embedded)
    assert on_neo4j.same_data is True and on_neo4j.moved


def test_the_graph_fingerprint_is_the_same_on_both_engines(load_into_neo4j) -> None:
    for dataset in (example_dataset(), changed_example()):
        assert graph_fingerprint(load_into_neo4j(dataset)) == graph_fingerprint(EmbeddedEngine(dataset))
