"""unlinked_overlap: two regional networks work in overlapping regions and have nothing in common."""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.gaps.kind import COLUMNS, GapKind, gap_row
from om_graph.queries.evidence import listed
from om_graph.queries.gaps.candidates import regional_networks, representative, top_regions

KIND = GapKind(
    code="unlinked_overlap",
    rank=1,
    title={
        "en": "Overlapping networks without cooperation",
        "de": "Überlappende Netzwerke ohne Zusammenarbeit",
    },
    description={
        "en": "Two regional OM networks work in overlapping regions, but share no partner and have "
        "no cooperation, sub-network agreement or joint activity on record. The 2012 criteria ask "
        "every network to cooperate with the other OM networks and never to compete with them.",
        "de": "Zwei regionale OM-Netzwerke arbeiten in überlappenden Regionen, haben aber keinen "
        "gemeinsamen Partner und keine Zusammenarbeit, Teilnetzwerk-Vereinbarung oder gemeinsame "
        "Aktivität erfasst. Nach den Kriterien von 2012 arbeitet jedes Netzwerk mit den anderen "
        "OM-Netzwerken zusammen und tritt nie in Konkurrenz zu ihnen.",
    },
)


@query(KIND.query, columns=COLUMNS)
def unlinked_overlap(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Pairs of regional OM networks (a_id < b_id) whose regions overlap, with no link on record.

    Found through the regions (``overlapping_networks``), never by comparing all pairs. The
    evidence lists the topmost shared regions; the row's region is the one with the smallest id.
    """
    counted = set(regional_networks(graph))
    for a in sorted(counted):
        candidates = {b for b in graph.overlapping_networks(a) if b in counted and b[1] > a[1]}
        if not candidates:
            continue
        linked = graph.cooperating_networks(a)
        for b in sorted(candidates - linked):
            tops = top_regions(graph, graph.closure(a) & graph.closure(b))
            yield gap_row(graph, KIND, a, b, representative(tops), listed("shared_regions", (r[1] for r in tops)))
