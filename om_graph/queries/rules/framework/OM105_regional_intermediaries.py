"""OM105: too few intermediary organisations from the network's region."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity


class RegionalIntermediaries(Rule):
    """The regional network has fewer intermediary organisations from its region than required.

    Why: a regional network "besteht aus mindestens drei intermediären Organisationen in der
    Region sowie aus anderen Akteuren, die den Mittelstand unterstützen" (slides, formal
    criteria, 000 §1). Chambers, associations, insurers and the like reach the region's
    companies; consultants and members from elsewhere do not make up for them.

    Fails: members are two chambers in München and a consultancy.
    Passes: members are an IHK, a Handwerkskammer and a Wirtschaftsförderung, all located in
    districts the network covers.
    """

    code = "OM105"
    name = "framework.regional_intermediaries"
    severity = Severity.error
    source = "000 §1"
    scope = Scope.regional
    scope_source = '000 §1 "Formale Umsetzung der Kriterien für regionale Netzwerke": "in der Region"'
    title = {
        "en": "Too few intermediaries from the region",
        "de": "Zu wenige intermediäre Organisationen",
    }
    message = {
        "en": "{intermediaries} intermediary organisation(s) from the network's region, "
        "at least {min_intermediaries} required",
        "de": "{intermediaries} intermediäre Organisation(en) aus der Region des Netzwerks, "
        "mindestens {min_intermediaries} erforderlich",
    }
    params = {
        "min_intermediaries": Param(3, "Smallest number of member intermediaries located in the region")
    }
    planted = {"few_local_intermediaries": 0.07}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            region = graph.closure(network)
            intermediaries = sum(
                1
                for org, _ in graph.inc(network, "MEMBER_OF")
                if graph.props(org).get("intermediary") is True
                and any(place in region for place, _ in graph.out(org, "LOCATED_IN"))
            )
            if intermediaries < ctx.params["min_intermediaries"]:
                yield Hit(network, {"intermediaries": intermediaries})
