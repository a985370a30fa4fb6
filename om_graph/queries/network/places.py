"""Where each network works and who speaks for it: what a briefing's annex and its per-Land counts need.

* ``network/regions``: every region a network covers, with the federal state it lies in (the
  region itself for a state, none for Germany as a whole), so networks can be counted per Land;
* ``network/contacts``: every named contact of a network with role and employer. Contacts are
  people: the query declares its person columns, so ``--redact-persons`` pseudonymises them.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.queries.registry import run_query
>>> from om_graph.dataset.model import Dataset, Network, NetworkRegion, Region
>>> engine = EmbeddedEngine(Dataset(
...     regions=[Region(id="DE-BY", name="Bayern", level="state"),
...              Region(id="09162", name="München", level="district", parent_id="DE-BY")],
...     networks=[Network(id="n1", name="OM München", kind="regional")],
...     network_regions=[NetworkRegion(network_id="n1", region_id="09162")]))
>>> run_query(engine, "network/regions")
[{'network_id': 'n1', 'region_id': '09162', 'region_name': 'München', 'state_id': 'DE-BY', 'state_name': 'Bayern'}]
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.registry import query
from om_graph.queries.regions import containing


@query("network/regions", columns=("network_id", "region_id", "region_name", "state_id", "state_name"))
def regions(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every region a network covers, with the federal state it lies in (none above the states)."""
    for network in graph.nodes("Network"):
        for region, _ in graph.out(network, "COVERS"):
            states = containing(graph, region, "state")
            state = states[0] if states else None
            yield {
                "network_id": network[1],
                "region_id": region[1],
                "region_name": graph.name(region),
                "state_id": state and state[1],
                "state_name": state and graph.name(state),
            }


@query(
    "network/contacts",
    columns=("network_id", "person_id", "person_name", "role", "organisation_id", "organisation_name"),
    persons={"person_id": "id", "person_name": "name"},
)
def contacts(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every named contact of a network: the person, the role and the organisation the person works for."""
    for network in graph.nodes("Network"):
        for person, edge in graph.inc(network, "CONTACT_FOR"):
            employers = sorted(org for org, _ in graph.out(person, "WORKS_FOR"))
            employer = employers[0] if employers else None
            yield {
                "network_id": network[1],
                "person_id": person[1],
                "person_name": graph.props(person).get("name"),
                "role": edge.get("role"),
                "organisation_id": employer and employer[1],
                "organisation_name": employer and graph.props(employer).get("name"),
            }
