"""What an export adds to the graph: each network's audit and ambassador coverage, and map coordinates.

The audit runs on the engine the rows came from (the embedded graph of the same rows, or
Neo4j), so an export of the database says what ``audit --neo4j`` says. Coordinates come from
the rows alone: a region whose ``code`` is a Land or Kreis sits at that place on the map
(kilometres east and south of the middle of Germany, as the maps draw it); a network sits at
the mean of its regions' places, a region without a code at its nearest ancestor's.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from om_graph.audit.run import run_audit
from om_graph.dataset.graph import GraphRows
from om_graph.engines.contract import Engine
from om_graph.queries.registry import run_query
from om_graph.queries.rules import network_rules


def audited_networks(engine: Engine, as_of: dt.date) -> dict[str, dict[str, Any]]:
    """Each network's stage, finding counts and ambassador coverage as of ``as_of``, by network id.

    It needs the engine only, not the rows: on Neo4j it runs while the graph is read.
    """
    result = run_audit(engine, as_of=as_of, rules=network_rules())
    counts: dict[str, dict[str, int]] = {}
    for finding in result.findings:
        if finding.subject_kind == "network":
            tally = counts.setdefault(finding.subject_id, {"findings": 0, "errors": 0, "warnings": 0})
            tally["findings"] += 1
            tally["errors"] += finding.severity == "error"
            tally["warnings"] += finding.severity == "warning"
    covered = {
        row["network_id"]: bool(row["active_ambassador_ids"] or row["regional_ambassador_ids"])
        for row in run_query(engine, "coverage/networks")
    }
    networks: dict[str, dict[str, Any]] = {}
    for stage in result.stages:
        oid = stage.network_id
        networks[oid] = {
            "stage": stage.stage,
            **counts.get(oid, {"findings": 0, "errors": 0, "warnings": 0}),
            "ambassador_covered": covered.get(oid, False),
        }
    return networks


def places(rows: GraphRows) -> dict[tuple[str, str], tuple[float, float]]:
    """Map coordinates (rounded to 0.1 km) of regions with a known code and of networks at such regions."""
    from om_graph.dataset.geo import load_germany

    germany = load_germany()
    points: dict[str, tuple[float, float]] = {}
    for region in rows.nodes.get("Region", ()):
        code = region.get("code")
        shape = germany.shape(code) if code else None
        if shape is not None:
            points[region["id"]] = (shape.label[0] / germany.units_per_km, shape.label[1] / germany.units_per_km)
    parent: dict[str, str] = {}
    spots: dict[str, list[tuple[float, float]]] = {}
    for spec, rels in rows.rels.items():
        if spec.type == "PART_OF" and spec.start_label == spec.end_label == "Region":
            parent.update((child, up) for child, up, _ in rels)
    for spec, rels in rows.rels.items():
        if spec.type == "COVERS" and (spec.start_label, spec.end_label) == ("Network", "Region"):
            for network, region, _ in rels:
                place = _placed(region, points, parent)
                if place is not None:
                    spots.setdefault(network, []).append(place)
    out = {("Region", rid): (round(x, 1), round(y, 1)) for rid, (x, y) in points.items()}
    for network, found in spots.items():
        # fsum is exact, so the mean does not depend on the order an engine listed the regions in
        out[("Network", network)] = (
            round(math.fsum(p[0] for p in found) / len(found), 1),
            round(math.fsum(p[1] for p in found) / len(found), 1),
        )
    return out


def _placed(region: str, points: dict[str, tuple[float, float]], parent: dict[str, str]) -> tuple[float, float] | None:
    """The place of ``region`` or of its nearest ancestor that has one."""
    seen: set[str] = set()
    current: str | None = region
    while current is not None and current not in seen:
        if current in points:
            return points[current]
        seen.add(current)
        current = parent.get(current)
    return None
