"""OM303: the network advertises commercial products or services."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity


class Commercial(Rule):
    """The network advertises commercial products or services.

    Why: "Das regionale Netzwerk wirbt nicht für gewerbliche Produkte/Leistungen" (slides,
    §1 formal criteria). An OM network supports companies on behalf of all partners; selling
    one partner's offer under the OM name breaks that trust.
    Thematic networks are not asked: the slides' formal criteria are "Kriterien für
    regionale Netzwerke", as for OM105 (a profile may ask them, ``scopes``).

    Fails: an OM network recorded with advertises_commercial = true.
    Passes: an OM network with advertises_commercial = false.
    """

    code = "OM303"
    name = "formal.commercial"
    severity = Severity.error
    source = "000 §1"
    scope = Scope.regional
    scope_source = '000 §1 "Formale Umsetzung der Kriterien für regionale Netzwerke": "Das regionale Netzwerk wirbt nicht für gewerbliche Produkte/Leistungen"'
    title = {"en": "Advertises commercial offers", "de": "Wirbt für gewerbliche Produkte/Leistungen"}
    message = {
        "en": "the network advertises commercial products or services",
        "de": "das Netzwerk wirbt für gewerbliche Produkte/Leistungen",
    }
    planted = {"commercial": 0.03}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            if graph.props(network).get("advertises_commercial") is True:
                yield Hit(network, {})
