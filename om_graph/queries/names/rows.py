"""The names of people, organisations and networks, so reports can put a name before an id.

A rule's evidence holds ids (the coordination's person, the partner group's organisation);
the audit looks their names up here once, for every finding at the same time.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.queries.registry import run_query
>>> from om_graph.dataset.model import Dataset, Organisation, Person
>>> engine = EmbeddedEngine(Dataset(organisations=[Organisation(id="o1", name="IHK Beispiel", kind="chamber_of_commerce")],
...                                 persons=[Person(id="p1", name="Erika Beispiel")]))
>>> run_query(engine, "names/persons"), run_query(engine, "names/organisations", {"ids": ["o1", "o9"]})
([{'person_id': 'p1', 'person_name': 'Erika Beispiel'}], [{'organisation_id': 'o1', 'organisation_name': 'IHK Beispiel'}])
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.registry import query


@query("names/persons", columns=("person_id", "person_name"), persons={"person_id": "id", "person_name": "name"})
def persons(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every person's name (people: the query declares its person columns for redaction)."""
    for person in graph.nodes("Person"):
        yield {"person_id": person[1], "person_name": graph.props(person).get("name")}


@query("names/organisations", columns=("organisation_id", "organisation_name"), params={"ids": []})
def organisations(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The names of the organisations with the given ids (those some finding's evidence names)."""
    return _named(graph, "Organisation", params["ids"], "organisation")


@query("names/networks", columns=("network_id", "network_name"), params={"ids": []})
def networks(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The names of the networks with the given ids (those some finding's evidence names)."""
    return _named(graph, "Network", params["ids"], "network")


def _named(graph: EmbeddedGraph, label: str, ids: list[str], kind: str) -> Iterator[dict[str, Any]]:
    """``{kind}_id`` and ``{kind}_name`` of each ``label`` node whose id is in ``ids`` (each once)."""
    wanted = set(ids)
    for node in graph.nodes(label):
        if node[1] in wanted:
            yield {f"{kind}_id": node[1], f"{kind}_name": graph.props(node).get("name")}
