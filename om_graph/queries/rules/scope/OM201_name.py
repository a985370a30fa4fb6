"""OM201: the network's name shows neither its region or topic, nor OM."""

from __future__ import annotations

import re
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity

#: The standalone uppercase word OM, as in "OM-Netzwerk Oberfranken" (not "Zoom" or "om").
OM_WORD = re.compile(r"\bOM\b")


class NetworkName(Rule):
    """The network's name refers to neither its region nor its topic, or it does not show OM.

    Why: a network "sollte einen eigenen Namen führen, in dem der Bezug zur Region oder zum
    Fachthema deutlich wird. Wird der Bezug zur Offensive Mittelstand im Namen des Netzwerkes
    nicht deutlich, macht das Netzwerk öffentlich deutlich, dass es auch ein Partnernetzwerk
    der Offensive Mittelstand ist – durch Führen des Partner-Logos auf der Homepage"
    (2012 criteria, Handlungsrahmen, item 2). ``no_reference``: the name contains the name of
    no directly covered region and not the topic; ``no_om_mark``: neither "Offensive
    Mittelstand" nor the word OM is in the name and the homepage shows no partner logo.

    Fails: "Unternehmerforum Süd" covering Bayern, without partner logo on its homepage.
    Passes: "OM-Netzwerk Bayern" covering Bayern.
    """

    code = "OM201"
    name = "scope.name"
    severity = Severity.warning
    source = "001 Handlungsrahmen, item 2"
    title = {"en": "Name without region, topic or OM", "de": "Name ohne Bezug zu Region, Thema oder OM"}
    message = {
        "en": "name problem(s): {problems} (no_reference: neither region nor topic in the name; "
        "no_om_mark: OM not in the name and no OM partner logo on the homepage)",
        "de": "Mängel im Namen: {problems} (no_reference: weder Region noch Fachthema im Namen; "
        "no_om_mark: Offensive Mittelstand nicht im Namen und kein Partner-Logo auf der Homepage)",
    }
    planted = {"bad_name": 0.05}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in graph.om_networks():
            props = graph.props(network)
            name = props.get("name", "")
            problems = []
            if not any(ref.lower() in name.lower() for ref in _references(graph, network)):
                problems.append("no_reference")
            has_mark = "offensive mittelstand" in name.lower() or OM_WORD.search(name) is not None
            if not has_mark and props.get("logo_on_homepage") is not True:
                problems.append("no_om_mark")
            if problems:
                yield Hit(network, {"problems": problems})


def _references(graph: EmbeddedGraph, network: Node) -> list[str]:
    """What the name may refer to: the names of directly covered regions and the topic, if set."""
    names = [graph.name(region) for region, _ in graph.out(network, "COVERS")]
    names.append(graph.props(network).get("topic") or "")
    return [n for n in names if n.strip()]
