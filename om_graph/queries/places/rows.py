"""Regions with their official codes and parents, as rows for maps.

A map of Germany draws the regions of the dataset by their ``code`` (ISO 3166-2 for the
Länder, the Kreisschlüssel for the Kreise); ``network/regions`` says where the networks are.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.queries.registry import run_query
>>> from om_graph.dataset.model import Dataset, Region
>>> engine = EmbeddedEngine(Dataset(regions=[Region(id="by", name="Bayern", level="state", code="DE-BY")]))
>>> run_query(engine, "places/regions")
[{'region_id': 'by', 'region_name': 'Bayern', 'level': 'state', 'code': 'DE-BY', 'parent_id': None}]
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.registry import query


@query("places/regions", columns=("region_id", "region_name", "level", "code", "parent_id"))
def regions(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every region with its level, official code and the region it is part of."""
    for region in graph.nodes("Region"):
        props = graph.props(region)
        parents = sorted(parent[1] for parent, _ in graph.out(region, "PART_OF"))
        yield {
            "region_id": region[1],
            "region_name": props.get("name"),
            "level": props.get("level"),
            "code": props.get("code"),
            "parent_id": parents[0] if parents else None,
        }
