"""The best K regions for new ambassadors, solved exactly as an integer program, with greedy as the fallback.

Maximum coverage as a mixed-integer program: a binary ``x_r`` per candidate region (a new
ambassador there), a ``y_e`` in [0, 1] per element (covered), maximise ``sum w_e y_e`` subject
to ``y_e <= sum of x_r over the regions covering e`` and ``sum x_r <= k``. For binary ``x``
the best ``y`` is 0 or 1, so only ``x`` needs to be integral. Elements that the same regions
would cover are merged first (their weights add up): at district level an organisation lies
in one district, so the program has about one row per district and network rather than one
per organisation.

SciPy's :func:`scipy.optimize.milp` solves it with HiGHS within a time limit. Greedy
(:func:`.planner.plan`) always runs first: it is the answer when the solver stops without a
proof of optimality and has found nothing better, and the result says which was used, what
greedy would have covered, and how far the answer may be from the optimum (the gap to the
solver's bound). The exact answer is never below greedy: where the solver's is lower (within
its tolerance), greedy's is kept.

>>> from om_graph.features.coverage.planner import CoverageInstance
>>> a1, a2, b1, c1, x = (("company", i) for i in ("a1", "a2", "b1", "c1", "x"))
>>> inst = CoverageInstance(
...     candidates={"A": frozenset({a1, a2, x}), "B": frozenset({x, b1}), "C": frozenset({a1, a2, c1})},
...     weights={a1: 1.0, a2: 1.0, x: 1.5, b1: 1.0, c1: 1.0})
>>> result = best_plan(inst, 2)
>>> result.method, [s.region_id for s in result.plan.steps], result.plan.gain, result.greedy_gain
('exact', ['C', 'B'], 5.5, 4.5)
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from om_graph.features.coverage.planner import CoverageInstance, Element, Plan, PlanStep, _by_kind, _share, _weight, plan

#: Seconds the solver may take before greedy is used (the CLI's --time-limit).
DEFAULT_TIME_LIMIT = 30.0
#: Gains closer than this are equal (the solver works in floating point).
TOLERANCE = 1e-6


@dataclass(frozen=True)
class PlanResult:
    """The plan chosen, how it was found, and how it compares with greedy and the optimum.

    ``method`` is ``exact`` (proven optimal), ``solver`` (the solver's best within the time
    limit, better than greedy), or ``greedy`` (the solver was not asked, failed, or found
    nothing better in time). ``bound`` is an upper bound on the best gain (the optimum when
    exact), ``gap`` the share of it the plan may still miss (0 when exact).
    """

    plan: Plan
    method: str
    greedy_gain: float
    bound: float | None
    seconds: float
    time_limit: float

    @property
    def gain_over_greedy(self) -> float:
        return self.plan.gain - self.greedy_gain

    @property
    def gap(self) -> float | None:
        if self.bound is None:
            return None
        return 0.0 if self.bound <= TOLERANCE else max(0.0, (self.bound - self.plan.gain) / self.bound)


def best_plan(instance: CoverageInstance, k: int, time_limit: float = DEFAULT_TIME_LIMIT, exact: bool = True) -> PlanResult:
    """The best ``k`` regions: exact where the solver proves it within ``time_limit`` seconds, else the better of its best and greedy."""
    started = time.perf_counter()
    greedy = plan(instance, k)
    if not exact or k == 0 or not instance.candidates:
        return PlanResult(greedy, "greedy", greedy.gain, None, time.perf_counter() - started, time_limit)
    chosen, optimal, bound = _solve(instance, k, time_limit)
    found = ordered_plan(instance, k, chosen) if chosen is not None else None
    elapsed = time.perf_counter() - started
    if found is not None and found.gain > greedy.gain + TOLERANCE:
        method = "exact" if optimal else "solver"
        return PlanResult(found, method, greedy.gain, found.gain if optimal else bound, elapsed, time_limit)
    if optimal:
        # Greedy is as good as the optimum: keep its order and ties, and say it is optimal.
        return PlanResult(greedy, "exact", greedy.gain, max(greedy.gain, found.gain if found else 0.0), elapsed, time_limit)
    return PlanResult(greedy, "greedy", greedy.gain, bound, elapsed, time_limit)


def ordered_plan(instance: CoverageInstance, k: int, regions: set[str]) -> Plan:
    """The chosen ``regions`` as plan steps, biggest marginal gain first (ties by region id), regions adding nothing left out."""
    weights, total = instance.weights, instance.total_weight
    covered: set[Element] = set()
    left, steps, cumulative = set(regions), [], 0.0
    while left:
        gains = {r: _weight(instance.candidates[r] - covered, weights) for r in left}
        region = min(left, key=lambda r: (-gains[r], r))
        left.discard(region)
        if gains[region] <= 0:
            continue
        new = instance.candidates[region] - covered
        covered |= new
        cumulative += gains[region]
        steps.append(PlanStep(region, gains[region], _by_kind(new), cumulative, _share(instance.covered_weight + cumulative, total)))
    return Plan(k=k, steps=steps, baseline_share=_share(instance.covered_weight, total), stopped_early=len(steps) < k, total_weight=total)


def _solve(instance: CoverageInstance, k: int, time_limit: float) -> tuple[set[str] | None, bool, float | None]:
    """(chosen regions or None, proven optimal?, upper bound on the gain or None)."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    regions = sorted(r for r, elements in instance.candidates.items() if _weight(elements, instance.weights) > 0)
    if not regions:
        return set(), True, 0.0
    index = {r: i for i, r in enumerate(regions)}
    # Merge elements covered by the same regions: one y per group, weighted by the group's total.
    groups: dict[frozenset[str], float] = {}
    covering: dict[Element, set[str]] = {}
    for region in regions:
        for element in instance.candidates[region]:
            covering.setdefault(element, set()).add(region)
    for element in sorted(covering):
        key = frozenset(covering[element])
        groups[key] = groups.get(key, 0.0) + instance.weights[element]
    group_list = sorted(groups.items(), key=lambda item: sorted(item[0]))
    n_x, n_y = len(regions), len(group_list)
    cost = np.concatenate([np.zeros(n_x), -np.array([w for _, w in group_list])])
    rows, cols, vals = [], [], []
    for g, (members, _) in enumerate(group_list):  # y_g - sum x_r <= 0
        rows.append(g)
        cols.append(n_x + g)
        vals.append(1.0)
        for region in members:
            rows.append(g)
            cols.append(index[region])
            vals.append(-1.0)
    for i in range(n_x):  # sum x_r <= k
        rows.append(n_y)
        cols.append(i)
        vals.append(1.0)
    matrix = coo_matrix((vals, (rows, cols)), shape=(n_y + 1, n_x + n_y)).tocsr()
    upper = np.concatenate([np.zeros(n_y), [float(k)]])
    constraints = LinearConstraint(matrix, -np.inf, upper)
    integrality = np.concatenate([np.ones(n_x), np.zeros(n_y)])
    result = milp(
        cost,
        constraints=constraints,
        integrality=integrality,
        bounds=Bounds(0, 1),
        options={"time_limit": max(time_limit, 0.01), "mip_rel_gap": 0.0, "disp": False},
    )
    if result.x is None:
        return None, False, _bound(result)
    chosen = {regions[i] for i in range(n_x) if result.x[i] > 0.5}
    return chosen, result.status == 0, _bound(result)


def _bound(result) -> float | None:
    bound = getattr(result, "mip_dual_bound", None)
    return None if bound is None or bound != bound else -float(bound)
