"""Who the ambassadors are and where they serve: per person, per region of a level, per network.

Three analyses share the region walks of :mod:`.elements`:

* ``coverage/ambassadors``: every person with AMBASSADOR_FOR or AMBASSADOR_IN, with the
  regions they are for and the networks they are active in;
* ``coverage/regions``: every region of a level with its ambassadors: those for a region in
  its subtree or for a region around it, as OM401 counts them;
* ``coverage/networks``: every OM network, with the ambassadors active in it and those whose
  region covers it (their region subtree intersects the network's closure).
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.regions import containing, regions_of_level
from om_graph.queries.coverage.elements import ambassador_regions, regional_ambassadors


@query(
    "coverage/ambassadors",
    columns=("person_id", "person_name", "region_ids", "network_ids"),
    persons={"person_id": "id", "person_name": "name"},
)
def ambassadors(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every ambassador (a person with AMBASSADOR_FOR or AMBASSADOR_IN): their regions and networks."""
    for person in graph.nodes("Person"):
        regions = sorted({r[1] for r, _ in graph.out(person, "AMBASSADOR_FOR")})
        networks = sorted({n[1] for n, _ in graph.out(person, "AMBASSADOR_IN")})
        if regions or networks:
            yield {"person_id": person[1], "person_name": graph.name(person), "region_ids": regions, "network_ids": networks}


@query(
    "coverage/regions",
    columns=("region_id", "region_name", "ambassador_ids"),
    params={"level": "state"},
    persons={"ambassador_ids": "id"},
)
def regions(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every region of a level with its ambassadors: for a region inside it or for a region around it."""
    level = params["level"]
    served = ambassador_regions(graph)
    found: dict[tuple[str, str], set[str]] = {}
    for region, persons in served.items():
        for target in containing(graph, region, level):
            found.setdefault(target, set()).update(persons)
    for region in regions_of_level(graph, level):
        persons = set(found.get(region, set()))
        for ancestor in graph.ancestors(region):
            persons |= served.get(ancestor, set())
        yield {"region_id": region[1], "region_name": graph.name(region), "ambassador_ids": sorted(persons)}


@query(
    "coverage/networks",
    columns=("network_id", "network_name", "active_ambassador_ids", "regional_ambassador_ids"),
    persons={"active_ambassador_ids": "id", "regional_ambassador_ids": "id"},
)
def networks(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every OM network with the ambassadors active in it and those whose region covers it."""
    served = ambassador_regions(graph)
    for network in graph.om_networks():
        yield {
            "network_id": network[1],
            "network_name": graph.name(network),
            "active_ambassador_ids": sorted({p[1] for p, _ in graph.inc(network, "AMBASSADOR_IN")}),
            "regional_ambassador_ids": sorted(regional_ambassadors(graph, network, served)),
        }
