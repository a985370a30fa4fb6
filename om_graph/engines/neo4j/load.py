"""Writing a validated dataset into Neo4j: schema first, then one all-or-nothing transaction.

All statements of a load run in one managed write transaction: if the server stops or a
constraint fails part-way, nothing is committed and the database keeps what it had before.
Data travels only as ``$rows``/``$ids`` parameters; labels and relationship types come from
graph_model's fixed tables.

How it stays fast (measured on Neo4j 5.26 with scripts/benchmark.py):

* Inside a transaction that has deleted nodes, every index seek costs time proportional to
  the number of nodes deleted so far. Deleting the old graph first and then writing the new
  one was therefore quadratic (a scale-10 replace: 72 s). So ``replace`` deletes the old
  *relationships* first (harmless to seeks), MERGEs the nodes (an id that is still there
  keeps its node; ``SET n = {...}`` replaces all its properties) and deletes the nodes whose
  ids are gone only at the very end, with a label scan instead of seeks.
* Where nothing can be there yet, ``CREATE`` instead of ``MERGE``: nodes of a label the
  database does not hold, and relationships when the database held no om-graph node or
  ``replace`` has just deleted them. Rows that MERGE would fold together (the same
  relationship written twice) are folded in Python first, the last one winning as with
  ``SET``, so both ways leave the same graph.
* With the pure-Python driver, packing the parameters costs about as much as the server's
  work. Rows therefore travel as lists without keys (see :class:`Columns`), dates as ISO
  text, in batches of 10,000, prepared by a background thread while the server works.
* Each relationship end is a seek on its label's unique ``id`` index.

Loading the same data twice leaves the same graph: the second load finds every label
populated and MERGEs.
"""

from __future__ import annotations

import datetime as dt
import queue
import re
import threading
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, TypeVar

from om_graph.dataset.graph import NODES, RELATIONSHIPS, GraphRows, RelSpec, graph_rows
from om_graph.dataset.model import Dataset
from om_graph.engines.cypher import read_query, statements

Progress = Callable[[int], None]
T = TypeVar("T")

#: Rows per statement: fewer round trips than the old 5,000 for the same memory.
DEFAULT_BATCH_SIZE = 10_000

# Every relationship of an om-graph node goes (not only om-graph types: DETACH DELETE did the
# same), outgoing first; the incoming pass then finds only those from other labels' nodes.
CLEAR_OUTGOING = "MATCH (:{label})-[r]->() DELETE r"
CLEAR_INCOMING = "MATCH (:{label})<-[r]-() DELETE r"
# A label scan filtered against the new ids (a set, built once per statement): no index seek,
# so it does not slow down as deleted nodes pile up.
CLEAR_STALE = "MATCH (n:{label}) WHERE NOT n.id IN $ids DETACH DELETE n"
ANY_NODE = "MATCH (n:{label}) RETURN n.id AS id LIMIT 1"

_PROPERTY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Columns:
    """The properties of one batch's rows, in the order they travel, and which of them are dates.

    Rows go as plain lists (no key per value, ``null`` for a blank) and dates as ISO text that
    the statement turns back into ``date()``: both halve the client's packing work, the larger
    part of a load's time with the pure-Python driver. ``SET x = {...}`` with a ``null`` entry
    stores no such property, exactly like ``SET x = row`` with the key left out.
    """

    names: tuple[str, ...]
    dates: frozenset[str]

    @classmethod
    def of(cls, maps: Iterable[dict[str, Any]], first: tuple[str, ...] = ()) -> "Columns":
        types: dict[str, set[type]] = {}
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


Encoder = Callable[[list], list[list[Any]]]


def node_statement(label: str, nodes: list[dict[str, Any]], create: bool) -> tuple[str, Encoder]:
    """The statement writing ``label``'s nodes, and how to turn a batch of them into its rows (``id`` first)."""
    columns = Columns.of(nodes, first=("id",))
    target = f"(n:{label})" if create else f"(n:{label} {{id: row[0]}})"
    query = f"UNWIND $rows AS row {'CREATE' if create else 'MERGE'} {target} SET n = {columns.map_literal(0)}"
    encode = columns.encode
    return query, lambda batch: [encode(node) for node in batch]


def rel_statement(spec: RelSpec, rels: list[tuple[str, str, dict[str, Any]]], create: bool) -> tuple[str, Encoder]:
    """The statement writing ``spec``'s relationships, and how to turn a batch into rows ``[start, end, properties...]``.

    Each end is a seek on its label's unique ``id`` index. MERGE also matches the key columns,
    so one person's two contact roles stay two relationships.
    """
    columns = Columns.of(p for _, _, p in rels)
    match = f"UNWIND $rows AS row MATCH (a:{spec.start_label} {{id: row[0]}}) MATCH (b:{spec.end_label} {{id: row[1]}}) "
    keys = "" if create else ", ".join(f"{k}: row[{columns.names.index(k) + 2}]" for k in spec.merge_keys if k in columns.names)
    write = f"{'CREATE' if create else 'MERGE'} (a)-[r:{spec.type}{f' {{{keys}}}' if keys else ''}]->(b)"
    if not columns.names:
        return match + write, lambda batch: [[start, end] for start, end, _ in batch]
    encode = columns.encode
    query = f"{match}{write} SET r = {columns.map_literal(2)}"
    return query, lambda batch: [[start, end, *encode(props)] for start, end, props in batch]


def distinct_nodes(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per id, the last one winning (what MERGE ... SET n = row would leave)."""
    by_id = {row["id"]: row for row in nodes}
    return nodes if len(by_id) == len(nodes) else list(by_id.values())


def distinct_relationships(rows: GraphRows) -> dict[RelSpec, list[tuple[str, str, dict[str, Any]]]]:
    """Relationship rows as MERGE would leave them: one per (start, type, end, key columns), last wins.

    Two specs can write the same relationship (an activity HELD by the same network as its
    own partner), so specs of the same pattern are folded together; each survivor stays with
    the spec that wrote it last. A pattern without duplicates (the usual case) is passed as is.
    """
    by_pattern: dict[tuple[str, str, str], list[RelSpec]] = {}
    for spec in rows.rels:
        by_pattern.setdefault((spec.start_label, spec.type, spec.end_label), []).append(spec)
    out = dict(rows.rels)
    for specs in by_pattern.values():
        keyed = [(spec, _rel_keys(spec, rows.rels[spec])) for spec in specs]
        if len(specs) == 1 and len(set(keyed[0][1])) == len(keyed[0][1]):
            continue
        kept: dict[tuple, tuple[RelSpec, int]] = {}
        for spec, keys in keyed:
            for index, key in enumerate(keys):
                kept[key] = (spec, index)
        for spec in specs:
            out[spec] = []
        for spec, index in kept.values():
            out[spec].append(rows.rels[spec][index])
    return out


def _rel_keys(spec: RelSpec, rels: list[tuple[str, str, dict[str, Any]]]) -> list[tuple]:
    """What MERGE tells relationships of one pattern apart by: both ends, and the key columns."""
    if not spec.merge_keys:
        return [(start, end) for start, end, _ in rels]
    return [(start, end, *(props.get(k) for k in spec.merge_keys)) for start, end, props in rels]


def planned_batches(
    rows: GraphRows, create_labels: set[str], create_relationships: bool, batch_size: int
) -> Iterator[tuple[str, list[list[Any]]]]:
    """(query, rows) for every batch of every label and relationship spec: CREATE where nothing can be there yet."""
    plans: list[tuple[str, Encoder, list]] = []
    for label, nodes in rows.nodes.items():
        create = label in create_labels
        found = distinct_nodes(nodes) if create else nodes
        if found:
            plans.append((*node_statement(label, found, create), found))
    rels = distinct_relationships(rows) if create_relationships else rows.rels
    for spec, found in rels.items():
        if found:
            plans.append((*rel_statement(spec, found, create_relationships), found))
    for query, encode, items in plans:
        for batch in _batches(items, batch_size):
            yield query, encode(batch)


def prefetched(items: Iterable[T], depth: int = 2) -> Iterator[T]:
    """``items``, produced by a background thread up to ``depth`` ahead.

    While the caller waits for the server (the driver releases the GIL on the socket), the
    thread prepares the next batches, so the client's Python work overlaps the server's.
    An exception in the producer is raised in the caller; leaving early stops the producer.
    """
    stop = threading.Event()
    ahead: queue.Queue = queue.Queue(maxsize=depth)

    def offer(entry: tuple[str, Any]) -> bool:
        while not stop.is_set():
            try:
                ahead.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not offer(("item", item)):
                    return
            offer(("done", None))
        except BaseException as exc:  # handed to the consumer, raised there
            offer(("error", exc))

    worker = threading.Thread(target=produce, name="om-graph-loader-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            kind, value = ahead.get()
            if kind == "done":
                return
            if kind == "error":
                raise value
            yield value
    finally:
        stop.set()
        worker.join()


@dataclass(frozen=True)
class LoadSummary:
    nodes: int
    relationships: int


def apply_schema(driver: Any, database: str) -> None:
    """Create the constraints and indexes of cypher/schema.cypher (idempotent)."""
    with driver.session(database=database) as session:
        for statement in statements(read_query("schema.cypher")):
            session.run(statement).consume()


def _batches(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def populated_labels(tx: Any) -> set[str]:
    """The om-graph labels that have at least one node, as this transaction sees it."""
    return {spec.label for spec in NODES if tx.run(ANY_NODE.format(label=spec.label)).single()}


def clear_relationships(tx: Any) -> None:
    """Delete every relationship of every om-graph node (inside the caller's transaction)."""
    for spec in NODES:
        tx.run(CLEAR_OUTGOING.format(label=spec.label)).consume()
    for spec in NODES:
        tx.run(CLEAR_INCOMING.format(label=spec.label)).consume()


def clear_stale_nodes(tx: Any, rows: GraphRows) -> None:
    """Delete the om-graph nodes whose ids are not in ``rows`` (the last step of a replace)."""
    for spec in NODES:
        ids = [row["id"] for row in rows.nodes.get(spec.label, ())]
        tx.run(CLEAR_STALE.format(label=spec.label), ids=ids).consume()


def write_rows(tx: Any, rows: GraphRows, replace: bool, batch_size: int, progress: Progress | None) -> None:
    """Every statement of one load, in the caller's transaction (a managed one retries it as a whole)."""
    populated = populated_labels(tx)
    clearing = replace and bool(populated)  # replacing nothing is a plain first load
    if clearing:
        clear_relationships(tx)
    create_labels = {spec.label for spec in NODES} - populated
    batches = planned_batches(rows, create_labels, clearing or not populated, batch_size)
    for query, batch in prefetched(batches):
        tx.run(query, rows=batch).consume()
        if progress:
            progress(len(batch))
    if clearing:
        clear_stale_nodes(tx, rows)


def load_dataset(
    driver: Any,
    database: str,
    dataset: Dataset,
    *,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> LoadSummary:
    """Load ``dataset``; with ``replace``, the previous om-graph contents go in the same transaction."""
    return load_rows(driver, database, graph_rows(dataset), replace=replace, batch_size=batch_size, progress=progress)


def load_rows(
    driver: Any,
    database: str,
    rows: GraphRows,
    *,
    replace: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> LoadSummary:
    """Write prepared graph rows in one managed transaction (see :func:`load_dataset`)."""
    apply_schema(driver, database)
    with driver.session(database=database) as session:
        session.execute_write(write_rows, rows, replace, batch_size, progress)
    nodes, rels = rows.counts()
    return LoadSummary(nodes, rels)


def graph_counts(driver: Any, database: str) -> dict[str, int]:
    """Nodes per label and relationships per type: what a load left in the database."""
    counts: dict[str, int] = {}
    with driver.session(database=database) as session:
        for spec in NODES:
            counts[spec.label] = session.run(f"MATCH (n:{spec.label}) RETURN count(n) AS c").single()["c"]
        for rtype in sorted({r.type for r in RELATIONSHIPS}):
            counts[rtype] = session.run(f"MATCH ()-[r:{rtype}]->() RETURN count(r) AS c").single()["c"]
    return counts
