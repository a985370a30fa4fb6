"""OM112: a network still uses the OM name after it was withdrawn."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import NOT_ON_RECORD, Hit, Rule, RuleContext, Scope, Severity


class WithdrawnName(Rule):
    """The network's right to the OM network name was withdrawn, yet it still presents itself as one.

    Why: "Es ist möglich, dass das Plenum der Offensive Mittelstand auf Vorschlag der
    Leitung, einem Netzwerk der Offensive Mittelstand die Berechtigung entzieht, sich
    Offensive Mittelstands-Netzwerk zu nennen" (2012 criteria, paragraph after the
    Rahmenbedingungen). A withdrawal only protects OM if the name actually goes. A withdrawn
    network is listed apart from the implementation stages, with this finding.

    Fails: a network with status withdrawn and presents_as_om = true.
    Passes: a withdrawn network with presents_as_om = false.
    Not on record: a withdrawn network with presents_as_om left blank.
    """

    code = "OM112"
    name = "framework.withdrawn_name"
    severity = Severity.error
    source = "001, withdrawal paragraph"
    scope = Scope.both
    scope_source = '001, withdrawal paragraph: "einem Netzwerk der Offensive Mittelstand die Berechtigung entzieht"'
    title = {"en": "Withdrawn OM name still in use", "de": "Entzogener OM-Name weiter verwendet"}
    message = {
        "en": "the right to be called an OM network was withdrawn, "
        "but the network still presents itself as one",
        "de": "die Berechtigung, sich Offensive-Mittelstands-Netzwerk zu nennen, wurde entzogen, "
        "das Netzwerk tritt aber weiter als solches auf",
    }
    not_on_record_message = {
        "en": "not on record: the right to be called an OM network was withdrawn; please check whether "
        "the network still presents itself as one",
        "de": "nicht erfasst: die Berechtigung, sich Offensive-Mittelstands-Netzwerk zu nennen, wurde entzogen; "
        "bitte prüfen, ob das Netzwerk weiter als solches auftritt",
    }

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in graph.nodes("Network"):
            props = graph.props(network)
            if props.get("status") != "withdrawn" or not ctx.in_scope(graph, network):
                continue
            presents = props.get("presents_as_om")
            if presents is None:
                yield Hit(network, {NOT_ON_RECORD: True})
            elif presents is True:
                yield Hit(network)
