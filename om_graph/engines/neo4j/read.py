"""Reading om-graph's graph model back from Neo4j: the rows ``om-graph load`` wrote, and nothing else.

What comes back is a :class:`~om_graph.dataset.graph.GraphRows`, the form both engines are
built from, so whatever reads a dataset's rows (the export) reads the database's the same way.
Only om-graph's part of a shared database is read: nodes with the marker label and one of
the model's labels, relationships of the model's patterns between two such nodes, and of
each only the properties the model owns (another application's property on an om-graph
node, a written-back ``stage`` or a ``:Finding`` are left out). Labels, types and property
names come from the model's fixed tables, never from data; the statements take no data at all.

Everything is read in one read transaction, so a load running at the same time is seen
wholly or not at all. Each pattern's relationships are read once, however many of the
model's specs draw it (``HELD`` from an activity's network and from its partner network):
the database holds one relationship where the dataset may name it twice.
"""

from __future__ import annotations

import re
from typing import Any

from om_graph.dataset.graph import LABEL_BY_SHEET, MARKER, NODES, RELATIONSHIPS, GraphRows, RelSpec
from om_graph.dataset.model import RECORD_BY_SHEET, references
from om_graph.engines.neo4j.connect import bounded, patience

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def owned_properties(sheet: str) -> tuple[str, ...]:
    """The properties om-graph stores for a row of ``sheet``: its fields that are not references.

    >>> owned_properties("memberships")
    ('since', 'named_consent')
    """
    record = RECORD_BY_SHEET[sheet]
    refs = references(record)
    names = tuple(f for f in record.model_fields if f not in refs)
    for name in names:
        if not _NAME.fullmatch(name):  # model field names, never data; checked anyway
            raise ValueError(f"not a property name: {name!r}")
    return names


def node_query(label: str, sheet: str) -> str:
    """The om-graph nodes of ``label`` with the properties the model owns, in a fixed column order."""
    props = [p for p in owned_properties(sheet) if p != "id"]
    columns = ", ".join(f"n.{p}" for p in props)
    return f"MATCH (n:{label}:{MARKER}) WHERE n.id IS NOT NULL RETURN n.id AS id, [{columns}] AS props"


def relationship_query(spec: RelSpec) -> str:
    """The om-graph relationships of ``spec``'s pattern, each with the properties its link sheet owns."""
    props = link_properties(spec)
    columns = ", ".join(f"r.{p}" for p in props)
    return (
        f"MATCH (a:{spec.start_label}:{MARKER})-[r:{spec.type}]->(b:{spec.end_label}:{MARKER}) "
        f"WHERE a.id IS NOT NULL AND b.id IS NOT NULL RETURN a.id AS start, b.id AS end, [{columns}] AS props"
    )


def link_properties(spec: RelSpec) -> tuple[str, ...]:
    """A relationship's own properties: a link sheet's other columns; none for one drawn from a node's row."""
    return () if spec.sheet in LABEL_BY_SHEET else owned_properties(spec.sheet)


def patterns() -> list[RelSpec]:
    """One spec per relationship pattern (start label, type, end label), the first that draws it."""
    seen: dict[tuple[str, str, str], RelSpec] = {}
    for spec in RELATIONSHIPS:
        seen.setdefault((spec.start_label, spec.type, spec.end_label), spec)
    return list(seen.values())


def read_graph_rows(engine: Any) -> GraphRows:
    """om-graph's nodes and relationships in the database ``engine`` (a Neo4jEngine) reads, as graph rows."""
    from neo4j import unit_of_work

    @unit_of_work(timeout=engine.timeout)
    def work(tx: Any) -> GraphRows:
        rows = GraphRows()
        for spec in NODES:
            names = [p for p in owned_properties(spec.sheet) if p != "id"]
            rows.nodes[spec.label] = [
                _row(node_id, names, values) for node_id, values in tx.run(node_query(spec.label, spec.sheet))
            ]
        for spec in patterns():
            names = list(link_properties(spec))
            rows.rels[spec] = [
                (start, end, _props(names, values)) for start, end, values in tx.run(relationship_query(spec))
            ]
        return rows

    def session_read() -> GraphRows:
        with engine.driver.session(database=engine.database) as session:
            return session.execute_read(work)

    return bounded(patience(engine.timeout), session_read)


def _row(node_id: str, names: list[str], values: list[Any]) -> dict[str, Any]:
    props = _props(names, values)
    props["id"] = node_id
    return props


def _props(names: list[str], values: list[Any]) -> dict[str, Any]:
    """Blank values left out (as the model stores them), the driver's dates as Python's."""
    return {k: (v.to_native() if hasattr(v, "to_native") else v) for k, v in zip(names, values) if v is not None}
