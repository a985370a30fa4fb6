"""OM101: no complete application to the Leitungskreis."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity

#: What the application must describe: the region or topic, the goals, the approach.
DESCRIPTION_FIELDS = ("application_scope", "application_goals", "application_approach")


class Application(Rule):
    """The network acts as an OM network without a complete application to the Leitungskreis.

    Why: "Ein neues Netzwerk stellt zur Anerkennung [...] einen Antrag beim Leitungskreis.
    Dabei beschreibt das Netzwerk die Region bzw. das fachliche Thema [...], sowie seine
    Ziele und seine Vorgehensweise" (2012 criteria, Rahmenbedingungen, item 1). Recognition
    rests on that application: without its date, region or topic, goals and approach on
    record, OM cannot say what it recognised.

    Fails: a recognised network whose application states no goals.
    Passes: an application dated 2023-03-01 naming its region, goals and approach.
    """

    code = "OM101"
    name = "framework.application"
    severity = Severity.error
    source = "001 Rahmenbedingungen, item 1"
    title = {"en": "Application incomplete", "de": "Antrag unvollständig"}
    message = {
        "en": "application to the Leitungskreis lacks: {missing}",
        "de": "dem Antrag beim Leitungskreis fehlt: {missing}",
    }
    planted = {"incomplete_application": 0.07}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in graph.om_networks():
            props = graph.props(network)
            missing = [f for f in DESCRIPTION_FIELDS if not str(props.get(f) or "").strip()]
            if props.get("application_date") is None:
                missing.append("application_date")
            if missing:
                yield Hit(network, {"missing": sorted(missing)})
