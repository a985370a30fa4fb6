"""OM504: the self-declaration is older than its validity."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Severity
from om_graph.dataset.dates import months_before


class DeclarationExpired(Rule):
    """The self-declaration has expired: reassessment is due.

    Why: "Die Selbsterklärung gilt für zwei Jahre. Die Selbstbewertung sollte dann [...]
    erneut durchgeführt werden" (slides, special item: Vollständigkeitskriterien
    Selbsterklärung). A declaration signed exactly two years before the audit date has
    expired; unsigned declarations are OM503's concern.

    Fails: signed on 2023-06-30, audited on 2025-06-30.
    Passes: signed on 2023-07-01, audited on 2025-06-30.
    """

    code = "OM504"
    name = "declaration.expired"
    severity = Severity.warning
    subject_kind = "self_declaration"
    source = "000 special item"
    title = {"en": "Self-declaration expired", "de": "Selbsterklärung abgelaufen"}
    message = {
        "en": "signed on {signed_on}, valid for {validity_months} months: reassessment due "
        "(company {company})",
        "de": "unterschrieben am {signed_on}, gültig für {validity_months} Monate: erneute Selbstbewertung fällig "
        "(Unternehmen {company})",
    }
    params = {"validity_months": Param(24, "How long a self-declaration stays valid, in months")}
    planted = {"expired": 0.18}
    named_evidence = {"company": "organisation"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        expiry = months_before(ctx.as_of, ctx.params["validity_months"])
        for declaration in graph.nodes("SelfDeclaration"):
            signed_on = graph.props(declaration).get("signed_on")
            if signed_on is not None and signed_on <= expiry:
                company = next((org[1] for org, _ in graph.inc(declaration, "DECLARED")), None)
                yield Hit(declaration, {"signed_on": signed_on, "company": company})
