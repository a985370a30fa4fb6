"""The facts that place each network in its implementation stage (decided in :mod:`om_graph.audit.stages`).

Per network: is it an OM network, how many contacts and criticisms OM holds, how many
meetings and Plenum reports it held in the window, how many intermediary partners decline
to be named. Its twin is ``cypher/stages.cypher``.
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.registry import query
from om_graph.queries.rules.base import RuleContext

COLUMNS = ("id", "name", "om_network", "contacts", "criticisms", "meetings", "reports", "refusing_intermediaries")


@query("stages", columns=COLUMNS, params={"as_of": None, "window_months": 12})
def stage_facts(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every network with the facts behind its implementation stage."""
    ctx = RuleContext(as_of=params["as_of"], params={})
    window = params["window_months"]
    for net in graph.nodes("Network"):
        refusing = sum(
            1
            for org, m in graph.inc(net, "MEMBER_OF")
            if graph.props(org).get("intermediary") and m.get("named_consent") is False
        )
        yield {
            "id": net[1],
            "name": graph.name(net),
            "om_network": graph.is_om_network(net),
            "contacts": len({p for p, _ in graph.inc(net, "CONTACT_FOR")}),
            "criticisms": len(graph.inc(net, "CONCERNS")),
            "meetings": sum(ctx.within_months(a["date"], window) for a in graph.activities(net, "meeting")),
            "reports": sum(ctx.within_months(a["date"], window) for a in graph.activities(net, "plenum_report")),
            "refusing_intermediaries": refusing,
        }
