"""isolated_network: an OM network linked to no other OM network at all."""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.gaps.kind import COLUMNS, GapKind, gap_row
from om_graph.queries.gaps.candidates import counted_networks, representative, top_regions

KIND = GapKind(
    code="isolated_network",
    rank=3,
    title={"en": "Isolated network", "de": "Isoliertes Netzwerk"},
    description={
        "en": "An OM network, regional or thematic, shares no partner with any other OM network and "
        "has no cooperation, sub-network agreement or joint activity with one: OM's network of "
        "networks does not reach it. A first contact for the Netzwerkkoordination or a Botschafter.",
        "de": "Ein OM-Netzwerk, regional oder fachlich, hat mit keinem anderen OM-Netzwerk einen "
        "gemeinsamen Partner, eine Zusammenarbeit, Teilnetzwerk-Vereinbarung oder gemeinsame "
        "Aktivität: Das Netzwerk der Netzwerke erreicht es nicht. Ein Anlass für die "
        "Netzwerkkoordination oder einen Botschafter.",
    },
)


@query(KIND.query, columns=COLUMNS)
def isolated_network(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """OM networks with no link on record to any other OM network (links to others do not count).

    The row's region is the covered region with the smallest id among those not inside another
    covered region (none for a network without regions); the evidence gives kind and size.
    """
    counted = set(counted_networks(graph))
    for network in sorted(counted):
        if graph.cooperating_networks(network) & counted:
            continue
        region = representative(top_regions(graph, graph.closure(network)))
        evidence = {"kind": graph.props(network).get("kind"), "members": len(graph.inc(network, "MEMBER_OF"))}
        yield gap_row(graph, KIND, network, None, region, evidence)
