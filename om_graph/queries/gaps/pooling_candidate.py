"""pooling_candidate: a partner organisation in two or more overlapping regional networks."""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.queries.registry import query
from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.gaps.kind import COLUMNS, GapKind, gap_row
from om_graph.queries.evidence import listed
from om_graph.queries.gaps.candidates import counts, is_regional, representative, top_regions

KIND = GapKind(
    code="pooling_candidate",
    rank=5,
    title={
        "en": "Partner in overlapping networks: candidate for pooling",
        "de": "Partner in überlappenden Netzwerken: Kandidat zur Bündelung",
    },
    description={
        "en": "An organisation is a member of two or more regional OM networks whose regions overlap. "
        "Under the partners' 2021 agreement on cooperation in the regions it can pool its work there "
        "and bring the networks together.",
        "de": "Eine Organisation ist Partner in zwei oder mehr regionalen OM-Netzwerken, deren Regionen "
        "sich überlappen. Nach der Vereinbarung der Partner von 2021 zur Zusammenarbeit in den "
        "Regionen kann sie ihre Arbeit dort bündeln und die Netzwerke zusammenführen.",
    },
)


@query(KIND.query, columns=COLUMNS)
def pooling_candidate(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Organisations that belong to at least two regional OM networks whose regions overlap.

    One row per organisation, no second side. The evidence lists its networks that overlap
    another of them; the row's region is the smallest id among the topmost regions shared by
    any such pair.
    """
    for organisation in graph.nodes("Organisation"):
        networks = sorted(
            n for n, _ in graph.out(organisation, "MEMBER_OF") if counts(graph, n) and is_regional(graph, n)
        )
        pooled: set[Node] = set()
        meeting: set[Node] = set()
        for i, a in enumerate(networks):
            for b in networks[i + 1 :]:
                if shared := graph.closure(a) & graph.closure(b):
                    pooled |= {a, b}
                    meeting |= set(top_regions(graph, shared))
        if pooled:
            evidence = listed("networks", (n[1] for n in pooled))
            yield gap_row(graph, KIND, organisation, None, representative(meeting), evidence)
