"""OM101: the application to the Leitungskreis lacks what the criteria ask it to describe."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import NOT_ON_RECORD, Hit, Rule, RuleContext, Scope, Severity

#: What the application must describe: the region or topic, the goals, the approach.
DESCRIPTION_FIELDS = ("application_scope", "application_goals", "application_approach")


class Application(Rule):
    """The OM network's application to the Leitungskreis lacks its region or topic, its goals or its approach.

    Why: "Ein neues Netzwerk stellt zur Anerkennung [...] einen Antrag beim Leitungskreis.
    Dabei beschreibt das Netzwerk die Region bzw. das fachliche Thema in dem es tätig sein
    will, sowie seine Ziele und seine Vorgehensweise" (2012 criteria, Rahmenbedingungen,
    item 1). The clause asks what the application describes, not when it was made: the date
    is kept for the record but not required. An application on record (at least one of its
    three parts recorded) that lacks a part does not meet the criterion; with none of the three
    recorded, OM does not hold the application at all: not on record, please check.

    Fails: a recognised network whose application names its region and approach but no goals.
    Passes: an application naming its region, goals and approach, with or without a date.
    Not on record: none of region or topic, goals and approach recorded.
    """

    code = "OM101"
    name = "framework.application"
    severity = Severity.error
    source = "001 Rahmenbedingungen, item 1"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "Application incomplete", "de": "Antrag unvollständig"}
    message = {
        "en": "application to the Leitungskreis lacks: {missing}",
        "de": "dem Antrag beim Leitungskreis fehlt: {missing}",
    }
    not_on_record_message = {
        "en": "not on record: please check the application to the Leitungskreis (region or topic, goals, approach)",
        "de": "nicht erfasst: bitte den Antrag beim Leitungskreis prüfen (Region bzw. Fachthema, Ziele, Vorgehensweise)",
    }
    planted = {"incomplete_application": 0.07}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            props = graph.props(network)
            missing = sorted(f for f in DESCRIPTION_FIELDS if not str(props.get(f) or "").strip())
            if len(missing) == len(DESCRIPTION_FIELDS):
                yield Hit(network, {NOT_ON_RECORD: True, "missing": missing})
            elif missing:
                yield Hit(network, {"missing": missing})
