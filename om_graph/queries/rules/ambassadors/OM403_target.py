"""OM403: an intermediary in an ambassador's region that nobody has approached yet."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.rules.base import Hit, Rule, RuleContext, Severity
from om_graph.queries.evidence import first_ids


class AmbassadorTarget(Rule):
    """An intermediary organisation in an ambassador's region is neither a network member nor approached.

    Why: the ambassador "übernimmt die Aufgabe, weitere öffentliche und private Organisationen
    sowie Verbände in der Region anzusprechen und zu gemeinsamem Handeln [...] zu bewegen"
    (slides, §3 Botschafter-Konzept). Such an organisation is the ambassador's next target.

    The evidence names the first ten ambassadors by id and counts them all.

    Fails: a chamber located in München, ambassador for Bayern, no membership, not approached.
    Passes: the same chamber once the ambassador has approached it.
    """

    code = "OM403"
    name = "ambassadors.target"
    severity = Severity.info
    subject_kind = "organisation"
    source = "000 §3"
    title = {"en": "Target for an ambassador", "de": "Noch anzusprechende Organisation"}
    message = {
        "en": "intermediary organisation, neither network member nor approached yet, "
        "in the region of {count} ambassador(s), e.g. {ambassadors}",
        "de": "intermediäre Organisation, weder Netzwerkpartner noch angesprochen, "
        "in der Region von {count} Botschafter(n), z. B. {ambassadors}",
    }
    person_evidence = ("ambassadors",)
    named_evidence = {"ambassadors": "person"}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        by_region: dict[Node, set[str]] = defaultdict(set)
        for person in graph.nodes("Person"):
            for region, _ in graph.out(person, "AMBASSADOR_FOR"):
                by_region[region].add(person[1])
        # Per region, not per organisation: thousands of organisations share a few hundred regions.
        serving: dict[Node, set[str]] = {}
        for org in graph.nodes("Organisation"):
            if (
                graph.props(org).get("intermediary") is not True
                or graph.out(org, "MEMBER_OF")
                or graph.inc(org, "APPROACHED")
            ):
                continue
            ambassadors: set[str] = set()
            for located, _ in graph.out(org, "LOCATED_IN"):
                if located not in serving:
                    serving[located] = set().union(
                        *(by_region.get(region, ()) for region in (located, *graph.ancestors(located)))
                    )
                ambassadors |= serving[located]
            if ambassadors:
                yield Hit(org, {"ambassadors": first_ids(ambassadors), "count": len(ambassadors)})
