"""What a gap kind is, and the row every kind returns (the same columns on both engines)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.gaps.candidates import region_path

#: The columns of every gap analysis, in this order (csv and xlsx use it too).
COLUMNS = (
    "kind",
    "a_kind",
    "a_id",
    "a_name",
    "b_kind",
    "b_id",
    "b_name",
    "region_id",
    "region_name",
    "region_path",
    "evidence",
)


@dataclass(frozen=True)
class GapKind:
    """A kind of collaboration gap: a stable code, a title and what it means, in English and German."""

    code: str
    #: Its place in reports: kinds are listed by rank.
    rank: int
    title: dict[str, str]
    description: dict[str, str]

    @property
    def query(self) -> str:
        """The name of its query, and of its query file ``cypher/gaps/<code>.cypher``."""
        return f"gaps/{self.code}"


_SIDE_KIND = {"Network": "network", "Organisation": "organisation"}


def gap_row(
    graph: EmbeddedGraph,
    kind: GapKind,
    a: Node,
    b: Node | None,
    region: Node | None,
    evidence: dict[str, Any],
    across: Node | None = None,
) -> dict[str, Any]:
    """One gap as its query row; ``across`` is the region on the far side of a border, if any."""
    path = set(region_path(graph, region)) | set(region_path(graph, across))
    return {
        "kind": kind.code,
        "a_kind": _SIDE_KIND[a[0]],
        "a_id": a[1],
        "a_name": graph.name(a),
        "b_kind": _SIDE_KIND[b[0]] if b else None,
        "b_id": b[1] if b else None,
        "b_name": graph.name(b) if b else None,
        "region_id": region[1] if region else None,
        "region_name": graph.name(region) if region else None,
        "region_path": sorted(path),
        "evidence": evidence,
    }
