"""OM110: a closed network holds OM network status."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity


class ClosedNetwork(Rule):
    """A network closed to other OM partners acts as an OM network.

    Why: "Ein geschlossenes Netzwerk kann kein regionales oder fachliches Netzwerk der
    Offensive Mittelstand sein und kann ausschließlich den Status eines Partners erhalten"
    (2012 criteria, Rahmenbedingungen, item 10). OM networks are "offen für alle Partner
    der Offensive Mittelstand"; a closed one may only be a partner.

    Fails: a recognised network recorded with open = false.
    Passes: the same closed network with status partner_only.
    """

    code = "OM110"
    name = "framework.closed_network"
    severity = Severity.error
    source = "001 Rahmenbedingungen, item 10"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen, item 10: "Ein geschlossenes Netzwerk kann kein regionales oder fachliches Netzwerk [...] sein"'
    title = {"en": "Closed network acting as OM network", "de": "Geschlossenes Netzwerk als OM-Netzwerk"}
    message = {
        "en": "closed to other OM partners but has status {status}; a closed network can only be a partner",
        "de": "nicht offen für alle Partner, aber mit Status {status}; ein geschlossenes Netzwerk "
        "kann nur den Status eines Partners erhalten",
    }
    planted = {"closed": 0.03}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            props = graph.props(network)
            if props.get("open") is False:
                yield Hit(network, {"status": props["status"]})
