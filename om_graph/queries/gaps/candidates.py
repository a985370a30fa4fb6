"""Which networks the gap analyses consider, what links two networks, and where a gap lies.

A user planning cooperation wants networks that can cooperate: OM networks (status applied
or recognised) that are open. A closed circle can only be an OM partner, not a network
(OM110), and a withdrawn or partner-only network holds no network status, so neither is
proposed as a partner nor reported as isolated. The kinds about regions (overlap, border,
intermediaries, pooling) consider the *regional* ones among them, as OM109 and OM111 do;
an isolated network may be thematic too.

Two networks are *linked* when cooperation is on record in any of the forms OM109 accepts:
a recorded cooperation or an agreed sub-network (either direction), a shared member
organisation, or an activity both networks held.

Each function has its twin in the Cypher files under ``cypher/gaps/``.
"""

from __future__ import annotations


from om_graph.engines.embedded.graph import EmbeddedGraph, Node



def counts(graph: EmbeddedGraph, network: Node) -> bool:
    """Does the network take part in the gap analyses (an open OM network)?"""
    return graph.is_om_network(network) and graph.props(network).get("open", True) is not False


def counted_networks(graph: EmbeddedGraph) -> list[Node]:
    return [n for n in graph.nodes("Network") if counts(graph, n)]


def is_regional(graph: EmbeddedGraph, network: Node) -> bool:
    return graph.props(network).get("kind") == "regional"


def regional_networks(graph: EmbeddedGraph) -> list[Node]:
    """The networks the regional kinds of gap consider, sorted by id."""
    return [n for n in counted_networks(graph) if is_regional(graph, n)]


def top_regions(graph: EmbeddedGraph, regions: set[Node]) -> list[Node]:
    """The regions of a closed set (every region inside a member is a member) whose parent is not in it.

    Each stands for itself and everything inside it, so the list is short: the regions where
    two networks meet are Bayern, not Bayern's 96 districts.
    """
    return sorted(r for r in regions if not (parents := graph.out(r, "PART_OF")) or parents[0][0] not in regions)


def representative(regions: list[Node] | set[Node]) -> Node | None:
    """The region a gap is listed under: of several, the one with the smallest id (``None`` if none)."""
    return min(regions, key=lambda r: r[1], default=None)


def region_path(graph: EmbeddedGraph, region: Node | None) -> list[str]:
    """The ids of ``region`` and of every region containing it, up to the root."""
    if region is None:
        return []
    return [region[1], *(r[1] for r in graph.ancestors(region))]
