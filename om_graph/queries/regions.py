"""Regions of one level and the walks up the region hierarchy that rules and coverage share.

OM401, OM404 and the coverage queries look at the regions of one level (by default the
federal states) and roll facts up the hierarchy: each covered region or located
organisation walks its ancestors once, so the cost is linear in the graph rather than
networks times regions.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Collection

from om_graph.engines.embedded.graph import EmbeddedGraph, Node


def regions_of_level(graph: EmbeddedGraph, level: str) -> list[Node]:
    """The regions of ``level``, sorted by id."""
    return [r for r in graph.nodes("Region") if graph.props(r).get("level") == level]


def containing(graph: EmbeddedGraph, region: Node, level: str) -> list[Node]:
    """The regions of ``level`` whose subtree holds ``region``: itself or one of its ancestors."""
    return [r for r in (region, *graph.ancestors(region)) if graph.props(r).get("level") == level]


def networks_within(graph: EmbeddedGraph, level: str, kinds: Collection[str] = ("regional",)) -> dict[Node, set[Node]]:
    """For each region of ``level``: the OM networks of ``kinds`` (regional ones) covering a region of its subtree."""
    found: dict[Node, set[Node]] = defaultdict(set)
    for region, networks in graph.networks_by_region.items():
        regional = {
            n for n in networks if graph.props(n).get("kind") in kinds and graph.is_om_network(n)
        }
        if regional:
            for target in containing(graph, region, level):
                found[target] |= regional
    return found


def with_ambassador(graph: EmbeddedGraph, level: str) -> set[Node]:
    """Regions of ``level`` with an ambassador for a region in their subtree or for an ancestor."""
    served = {region for person in graph.nodes("Person") for region, _ in graph.out(person, "AMBASSADOR_FOR")}
    found = {target for region in served for target in containing(graph, region, level)}
    found.update(r for r in regions_of_level(graph, level) if served.intersection(graph.ancestors(r)))
    return found
