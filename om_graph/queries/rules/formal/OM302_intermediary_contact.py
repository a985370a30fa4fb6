"""OM302: no contact of the network belongs to an intermediary organisation."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import NOT_ON_RECORD, Hit, Rule, RuleContext, Scope, Severity


class IntermediaryContact(Rule):
    """None of the regional network's named contacts works for an intermediary organisation.

    Why: of the two contacts, "eine Person [gehört] einer intermediären Organisation an"
    (slides, §1 formal criteria). An intermediary contact (chamber, association, insurer,
    development agency, ...) keeps the network anchored in the supporting institutions
    rather than in a consultancy or company. A network naming no contact at all is OM301's
    finding, not this one's. When a contact's organisation is not on record and no other
    contact is from an intermediary, OM cannot judge it: not on record, please check.

    Fails: both contacts work for consultancies.
    Passes: the moderation contact works for a chamber of crafts.
    Not on record: one contact from a consultancy, the other with no organisation recorded.
    """

    code = "OM302"
    name = "formal.intermediary_contact"
    severity = Severity.error
    source = "000 §1"
    scope = Scope.regional
    scope_source = '000 §1 "Formale Umsetzung der Kriterien für regionale Netzwerke": "Ein regionales Netzwerk [...] benennt zwei Ansprechpartner"'
    title = {
        "en": "No contact from an intermediary",
        "de": "Kein Ansprechpartner einer intermediären Organisation",
    }
    message = {
        "en": "none of {contacts} contact person(s) belongs to an intermediary organisation",
        "de": "keiner der {contacts} Ansprechpartner gehört einer intermediären Organisation an",
    }
    not_on_record_message = {
        "en": "not on record: please check which organisation {unaffiliated} work(s) for; "
        "no other contact belongs to an intermediary organisation",
        "de": "nicht erfasst: bitte prüfen, welcher Organisation {unaffiliated} angehört bzw. angehören; "
        "kein anderer Ansprechpartner gehört einer intermediären Organisation an",
    }
    person_evidence = ("unaffiliated",)
    named_evidence = {"unaffiliated": "person"}
    planted = {"no_intermediary_contact": 0.06}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            contacts = {person for person, _ in graph.inc(network, "CONTACT_FOR")}
            if not contacts:
                continue  # OM301 says so
            employers = {person: [org for org, _ in graph.out(person, "WORKS_FOR")] for person in contacts}
            if any(graph.props(org).get("intermediary") is True for orgs in employers.values() for org in orgs):
                continue
            unaffiliated = sorted(person[1] for person, orgs in employers.items() if not orgs)
            if unaffiliated:
                yield Hit(network, {NOT_ON_RECORD: True, "contacts": len(contacts), "unaffiliated": unaffiliated})
            else:
                yield Hit(network, {"contacts": len(contacts)})
