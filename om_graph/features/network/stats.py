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

Everything is computed by igraph's compiled algorithms on integer-indexed graphs.
Betweenness is exact while the graph is small enough for a fixed amount of work and
estimated from source nodes drawn with a fixed seed above, with an error bound that the
summary states (see :mod:`om_graph.features.network.betweenness`): the time grows with the
graph without a jump. Louvain runs on igraph's random numbers seeded with ``SEED``, so the
communities are the same on every run and on both engines.

>>> stats = stats_from_rows(
...     networks=[{"id": i, "name": i, "kind": "regional", "status": "recognised", "partners": 1} for i in "abc"],
...     links=[{"source_id": "a", "target_id": "b", "shared_partners": 1, "cooperation": False},
...            {"source_id": "b", "target_id": "c", "shared_partners": 0, "cooperation": True}],
...     memberships=[])
>>> [(n.id, n.degree, n.betweenness) for n in stats.networks]
[('a', 1, 0.0), ('b', 2, 1.0), ('c', 1, 0.0)]
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Iterable, Iterator

import igraph

from om_graph.dataset.bulk import paused_gc
from om_graph.engines.contract import Engine
from om_graph.queries.registry import run_query
from om_graph.features.network.betweenness import WORK, betweenness
from om_graph.features.network.links import Link, Links, derived_links

__all__ = ["Link", "Links", "NetworkMetrics", "NetworkStats", "OrganisationMetrics", "network_stats", "stats_from_rows"]

#: Seed of the betweenness sample and of Louvain's random order.
SEED = 1
#: Steps each betweenness may take (see :mod:`~om_graph.features.network.betweenness`): the network graph gets
#: four times the organisations' share, as its central networks lead the table and igraph walks it about ten
#: times faster per step (measured at scale 100: 6 ms per source on 535,228 links, 30 ms on 219,755 memberships).
NETWORK_WORK = 4 * WORK
ORGANISATION_WORK = WORK
#: Digits kept of betweenness and modularity, so output does not vary in the last bits.
DIGITS = 6


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
    links: Links
    summary: dict[str, Any]


def network_stats(engine: Engine) -> NetworkStats:
    """The statistics of the network of networks held by ``engine`` (embedded or Neo4j).

    The memberships are read a network per row (``network/members``), and the links derived from them
    and the recorded cooperations (:func:`derived_links`), not read as the half a million rows of
    ``network/links``: the same statistics, a fraction of the rows.
    """
    with paused_gc():  # hundreds of thousands of rows and metrics, no reference cycles among them
        networks = sorted(run_query(engine, "network/networks"), key=itemgetter("id"))
        members = run_query(engine, "network/members")
        pairs = [(organisation, row["network_id"]) for row in members for organisation, _ in row["members"]]
        names = {organisation: name for row in members for organisation, name in row["members"]}
        links = derived_links([row["id"] for row in networks], pairs, run_query(engine, "network/cooperations"))
        return _stats(networks, links, pairs, names)


def stats_from_rows(
    networks: Iterable[dict[str, Any]], links: Links | Iterable[dict[str, Any]], memberships: Iterable[dict[str, Any]]
) -> NetworkStats:
    """The statistics from the rows of ``network/networks``, ``network/links`` (or :func:`derived_links` over the
    same sorted ids) and ``network/memberships``."""
    memberships = sorted(memberships, key=itemgetter("organisation_id", "network_id"))
    pairs = list(map(itemgetter("organisation_id", "network_id"), memberships))
    # The first row's name of each organisation (the dict keeps the last of the reversed rows).
    names = dict(zip(map(itemgetter("organisation_id"), reversed(memberships)), map(itemgetter("organisation_name"), reversed(memberships))))
    return _stats(sorted(networks, key=itemgetter("id")), links, pairs, names)


def _stats(
    networks: list[dict[str, Any]], links: Links | Iterable[dict[str, Any]], pairs: list[tuple[str, str]], names: dict[str, str]
) -> NetworkStats:
    """The statistics of ``networks`` (sorted by id), their links, the memberships as (organisation, network)
    pairs and the member organisations' names."""
    ids = [row["id"] for row in networks]
    index = {network_id: i for i, network_id in enumerate(ids)}
    if isinstance(links, Links) and links.ids != ids:
        raise ValueError("links over other network ids than the networks given")
    link_list = links if isinstance(links, Links) else Links.from_rows(ids, links)
    weights = link_list.weights()
    graph = igraph.Graph(n=len(ids), edges=link_list.edges())
    degree, weighted_degree = graph.degree(), graph.strength(weights=weights)
    net_betweenness, net_estimate = _betweenness(graph, NETWORK_WORK)
    components = _numbered(ids, graph.connected_components().membership)
    with _seeded_igraph():
        louvain = graph.community_multilevel(weights=weights).membership if link_list else list(range(len(ids)))
    communities = _numbered(ids, louvain)
    # Modularity is undefined without links; it is computed on the renumbered (equivalent) partition.
    modularity = round(graph.modularity([communities[i] for i in ids], weights=weights), DIGITS) if link_list else 0.0

    network_metrics = [
        NetworkMetrics(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            status=row["status"],
            partners=row["partners"],
            degree=degree[i],
            weighted_degree=int(weighted_degree[i]),
            betweenness=net_betweenness[i],
            component=components[row["id"]],
            community=communities[row["id"]],
            isolated=degree[i] == 0,
        )
        for i, row in enumerate(networks)
    ]
    organisation_metrics, org_estimate = _organisation_metrics(ids, index, pairs, names)
    summary = {
        "networks": len(network_metrics),
        "links": len(link_list),
        "cooperations": sum(link_list.cooperation),
        "components": len(set(components.values())),
        "isolated_networks": sum(m.isolated for m in network_metrics),
        "communities": len(set(communities.values())),
        "modularity": modularity,
        "organisations": len(organisation_metrics),
        "bridging_organisations": sum(o.bridging for o in organisation_metrics),
        "betweenness": {"networks": net_estimate, "organisations": org_estimate},
    }
    return NetworkStats(network_metrics, organisation_metrics, link_list, summary)


def _organisation_metrics(
    ids: list[str], index: dict[str, int], pairs: list[tuple[str, str]], names: dict[str, str]
) -> tuple[list[OrganisationMetrics], str]:
    """Betweenness and bridging of each member organisation in the membership graph (networks first, then organisations)."""
    org_index = {org_id: len(ids) + i for i, org_id in enumerate(sorted(names))}
    edges = [(org_index[organisation], index[network]) for organisation, network in pairs]
    graph = igraph.Graph(n=len(ids) + len(org_index), edges=edges)
    graph.simplify(multiple=True, loops=False)  # a membership recorded twice is one edge, as before
    values, estimate = _betweenness(graph, ORGANISATION_WORK)
    cut_vertices = set(graph.articulation_points())
    degree = graph.degree()
    metrics = [
        OrganisationMetrics(
            id=org_id,
            name=names[org_id],
            networks=degree[vertex],
            betweenness=values[vertex],
            bridging=vertex in cut_vertices,
        )
        for org_id, vertex in org_index.items()
    ]
    return metrics, estimate


def _betweenness(graph: igraph.Graph, work: int) -> tuple[list[float], str]:
    """Normalised betweenness on hops, rounded, and how it was computed (exact, or sampled with its bound)."""
    values, estimate = betweenness(graph, work=work, seed=SEED)
    return [round(value, DIGITS) for value in values], estimate.method


@contextmanager
def _seeded_igraph() -> Iterator[None]:
    """igraph's random numbers drawn from ``random.Random(SEED)``, then its default (the ``random`` module) again."""
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def _numbered(ids: list[str], groups: list[int]) -> dict[str, int]:
    """Number groups from 1 in the order of their smallest member, so ids do not depend on the algorithm's order.

    ``ids`` is sorted, so a group's first appearance is its smallest member.
    """
    numbers: dict[int, int] = {}
    return {network_id: numbers.setdefault(group, len(numbers) + 1) for network_id, group in zip(ids, groups)}
