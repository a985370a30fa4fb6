"""The exact ambassador planner: the optimum by brute force on small cases, never below greedy on real landscapes,
greedy with the gap when the solver runs out of time, and the CLI saying which was used."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.coverage import exact
from om_graph.features.coverage.exact import best_plan
from om_graph.features.coverage.planner import plan
from om_graph.features.coverage.report import coverage_instance, coverage_report
from om_graph.synth.landscape import generate_landscape
from test_planner import brute_force_optimum, instance, small_instances


def test_the_classic_case_greedy_misses_is_solved() -> None:
    classic = instance({"A": "i2 i3 i4 i5", "B": "i1 i2 i3", "C": "i4 i5 i6"})
    result = best_plan(classic, 2)
    assert (result.method, result.plan.gain, result.greedy_gain, result.gain_over_greedy) == ("exact", 6.0, 5.0, 1.0)
    assert [s.region_id for s in result.plan.steps] == ["B", "C"], "the chosen regions, biggest gain first, ties by id"
    assert [s.gain for s in result.plan.steps] == [3.0, 3.0]
    assert result.gap == 0.0 and result.bound == 6.0


@settings(max_examples=200, deadline=None)
@given(small_instances())
def test_exact_matches_brute_force(case) -> None:
    problem, k = case
    result = best_plan(problem, k)
    optimum = brute_force_optimum(problem, k)
    assert result.method == "exact"
    assert result.plan.gain == pytest.approx(optimum)
    assert result.plan.gain >= plan(problem, k).gain
    chosen = set().union(*(problem.candidates[s.region_id] for s in result.plan.steps)) if result.plan.steps else set()
    assert sum(s.gain for s in result.plan.steps) == pytest.approx(sum(problem.weights[e] for e in chosen))
    assert len(result.plan.steps) <= k and all(s.gain > 0 for s in result.plan.steps)


def landscape_instance(dataset, level: str):
    return coverage_instance(coverage_report(EmbeddedEngine(dataset), level=level, as_of=EXAMPLE_AS_OF))


@pytest.mark.parametrize("level", ["state", "district"])
@pytest.mark.parametrize("source", ["example", "scale 1", "scale 10"])
def test_never_worse_than_greedy_on_real_landscapes(source: str, level: str) -> None:
    dataset = example_dataset() if source == "example" else generate_landscape(float(source.split()[1]), seed=1)
    problem = landscape_instance(dataset, level)
    for k in (1, 3, 10):
        result = best_plan(problem, k)
        greedy = plan(problem, k)
        assert result.method == "exact", (k, result)
        assert result.plan.gain >= greedy.gain - 1e-9
        assert result.greedy_gain == greedy.gain
        if result.gain_over_greedy == 0:
            assert result.plan == greedy, "where greedy is optimal, its order and ties are kept"


def test_without_a_proof_in_time_greedy_is_used_with_the_gap(monkeypatch) -> None:
    classic = instance({"A": "i2 i3 i4 i5", "B": "i1 i2 i3", "C": "i4 i5 i6"})
    # The solver stopped at its time limit with no solution better than greedy and a bound of 6.
    monkeypatch.setattr(exact, "_solve", lambda inst, k, limit: ({"A", "B"}, False, 6.0))
    result = best_plan(classic, 2, time_limit=0.01)
    assert (result.method, result.plan.gain, result.bound) == ("greedy", 5.0, 6.0)
    assert result.gap == pytest.approx(1 / 6)


def test_a_better_solution_without_proof_is_the_solvers(monkeypatch) -> None:
    classic = instance({"A": "i2 i3 i4 i5", "B": "i1 i2 i3", "C": "i4 i5 i6", "D": "i7"})
    monkeypatch.setattr(exact, "_solve", lambda inst, k, limit: ({"B", "C"}, False, 7.0))
    result = best_plan(classic, 2)
    assert (result.method, result.plan.gain, result.greedy_gain) == ("solver", 6.0, 5.0)
    assert result.gap == pytest.approx(1 / 7)


def test_greedy_when_asked() -> None:
    result = best_plan(instance({"A": "i2 i3 i4 i5", "B": "i1 i2 i3", "C": "i4 i5 i6"}), 2, exact=False)
    assert (result.method, result.plan.gain, result.bound, result.gap) == ("greedy", 5.0, None, None)


def test_cli_says_which_method_and_the_gain_over_greedy() -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["ambassadors", "plan", "--example", "--add", "3", "--level", "district", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["method"] == "exact" and data["gap"] == 0.0
    assert data["greedy_gain"] + data["gain_over_greedy"] == data["steps"][-1]["cumulative_gain"]
    table = runner.invoke(app, ["ambassadors", "plan", "--example", "--add", "3", "--lang", "de"])
    assert "exaktes Optimum" in table.stdout
    greedy = runner.invoke(app, ["ambassadors", "plan", "--example", "--add", "3", "--method", "greedy"])
    assert "1 - 1/e" in greedy.stdout


def test_the_table_says_when_greedy_stood_in_for_the_solver(monkeypatch) -> None:
    from om_graph.features.coverage.render import render_plan

    report = coverage_report(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF)
    monkeypatch.setattr(exact, "_solve", lambda inst, k, limit: (None, False, 1000.0))
    result = best_plan(coverage_instance(report), 3, time_limit=0.5)
    assert result.method == "greedy"
    table = render_plan(result, report, "table", "de")
    assert "der Löser fand in der Zeitgrenze" in table and "unter dem Optimum" in table
    assert json.loads(render_plan(result, report, "json"))["method"] == "greedy"
