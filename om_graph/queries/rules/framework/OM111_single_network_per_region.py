"""OM111: more than one OM network for a region or topic."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity
from om_graph.queries.evidence import first_ids


class SingleNetworkPerRegion(Rule):
    """Another OM network works in the same region (or on the same topic) without an agreed sub-network.

    Why: "Es kann in jeder Region/jedem Fachgebiet nur ein regionales/fachliches Netzwerk
    der Offensive Mittelstand geben. Im Konsens und in Abstimmung kann es innerhalb einer
    größeren Region/größeren Fachgebietes eines Netzwerkes auch kleine lokale/fachliche
    Netzwerke geben. Kommt es zu keiner Einigung, wird der Leitungskreis [...] hinzugezogen"
    (2012 criteria, Rahmenbedingungen, item 11). Regional networks conflict when the regions
    they cover intersect, thematic ones when their topics are equal (ignoring case and
    surrounding blanks); a SUB_NETWORK_OF edge between the two records the consensus. The
    evidence names the first ten other networks by id and counts them all.

    Fails: an OM network for Bayern and one for München, with no sub-network agreement.
    Passes: the München network recorded as SUB_NETWORK_OF the Bayern network.
    """

    code = "OM111"
    name = "framework.single_network_per_region"
    severity = Severity.error
    source = "001 Rahmenbedingungen, item 11"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen, item 11: "in jeder Region/jedem Fachgebiet nur ein regionales/fachliches Netzwerk"'
    title = {"en": "Several networks per region or topic", "de": "Mehrere Netzwerke je Region/Fachgebiet"}
    message = {
        "en": "works in the same region or topic as {count} other OM network(s), e.g. {others}, without "
        "an agreed sub-network; if they cannot agree, the Leitungskreis decides",
        "de": "gleiche Region bzw. gleiches Fachgebiet wie {count} andere(s) OM-Netzwerk(e), z. B. {others}, "
        "ohne vereinbartes Teilnetzwerk; kommt es zu keiner Einigung, entscheidet der Leitungskreis",
    }
    planted = {"overlap": 0.02}
    named_evidence = {"others": "network"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        by_topic: dict[str, set[Node]] = defaultdict(set)
        audited = ctx.networks(graph)
        for network in audited:
            props = graph.props(network)
            if props.get("kind") == "thematic" and (topic := _topic_key(props.get("topic"))):
                by_topic[topic].add(network)
        for network in audited:
            props = graph.props(network)
            if props.get("kind") == "regional":
                rivals = {
                    m
                    for m in graph.overlapping_networks(network)
                    if graph.is_om_network(m) and graph.props(m).get("kind") == "regional"
                }
            else:
                rivals = set(by_topic.get(_topic_key(props.get("topic")), ()))
            rivals -= {m for m, _ in graph.both(network, "SUB_NETWORK_OF")} | {network}
            if rivals:
                yield Hit(network, {"others": first_ids(m[1] for m in rivals), "count": len(rivals)})


def _topic_key(topic: str | None) -> str:
    # lower(), not casefold(): the same comparison as Cypher's toLower().
    return (topic or "").strip().lower()
