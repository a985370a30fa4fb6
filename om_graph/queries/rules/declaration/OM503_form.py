"""OM503: the self-declaration form is not filled in."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity


class DeclarationForm(Rule):
    """The self-declaration (Selbsterklärung) form is not complete or not signed.

    Why: "Die Selbsterklärung wurde ausgefüllt" (slides, special item:
    Vollständigkeitskriterien Selbsterklärung). A form not completed, or without the date it
    was signed, declares nothing, and its two-year validity (OM504) cannot start.

    Fails: form_complete = true but no signed_on date.
    Passes: form_complete = true and signed on 2025-01-15.
    """

    code = "OM503"
    name = "declaration.form"
    severity = Severity.error
    subject_kind = "self_declaration"
    source = "000 special item"
    title = {"en": "Self-declaration not filled in", "de": "Selbsterklärung nicht ausgefüllt"}
    message = {
        "en": "the self-declaration form is incomplete or unsigned (company {company})",
        "de": "die Selbsterklärung ist nicht vollständig ausgefüllt oder nicht unterschrieben "
        "(Unternehmen {company})",
    }
    planted = {"form": 0.08}
    named_evidence = {"company": "organisation"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for declaration in graph.nodes("SelfDeclaration"):
            props = graph.props(declaration)
            if props.get("form_complete") is not True or props.get("signed_on") is None:
                company = next((org[1] for org, _ in graph.inc(declaration, "DECLARED")), None)
                yield Hit(declaration, {"company": company})
