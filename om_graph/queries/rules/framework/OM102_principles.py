"""OM102: OM's guiding principles not acknowledged."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity


class Principles(Rule):
    """The network has not acknowledged OM's guiding principles (Leitgedanken, Grundprinzipien).

    Why: "Es erkennt die Leitgedanken der Offensive Mittelstand an. Es arbeitet auf der
    Basis der Grundprinzipien der Offensive Mittelstand – Gut für Deutschland" (2012
    criteria, Rahmenbedingungen, items 2-3). Only an acknowledgement on record shows it;
    acting against the principles is what costs a network the OM name.

    Fails: a recognised network with no acknowledgement recorded.
    Passes: a recognised network with principles_acknowledged = true.
    """

    code = "OM102"
    name = "framework.principles"
    severity = Severity.error
    source = "001 Rahmenbedingungen, items 2-3"
    title = {"en": "Guiding principles not acknowledged", "de": "Leitgedanken nicht anerkannt"}
    message = {
        "en": "no acknowledgement of the OM guiding principles (Leitgedanken, Grundprinzipien) on record",
        "de": "keine Anerkennung der Leitgedanken und Grundprinzipien der Offensive Mittelstand erfasst",
    }
    planted = {"principles": 0.06}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in graph.om_networks():
            if graph.props(network).get("principles_acknowledged") is not True:
                yield Hit(network)
