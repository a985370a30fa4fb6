"""The recorded cooperations between networks, one row per pair: what a large map needs besides the memberships.

``network/links`` lists every pair of networks with a shared partner, which grows with the square
of a partner's networks (535,228 rows at ``generate --scale 100``). A map that only counts links
per Land derives the shared partners from ``network/memberships`` and needs the cooperations on
record from here, so it gets every link without the whole list.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.queries.registry import run_query
>>> from om_graph.dataset.model import Cooperation, Dataset, Network
>>> engine = EmbeddedEngine(Dataset(
...     networks=[Network(id="n1", name="OM Eins", kind="regional"), Network(id="n2", name="OM Zwei", kind="thematic")],
...     cooperations=[Cooperation(network_id="n2", partner_network_id="n1")]))
>>> run_query(engine, "network/cooperations")
[{'source_id': 'n1', 'target_id': 'n2'}]
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.registry import query


@query("network/cooperations", columns=("source_id", "target_id"))
def cooperations(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Pairs of networks with a cooperation on record (either direction), the smaller id first."""
    pairs = set()
    for network in graph.nodes("Network"):
        for other, _ in graph.both(network, "COOPERATES_WITH"):
            if network[1] < other[1]:
                pairs.add((network[1], other[1]))
    for source, target in sorted(pairs):
        yield {"source_id": source, "target_id": target}
