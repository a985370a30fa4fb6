"""OM401: a region with OM networks or partners but no ambassador.

The region helpers here are shared with OM404 (white spots). Both look at the regions of
one level (by default the federal states) and roll facts up the region hierarchy: each
covered region or located organisation walks its ancestors once, so the cost is linear
in the graph rather than networks times regions.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ...embedded import EmbeddedGraph, Node
from ..base import Hit, Param, Rule, RuleContext, Severity

LEVEL = Param("state", "Region level audited: country, state or district")


def regions_of_level(graph: EmbeddedGraph, level: str) -> list[Node]:
    """The regions of ``level``, sorted by id."""
    return [r for r in graph.nodes("Region") if graph.props(r).get("level") == level]


def containing(graph: EmbeddedGraph, region: Node, level: str) -> list[Node]:
    """The regions of ``level`` whose subtree holds ``region``: itself or one of its ancestors."""
    return [r for r in (region, *graph.ancestors(region)) if graph.props(r).get("level") == level]


def networks_within(graph: EmbeddedGraph, level: str) -> dict[Node, set[Node]]:
    """For each region of ``level``: the regional OM networks covering a region of its subtree."""
    found: dict[Node, set[Node]] = defaultdict(set)
    for region, networks in graph.networks_by_region.items():
        regional = {
            n for n in networks if graph.props(n).get("kind") == "regional" and graph.is_om_network(n)
        }
        if regional:
            for target in containing(graph, region, level):
                found[target] |= regional
    return found


def with_ambassador(graph: EmbeddedGraph, level: str) -> set[Node]:
    """Regions of ``level`` with an ambassador for a region in their subtree or for an ancestor."""
    served = {region for person in graph.nodes("Person") for region, _ in graph.out(person, "AMBASSADOR_FOR")}
    found = {target for region in served for target in containing(graph, region, level)}
    found.update(r for r in regions_of_level(graph, level) if served.intersection(graph.ancestors(r)))
    return found


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
    title = {"en": "Region without ambassador", "de": "Region ohne Botschafter"}
    message = {
        "en": "{networks} regional OM network(s) and {partners} OM partner(s), but no ambassador",
        "de": "{networks} regionale(s) OM-Netzwerk(e) und {partners} Partner, aber kein Botschafter",
    }
    params = {"level": LEVEL}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        level = ctx.params["level"]
        networks = networks_within(graph, level)
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
