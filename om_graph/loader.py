"""Writing a validated dataset into Neo4j: schema first, then one all-or-nothing transaction.

Nodes and relationships go in batches of ``UNWIND $rows ... MERGE``, keyed by ``id``, with
``SET x = row`` so a second load of the same data leaves the same graph. All batches run in
one managed write transaction: if the server stops or a constraint fails part-way, nothing
is committed and the database keeps what it had before the load.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .graph_model import NODES, RELATIONSHIPS, GraphRows, RelSpec, graph_rows
from .model import Dataset
from .queries import read_query, statements

Progress = Callable[[int], None]

# Labels and relationship types come from graph_model's fixed tables, never from data;
# only they are formatted into query text. Data always travels as $rows.
NODE_QUERY = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n = row"
REL_QUERY = (
    "UNWIND $rows AS row "
    "MATCH (a:{start} {{id: row.s}}) MATCH (b:{end} {{id: row.e}}) "
    "MERGE (a)-[r:{type}{keys}]->(b) SET r = row.p"
)


def rel_query(spec: RelSpec) -> str:
    """MERGE on the relationship's key columns too, so one person's two contact roles stay two edges."""
    keys = ", ".join(f"{k}: row.p.{k}" for k in spec.merge_keys)
    return REL_QUERY.format(start=spec.start_label, end=spec.end_label, type=spec.type, keys=f" {{{keys}}}" if keys else "")
CLEAR_QUERY = "MATCH (n:{label}) DETACH DELETE n"


@dataclass(frozen=True)
class LoadSummary:
    nodes: int
    relationships: int


def apply_schema(driver: Any, database: str) -> None:
    """Create the constraints and indexes of cypher/schema.cypher (idempotent)."""
    with driver.session(database=database) as session:
        for statement in statements(read_query("schema.cypher")):
            session.run(statement).consume()


def _batches(rows: list, size: int):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def write_rows(tx: Any, rows: GraphRows, replace: bool, batch_size: int, progress: Progress | None) -> None:
    if replace:
        for spec in NODES:
            tx.run(CLEAR_QUERY.format(label=spec.label)).consume()
    for label, nodes in rows.nodes.items():
        for batch in _batches(nodes, batch_size):
            tx.run(NODE_QUERY.format(label=label), rows=batch).consume()
            if progress:
                progress(len(batch))
    for spec, rels in rows.rels.items():
        query = rel_query(spec)
        for batch in _batches(rels, batch_size):
            tx.run(query, rows=[{"s": s, "e": e, "p": p} for s, e, p in batch]).consume()
            if progress:
                progress(len(batch))


def load_dataset(
    driver: Any,
    database: str,
    dataset: Dataset,
    *,
    replace: bool = False,
    batch_size: int = 5000,
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
    batch_size: int = 5000,
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
