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
  text, in batches of 50,000, prepared by a background thread while the server works.
* Each relationship end is a seek on its label's ``id`` index, except between two nodes this
  load created: their CREATE returns their element ids, and the relationship finds its ends by
  element id, a direct lookup instead of a search of index entries the transaction itself made.

Before writing, the load asks the server's transaction memory limits and refuses at once a
load that cannot fit (:mod:`.limits`); in a database an earlier om-graph wrote without the
marker, it adopts that om-graph's nodes (:mod:`.adopt`); after committing a load that created
or deleted at least :data:`REFRESH_MIN_CHANGES` rows, it refreshes the index statistics and
drops cached plans (:mod:`.upkeep`).
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, TypeVar

from om_graph.dataset.graph import MARKER, NODES, RELATIONSHIPS, GraphRows, RelSpec, graph_rows
from om_graph.dataset.model import Dataset
from om_graph.engines.cypher import read_query, statements
from om_graph.engines.neo4j.adopt import adopt_earlier
from om_graph.engines.neo4j.connect import DEFAULT_TIMEOUT, bounded, patience
from om_graph.engines.neo4j.limits import BYTES_PER_ROW, check_fits, heap_for_dataset, heap_needed_gib, memory_hint
from om_graph.engines.neo4j.upkeep import refresh_plans
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

__all__ = [
    "Columns", "LoadSummary", "graph_counts", "heap_for_dataset", "heap_needed_gib", "load_dataset", "load_rows",
    "memory_hint", "node_statement", "rel_statement",
]

Progress = Callable[[int], None]
T = TypeVar("T")

#: A load creating or deleting fewer rows leaves statistics and cached plans alone: on a graph that
#: small any plan is cheap, and on a large one so few rows move no estimate (re-planning costs too).
REFRESH_MIN_CHANGES = 1_000
#: Rows per statement. Scale 100, 817k rows: 10,000 took 23.5-25.1 s, 50,000 21.5-22.9 s, 100,000 21.7-22.6 s,
#: with the same client peak (472 MB): fewer round trips, each with a result the client takes in.
DEFAULT_BATCH_SIZE = 50_000
ANY_NODE = "MATCH (n:{label}:" + MARKER + ") RETURN n.id AS id LIMIT 1"
#: Schema statements that another application (or an earlier om-graph) already covers.
_SCHEMA_ALREADY_THERE = (
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
)


@dataclass
class Change:
    """What a load did to one label or relationship type."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    #: Nodes gone from the dataset that other applications' relationships still use: unmarked, not deleted.
    released: int = 0
    #: Nodes an earlier om-graph wrote without the marker, now marked as om-graph's (see :mod:`.adopt`).
    adopted: int = 0

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.released or self.adopted)


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


def node_batches(rows: GraphRows, populated: set[str], batch_size: int) -> Iterator[tuple[str, str, list[list[Any]]]]:
    """(label, query, rows) for every batch of nodes: CREATE for a label without om-graph nodes yet."""
    for spec in NODES:
        nodes = rows.nodes.get(spec.label) or []
        create = spec.label not in populated
        found = distinct_nodes(nodes) if create else nodes
        if found:
            query, encode = node_statement(spec.label, found, create, own_properties(spec.sheet))
            for batch in _batches(found, batch_size):
                yield spec.label, query, encode(batch)


def rel_batches(
    rows: GraphRows, populated: set[str], batch_size: int, elements: dict[str, dict[str, str]]
) -> Iterator[tuple[str, str, list[list[Any]]]]:
    """(type, query, rows) for every batch of relationships; ends created by this load found by element id.

    ``elements``: label -> id -> element id of the nodes this load created.
    """
    for spec, found in distinct_relationships(rows).items():
        create = spec.start_label not in populated or spec.end_label not in populated
        starts, ends = elements.get(spec.start_label), elements.get(spec.end_label)
        by_element = create and starts is not None and ends is not None
        if found:
            query, encode = rel_statement(spec, found, create, _link_properties(spec), by_element)
            for batch in _batches(found, batch_size):
                if by_element:  # a missing end stays unmatched, as a missing id would
                    batch = [(starts.get(start), ends.get(end), props) for start, end, props in batch]
                yield spec.type, query, encode(batch)


def _link_properties(spec: RelSpec) -> tuple[str, ...]:
    """A relationship's own properties: a link sheet's other columns; none for one drawn from a node's row."""
    return () if spec.sheet in {n.sheet for n in NODES} else own_properties(spec.sheet)


def write_rows(
    tx: Any, rows: GraphRows, merge: bool, batch_size: int, progress: Progress | None
) -> LoadSummary:
    """Every statement of one load, in the caller's transaction."""
    summary = LoadSummary(*rows.counts())
    for label, count in adopt_earlier(tx, rows.nodes).items():
        summary.change(label).adopted += count
    populated = populated_labels(tx)
    if not merge and populated:
        delete_stale_relationships(tx, distinct_relationships(rows), summary)
    elements: dict[str, dict[str, str]] = {}
    for name, query, batch in prefetched(node_batches(rows, populated, batch_size)):
        _write_batch(tx, name, query, batch, summary, progress, elements)
    for name, query, batch in prefetched(rel_batches(rows, populated, batch_size, elements)):
        _write_batch(tx, name, query, batch, summary, progress, elements)
    if not merge and populated:
        delete_stale_nodes(tx, rows, summary)
    return summary


def _write_batch(
    tx: Any, name: str, query: str, batch: list, summary: LoadSummary, progress: Progress | None, elements: dict
) -> None:
    """Run one batch; count what it created and updated; keep the element ids of the nodes it created."""
    result = tx.run(query, rows=batch)
    keys = result.keys()
    changed = 0
    for record in result:
        if "changed" in keys:
            changed += record["changed"]
        elif "elements" in keys:
            elements.setdefault(name, {}).update(zip(record["ids"], record["elements"]))
    counters = result.consume().counters
    change = summary.change(name)
    change.created += counters.nodes_created + counters.relationships_created
    change.updated += changed
    if progress:
        progress(len(batch))


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
    refresh: bool = True,
) -> LoadSummary:
    """Write prepared graph rows in one transaction (see :func:`load_dataset`).

    The transaction is never retried (a retry would send every row again): a server that
    fails or stops part-way leaves the database as it was. ``timeout``: seconds the server
    gives the transaction before it rolls it back; a server that stops answering is given up
    on shortly after. ``refresh=False`` leaves the planner's statistics and cached plans as
    they are (only to profile the worst case, ``scripts/profile_queries.py --stale``).
    """
    timeout = timeout or DEFAULT_TIMEOUT
    size = sum(rows.counts())

    def work() -> LoadSummary:
        check_fits(driver, database, size, size * BYTES_PER_ROW, memory_hint(size))
        apply_schema(driver, database)
        with driver.session(database=database) as session, session.begin_transaction(timeout=timeout) as tx:
            summary = write_rows(tx, rows, merge, batch_size, progress)
            tx.commit()
        if refresh and sum(c.created + c.deleted for c in summary.changes.values()) >= REFRESH_MIN_CHANGES:
            refresh_plans(driver, database)  # statistics and plans were made for other contents
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
