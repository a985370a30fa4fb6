"""OM108: partners not briefed about OM recently."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity, networks_without_recent


class PartnerBriefing(Rule):
    """The network has recorded no briefing of its own partners about OM activities in the window.

    Why: "Es informiert seine Netzwerkpartner über die Aktivitäten der Offensive
    Mittelstand" (2012 criteria, Rahmenbedingungen, item 8). The network is how OM's news
    reaches the regional partners; a year without a briefing suggests it no longer does.

    Fails: no partner_briefing recorded at all.
    Passes: a partner_briefing two months before the audit date.
    """

    code = "OM108"
    name = "framework.partner_briefing"
    severity = Severity.warning
    source = "001 Rahmenbedingungen, item 8"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "Partners not briefed about OM", "de": "Partner nicht über OM informiert"}
    message = {
        "en": "no briefing of the network's partners about OM activities in the last "
        "{window_months} months; last briefing: {last_briefing}",
        "de": "keine Information der Partner über Aktivitäten der Offensive Mittelstand in den "
        "letzten {window_months} Monaten; zuletzt: {last_briefing}",
    }
    params = {"window_months": Param(12, "Months back in which a partner briefing must be recorded")}
    planted = {"no_briefing": 0.15}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        return networks_without_recent(graph, ctx, "partner_briefing", "last_briefing")
