"""OM102: OM's guiding principles not acknowledged."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import NOT_ON_RECORD, Hit, Rule, RuleContext, Scope, Severity


class Principles(Rule):
    """The network has not acknowledged OM's guiding principles (Leitgedanken, Grundprinzipien).

    Why: "Es erkennt die Leitgedanken der Offensive Mittelstand an. Es arbeitet auf der
    Basis der Grundprinzipien der Offensive Mittelstand – Gut für Deutschland" (2012
    criteria, Rahmenbedingungen, items 2-3). Only an acknowledgement on record shows it;
    acting against the principles is what costs a network the OM name. A record saying it has
    not acknowledged them fails the criterion; a blank cell is not on record: please check.

    Fails: a recognised network with principles_acknowledged = false.
    Passes: a recognised network with principles_acknowledged = true.
    Not on record: principles_acknowledged left blank.
    """

    code = "OM102"
    name = "framework.principles"
    severity = Severity.error
    source = "001 Rahmenbedingungen, items 2-3"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "Guiding principles not acknowledged", "de": "Leitgedanken nicht anerkannt"}
    message = {
        "en": "the network has not acknowledged the OM guiding principles (Leitgedanken, Grundprinzipien)",
        "de": "das Netzwerk hat die Leitgedanken und Grundprinzipien der Offensive Mittelstand nicht anerkannt",
    }
    not_on_record_message = {
        "en": "not on record: please check whether the network acknowledges the OM guiding principles "
        "(Leitgedanken, Grundprinzipien)",
        "de": "nicht erfasst: bitte prüfen, ob das Netzwerk die Leitgedanken und Grundprinzipien der "
        "Offensive Mittelstand anerkennt",
    }
    planted = {"principles": 0.06}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            acknowledged = graph.props(network).get("principles_acknowledged")
            if acknowledged is None:
                yield Hit(network, {NOT_ON_RECORD: True})
            elif acknowledged is not True:
                yield Hit(network, {})
