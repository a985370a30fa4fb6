"""Where should the next ambassadors (Botschafter) be? Greedy maximum coverage over regions.

A :class:`CoverageInstance` holds the candidates (the regions of a level, each with the
elements not yet covered that an ambassador there would cover) and every element's weight.
:func:`plan` picks ``k`` regions one at a time, each time the one whose ambassador would
newly cover the most weight.

Choosing k sets to maximise the weight they cover is NP-hard (maximum coverage), and
covered weight is a monotone submodular function of the chosen set, so the greedy choice
covers at least (1 - 1/e) ≈ 63 % of what the best k regions could cover: Nemhauser, Wolsey
and Fisher, "An analysis of approximations for maximizing submodular set functions - I",
Mathematical Programming 14 (1978), 265-294. Because marginal gains only shrink, a gain
computed in an earlier step is an upper bound on today's gain, and a heap of those bounds
finds the best candidate without re-evaluating the others (Minoux's "lazy greedy", 1978).

>>> instance = CoverageInstance(
...     candidates={"A": frozenset({("network", "n1"), ("company", "c1")}), "B": frozenset({("company", "c2")})},
...     weights={("network", "n1"): 3.0, ("company", "c1"): 1.0, ("company", "c2"): 1.0})
>>> [(s.region_id, s.gain) for s in plan(instance, 5).steps]
[('A', 4.0), ('B', 1.0)]
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

#: An element that needs an ambassador: (kind, id), kind one of network, intermediary, company.
Element = tuple[str, str]


@dataclass(frozen=True)
class CoverageInstance:
    """Candidate regions with the uncovered elements each would cover, and the elements' weights.

    ``covered_weight`` is the weight existing ambassadors cover already; with the weights of
    the uncovered elements it makes the whole that the plan's shares are shares of.
    """

    candidates: dict[str, frozenset[Element]]
    weights: dict[Element, float]
    covered_weight: float = 0.0

    @property
    def total_weight(self) -> float:
        return self.covered_weight + _weight(self.weights, self.weights)


@dataclass(frozen=True)
class PlanStep:
    """One new ambassador: the region, what it newly covers, and the coverage reached so far."""

    region_id: str
    gain: float
    new_by_kind: dict[str, int]
    cumulative_gain: float
    share: float | None


@dataclass(frozen=True)
class Plan:
    """The regions chosen, best first; ``stopped_early`` when no region could add anything."""

    k: int
    steps: list[PlanStep]
    baseline_share: float | None
    stopped_early: bool
    total_weight: float = field(default=0.0)

    @property
    def gain(self) -> float:
        return sum(s.gain for s in self.steps)


def plan(instance: CoverageInstance, k: int) -> Plan:
    """Pick up to ``k`` regions greedily by marginal covered weight, ties broken by region id.

    Stops early when no candidate would cover anything more. The covered weight is at least
    (1 - 1/e) of the best k regions' (Nemhauser, Wolsey & Fisher 1978); when it stops early,
    it has covered everything any region can cover.
    """
    if k < 0:
        raise ValueError(f"k must not be negative, got {k}")
    weights, total = instance.weights, instance.total_weight
    covered: set[Element] = set()
    # Heap of (-upper bound on the gain, region id): equal bounds pop in region-id order.
    heap = [(-_weight(elements, weights), region) for region, elements in instance.candidates.items()]
    heapq.heapify(heap)
    steps: list[PlanStep] = []
    cumulative = 0.0
    while len(steps) < k and heap:
        bound, region = heapq.heappop(heap)
        new = instance.candidates[region] - covered
        gain = _weight(new, weights)
        if gain < -bound:
            # Stale bound: others may beat it now. Popping it again with this exact gain means it
            # is the best, and among equal gains the smallest region id (heap order).
            heapq.heappush(heap, (-gain, region))
            continue
        if gain <= 0:
            break
        covered |= new
        cumulative += gain
        steps.append(PlanStep(region, gain, _by_kind(new), cumulative, _share(instance.covered_weight + cumulative, total)))
    return Plan(
        k=k,
        steps=steps,
        baseline_share=_share(instance.covered_weight, total),
        stopped_early=len(steps) < k,
        total_weight=total,
    )


def _weight(elements, weights: dict[Element, float]) -> float:
    """Summed in sorted order, so the same elements always give exactly the same float."""
    return sum(weights[e] for e in sorted(elements))


def _by_kind(elements: frozenset[Element] | set[Element]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for kind, _ in elements:
        counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))


def _share(part: float, whole: float) -> float | None:
    """``part / whole``, or ``None`` when nothing needs covering at all."""
    return part / whole if whole > 0 else None
