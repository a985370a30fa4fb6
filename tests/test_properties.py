"""Property-based tests: any valid dataset audits without error, audits are deterministic, and stage 1 follows the slides."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings

from om_graph.audit.run import run_audit
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.audit.render import render
from om_graph.dataset.model import Criticism
from strategies import AS_OF, datasets


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_random_datasets_audit_without_crashing(dataset) -> None:
    result = run_audit(EmbeddedEngine(dataset), as_of=AS_OF)
    # stages for networks that claim OM network status; the others listed apart
    assert {s.network_id for s in result.stages} == {n.id for n in dataset.networks if n.status in ("applied", "recognised")}
    assert {a.network_id for a in result.apart} == {n.id for n in dataset.networks if n.status in ("withdrawn", "partner_only")}
    assert all(s.stage in (1, 2, 3, 4) for s in result.stages)
    for fmt in ("table", "json", "csv", "markdown"):
        assert render(result, fmt)


@settings(max_examples=60, deadline=None)
@given(datasets())
def test_findings_are_deterministic(dataset) -> None:
    first = render(run_audit(EmbeddedEngine(dataset), as_of=AS_OF), "json")
    reordered = dataset.model_copy(update={s: list(reversed(dataset.records(s))) for s in type(dataset).model_fields})
    second = render(run_audit(EmbeddedEngine(reordered), as_of=AS_OF), "json")
    assert first == second


def _om_network(dataset) -> str:
    """A network that claims OM network status: only those have a stage."""
    claiming = [n.id for n in dataset.networks if n.status in ("applied", "recognised")]
    assume(claiming)
    return claiming[0]


def _stage_of(dataset, network_id: str) -> int:
    return {s.network_id: s.stage for s in run_audit(EmbeddedEngine(dataset), as_of=AS_OF).stages}[network_id]


@settings(max_examples=60, deadline=None)
@given(datasets())
def test_criticism_on_record_puts_a_network_in_stage_one(dataset) -> None:
    """Slides, stage 1: OM does not know how the network meets the criteria when criticism is on record."""
    network = _om_network(dataset)
    criticised = dataset.model_copy(
        update={"criticisms": [*dataset.criticisms, Criticism(id="c-property", network_id=network, date=AS_OF)]}
    )
    assert _stage_of(criticised, network) == 1


@settings(max_examples=60, deadline=None)
@given(datasets())
def test_a_network_without_contacts_is_in_stage_one(dataset) -> None:
    """Slides, stage 1: no Netzwerkkoordination or Moderation named."""
    network = _om_network(dataset)
    without = dataset.model_copy(update={"contacts": [c for c in dataset.contacts if c.network_id != network]})
    assert _stage_of(without, network) == 1
