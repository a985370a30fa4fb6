"""OM402: no ambassador is active in the network."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity


class NetworkWithoutAmbassador(Rule):
    """No ambassador (Botschafter) is active in the regional network.

    Why: the ambassador "soll in der Region in bestehenden regionalen Netzwerken [...] die
    OM-Ideen und Produkte bekannt machen" (slides, §3 Botschafter-Konzept). A network no
    ambassador takes part in hears of OM only through its own contacts. The concept places the
    ambassador in the region's networks, so thematic networks are not asked (a profile may).

    Fails: a regional OM network without any recorded ambassador.
    Passes: a regional OM network with one ambassador recorded as active in it; a thematic one.
    """

    code = "OM402"
    name = "ambassadors.network_without_ambassador"
    severity = Severity.warning
    source = "000 §3"
    scope = Scope.regional
    scope_source = '000 §3 Botschafter-Konzept: "in der Region in bestehenden regionalen Netzwerken"'
    title = {"en": "Network without ambassador", "de": "Netzwerk ohne Botschafter"}
    message = {
        "en": "no ambassador is active in the network",
        "de": "kein Botschafter ist im Netzwerk aktiv",
    }

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            if not graph.inc(network, "AMBASSADOR_IN"):
                yield Hit(network, {})
