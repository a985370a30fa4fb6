"""The contract an engine fulfils, and the embedded (networkx) engine.

An engine answers two questions: which subjects a rule finds, with what evidence; and
the facts that place each network in its implementation stage. Everything a person reads
is made from those answers by shared code (``audit``, ``stages``), so two engines that
answer alike produce identical reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from .embedded import EmbeddedGraph
from .model import Dataset
from .rules import Rule, RuleContext


@dataclass(frozen=True)
class RawHit:
    """A rule's answer about one subject, as either engine returns it."""

    subject_kind: str
    subject_id: str
    subject_name: str
    evidence: dict[str, Any]


@dataclass(frozen=True)
class NetworkFacts:
    """What OM knows of a network's work: the inputs to its implementation stage."""

    id: str
    name: str
    om_network: bool
    contacts: int
    criticisms: int
    meetings: int
    reports: int
    refusing_intermediaries: int


class Engine(Protocol):
    name: str

    def run_rule(self, rule: type[Rule], ctx: RuleContext) -> list[RawHit]: ...

    def network_facts(self, as_of: dt.date, window_months: int) -> list[NetworkFacts]: ...

    def rows(self, analysis: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Raw rows of an :class:`~om_graph.analyses.Analysis`; ``analyses.run_analysis`` canonicalises them."""
        ...


class EmbeddedEngine:
    """Runs rules in memory on networkx; the default, needs no server."""

    name = "embedded"

    def __init__(self, dataset: Dataset) -> None:
        self.graph = EmbeddedGraph.from_dataset(dataset)

    def run_rule(self, rule: type[Rule], ctx: RuleContext) -> list[RawHit]:
        hits = []
        for hit in rule().check(self.graph, ctx):
            hits.append(
                RawHit(rule.subject_kind, hit.subject[1], self.graph.name(hit.subject), canonical_evidence(hit.evidence))
            )
        return hits

    def rows(self, analysis: Any, params: dict[str, Any]) -> list[dict[str, Any]]:
        return list(analysis.run(self.graph, params))

    def network_facts(self, as_of: dt.date, window_months: int) -> list[NetworkFacts]:
        g = self.graph
        ctx = RuleContext(as_of=as_of, params={})
        facts = []
        for net in g.nodes("Network"):
            refusing = sum(
                1
                for org, m in g.inc(net, "MEMBER_OF")
                if g.props(org).get("intermediary") and m.get("named_consent") is False
            )
            facts.append(
                NetworkFacts(
                    id=net[1],
                    name=g.name(net),
                    om_network=g.is_om_network(net),
                    contacts=len({p for p, _ in g.inc(net, "CONTACT_FOR")}),
                    criticisms=len(g.inc(net, "CONCERNS")),
                    meetings=sum(ctx.within_months(a["date"], window_months) for a in g.activities(net, "meeting")),
                    reports=sum(ctx.within_months(a["date"], window_months) for a in g.activities(net, "plenum_report")),
                    refusing_intermediaries=refusing,
                )
            )
        return facts


def canonical_evidence(evidence: dict[str, Any]) -> dict[str, Any]:
    """Evidence in the plain, sorted form both engines report (dates as ISO strings)."""
    out: dict[str, Any] = {}
    for key, value in sorted(evidence.items()):
        if isinstance(value, (set, frozenset, list, tuple)):
            value = sorted(_scalar(v) for v in value)
        else:
            value = _scalar(value)
        out[key] = value
    return out


def _scalar(value: Any) -> Any:
    if hasattr(value, "to_native"):  # neo4j.time.Date and friends
        value = value.to_native()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value
