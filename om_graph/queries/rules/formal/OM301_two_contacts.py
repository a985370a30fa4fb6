"""OM301: the network does not name two distinct contacts."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity


class TwoContacts(Rule):
    """The network does not name two distinct persons for coordination and moderation.

    Why: a regional network "benennt zwei Ansprechpartner (Netzwerkkoordination, Moderation)"
    (slides, §1 formal criteria). OM needs a coordination contact and a moderation contact,
    and one person holding both roles does not make two contacts.
    Thematic networks are not asked: the slides' formal criteria are "Kriterien für
    regionale Netzwerke", as for OM105 (a profile may ask them, ``scopes``).

    Fails: the same person is named for coordination and moderation, and no one else.
    Passes: one person for coordination, another for moderation.
    """

    code = "OM301"
    name = "formal.two_contacts"
    severity = Severity.error
    source = "000 §1"
    scope = Scope.regional
    scope_source = '000 §1 "Formale Umsetzung der Kriterien für regionale Netzwerke": "Ein regionales Netzwerk [...] benennt zwei Ansprechpartner"'
    title = {"en": "Not two distinct contacts", "de": "Keine zwei Ansprechpartner"}
    message = {
        "en": "coordination: {coordination}; moderation: {moderation}; two distinct persons required",
        "de": "Netzwerkkoordination: {coordination}; Moderation: {moderation}; "
        "zwei verschiedene Personen erforderlich",
    }
    person_evidence = ("coordination", "moderation")
    named_evidence = {"coordination": "person", "moderation": "person"}
    planted = {"one_contact": 0.05}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            roles: dict[str, set[str]] = {"coordination": set(), "moderation": set()}
            for person, edge in graph.inc(network, "CONTACT_FOR"):
                roles[edge["role"]].add(person[1])
            coordination, moderation = roles["coordination"], roles["moderation"]
            if not any(c != m for c in coordination for m in moderation):
                yield Hit(network, {"coordination": sorted(coordination), "moderation": sorted(moderation)})
