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
communities are the same on every run and on both engines. On a large landscape the
membership graph is measured in a forked child process (:mod:`~om_graph.forked`;
from a CSV folder, started before the dataset is read: :mod:`~om_graph.features.network.early`)
while this one measures the network graph, whose betweenness a second child computes beside the
communities: igraph holds the GIL, a second process uses the second core.

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
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Protocol

import igraph

from om_graph.dataset.bulk import paused_gc
from om_graph.dataset.model import Dataset
from om_graph.engines.contract import Engine
from om_graph.queries.registry import run_query
from om_graph.features.network.betweenness import WORK, betweenness, sources_for
from om_graph.forked import Forked
from om_graph.features.network.links import Link, Links, coded_links, derived_links
from om_graph.features.network.reads import Reads, dataset_reads, engine_reads

if TYPE_CHECKING:
    from om_graph.features.network.early import Early

__all__ = [
    "Link", "Links", "NetworkMetrics", "NetworkStats", "OrganisationMetrics", "dataset_network_stats", "network_links", "network_stats",
    "stats_from_rows",
]

#: The sheets the statistics read (through the queries of :func:`network_stats`): the embedded engine is built
#: from these alone, so a dataset is read and checked for them only.
SHEETS = frozenset({"networks", "organisations", "memberships", "cooperations"})
#: Seed of the betweenness sample and of Louvain's random order.
SEED = 1
#: Steps each betweenness may take (see :mod:`~om_graph.features.network.betweenness`): the network graph gets
#: four times the organisations' share, as its central networks lead the table and igraph walks it about ten
#: times faster per step (measured at scale 100: 6 ms per source on 535,228 links, 30 ms on 219,755 memberships).
NETWORK_WORK = 4 * WORK
ORGANISATION_WORK = WORK
#: Digits kept of betweenness and modularity, so output does not vary in the last bits.
DIGITS = 6
#: Steps of the membership graph's betweenness from which it is computed in a child process (about 50 ms):
#: below, starting the process would cost more than it saves.
FORK_WORK = 2_000_000


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

    The networks are read with their partners' ids (``network/partner_ids``), each member's name once
    (``network/member_names``), and the links derived from them and the recorded cooperations
    (:func:`coded_links`), not read as the half a million rows of ``network/links``: the same statistics,
    a fraction of the rows.
    """
    with paused_gc():  # hundreds of thousands of rows and metrics, no reference cycles among them
        return _stats_of(engine_reads(engine))


def dataset_network_stats(dataset: Dataset, early: Early | None = None) -> NetworkStats:
    """:func:`network_stats` of the embedded engine over ``dataset``, read from its validated rows
    (:func:`~om_graph.features.network.reads.dataset_reads`): the same statistics without building the graph.
    ``early``: the membership graph measured while the dataset was read (:mod:`~om_graph.features.network.early`)."""
    with paused_gc():
        return _stats_of(dataset_reads(dataset), early)


def _stats_of(reads: Reads, early: Early | None = None) -> NetworkStats:
    """The statistics of what :mod:`~om_graph.features.network.reads` read: the membership graph's metrics are started
    first, in a child process (:func:`_measured`; or were, ``early``), and computed there beside the links and the
    network graph."""
    ids = [row["id"] for row in reads.networks]
    members = Memberships(reads.organisations, reads.organisation.tolist(), reads.network.tolist())
    measured = _measured(len(ids), members) if early is None else early.measured(reads, partial(_measured, len(ids), members))
    links = coded_links(ids, reads.organisation, reads.network, reads.cooperations())
    return _stats(reads.networks, links, members, reads.names, measured)


def network_links(engine: Engine) -> Links:
    """The links between the networks ``engine`` holds, derived from ``network/partner_ids`` and
    ``network/cooperations`` as :func:`network_stats` derives them: for a map that needs the links only."""
    networks = sorted(run_query(engine, "network/partner_ids"), key=itemgetter("id"))
    pairs = ((organisation, row["id"]) for row in networks for organisation in row["partner_ids"])
    return derived_links([row["id"] for row in networks], pairs, run_query(engine, "network/cooperations"))


def stats_from_rows(
    networks: Iterable[dict[str, Any]], links: Links | Iterable[dict[str, Any]], memberships: Iterable[dict[str, Any]]
) -> NetworkStats:
    """The statistics from the rows of ``network/networks``, ``network/links`` (or :func:`derived_links` over the
    same sorted ids) and ``network/memberships``."""
    networks = sorted(networks, key=itemgetter("id"))
    memberships = sorted(memberships, key=itemgetter("organisation_id", "network_id"))
    # The first row's name of each organisation (the dict keeps the last of the reversed rows).
    names = dict(zip(map(itemgetter("organisation_id"), reversed(memberships)), map(itemgetter("organisation_name"), reversed(memberships))))
    code = {organisation_id: i for i, organisation_id in enumerate(sorted(names))}
    index = {row["id"]: i for i, row in enumerate(networks)}
    organisation = [code[row["organisation_id"]] for row in memberships]
    return _stats(networks, links, Memberships(list(code), organisation, [index[row["network_id"]] for row in memberships]), names)


@dataclass(frozen=True)
class Memberships:
    """The memberships as codes: the ``organisation[i]``-th of the sorted member ids ``organisations`` is a
    member of the ``network[i]``-th network (in id order)."""

    organisations: list[str]
    organisation: list[int]
    network: list[int]


def _stats(
    networks: list[dict[str, Any]],
    links: Links | Iterable[dict[str, Any]],
    members: Memberships,
    names: dict[str, str],
    measured: MetricsUnderWay | None = None,
) -> NetworkStats:
    """The statistics of ``networks`` (sorted by id), their links, the memberships and the member organisations' names;
    ``measured``: the membership graph's metrics if already started (:func:`_measured`).
    """
    ids = [row["id"] for row in networks]
    if isinstance(links, Links) and links.ids != ids:
        raise ValueError("links over other network ids than the networks given")
    link_list = links if isinstance(links, Links) else Links.from_rows(ids, links)
    organisations = measured or _measured(len(ids), members)
    weights = link_list.weights()
    graph = igraph.Graph(n=len(ids), edges=link_list.edges())
    degree, weighted_degree = graph.degree(), graph.strength(weights=weights)
    between = _forked_betweenness(graph, NETWORK_WORK)  # beside the communities, on the second core
    components = _numbered(ids, graph.connected_components().membership)
    with _seeded_igraph():
        louvain = graph.community_multilevel(weights=weights).membership if link_list else list(range(len(ids)))
    communities = _numbered(ids, louvain)
    # Modularity is undefined without links; it is computed on the renumbered (equivalent) partition.
    modularity = round(graph.modularity([communities[i] for i in ids], weights=weights), DIGITS) if link_list else 0.0

    net_betweenness, net_estimate = between.result()
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
    values, org_estimate, cut_vertices, org_degree = organisations.result()
    bridging = set(cut_vertices)
    organisation_metrics = [
        OrganisationMetrics(id=org_id, name=names[org_id], networks=org_degree[vertex], betweenness=values[vertex], bridging=vertex in bridging)
        for vertex, org_id in enumerate(members.organisations, start=len(ids))
    ]
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


#: Of the membership graph: each vertex's betweenness, how it was computed, the cut vertices, each vertex's degree.
OrganisationGraphMetrics = tuple[list[float], str, list[int], list[int]]


class MetricsUnderWay(Protocol):
    """The membership graph's metrics being computed (a :class:`Forked` child, or one started early): ``result()``."""

    def result(self) -> OrganisationGraphMetrics: ...


def _measured(networks: int, members: Memberships) -> Forked[OrganisationGraphMetrics]:
    """The membership graph's metrics, computed in a forked child (:class:`Forked`) while this process measures the
    network graph, when they are work enough (:data:`FORK_WORK`) to be worth a process; else when asked for."""
    worth = _worth_forking(networks + len(members.organisations), len(members.organisation), ORGANISATION_WORK)
    return Forked(partial(organisation_graph_metrics, networks, members), fork=worth)


def _forked_betweenness(graph: igraph.Graph, work: int) -> Forked[tuple[list[float], str]]:
    """:func:`_betweenness` of ``graph`` in a forked child while this process goes on, when it is work enough."""
    return Forked(partial(_betweenness, graph, work), fork=_worth_forking(graph.vcount(), graph.ecount(), work))


def _worth_forking(nodes: int, edges: int, work: int) -> bool:
    """Is the betweenness of a graph this size (within ``work``) work enough (:data:`FORK_WORK`) to be worth a process?"""
    return sources_for(nodes, edges, work) * (nodes + 2 * edges) >= FORK_WORK


def organisation_graph_metrics(networks: int, members: Memberships) -> OrganisationGraphMetrics:
    """The membership graph (networks first, then the organisations) and each vertex's betweenness, how it was
    computed, the cut vertices and each vertex's degree (its networks, for an organisation)."""
    edges = list(zip([networks + organisation for organisation in members.organisation], members.network))
    graph = igraph.Graph(n=networks + len(members.organisations), edges=edges)
    graph.simplify(multiple=True, loops=False)  # a membership recorded twice is one edge, as before
    values, estimate = _betweenness(graph, ORGANISATION_WORK)
    return values, estimate, graph.articulation_points(), graph.degree()


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
