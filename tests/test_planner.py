"""The greedy ambassador planner: hand-made instances as data, and properties against brute force."""

from __future__ import annotations

import math
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from om_graph.features.coverage.planner import CoverageInstance, plan


def instance(candidates: dict[str, str], weights: dict[str, float] | None = None, covered_weight: float = 0.0) -> CoverageInstance:
    """Candidates as ``{"A": "n1 c1"}``; an element's kind is its id's first letter (n, i, c)."""
    kinds = {"n": "network", "i": "intermediary", "c": "company"}
    element = lambda e: (kinds[e[0]], e)  # noqa: E731
    sets = {region: frozenset(element(e) for e in ids.split()) for region, ids in candidates.items()}
    every = {e for s in sets.values() for e in s}
    given_weights = weights or {}
    return CoverageInstance(sets, {e: given_weights.get(e[1], 1.0) for e in every}, covered_weight)


CASES = [
    pytest.param(
        {"B": "n1 n2", "A": "n3 n4"}, None, 1, ["A"], [2.0],
        id="equal gains: the smaller region id wins, whatever the order given",
    ),
    pytest.param(
        {"A": "n1", "B": "n1", "C": "n2"}, None, 3, ["A", "C"], [1.0, 1.0],
        id="stops early when no region adds anything",
    ),
    pytest.param(
        {"A": "c1 c2 c3", "B": "n1"}, {"n1": 4.0}, 1, ["B"], [4.0],
        id="weight, not element count, decides",
    ),
    pytest.param(
        {"A": "i2 i3 i4 i5", "B": "i1 i2 i3", "C": "i4 i5 i6"}, None, 2, ["A", "B"], [4.0, 1.0],
        id="classic: greedy takes A (4) then B (1) = 5, where B and C give 6",
    ),
    pytest.param({"A": "n1", "B": ""}, None, 2, ["A"], [1.0], id="a region with nothing to cover is never chosen"),
    pytest.param({"A": "n1"}, {"n1": 0.0}, 1, [], [], id="zero weight is no gain"),
]


@pytest.mark.parametrize(("candidates", "weights", "k", "regions", "gains"), CASES)
def test_hand_made_instances(candidates, weights, k, regions, gains) -> None:
    result = plan(instance(candidates, weights), k)
    assert [s.region_id for s in result.steps] == regions
    assert [s.gain for s in result.steps] == gains
    assert result.stopped_early == (len(regions) < k)


def test_classic_example_is_suboptimal_but_within_the_bound() -> None:
    classic = instance({"A": "i2 i3 i4 i5", "B": "i1 i2 i3", "C": "i4 i5 i6"})
    assert plan(classic, 2).gain == 5.0 < brute_force_optimum(classic, 2) == 6.0
    assert 5.0 >= (1 - 1 / math.e) * 6.0


def test_a_step_reports_new_elements_by_kind_and_the_cumulative_share() -> None:
    result = plan(instance({"A": "n1 i1 c1", "B": "i1 c2"}, {"n1": 3.0, "i1": 2.0}, covered_weight=3.0), 2)
    assert [s.new_by_kind for s in result.steps] == [{"company": 1, "intermediary": 1, "network": 1}, {"company": 1}]
    assert [s.cumulative_gain for s in result.steps] == [6.0, 7.0]
    assert result.baseline_share == 3.0 / 10.0
    assert [s.share for s in result.steps] == [9.0 / 10.0, 1.0]


def test_nothing_to_cover_has_no_share() -> None:
    result = plan(instance({"A": ""}), 1)
    assert (result.steps, result.baseline_share, result.stopped_early) == ([], None, True)


def brute_force_optimum(problem: CoverageInstance, k: int) -> float:
    """The best weight any k candidates cover together."""
    best = 0.0
    for chosen in combinations(sorted(problem.candidates), min(k, len(problem.candidates))):
        covered = set().union(*(problem.candidates[c] for c in chosen))
        best = max(best, sum(problem.weights[e] for e in covered))
    return best


@st.composite
def small_instances(draw) -> tuple[CoverageInstance, int]:
    """At most 8 candidates, 12 elements, k at most 3; integer weights so sums are exact."""
    elements = [(draw(st.sampled_from(["network", "intermediary", "company"])), f"e{i}") for i in range(draw(st.integers(0, 12)))]
    weights = {e: float(draw(st.integers(0, 5))) for e in elements}
    regions = draw(st.lists(st.sampled_from([f"R{i:02d}" for i in range(20)]), min_size=1, max_size=8, unique=True))
    candidates = {r: frozenset(draw(st.sets(st.sampled_from(elements)))) if elements else frozenset() for r in regions}
    return CoverageInstance(candidates, weights), draw(st.integers(1, 3))


@settings(max_examples=300, deadline=None)
@given(small_instances())
def test_greedy_against_brute_force(case) -> None:
    problem, k = case
    result = plan(problem, k)
    optimum = brute_force_optimum(problem, k)
    assert result.gain >= (1 - 1 / math.e) * optimum - 1e-9
    if k == 1:
        assert result.gain == optimum
    gains = [s.gain for s in result.steps]
    assert gains == sorted(gains, reverse=True), "marginal gains never grow"
    assert all(g > 0 for g in gains)
    chosen = set().union(*(problem.candidates[s.region_id] for s in result.steps)) if result.steps else set()
    assert sum(gains) == sum(problem.weights[e] for e in chosen), "gains add up to the weight covered"
    assert len({s.region_id for s in result.steps}) == len(result.steps)


@settings(max_examples=100, deadline=None)
@given(small_instances(), st.randoms(use_true_random=False))
def test_same_input_same_plan_whatever_the_candidate_order(case, random) -> None:
    problem, k = case
    order = list(problem.candidates.items())
    random.shuffle(order)
    shuffled = CoverageInstance(dict(order), problem.weights, problem.covered_weight)
    assert plan(shuffled, k) == plan(problem, k) == plan(problem, k)
