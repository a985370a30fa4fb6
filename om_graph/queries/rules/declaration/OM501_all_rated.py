"""OM501: the self-declaration leaves items of the Praxis-Check unrated."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity


class AllRated(Rule):
    """The self-declaration does not give every topic, checkpoint and measure a traffic light.

    Why: "Es darf kein Thema, kein Checkpunkt und keine Maßnahme ausgespart sein – bei allen
    Maßnahmen und Prozessen ist Handlungsbedarf (Ampel-Bewertung) anzukreuzen" (slides,
    special item: Vollständigkeitskriterien Selbsterklärung). Every CheckItem of the
    catalogue counts; a rating without a traffic light is no rating.

    Fails: a catalogue of 3 items, two rated, one left blank.
    Passes: every item of the catalogue rated red, yellow or green.
    """

    code = "OM501"
    name = "declaration.all_rated"
    severity = Severity.warning
    subject_kind = "self_declaration"
    source = "000 special item"
    title = {"en": "Praxis-Check not fully rated", "de": "Praxis-Check nicht vollständig bewertet"}
    message = {
        "en": "{unrated} item(s) of the OM-Praxis-Check without a traffic light (company {company})",
        "de": "{unrated} Punkt(e) des OM-Praxis-Checks ohne Ampel-Bewertung (Unternehmen {company})",
    }
    planted = {"unrated": 0.2}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        catalogue = set(graph.nodes("CheckItem"))
        for declaration in graph.nodes("SelfDeclaration"):
            rated = {item for item, edge in graph.out(declaration, "RATED") if edge.get("traffic_light")}
            unrated = len(catalogue - rated)
            if unrated > 0:
                company = next((org[1] for org, _ in graph.inc(declaration, "DECLARED")), None)
                yield Hit(declaration, {"unrated": unrated, "company": company})
