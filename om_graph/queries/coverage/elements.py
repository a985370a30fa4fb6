"""coverage/elements: what an ambassador for a region would cover, and what is covered already.

An ambassador for region R covers everything in R's subtree. Three kinds of element need one:

* ``network``: an OM network (status applied or recognised, any kind) whose closure (the
  regions it covers and every region inside them) intersects subtree(R). It is covered when
  an existing ambassador's region subtree intersects its closure, or an ambassador is active
  in it (AMBASSADOR_IN). Networks without a region are in no region's row;
* ``intermediary``: an organisation with ``intermediary = true`` located in subtree(R);
* ``company``: any other organisation of kind ``company`` located in subtree(R) (an
  organisation counts once, as an intermediary if it is one).

Organisations are covered when located inside an existing ambassador's region. Everything is
found by walking the region hierarchy from each element or ambassador once, never by
comparing all pairs.
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.regions import containing, regions_of_level

COLUMNS = ("region_id", "region_name", "element_kind", "element_id", "element_name", "organisation_kind", "covered")

#: The element kinds, in the order reports show them.
ELEMENT_KINDS = ("network", "intermediary", "company")


def organisation_element_kind(props: dict[str, Any]) -> str | None:
    """``intermediary``, ``company`` or ``None`` (not an element) for an organisation's properties."""
    if props.get("intermediary") is True:
        return "intermediary"
    if props.get("kind") == "company":
        return "company"
    return None


def ambassador_regions(graph: EmbeddedGraph) -> dict[Node, set[str]]:
    """The regions ambassadors are for, each with the ids of its ambassadors."""
    found: dict[Node, set[str]] = {}
    for person in graph.nodes("Person"):
        for region, _ in graph.out(person, "AMBASSADOR_FOR"):
            found.setdefault(region, set()).add(person[1])
    return found


def regional_ambassadors(graph: EmbeddedGraph, network: Node, served: dict[Node, set[str]]) -> set[str]:
    """Ambassadors whose region subtree intersects the network's closure.

    A subtree meets the closure when the ambassador's region is inside it, or contains a
    region the network covers directly.
    """
    found: set[str] = set()
    regions = set(graph.closure(network))
    for covered, _ in graph.out(network, "COVERS"):
        regions.update(graph.ancestors(covered))
    for region in regions:
        found |= served.get(region, set())
    return found


def inside_ambassador_region(graph: EmbeddedGraph, region: Node, served: dict[Node, set[str]]) -> bool:
    return any(r in served for r in (region, *graph.ancestors(region)))


@query("coverage/elements", columns=COLUMNS, params={"level": "state"})
def coverage_elements(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per region of a level and element an ambassador there would cover, with whether one already does."""
    level = params["level"]
    served = ambassador_regions(graph)
    for region in regions_of_level(graph, level):
        networks: set[Node] = set()
        for inner in graph.subtree(region):
            networks.update(n for n in graph.networks_by_region.get(inner, ()) if graph.is_om_network(n))
        for network in sorted(networks):
            covered = bool(graph.inc(network, "AMBASSADOR_IN")) or bool(regional_ambassadors(graph, network, served))
            yield _row(graph, region, "network", network, None, covered)
    for org in graph.nodes("Organisation"):
        kind = organisation_element_kind(graph.props(org))
        if kind is None:
            continue
        for located, _ in graph.out(org, "LOCATED_IN"):
            covered = inside_ambassador_region(graph, located, served)
            for region in containing(graph, located, level):
                yield _row(graph, region, kind, org, graph.props(org).get("kind"), covered)


def _row(graph: EmbeddedGraph, region: Node, kind: str, element: Node, organisation_kind: str | None, covered: bool) -> dict[str, Any]:
    return {
        "region_id": region[1],
        "region_name": graph.name(region),
        "element_kind": kind,
        "element_id": element[1],
        "element_name": graph.name(element),
        "organisation_kind": organisation_kind,
        "covered": covered,
    }
