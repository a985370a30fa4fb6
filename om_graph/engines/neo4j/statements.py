"""The Cypher a load sends: one statement per label or relationship spec, rows as parameters.

Every node om-graph writes carries the marker label (:data:`~om_graph.dataset.graph.MARKER`)
and every statement matches it, so a load reads, writes and deletes only om-graph's part of
a shared database: its nodes, and its relationship types between two of them. Labels,
relationship types and property names come from the graph model's fixed tables, never
from data.

* **create**: where nothing can be there yet (a label without om-graph nodes, relationships
  with an end of such a label), plain ``CREATE`` with the properties in its pattern (a ``SET``
  after it cost about 1 s more at scale 100). Created nodes come back as their element
  ids, so relationships between two created nodes find their ends by element id (a direct
  lookup) instead of seeking the ``id`` index, whose entries made in the same transaction
  cost more to search than committed ones.
* **merge**: otherwise ``MERGE`` on the id (relationships: both ends and the key columns),
  then ``SET += {...}`` with *every* om-graph property of the label: a value updates it, a
  blank (``null``) removes it, and a property another application set is left alone. A row
  whose om-graph properties are unchanged is not written at all; each batch returns how many
  were, so the load can say what it updated.
* **stale**: what a sync deletes: the om-graph relationships whose keys the dataset no longer
  has, and the om-graph nodes whose ids it no longer has. A node that another application's
  relationships still use loses only its marker label (it is released, not deleted).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Iterable

from om_graph.dataset.graph import MARKER, RelSpec
from om_graph.dataset.model import RECORD_BY_SHEET, references
from om_graph.engines.neo4j.writeback import WRITTEN_BACK_TYPES

_PROPERTY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: Between the parts of a relationship's key (start id, end id, key columns) in a stale check.
KEY_SEPARATOR = "\u001f"

Encoder = Callable[[list], list[list[Any]]]


@dataclass(frozen=True)
class Columns:
    """The properties of one batch's rows, in the order they travel, and which of them are dates.

    Rows go as plain lists (no key per value, ``null`` for a blank) and dates as ISO text that
    the statement turns back into ``date()``: both halve the client's packing work, the larger
    part of a load's time with the pure-Python driver. A ``null`` entry in a ``CREATE``'s property
    map stores no such property, exactly like a row without the key (``SET x += {...}`` removes it).
    """

    names: tuple[str, ...]
    dates: frozenset[str]

    @classmethod
    def of(cls, maps: Iterable[dict[str, Any]], first: tuple[str, ...] = (), also: Iterable[str] = ()) -> "Columns":
        """The columns of ``maps`` (``first`` leading); ``also`` adds names no row may hold (to blank them)."""
        types: dict[str, set[type]] = {name: set() for name in also}
        for values in maps:
            for key, value in values.items():
                if value is not None:
                    types.setdefault(key, set()).add(type(value))
        for name in types:
            if not _PROPERTY_NAME.fullmatch(name):  # model field names, never data; checked anyway
                raise ValueError(f"not a property name: {name!r}")
        names = (*first, *sorted(set(types) - set(first)))
        return cls(names, frozenset(k for k, found in types.items() if found == {dt.date}))

    def encode(self, values: dict[str, Any]) -> list[Any]:
        dates = self.dates
        return [
            None if (v := values.get(k)) is None else (v.isoformat() if k in dates else v)
            for k in self.names
        ]

    def map_literal(self, offset: int) -> str:
        """``{name: row[i], since: date(row[j]), ...}`` for rows whose properties start at ``offset``."""
        cells = (
            f"{k}: date(row[{i}])" if k in self.dates else f"{k}: row[{i}]"
            for i, k in enumerate(self.names, offset)
        )
        return "{" + ", ".join(cells) + "}"


def own_properties(sheet: str) -> tuple[str, ...]:
    """Every property om-graph may store for a row of ``sheet``: its fields that are not references."""
    record = RECORD_BY_SHEET[sheet]
    refs = references(record)
    return tuple(f for f in record.model_fields if f not in refs)


#: Keeps only rows whose om-graph properties differ, then writes them (``x`` is the node or relationship).
_WRITE_CHANGED = (
    "WITH {x}, props, any(k IN keys(props) WHERE ({x}[k] IS NULL) <> (props[k] IS NULL) OR {x}[k] <> props[k]) AS changed "
    "FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET {x} += props) "
    "RETURN count(CASE WHEN changed THEN 1 END) AS changed"
)


def node_statement(
    label: str, nodes: list[dict[str, Any]], create: bool, properties: Iterable[str] = ()
) -> tuple[str, Encoder]:
    """The statement writing ``label``'s nodes, and how to turn a batch of them into its rows (``id`` first).

    ``properties``: every om-graph property of the label, so that MERGE blanks those a row lacks.
    """
    if create:
        columns = Columns.of(nodes, first=("id",))
        query = (
            f"UNWIND $rows AS row CREATE (n:{label}:{MARKER} {columns.map_literal(0)}) "
            "RETURN collect(row[0]) AS ids, collect(elementId(n)) AS elements"
        )
    else:
        columns = Columns.of(nodes, first=("id",), also=properties)
        query = (
            f"UNWIND $rows AS row WITH row, {columns.map_literal(0)} AS props "
            f"MERGE (n:{label}:{MARKER} {{id: row[0]}}) ON CREATE SET n += props "
            + _WRITE_CHANGED.format(x="n")
        )
    encode = columns.encode
    return query, lambda batch: [encode(node) for node in batch]


def rel_statement(
    spec: RelSpec,
    rels: list[tuple[str, str, dict[str, Any]]],
    create: bool,
    properties: Iterable[str] = (),
    by_element: bool = False,
) -> tuple[str, Encoder]:
    """The statement writing ``spec``'s relationships, and how to turn a batch into rows ``[start, end, properties...]``.

    Each end is a seek on its label's ``id`` index, or with ``by_element`` (both ends created
    by this load, ``start``/``end`` their element ids) a lookup by element id. MERGE also
    matches the key columns, so one person's two contact roles stay two relationships.
    """
    columns = Columns.of((p for _, _, p in rels), also=() if create else properties)
    match = (
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row[0] MATCH (b) WHERE elementId(b) = row[1] "
        if by_element
        else f"UNWIND $rows AS row MATCH (a:{spec.start_label}:{MARKER} {{id: row[0]}}) "
        f"MATCH (b:{spec.end_label}:{MARKER} {{id: row[1]}}) "
    )
    if create:
        if not columns.names:
            return match + f"CREATE (a)-[r:{spec.type}]->(b)", lambda batch: [[start, end] for start, end, _ in batch]
        query = f"{match}CREATE (a)-[r:{spec.type} {columns.map_literal(2)}]->(b)"
    else:
        keys = ", ".join(f"{k}: row[{columns.names.index(k) + 2}]" for k in spec.merge_keys if k in columns.names)
        merge = f"MERGE (a)-[r:{spec.type}{f' {{{keys}}}' if keys else ''}]->(b)"
        if not columns.names:
            return match + merge, lambda batch: [[start, end] for start, end, _ in batch]
        query = (
            f"{match}WITH a, b, row, {columns.map_literal(2)} AS props {merge} ON CREATE SET r += props "
            + _WRITE_CHANGED.format(x="r")
        )
    encode = columns.encode
    return query, lambda batch: [[start, end, *encode(props)] for start, end, props in batch]


def stale_relationships_statement(start_label: str, rtype: str, end_label: str, merge_keys: tuple[str, ...]) -> str:
    """Delete the om-graph relationships of one pattern whose key is not in ``$keys`` (see :func:`relationship_key`).

    ``$keys`` is a list parameter that the server turns into a set once, so each relationship
    costs one lookup whatever the size of the graph.
    """
    parts = ["a.id", "b.id", *(f"coalesce(toString(r.{k}), '')" for k in merge_keys)]
    key = f" + '{KEY_SEPARATOR}' + ".join(parts)
    return (
        f"MATCH (a:{start_label}:{MARKER})-[r:{rtype}]->(b:{end_label}:{MARKER}) "
        f"WHERE NOT ({key}) IN $keys DELETE r"
    )


def relationship_key(start: str, end: str, props: dict[str, Any], merge_keys: tuple[str, ...]) -> str:
    """The text :func:`stale_relationships_statement` builds in Cypher for the same relationship."""
    return KEY_SEPARATOR.join([start, end, *(_key_text(props.get(k)) for k in merge_keys)])


def _key_text(value: Any) -> str:
    """A value as Cypher's ``toString`` writes it (blank: empty)."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def release_statement(label: str) -> str:
    """Stale nodes that other applications' relationships still use lose the marker, nothing else.

    By now the node's om-graph relationships are gone; a written-back finding ``ABOUT`` it does not count.
    """
    own = ", ".join(f"'{t}'" for t in WRITTEN_BACK_TYPES)
    return (
        f"MATCH (n:{label}:{MARKER}) WHERE NOT n.id IN $ids AND EXISTS {{ (n)-[r]-() WHERE NOT type(r) IN [{own}] }} "
        f"REMOVE n:{MARKER}"
    )


def stale_nodes_statement(label: str) -> str:
    """Delete the om-graph nodes whose ids are not in ``$ids``: a label scan against a set, no index seek.

    Runs last, after their relationships went and those still used were released (what is left
    to detach is a written-back finding's ``ABOUT``): deleted nodes
    slow every later index seek of the transaction.
    """
    return f"MATCH (n:{label}:{MARKER}) WHERE NOT n.id IN $ids DETACH DELETE n"
