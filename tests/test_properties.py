"""Property-based tests: any valid dataset audits without error, and audits are deterministic."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from om_graph.audit.run import run_audit
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.audit.report import render
from strategies import AS_OF, datasets


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_random_datasets_audit_without_crashing(dataset) -> None:
    result = run_audit(EmbeddedEngine(dataset), as_of=AS_OF)
    assert {s.network_id for s in result.stages} == {n.id for n in dataset.networks}
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


@settings(max_examples=60, deadline=None)
@given(datasets())
def test_stage_four_means_no_error_findings(dataset) -> None:
    result = run_audit(EmbeddedEngine(dataset), as_of=AS_OF)
    errors = {f.subject_id for f in result.findings if f.subject_kind == "network" and f.severity == "error"}
    for stage in result.stages:
        if stage.stage == 4:
            assert stage.network_id not in errors
