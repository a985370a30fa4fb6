"""Statistics of the network of networks: who is central, who is isolated, who bridges.

Built only from the rows of the ``network/*`` analyses, so both engines give the same
statistics. Two graphs are measured:

- the **network graph**: one node per network, one edge per link (a shared partner or a
  recorded cooperation). Edge weight = number of shared partners; a link that is only a
  recorded cooperation weighs 1, as much as one shared partner: it is a working tie, and
  weight 0 would hide it from the weighted degree and the communities.
- the **membership graph**: organisations and networks, one edge per membership.

Metrics: degree and weighted degree; betweenness (normalised, on hops, weights ignored:
a strong tie is not a longer path); connected components and Louvain communities (fixed
seed), both numbered from 1 in the order of their smallest member id; and per organisation
its betweenness in the membership graph. An organisation is **bridging** when it is a
cut vertex of the membership graph: take it out and some of its networks have no other
chain of shared partners left between them. This is exact and cheap at any size.

Betweenness is exact for graphs up to ``EXACT_UP_TO`` nodes; above, it is estimated from
``SAMPLED_SOURCES`` source nodes drawn with a fixed seed (the summary says which; see
:mod:`om_graph.features.network.betweenness`).

>>> stats = stats_from_rows(
...     networks=[{"id": i, "name": i, "kind": "regional", "status": "recognised", "partners": 1} for i in "abc"],
...     links=[{"source_id": "a", "target_id": "b", "shared_partners": 1, "cooperation": False},
...            {"source_id": "b", "target_id": "c", "shared_partners": 0, "cooperation": True}],
...     memberships=[])
>>> [(n.id, n.degree, n.betweenness) for n in stats.networks]
[('a', 1, 0.0), ('b', 2, 1.0), ('c', 1, 0.0)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

import networkx as nx

from om_graph.engines.contract import Engine
from om_graph.queries.registry import run_query
from om_graph.features.network.betweenness import betweenness

#: Largest graph (in nodes) whose betweenness is computed exactly.
EXACT_UP_TO = 2000
#: Source nodes sampled for the betweenness of larger graphs, and the seed that draws them.
SAMPLED_SOURCES = 50
SEED = 1
#: Digits kept of betweenness and modularity, so output does not vary in the last bits.
DIGITS = 6


@dataclass(frozen=True)
class Link:
    """Two networks (``source_id`` < ``target_id``) that share partners or cooperate."""

    source_id: str
    target_id: str
    shared_partners: int
    cooperation: bool

    @property
    def weight(self) -> int:
        """Shared partners; a cooperation-only link counts as one."""
        return max(self.shared_partners, 1)


@dataclass(frozen=True)
class NetworkMetrics:
    id: str
    name: str
    kind: str
    status: str
    partners: int
    degree: int
    weighted_degree: int
    betweenness: float
    component: int
    community: int
    isolated: bool


@dataclass(frozen=True)
class OrganisationMetrics:
    id: str
    name: str
    networks: int
    betweenness: float
    bridging: bool


@dataclass(frozen=True)
class NetworkStats:
    """Per-network and per-organisation metrics, the links, and a summary (see module doc)."""

    networks: list[NetworkMetrics]
    organisations: list[OrganisationMetrics]
    links: list[Link]
    summary: dict[str, Any]


def network_stats(engine: Engine) -> NetworkStats:
    """The statistics of the network of networks held by ``engine`` (embedded or Neo4j)."""
    return stats_from_rows(
        run_query(engine, "network/networks"),
        run_query(engine, "network/links"),
        run_query(engine, "network/memberships"),
    )


def stats_from_rows(
    networks: Iterable[dict[str, Any]], links: Iterable[dict[str, Any]], memberships: Iterable[dict[str, Any]]
) -> NetworkStats:
    """The statistics from the rows of ``network/networks``, ``network/links`` and ``network/memberships``."""
    networks = sorted(networks, key=lambda r: r["id"])
    link_list = sorted((Link(**row) for row in links), key=lambda link: (link.source_id, link.target_id))
    memberships = sorted(memberships, key=lambda r: (r["organisation_id"], r["network_id"]))

    graph = nx.Graph()
    graph.add_nodes_from(row["id"] for row in networks)
    graph.add_weighted_edges_from((link.source_id, link.target_id, link.weight) for link in link_list)
    net_betweenness, net_method = _betweenness(graph)
    components = _numbered(nx.connected_components(graph))
    communities = _numbered(nx.community.louvain_communities(graph, weight="weight", seed=SEED))
    modularity = _modularity(graph, communities)

    network_metrics = [
        NetworkMetrics(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            status=row["status"],
            partners=row["partners"],
            degree=graph.degree(row["id"]),
            weighted_degree=graph.degree(row["id"], weight="weight"),
            betweenness=net_betweenness[row["id"]],
            component=components[row["id"]],
            community=communities[row["id"]],
            isolated=graph.degree(row["id"]) == 0,
        )
        for row in networks
    ]
    organisation_metrics, org_method = _organisation_metrics(networks, memberships)
    summary = {
        "networks": len(network_metrics),
        "links": len(link_list),
        "cooperations": sum(link.cooperation for link in link_list),
        "components": len(set(components.values())),
        "isolated_networks": sum(m.isolated for m in network_metrics),
        "communities": len(set(communities.values())),
        "modularity": modularity,
        "organisations": len(organisation_metrics),
        "bridging_organisations": sum(o.bridging for o in organisation_metrics),
        "betweenness": {"networks": net_method, "organisations": org_method},
    }
    return NetworkStats(network_metrics, organisation_metrics, link_list, summary)


def _organisation_metrics(
    networks: list[dict[str, Any]], memberships: list[dict[str, Any]]
) -> tuple[list[OrganisationMetrics], str]:
    """Betweenness and bridging of each member organisation in the membership graph."""
    graph = nx.Graph()
    graph.add_nodes_from(("Network", row["id"]) for row in networks)
    names: dict[str, str] = {}
    for row in memberships:
        names[row["organisation_id"]] = row["organisation_name"]
        graph.add_edge(("Organisation", row["organisation_id"]), ("Network", row["network_id"]))
    betweenness, method = _betweenness(graph)
    cut_vertices = set(nx.articulation_points(graph))
    metrics = []
    for org_id in sorted(names):
        node = ("Organisation", org_id)
        metrics.append(
            OrganisationMetrics(
                id=org_id,
                name=names[org_id],
                networks=graph.degree(node),
                betweenness=betweenness[node],
                bridging=node in cut_vertices,
            )
        )
    return metrics, method


def _betweenness(graph: nx.Graph) -> tuple[dict[Any, float], str]:
    """Normalised betweenness on hops, rounded: exact for small graphs, sampled with a fixed seed above."""
    values, method = betweenness(graph, exact_up_to=EXACT_UP_TO, sources=SAMPLED_SOURCES, seed=SEED)
    return {node: round(value, DIGITS) for node, value in values.items()}, method


def _numbered(groups: Iterable[set[str]]) -> dict[str, int]:
    """Number groups from 1 in the order of their smallest member, so ids do not depend on the algorithm's order."""
    ordered = sorted((sorted(group) for group in groups), key=lambda members: members[0])
    return {member: number for number, members in enumerate(ordered, start=1) for member in members}


def _modularity(graph: nx.Graph, communities: dict[str, int]) -> float:
    """Modularity of the communities; 0 for a graph without links, where it is undefined."""
    if graph.number_of_edges() == 0:
        return 0.0
    groups: dict[int, set[str]] = {}
    for node, number in communities.items():
        groups.setdefault(number, set()).add(node)
    return round(nx.community.modularity(graph, groups.values(), weight="weight"), DIGITS)
