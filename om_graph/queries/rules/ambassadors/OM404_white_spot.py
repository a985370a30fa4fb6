"""OM404: a white spot, a region with neither a regional OM network nor an ambassador."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity
from om_graph.queries.regions import networks_within, regions_of_level, with_ambassador
from om_graph.queries.rules.ambassadors.OM401_region_without_ambassador import LEVEL


class WhiteSpot(Rule):
    """A white spot: a region with neither a regional OM network nor an ambassador (Botschafter).

    Why: the Botschafter-Konzept aims to "lokale Repräsentanz der OM stärken"; the
    ambassador approaches "weitere öffentliche und private Organisationen sowie Verbände in
    der Region" (slides, §3). A region where OM has neither a network nor an ambassador is
    where it is not represented at all. Networks count if they cover the region, a region
    inside it or a region around it; ambassadors as in OM401.

    Fails: Bremen with no regional OM network and no ambassador.
    Passes: Bremen with a regional OM network covering the city of Bremen.
    """

    code = "OM404"
    name = "ambassadors.white_spot"
    severity = Severity.warning
    subject_kind = "region"
    source = "000 §3"
    scope = Scope.regional
    scope_source = '000 §3 Botschafter-Konzept: "in der Region in bestehenden regionalen Netzwerken"'
    title = {"en": "White spot", "de": "Weißer Fleck"}
    message = {
        "en": "neither a regional OM network nor an ambassador in the region",
        "de": "weder ein regionales OM-Netzwerk noch ein Botschafter in der Region",
    }
    params = {"level": LEVEL}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        level = ctx.params["level"]
        networks = networks_within(graph, level, ctx.params["kinds"])
        covered = with_ambassador(graph, level)
        for region in regions_of_level(graph, level):
            if not networks.get(region) and region not in covered:
                yield Hit(region, {})
