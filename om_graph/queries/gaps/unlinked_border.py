"""unlinked_border: two regional networks in neighbouring regions have nothing in common."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.gaps.kind import COLUMNS, GapKind, gap_row
from om_graph.queries.gaps.candidates import regional_networks

KIND = GapKind(
    code="unlinked_border",
    rank=2,
    title={
        "en": "Neighbouring networks without cooperation",
        "de": "Benachbarte Netzwerke ohne Zusammenarbeit",
    },
    description={
        "en": "Two regional OM networks work in regions that border each other (and do not overlap), "
        "but share no partner and have no cooperation, sub-network agreement or joint activity on "
        "record. Neighbours reach the same companies; the 2012 criteria ask them to cooperate.",
        "de": "Zwei regionale OM-Netzwerke arbeiten in aneinander grenzenden (nicht überlappenden) "
        "Regionen, haben aber keinen gemeinsamen Partner und keine Zusammenarbeit, "
        "Teilnetzwerk-Vereinbarung oder gemeinsame Aktivität erfasst. Nachbarn erreichen dieselben "
        "Betriebe; die Kriterien von 2012 verlangen Zusammenarbeit.",
    },
)


@query(KIND.query, columns=COLUMNS)
def unlinked_border(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Pairs of regional OM networks (a_id < b_id) in bordering, not overlapping regions, with no link.

    A covers region r and B covers region s (directly or inside a covered region), r BORDERS s in
    either direction. The row's region is r of the pair (r, s) with the smallest ids, s is in
    the evidence and in ``region_path``, so a filter on either side's region finds the row.
    """
    counted = set(regional_networks(graph))
    for a in sorted(counted):
        borders: dict[Node, set[tuple[Node, Node]]] = defaultdict(set)
        for r in graph.closure(a):
            for s, _ in graph.both(r, "BORDERS"):
                for b in graph.networks_by_region.get(s, ()):
                    if b in counted and b[1] > a[1]:
                        borders[b].add((r, s))
        if not borders:
            continue
        linked = graph.cooperating_networks(a)
        for b in sorted(borders):
            if b in linked or not graph.closure(a).isdisjoint(graph.closure(b)):
                continue
            r, s = min(borders[b], key=lambda pair: (pair[0][1], pair[1][1]))
            evidence = {"neighbour_region": s[1], "border_pairs": len(borders[b])}
            yield gap_row(graph, KIND, a, b, r, evidence, across=s)
