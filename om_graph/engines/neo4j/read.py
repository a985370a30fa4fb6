"""Reading om-graph's graph model back from Neo4j: the rows ``om-graph load`` wrote, and nothing else.

What comes back is a :class:`~om_graph.dataset.graph.GraphRows`, the form both engines are
built from, so whatever reads a dataset's rows (the export) reads the database's the same way.
Only om-graph's part of a shared database is read: nodes with the marker label and one of
the model's labels, relationships of the model's patterns between two such nodes, and of
each only the properties the model owns (another application's property on an om-graph
node, a written-back ``stage`` or a ``:Finding`` are left out). Labels, types and property
names come from the model's fixed tables, never from data; the statements take no data (the
batch size is their one parameter).

Everything is read in one read transaction, so a load running at the same time is seen
wholly or not at all. Each pattern's relationships are read once, however many of the
model's specs draw it (``HELD`` from an activity's network and from its partner network):
the database holds one relationship where the dataset may name it twice.

The driver's cost is per record (a Bolt message each, handled in Python), not per value, so
each query sends its rows as lists of :data:`BATCH` rows, collected by the server: at scale
100 that is 99 records instead of 817,883 (measured back to back on a shared 2-core machine:
the client's CPU time to receive them fell from 23-25 s to 1.0 s, the server's from 5.5-8.0 s
to 3.8-5.9 s). The server holds one label's or pattern's rows at a time while it sends them.
Dates come back as ISO text (``toString`` in Cypher): the driver would build a
``neo4j.time.Date`` and then a Python date of each, nine tenths of the client's time for the
memberships once records are batched. ISO text is how the export writes a date, so these
rows are for the export (an engine built on them would compare text where it compares dates).
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from itertools import chain
from typing import Any, Iterator

from om_graph.dataset.graph import LABEL_BY_SHEET, MARKER, NODES, RELATIONSHIPS, GraphRows, RelSpec
from om_graph.dataset.model import RECORD_BY_SHEET, references
from om_graph.engines.neo4j.connect import bounded, patience

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Rows per record the server sends.
BATCH = 10_000
#: Types a value arrives in from the driver that the rows hold as they are (anything else, a
#: temporal value another application stored, is made Python's by its ``to_native``).
_PLAIN = frozenset({str, int, float, bool, list, type(None)})


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
    """The om-graph nodes of ``label``, each ``[property..., id]`` in a fixed column order, :data:`BATCH` a record."""
    props = [p for p in owned_properties(sheet) if p != "id"]
    columns = "".join(f"{_column('n', p, sheet)}, " for p in props)
    return f"MATCH (n:{label}:{MARKER}) WHERE n.id IS NOT NULL " + _batched(f"[{columns}n.id]")


def relationship_query(spec: RelSpec) -> str:
    """The om-graph relationships of ``spec``'s pattern, each ``[start, end, [property...]]``, :data:`BATCH` a record."""
    props = link_properties(spec)
    columns = ", ".join(_column("r", p, spec.sheet) for p in props)
    return (
        f"MATCH (a:{spec.start_label}:{MARKER})-[r:{spec.type}]->(b:{spec.end_label}:{MARKER}) "
        f"WHERE a.id IS NOT NULL AND b.id IS NOT NULL " + _batched(f"[a.id, b.id, [{columns}]]")
    )


def _batched(row: str) -> str:
    """The rows collected, then sent :data:`BATCH` (the parameter ``$batch``) a record."""
    return (
        f"WITH collect({row}) AS rows "
        "UNWIND range(0, size(rows) - 1, $batch) AS i RETURN rows[i..i + $batch] AS batch"
    )


def _column(var: str, name: str, sheet: str) -> str:
    """``var.name``, a date in it as ISO text (a value of another type, another application's, as it is)."""
    if name in _date_fields(sheet):
        return f"CASE WHEN {var}.{name} IS :: DATE THEN toString({var}.{name}) ELSE {var}.{name} END"
    return f"{var}.{name}"


def _date_fields(sheet: str) -> frozenset[str]:
    """The fields of ``sheet`` the model types as dates."""
    fields = RECORD_BY_SHEET[sheet].model_fields
    return frozenset(name for name, info in fields.items() if _is_date(info.annotation))


def _is_date(annotation: Any) -> bool:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_date(a) for a in typing.get_args(annotation))
    return annotation is dt.date


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
    """om-graph's nodes and relationships in the database ``engine`` (a Neo4jEngine) reads, as graph rows
    (dates as ISO text, see above)."""
    from neo4j import unit_of_work

    @unit_of_work(timeout=engine.timeout)
    def work(tx: Any) -> GraphRows:
        rows = GraphRows()
        params = {"batch": BATCH}
        for spec in NODES:
            names = [p for p in owned_properties(spec.sheet) if p != "id"]
            nodes = rows.nodes[spec.label] = []
            for (batch,) in tx.run(node_query(spec.label, spec.sheet), params):
                nodes.extend(_nodes(batch, names))
        for spec in patterns():
            names = list(link_properties(spec))
            rels = rows.rels[spec] = []
            for (batch,) in tx.run(relationship_query(spec), params):
                rels.extend(_relationships(batch, names))
        return rows

    def session_read() -> GraphRows:
        with engine.driver.session(database=engine.database) as session:
            return session.execute_read(work)

    return bounded(patience(engine.timeout), session_read)


def _nodes(batch: list[list[Any]], names: list[str]) -> list[dict[str, Any]]:
    """``[value..., id]`` rows as property dicts."""
    keys = [*names, "id"]
    if _plain(chain.from_iterable(batch)):
        return [{k: v for k, v in zip(keys, row) if v is not None} for row in batch]
    return [_props(keys, row) for row in batch]


def _relationships(batch: list[list[Any]], names: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """``[start, end, [value...]]`` rows as ``(start, end, properties)``."""
    if not names:
        return [(start, end, {}) for start, end, _ in batch]
    if _plain(chain.from_iterable(values for _, _, values in batch)):
        return [(start, end, {k: v for k, v in zip(names, values) if v is not None}) for start, end, values in batch]
    return [(start, end, _props(names, values)) for start, end, values in batch]


def _plain(values: Iterator[Any]) -> bool:
    """Are all ``values`` of types the rows hold as they are (one pass in C, instead of a test per value)?"""
    return set(map(type, values)) <= _PLAIN


def _props(names: list[str], values: list[Any]) -> dict[str, Any]:
    """Blank values left out (as the model stores them), the driver's temporal values as Python's."""
    return {k: _native(v) for k, v in zip(names, values) if v is not None}


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value
