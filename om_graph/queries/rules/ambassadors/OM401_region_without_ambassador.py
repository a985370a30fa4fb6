"""OM401: a region with OM networks or partners but no ambassador."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.regions import containing, networks_within, regions_of_level, with_ambassador
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity

LEVEL = Param("state", "Region level audited: country, state or district")


class RegionWithoutAmbassador(Rule):
    """A region has OM networks or OM partners but no ambassador (Botschafter).

    Why: the ambassador "soll in der Region in bestehenden regionalen Netzwerken und bei
    Institutionen die OM-Ideen und Produkte bekannt machen, die Kooperationen in der Region
    fördern" (slides, §3 Botschafter-Konzept). Where networks or partners are active, an
    ambassador for the region, a region inside it or a region around it, should be too.

    Fails: Bayern with a regional OM network in München and no ambassador anywhere.
    Passes: Bayern with an ambassador for Oberbayern (or for Deutschland).
    """

    code = "OM401"
    name = "ambassadors.region_without_ambassador"
    severity = Severity.warning
    subject_kind = "region"
    source = "000 §3"
    scope = Scope.regional
    scope_source = '000 §3 Botschafter-Konzept: "in der Region in bestehenden regionalen Netzwerken"'
    title = {"en": "Region without ambassador", "de": "Region ohne Botschafter"}
    message = {
        "en": "{networks} regional OM network(s) and {partners} OM partner(s), but no ambassador",
        "de": "{networks} regionale(s) OM-Netzwerk(e) und {partners} Partner, aber kein Botschafter",
    }
    params = {"level": LEVEL}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        level = ctx.params["level"]
        networks = networks_within(graph, level, ctx.params["kinds"])
        partners: dict[Node, set[Node]] = defaultdict(set)
        for org in graph.nodes("Organisation"):
            if graph.props(org).get("om_partner") is True:
                for located, _ in graph.out(org, "LOCATED_IN"):
                    for target in containing(graph, located, level):
                        partners[target].add(org)
        covered = with_ambassador(graph, level)
        for region in regions_of_level(graph, level):
            if (networks[region] or partners[region]) and region not in covered:
                yield Hit(region, {"networks": len(networks[region]), "partners": len(partners[region])})
