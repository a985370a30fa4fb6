"""OM302: no contact of the network belongs to an intermediary organisation."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity


class IntermediaryContact(Rule):
    """None of the network's named contacts works for an intermediary organisation.

    Why: of the two contacts, "eine Person [gehört] einer intermediären Organisation an"
    (slides, §1 formal criteria). An intermediary contact (chamber, association, insurer,
    development agency, ...) keeps the network anchored in the supporting institutions
    rather than in a consultancy or company.

    Fails: both contacts work for consultancies.
    Passes: the moderation contact works for a chamber of crafts.
    """

    code = "OM302"
    name = "formal.intermediary_contact"
    severity = Severity.error
    source = "000 §1"
    title = {
        "en": "No contact from an intermediary",
        "de": "Kein Ansprechpartner einer intermediären Organisation",
    }
    message = {
        "en": "none of {contacts} contact person(s) belongs to an intermediary organisation",
        "de": "keiner der {contacts} Ansprechpartner gehört einer intermediären Organisation an",
    }
    planted = {"no_intermediary_contact": 0.06}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in graph.om_networks():
            contacts = {person for person, _ in graph.inc(network, "CONTACT_FOR")}
            if not any(
                graph.props(org).get("intermediary") is True
                for person in contacts
                for org, _ in graph.out(person, "WORKS_FOR")
            ):
                yield Hit(network, {"contacts": len(contacts)})
