"""OM104: too few partners."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity


class MinPartners(Rule):
    """The network has fewer partners than the criteria require.

    Why: "Es besteht aus mindestens drei Partnern" (2012 criteria, Rahmenbedingungen,
    item 5). A network of one or two organisations is a cooperation, not a network.

    Fails: an OM network with two member organisations.
    Passes: an OM network with three member organisations.
    """

    code = "OM104"
    name = "framework.min_partners"
    severity = Severity.error
    source = "001 Rahmenbedingungen, item 5"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "Too few partners", "de": "Zu wenige Partner"}
    message = {
        "en": "{partners} partner(s), at least {min_partners} required",
        "de": "{partners} Partner, mindestens {min_partners} erforderlich",
    }
    params = {"min_partners": Param(3, "Smallest number of member organisations")}
    planted = {"tiny": 0.04}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            partners = len({org for org, _ in graph.inc(network, "MEMBER_OF")})
            if partners < ctx.params["min_partners"]:
                yield Hit(network, {"partners": partners})
