"""Writing a validated dataset into Neo4j: om-graph's part of the database made equal to it, in one transaction.

A load *syncs* (the default): afterwards om-graph's part of the database (its marked nodes
and its relationship types between them, see :mod:`om_graph.engines.neo4j.statements`)
holds exactly the dataset: new rows are created, changed rows updated, rows gone from the
dataset deleted. With ``merge`` it only adds and updates, as loads did before. Other
applications' nodes, relationships and properties are never touched.

All statements of a load run in one managed write transaction: if the server stops or a
constraint fails part-way, nothing is committed and the database keeps what it had before.
Data travels only as ``$rows``/``$ids``/``$keys`` parameters.

How it stays fast (measured on Neo4j 5.26 with scripts/benchmark.py):

* Inside a transaction that has deleted nodes, every index seek costs time proportional to
  the number of nodes deleted so far. So a sync deletes the stale *relationships* first
  (harmless to seeks), writes, and deletes stale nodes only at the very end, with a label
  scan against a set of ids instead of seeks.
* Where nothing can be there yet, ``CREATE`` instead of ``MERGE``: nodes of a label the
  database holds no om-graph node of, and relationships with an end of such a label. Rows
  that MERGE would fold together (the same relationship written twice) are folded in Python
  first, the last one winning as with ``SET``, so both ways leave the same graph.
* A MERGE writes only rows whose om-graph properties changed: reloading a month's
  spreadsheet rewrites what changed, not the whole graph.
* With the pure-Python driver, packing the parameters costs about as much as the server's
  work. Rows therefore travel as lists without keys (see :class:`Columns`), dates as ISO
  text, in batches of 10,000, prepared by a background thread while the server works.
* Each relationship end is a seek on its label's ``id`` index.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, TypeVar

from om_graph.dataset.graph import MARKER, NODES, RELATIONSHIPS, GraphRows, RelSpec, graph_rows
from om_graph.dataset.model import Dataset
from om_graph.engines.cypher import read_query, statements
from om_graph.engines.neo4j.connect import DEFAULT_TIMEOUT, bounded, patience
from om_graph.engines.neo4j.writeback import CLEAR_ORPHANED_FINDINGS
from om_graph.engines.neo4j.statements import (
    Columns,
    node_statement,
    own_properties,
    rel_statement,
    relationship_key,
    release_statement,
    stale_nodes_statement,
    stale_relationships_statement,
)

__all__ = ["Columns", "LoadSummary", "graph_counts", "load_dataset", "load_rows", "node_statement", "rel_statement"]

Progress = Callable[[int], None]
T = TypeVar("T")

#: Rows per statement: fewer round trips than the old 5,000 for the same memory.
DEFAULT_BATCH_SIZE = 10_000
ANY_NODE = "MATCH (n:{label}:" + MARKER + ") RETURN n.id AS id LIMIT 1"
#: Schema statements that another application (or an earlier om-graph) already covers.
_SCHEMA_ALREADY_THERE = (
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
)


#: Transaction memory per row of a load (nodes and relationships), measured on Neo4j 5.26 as the
#: peak of SHOW TRANSACTIONS' estimatedUsedHeapMemory while loading generated landscapes into an
#: empty database: scale 50 (406,882 rows) 812 MiB, scale 100 (817,557 rows) 1,625 MiB, both
#: about 2,090 bytes a row; each loaded with the heap :func:`heap_needed_gib` gives (2 and 3 GiB).
#: Neo4j holds a whole transaction on the heap and caps all transactions together at 70 % of it.
BYTES_PER_ROW = 2_100
TRANSACTION_SHARE = 0.7
#: Heap the server needs beside the transaction (its own caches and buffers).
BASE_HEAP_MIB = 512


def heap_needed_gib(rows: int) -> int:
    """The heap (whole GiB) a Neo4j server needs to take a load of ``rows`` in one transaction.

    >>> heap_needed_gib(2_000), heap_needed_gib(406_882), heap_needed_gib(817_557)
    (1, 2, 3)
    """
    mib = BASE_HEAP_MIB + rows * BYTES_PER_ROW / TRANSACTION_SHARE / 2**20
    return max(1, -(-int(mib) // 1024))


def heap_for_dataset(path: str) -> str:
    """The heap to start Neo4j with for loading the dataset at ``path`` (``scripts/neo4j start --for``)."""
    from pathlib import Path

    from om_graph.dataset.io import read_dataset

    return f"{heap_needed_gib(sum(graph_rows(read_dataset(Path(path))).counts()))}g"


def memory_hint(rows: int) -> str:
    """What to tell a user whose load did not fit: the heap it needs and how to give it."""
    gib = heap_needed_gib(rows)
    return (
        f"a load of {rows:,} rows needs about {gib} GiB of Neo4j heap: "
        f"OM_NEO4J_HEAP={gib}g scripts/neo4j start (or server.memory.heap.max_size={gib}g in neo4j.conf)"
    )


@dataclass
class Change:
    """What a load did to one label or relationship type."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    #: Nodes gone from the dataset that other applications' relationships still use: unmarked, not deleted.
    released: int = 0

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.released)


@dataclass
class LoadSummary:
    """The dataset's size, and what the load created, updated and deleted per label and relationship type."""

    nodes: int
    relationships: int
    changes: dict[str, Change] = field(default_factory=dict)

    def change(self, name: str) -> Change:
        return self.changes.setdefault(name, Change())


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


def apply_schema(driver: Any, database: str) -> None:
    """Create the indexes of cypher/schema.cypher (idempotent)."""
    from neo4j.exceptions import ClientError

    with driver.session(database=database) as session:
        for statement in statements(read_query("schema.cypher")):
            try:
                session.run(statement).consume()
            except ClientError as exc:
                if exc.code not in _SCHEMA_ALREADY_THERE:
                    raise


def _batches(rows: list, size: int) -> Iterator[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def populated_labels(tx: Any) -> set[str]:
    """The labels that have at least one om-graph node, as this transaction sees it."""
    return {spec.label for spec in NODES if tx.run(ANY_NODE.format(label=spec.label)).single()}


def _patterns() -> dict[tuple[str, str, str], RelSpec]:
    """One spec per relationship pattern (two specs write HELD: same pattern, same keys)."""
    return {(spec.start_label, spec.type, spec.end_label): spec for spec in RELATIONSHIPS}


def delete_stale_relationships(tx: Any, rels: dict[RelSpec, list], summary: LoadSummary) -> None:
    """Delete om-graph relationships the dataset no longer has (inside the caller's transaction)."""
    for pattern, spec in _patterns().items():
        keys = [
            relationship_key(start, end, props, spec.merge_keys)
            for other, found in rels.items()
            if (other.start_label, other.type, other.end_label) == pattern
            for start, end, props in found
        ]
        counters = tx.run(stale_relationships_statement(*pattern, spec.merge_keys), keys=keys).consume().counters
        summary.change(spec.type).deleted += counters.relationships_deleted


def delete_stale_nodes(tx: Any, rows: GraphRows, summary: LoadSummary) -> None:
    """Release or delete the om-graph nodes whose ids the dataset no longer has (the last step of a sync)."""
    for spec in NODES:
        ids = [row["id"] for row in rows.nodes.get(spec.label, ())]
        released = tx.run(release_statement(spec.label), ids=ids).consume().counters.labels_removed
        deleted = tx.run(stale_nodes_statement(spec.label), ids=ids).consume().counters.nodes_deleted
        change = summary.change(spec.label)
        change.released += released
        change.deleted += deleted
    tx.run(CLEAR_ORPHANED_FINDINGS).consume()


def planned_batches(
    rows: GraphRows, populated: set[str], batch_size: int
) -> Iterator[tuple[str, str, list[list[Any]]]]:
    """(label or type, query, rows) for every batch: CREATE where nothing can be there yet."""
    plans: list[tuple[str, str, Callable, list]] = []
    for spec in NODES:
        nodes = rows.nodes.get(spec.label) or []
        create = spec.label not in populated
        found = distinct_nodes(nodes) if create else nodes
        if found:
            query, encode = node_statement(spec.label, found, create, own_properties(spec.sheet))
            plans.append((spec.label, query, encode, found))
    for spec, found in distinct_relationships(rows).items():
        create = spec.start_label not in populated or spec.end_label not in populated
        if found:
            query, encode = rel_statement(spec, found, create, _link_properties(spec))
            plans.append((spec.type, query, encode, found))
    for name, query, encode, items in plans:
        for batch in _batches(items, batch_size):
            yield name, query, encode(batch)


def _link_properties(spec: RelSpec) -> tuple[str, ...]:
    """A relationship's own properties: a link sheet's other columns; none for one drawn from a node's row."""
    return () if spec.sheet in {n.sheet for n in NODES} else own_properties(spec.sheet)


def write_rows(
    tx: Any, rows: GraphRows, merge: bool, batch_size: int, progress: Progress | None
) -> LoadSummary:
    """Every statement of one load, in the caller's transaction."""
    summary = LoadSummary(*rows.counts())
    populated = populated_labels(tx)
    if not merge and populated:
        delete_stale_relationships(tx, distinct_relationships(rows), summary)
    for name, query, batch in prefetched(planned_batches(rows, populated, batch_size)):
        result = tx.run(query, rows=batch)
        changed = sum(record["changed"] for record in result) if "changed" in result.keys() else 0
        counters = result.consume().counters
        change = summary.change(name)
        change.created += counters.nodes_created + counters.relationships_created
        change.updated += changed
        if progress:
            progress(len(batch))
    if not merge and populated:
        delete_stale_nodes(tx, rows, summary)
    return summary


def load_dataset(
    driver: Any,
    database: str,
    dataset: Dataset,
    *,
    merge: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> LoadSummary:
    """Make om-graph's part of the database equal to ``dataset`` (with ``merge``: only add and update)."""
    return load_rows(
        driver, database, graph_rows(dataset), merge=merge, batch_size=batch_size, progress=progress, timeout=timeout
    )


def load_rows(
    driver: Any,
    database: str,
    rows: GraphRows,
    *,
    merge: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    timeout: float | None = None,
) -> LoadSummary:
    """Write prepared graph rows in one transaction (see :func:`load_dataset`).

    The transaction is never retried (a retry would send every row again): a server that
    fails or stops part-way leaves the database as it was. ``timeout``: seconds the server
    gives the transaction before it rolls it back; a server that stops answering is given up
    on shortly after.
    """
    timeout = timeout or DEFAULT_TIMEOUT

    def work() -> LoadSummary:
        apply_schema(driver, database)
        with driver.session(database=database) as session, session.begin_transaction(timeout=timeout) as tx:
            summary = write_rows(tx, rows, merge, batch_size, progress)
            tx.commit()
            return summary

    return bounded(patience(timeout), work)


def graph_counts(driver: Any, database: str) -> dict[str, int]:
    """om-graph's nodes per label and relationships per type: what a load left in the database."""
    counts: dict[str, int] = {}
    with driver.session(database=database) as session:
        for spec in NODES:
            counts[spec.label] = session.run(f"MATCH (n:{spec.label}:{MARKER}) RETURN count(n) AS c").single()["c"]
        for start, rtype, end in _patterns():
            query = f"MATCH (:{start}:{MARKER})-[r:{rtype}]->(:{end}:{MARKER}) RETURN count(r) AS c"
            counts[rtype] = counts.get(rtype, 0) + session.run(query).single()["c"]
    return counts
