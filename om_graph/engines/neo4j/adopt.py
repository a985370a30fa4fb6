"""Data an earlier om-graph loaded, before it marked its nodes: recognised, and adopted by one load.

om-graph versions before the marker label (:data:`~om_graph.dataset.graph.MARKER`) wrote the
same labels and ids without it, so today's commands see such a database as empty, and a
load would write every node a second time beside the old one. The rule that tells an
earlier om-graph's node from another application's node sharing a label:

* adoption happens only in a database that holds **no** om-graph node at all (once a load
  has marked its data, nothing unmarked is ever taken over again); and there
* a node is adopted when it carries one of om-graph's labels, a **text id that the dataset
  being loaded has** for that label, and **no property that om-graph does not write** for that
  label (what ``SET n = row`` of an earlier om-graph left).

An integer id, an id the dataset does not have, or a property of another application (a
CRM's ``crmScore``) keeps a node foreign: it is left alone, and the load writes its own.
Adopted nodes get the marker; the load then MERGEs onto them, so nothing is duplicated,
and the relationships of om-graph's types between them become om-graph's again.
"""

from __future__ import annotations

from typing import Any

from om_graph.dataset.graph import MARKER, NODES
from om_graph.engines.neo4j.statements import own_properties

ANY_MARKED = f"MATCH (n:{MARKER}) RETURN 1 AS found LIMIT 1"
ANY_UNMARKED = "MATCH (n:{label}) WHERE NOT n:" + MARKER + " RETURN 1 AS found LIMIT 1"
#: The stage a write-back (see :mod:`.writeback`) sets on networks: om-graph's too.
_WRITTEN_BACK = {"Network": ("stage", "stage_as_of", "stage_profile")}


def adoptable_keys(label: str) -> list[str]:
    """Every property om-graph may have written on a node of ``label``."""
    sheet = next(spec.sheet for spec in NODES if spec.label == label)
    return ["id", *own_properties(sheet), *_WRITTEN_BACK.get(label, ())]


def adopt_statement(label: str) -> str:
    """Mark the unmarked ``label`` nodes whose id is in ``$ids`` and whose properties are all in ``$keys``."""
    return (
        f"MATCH (n:{label}) WHERE n.id IN $ids AND NOT n:{MARKER} "
        f"AND all(k IN keys(n) WHERE k IN $keys) SET n:{MARKER}"
    )


def earlier_statement(label: str = "Network") -> str:
    """One node of ``label`` that looks like an earlier om-graph's (text id, only om-graph's properties)."""
    return (
        f"MATCH (n:{label}) WHERE NOT n:{MARKER} AND n.id IS :: STRING "
        "AND all(k IN keys(n) WHERE k IN $keys) RETURN n.id AS id LIMIT 1"
    )


def adopt_earlier(tx: Any, nodes: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Adopt an earlier om-graph's nodes of the dataset ``nodes`` (label -> rows); how many per label.

    Does nothing in a database that already holds om-graph data.
    """
    if tx.run(ANY_MARKED).single():
        return {}
    adopted = {}
    for spec in NODES:
        ids = [row["id"] for row in nodes.get(spec.label, ())]
        if ids and tx.run(ANY_UNMARKED.format(label=spec.label)).single():  # an empty database sends no ids
            query = adopt_statement(spec.label)
            counters = tx.run(query, ids=ids, keys=adoptable_keys(spec.label)).consume().counters
            if counters.labels_added:
                adopted[spec.label] = counters.labels_added
    return adopted
