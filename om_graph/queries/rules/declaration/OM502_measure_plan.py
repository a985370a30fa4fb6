"""OM502: the measure plan of a self-declaration is too short or incomplete."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Severity

#: What each planned measure must state: urgency, responsible person, time and control.
REQUIRED = ("urgency", "responsible", "deadline", "control")


class MeasurePlan(Rule):
    """The measure plan (Maßnahmenplan) has too few measures, or a measure lacks a required detail.

    Why: "Zehn Maßnahmen wurden in den Maßnahmenplan aufgenommen, beschrieben und nach
    Dringlichkeit bewertet. Verantwortliche Person, Zeit und Kontrolle sind festgelegt"
    (slides, special item: Vollständigkeitskriterien Selbsterklärung). Each measure needs
    urgency, responsible, deadline and control; blank text counts as missing.

    Fails: ten complete measures and one without a deadline; or nine complete measures.
    Passes: ten measures, each with urgency, responsible, deadline and control.
    """

    code = "OM502"
    name = "declaration.measure_plan"
    severity = Severity.warning
    subject_kind = "self_declaration"
    source = "000 special item"
    title = {"en": "Measure plan incomplete", "de": "Maßnahmenplan unvollständig"}
    message = {
        "en": "{measures} measure(s), at least {min_measures} required; incomplete: {incomplete} "
        "(company {company})",
        "de": "{measures} Maßnahme(n), mindestens {min_measures} erforderlich; unvollständig: {incomplete} "
        "(Unternehmen {company})",
    }
    params = {"min_measures": Param(10, "Smallest number of measures in the measure plan")}
    planted = {"short_plan": 0.15, "vague_plan": 0.1}
    named_evidence = {"company": "organisation"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for declaration in graph.nodes("SelfDeclaration"):
            actions = [action for action, _ in graph.out(declaration, "PLANS")]
            incomplete = sorted(
                a[1] for a in actions if any(graph.props(a).get(f) in (None, "") for f in REQUIRED)
            )
            if len(actions) < ctx.params["min_measures"] or incomplete:
                company = next((org[1] for org, _ in graph.inc(declaration, "DECLARED")), None)
                yield Hit(declaration, {"measures": len(actions), "incomplete": incomplete, "company": company})
