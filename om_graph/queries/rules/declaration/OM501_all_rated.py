"""OM501: the self-declaration leaves items of the Praxis-Check unrated."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import NOT_ON_RECORD, Hit, Rule, RuleContext, Severity


class AllRated(Rule):
    """The self-declaration does not give every topic, checkpoint and measure of its Praxis-Check a traffic light.

    Why: "Es darf kein Thema, kein Checkpunkt und keine Maßnahme ausgespart sein – bei allen
    Maßnahmen und Prozessen ist Handlungsbedarf (Ampel-Bewertung) anzukreuzen" (slides,
    special item: Vollständigkeitskriterien Selbsterklärung). Every CheckItem of the catalogue
    version the declaration names (``catalogue_version``) counts; a rating without a traffic
    light is no rating. Several versions can coexist: a declaration naming none is counted
    against the catalogue if it has one version only, else its version is not on record.

    Fails: a catalogue of 3 items, two rated, one left blank.
    Passes: every item of the declaration's catalogue version rated red, yellow or green.
    Not on record: the catalogue holds versions 2019 and 2024 and the declaration names neither.
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
    not_on_record_message = {
        "en": "not on record: please check which version of the OM-Praxis-Check it rates ({versions}) "
        "(company {company})",
        "de": "nicht erfasst: bitte prüfen, welche Fassung des OM-Praxis-Checks sie bewertet ({versions}) "
        "(Unternehmen {company})",
    }
    planted = {"unrated": 0.2}
    named_evidence = {"company": "organisation"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        by_version: dict[str | None, set] = {}
        for item in graph.nodes("CheckItem"):
            by_version.setdefault(graph.props(item).get("version"), set()).add(item)
        for declaration in graph.nodes("SelfDeclaration"):
            company = next((org[1] for org, _ in graph.inc(declaration, "DECLARED")), None)
            version = graph.props(declaration).get("catalogue_version")
            if version is None and len(by_version) > 1:
                versions = sorted(v for v in by_version if v is not None)
                yield Hit(declaration, {NOT_ON_RECORD: True, "versions": versions, "company": company})
                continue
            catalogue = by_version.get(version, set()) if version is not None else set().union(*by_version.values())
            rated = {item for item, edge in graph.out(declaration, "RATED") if edge.get("traffic_light")}
            unrated = len(catalogue - rated)
            if unrated > 0:
                yield Hit(declaration, {"unrated": unrated, "company": company})
