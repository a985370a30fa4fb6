"""unaffiliated_intermediary: an intermediary organisation outside every network working where it is."""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.gaps.kind import COLUMNS, GapKind, gap_row
from om_graph.queries.evidence import listed
from om_graph.queries.gaps.candidates import counts, regional_networks

KIND = GapKind(
    code="unaffiliated_intermediary",
    rank=4,
    title={
        "en": "Intermediary outside the networks of its region",
        "de": "Intermediäre Organisation ohne Netzwerk ihrer Region",
    },
    description={
        "en": "An intermediary organisation (chamber, association, insurer, development agency...) "
        "is located where regional OM networks work, but is a member of none of them. Winning such "
        "organisations is a network's central task and the Botschafter's.",
        "de": "Eine intermediäre Organisation (Kammer, Verband, Versicherer, Wirtschaftsförderung...) "
        "hat ihren Sitz dort, wo regionale OM-Netzwerke arbeiten, ist aber in keinem davon Partner. "
        "Solche Organisationen zu gewinnen ist zentrale Aufgabe der Netzwerke und der Botschafter.",
    },
)


@query(KIND.query, columns=COLUMNS)
def unaffiliated_intermediary(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per intermediary located where regional OM networks work, if it is in none of them.

    A network works in the organisation's region when its closure holds the region the
    organisation is LOCATED_IN. Side b is the nearest of them: the one covering the most specific
    region around the organisation (smallest id on a tie), the network best placed to win it.
    One row per organisation, not per network, so the list grows with the organisations, not
    with organisations times networks. The evidence names the networks working there (the first
    ten by id, and their count), whether an ambassador has approached it, and which OM networks
    elsewhere it belongs to.
    """
    counted = set(regional_networks(graph))
    places: dict[Node, tuple[frozenset[Node], dict[str, Any], Node | None]] = {}  # many intermediaries share a place
    for organisation in graph.nodes("Organisation"):
        if graph.props(organisation).get("intermediary") is not True:
            continue
        for place, _ in graph.out(organisation, "LOCATED_IN"):
            if place not in places:
                working = [n for n in graph.networks_by_region.get(place, ()) if n in counted]
                nearest = _nearest(graph, place, counted) if working else None
                places[place] = (frozenset(working), listed("networks", (n[1] for n in working)), nearest)
            working_set, networks, nearest = places[place]
            memberships = {n for n, _ in graph.out(organisation, "MEMBER_OF")}
            if not working_set or not working_set.isdisjoint(memberships):
                continue
            evidence = {
                "approached": bool(graph.inc(organisation, "APPROACHED")),
                **listed("member_of", (n[1] for n in memberships if counts(graph, n))),
                **networks,
            }
            yield gap_row(graph, KIND, organisation, nearest, place, evidence)


def _nearest(graph: EmbeddedGraph, place: Node, counted: set[Node]) -> Node:
    """The counted network covering the most specific region around ``place`` (smallest id on a tie)."""
    for region in (place, *graph.ancestors(place)):
        covering = [n for n, _ in graph.inc(region, "COVERS") if n in counted]
        if covering:
            return min(covering)
    raise AssertionError("a working network covers the place or a region around it")
