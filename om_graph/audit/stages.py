"""Implementation stages (Umsetzungsstadien) from the slides, with the reasons for each.

1. OM does not know how the network meets the criteria: no named contacts, or criticism on record.
2. Contacts are named, but OM knows nothing of the network's work (no meeting or Plenum
   report in the window).
3. Active, but at least one criterion is not met (an ``error`` finding); the slides' typical
   case, intermediary partners who do not want to be named as contacts, is given as a reason.
4. Active and meets all requirements (no ``error`` finding).

>>> f = NetworkFacts("n1", "OM Nord", True, contacts=2, criticisms=0, meetings=3, reports=1,
...                  refusing_intermediaries=0)
>>> classify(f, error_codes=[]).stage
4
"""

from __future__ import annotations

from dataclasses import dataclass

from om_graph.i18n import t


@dataclass(frozen=True)
class NetworkFacts:
    """What OM knows of a network's work: the row of the ``stages`` query for one network."""

    id: str
    name: str
    om_network: bool
    contacts: int
    criticisms: int
    meetings: int
    reports: int
    refusing_intermediaries: int


@dataclass(frozen=True)
class Reason:
    key: str
    values: dict[str, object]

    def text(self, lang: str) -> str:
        return t(f"reason.{self.key}", lang, **self.values)


@dataclass(frozen=True)
class StageResult:
    network_id: str
    network_name: str
    stage: int
    reasons: tuple[Reason, ...]


def classify(facts: NetworkFacts, error_codes: list[str]) -> StageResult:
    """Place one network in its stage; ``error_codes`` are the codes of its error findings."""
    reasons: list[Reason] = []
    if facts.criticisms:
        reasons.append(Reason("criticism", {"count": facts.criticisms}))
    if not facts.contacts:
        reasons.append(Reason("no_contacts", {}))
    if reasons:
        return _result(facts, 1, reasons)
    if not facts.meetings and not facts.reports:
        return _result(facts, 2, [Reason("work_unknown", {})])
    if error_codes:
        reasons.append(Reason("criteria_not_met", {"codes": ", ".join(sorted(set(error_codes)))}))
        if facts.refusing_intermediaries:
            reasons.append(Reason("intermediaries_unnamed", {"count": facts.refusing_intermediaries}))
        return _result(facts, 3, reasons)
    return _result(facts, 4, [Reason("all_met", {})])


def _result(facts: NetworkFacts, stage: int, reasons: list[Reason]) -> StageResult:
    return StageResult(facts.id, facts.name, stage, tuple(reasons))
