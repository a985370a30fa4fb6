"""The network of networks as rows: its networks, the links between them, and who is a member where.

Two networks are linked when an organisation is a member of both (a shared partner) or when
a cooperation between them is on record. Links are found through the organisations and the
recorded cooperations, never by comparing every pair of networks.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.queries.registry import run_query
>>> from om_graph.dataset.model import Dataset, Membership, Network, Organisation
>>> engine = EmbeddedEngine(Dataset(
...     organisations=[Organisation(id="o1", name="IHK Beispiel", kind="chamber_of_commerce")],
...     networks=[Network(id="n1", name="OM Eins", kind="regional"), Network(id="n2", name="OM Zwei", kind="thematic")],
...     memberships=[Membership(organisation_id="o1", network_id="n1"), Membership(organisation_id="o1", network_id="n2")]))
>>> run_query(engine, "network/links")
[{'source_id': 'n1', 'target_id': 'n2', 'shared_partners': 1, 'cooperation': False}]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph, Node


@query("network/networks", columns=("id", "name", "kind", "status", "partners"))
def networks(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every network with its kind, status and number of partner organisations (members)."""
    for network in graph.nodes("Network"):
        yield {**_facts(graph, network), "partners": len({org for org, _ in graph.inc(network, "MEMBER_OF")})}


def _facts(graph: EmbeddedGraph, network: Node) -> dict[str, Any]:
    """A network's id, name, kind and status: the columns its rows begin with."""
    props = graph.props(network)
    return {"id": network[1], "name": props.get("name"), "kind": props.get("kind"), "status": props.get("status")}


@query("network/links", columns=("source_id", "target_id", "shared_partners", "cooperation"))
def links(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Pairs of networks that share a partner organisation or have a recorded cooperation."""
    shared: dict[tuple[str, str], set[Node]] = defaultdict(set)
    cooperating: set[tuple[str, str]] = set()
    for organisation in graph.nodes("Organisation"):
        member_of = sorted({network[1] for network, _ in graph.out(organisation, "MEMBER_OF")})
        for i, source in enumerate(member_of):
            for target in member_of[i + 1 :]:
                shared[(source, target)].add(organisation)
    for network in graph.nodes("Network"):
        for other, _ in graph.both(network, "COOPERATES_WITH"):
            if network[1] < other[1]:
                cooperating.add((network[1], other[1]))
    for pair in sorted(shared.keys() | cooperating):
        yield {
            "source_id": pair[0],
            "target_id": pair[1],
            "shared_partners": len(shared.get(pair, ())),
            "cooperation": pair in cooperating,
        }


@query("network/members", columns=("network_id", "members"))
def members(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every network with members, and its member organisations as [id, name] pairs.

    The rows of ``network/memberships`` grouped by network: at scale 100, 4,000 rows instead of
    219,755, which Neo4j's driver reads in a seventh of the time (its cost is per row).
    """
    for network in graph.nodes("Network"):
        found = {organisation for organisation, _ in graph.inc(network, "MEMBER_OF")}
        if found:
            yield {"network_id": network[1], "members": [[org[1], graph.props(org).get("name")] for org in found]}


@query("network/memberships", columns=("organisation_id", "organisation_name", "network_id"))
def memberships(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every membership: which organisation takes part in which network."""
    for organisation in graph.nodes("Organisation"):
        member_of = graph.out(organisation, "MEMBER_OF")
        if member_of:
            organisation_id, name = organisation[1], graph.props(organisation).get("name")
            for network, _ in member_of:
                yield {"organisation_id": organisation_id, "organisation_name": name, "network_id": network[1]}


@query("network/partner_ids", columns=("id", "name", "kind", "status", "partner_ids"))
def partner_ids(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every network with its kind, status and the ids of its partner organisations (members).

    With ``network/member_names``, what the statistics read: each organisation's name crosses
    Neo4j's wire once rather than once per membership (44,114 names, not 219,755, at scale 100), and
    the networks come with their members in one query.
    """
    for network in graph.nodes("Network"):
        yield {**_facts(graph, network), "partner_ids": list({org[1] for org, _ in graph.inc(network, "MEMBER_OF")})}


@query("network/member_names", columns=("organisations",))
def member_names(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every organisation that is a member of a network, as [id, name] pairs, in one row (none without members).

    One row because the driver's cost is per row: at scale 100, 44,114 rows take seconds to read from
    Neo4j, one row of as many pairs a tenth of a second.
    """
    props = graph.props
    found = [[o[1], props(o).get("name")] for o in graph.nodes("Organisation") if graph.out(o, "MEMBER_OF")]
    if found:
        yield {"organisations": found}
