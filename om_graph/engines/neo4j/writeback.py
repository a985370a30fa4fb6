"""An audit written back into the graph, so Neo4j Browser, Bloom and NeoDash can colour and filter by it.

Each audited network gets its implementation stage as properties (``stage``, ``stage_as_of``,
``stage_profile``); each finding becomes a node ``(:Finding:OmGraph {code, severity, as_of,
profile, message, subject_kind, subject_id})`` with a relationship ``ABOUT`` to the node it is
about. Both are om-graph's own data (the marker label, :data:`FINDING` and :data:`ABOUT`),
and each write-back replaces the previous one in a single transaction: a reader sees one
audit or the other, never a mix.

>>> subject_label("self_declaration")
'SelfDeclaration'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from om_graph.dataset.graph import LABEL_BY_SHEET, MARKER
from om_graph.engines.neo4j.connect import DEFAULT_TIMEOUT, bounded, patience

FINDING = "Finding"
ABOUT = "ABOUT"
#: What a write-back adds to om-graph's part of the graph (a load never deletes it).
WRITTEN_BACK_TYPES = (ABOUT,)
CLEAR_FINDINGS = f"MATCH (f:{FINDING}:{MARKER}) DETACH DELETE f"
#: Findings whose subject a sync deleted: they describe nothing any more.
CLEAR_ORPHANED_FINDINGS = f"MATCH (f:{FINDING}:{MARKER}) WHERE NOT EXISTS {{ (f)-[:{ABOUT}]->() }} DELETE f"
CLEAR_STAGES = f"MATCH (n:Network:{MARKER}) WHERE n.stage IS NOT NULL REMOVE n.stage, n.stage_as_of, n.stage_profile"
SET_STAGES = (
    f"UNWIND $rows AS row MATCH (n:Network:{MARKER} {{id: row.id}}) "
    "SET n.stage = row.stage, n.stage_as_of = $asOf, n.stage_profile = $profile"
)
CREATE_FINDINGS = (
    "UNWIND $rows AS row MATCH (s:{label}:" + MARKER + " {{id: row.subject_id}}) "
    "CREATE (f:" + FINDING + ":" + MARKER + " {{code: row.code, severity: row.severity, as_of: $asOf, profile: $profile, "
    "message: row.message, subject_kind: row.subject_kind, subject_id: row.subject_id}})-[:" + ABOUT + "]->(s)"
)


@dataclass(frozen=True)
class WrittenBack:
    stages: int
    findings: int


def subject_label(kind: str) -> str:
    """The graph label of a finding's subject kind (``network`` -> ``Network``)."""
    try:
        return LABEL_BY_SHEET[f"{kind}s"]
    except KeyError:
        raise ValueError(f"no graph label for findings about {kind!r}") from None


def write_back(
    driver: Any,
    database: str,
    *,
    as_of: dt.date,
    profile: str,
    stages: list[dict[str, Any]],
    findings: list[dict[str, Any]],
    timeout: float = DEFAULT_TIMEOUT,
) -> WrittenBack:
    """Replace the stored audit by this one: ``stages`` rows ``{id, stage}``, ``findings`` rows as ``Finding.as_dict``."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_label.setdefault(subject_label(finding["subject_kind"]), []).append(finding)
    params = {"asOf": as_of, "profile": profile}

    def work() -> WrittenBack:
        with driver.session(database=database) as session, session.begin_transaction(timeout=timeout) as tx:
            tx.run(CLEAR_FINDINGS).consume()
            tx.run(CLEAR_STAGES).consume()
            staged = tx.run(SET_STAGES, rows=stages, **params).consume().counters.properties_set // 3
            created = 0
            for label, rows in sorted(by_label.items()):
                created += tx.run(CREATE_FINDINGS.format(label=label), rows=rows, **params).consume().counters.nodes_created
            tx.commit()
            return WrittenBack(staged, created)

    return bounded(patience(timeout), work)
