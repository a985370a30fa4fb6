"""OM109: no cooperation with neighbouring OM networks."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Scope, Severity
from om_graph.queries.evidence import first_ids


class NetworkCooperation(Rule):
    """The regional network cooperates with none of the OM networks that overlap or border its region.

    Why: "Es ist bereit, mit anderen regionalen und fachlichen Netzwerken der Offensive
    Mittelstand zusammenzuarbeiten. In keinem Fall darf es zur Konkurrenz der Netzwerke
    untereinander kommen" (2012 criteria, Rahmenbedingungen, item 9). Neighbours that share
    nothing drift into competing for the same companies. Cooperation on record: a recorded
    cooperation, an agreed sub-network, a shared member or a joint activity. The evidence
    names the first ten neighbours by id and counts them all.

    Fails: OM networks for München and Landkreis München with nothing in common.
    Passes: the same two networks with a shared member organisation.
    """

    code = "OM109"
    name = "framework.cooperation"
    severity = Severity.warning
    source = "001 Rahmenbedingungen, item 9"
    scope = Scope.regional
    scope_source = (
        '001 Handlungsrahmen: "Die Netzwerke stimmen Ihre Aktivitäten untereinander ab, falls es zu '
        'Überschneidungen kommen sollte": neighbours overlap or border in a region'
    )
    title = {
        "en": "No cooperation with neighbour networks",
        "de": "Keine Zusammenarbeit mit Nachbarnetzen",
    }
    message = {
        "en": "no cooperation on record with any of the {count} overlapping or bordering OM network(s), "
        "e.g. {neighbours}",
        "de": "keine Zusammenarbeit mit einem der {count} überlappenden oder angrenzenden "
        "OM-Netzwerke erfasst, z. B. {neighbours}",
    }
    planted = {"isolated": 0.05}
    named_evidence = {"neighbours": "network"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            nearby = graph.overlapping_networks(network) | graph.bordering_networks(network)
            neighbours = {m for m in nearby if graph.is_om_network(m) and ctx.in_scope(graph, m)}
            if neighbours and not neighbours & graph.cooperating_networks(network):
                yield Hit(network, {"neighbours": first_ids(m[1] for m in neighbours), "count": len(neighbours)})
