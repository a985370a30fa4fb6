"""OM304: no new partner joined recently."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity


class NewPartners(Rule):
    """No organisation joined the network within the window (default 24 months).

    Why: a regional network "sieht als zentrale Aufgabe, weitere öffentliche und private
    Organisationen und Verbände in der Region zu gewinnen" (slides, §1 formal criteria). A
    membership whose ``since`` date lies in the window shows that this task is being done.
    Thematic networks are asked too: "Regionale und fachliche Netzwerke [...] versuchen vor Ort
    oder im Themenfeld weitere Partner hinzu zu gewinnen" (2012 criteria, item 10).

    Fails: the latest member joined 30 months before the audit date.
    Passes: a member joined 6 months before the audit date.
    """

    code = "OM304"
    name = "formal.new_partners"
    severity = Severity.warning
    source = "000 §1"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen, item 10: "Regionale und fachliche Netzwerke [...] versuchen vor Ort oder im Themenfeld weitere Partner hinzu zu gewinnen"'
    title = {"en": "No new partners", "de": "Keine neuen Partner"}
    message = {
        "en": "no new partner in the last {window_months} months (last joined: {last_joined})",
        "de": "kein neuer Partner in den letzten {window_months} Monaten (zuletzt beigetreten: {last_joined})",
    }
    params = {"window_months": Param(24, "Length of the window in months, ending on the audit date")}
    planted = {"no_new_partners": 0.07}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        window = ctx.params["window_months"]
        for network in ctx.networks(graph):
            joined = [m["since"] for _, m in graph.inc(network, "MEMBER_OF") if m.get("since") is not None]
            if not any(ctx.within_months(day, window) for day in joined):
                last = max((day for day in joined if day <= ctx.as_of), default=None)
                yield Hit(network, {"last_joined": last})
