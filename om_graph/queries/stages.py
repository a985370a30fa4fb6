"""The facts that place each network in its implementation stage (decided in :mod:`om_graph.audit.stages`).

Per network: its status and whether it is an OM network, how many contacts, criticisms and
members OM holds, how many meetings and Plenum reports it held in the window, how many
intermediary partners decline to be named, and which of the facts a profile may ask for before
judging a network are on record (an application part, the acknowledgement of the principles,
the partner logo). Its twin is ``cypher/stages.cypher``.
"""

from __future__ import annotations

from typing import Any, Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.registry import query
from om_graph.queries.rules.base import RuleContext

COLUMNS = (
    "id", "name", "status", "om_network", "contacts", "criticisms", "meetings", "reports", "refusing_intermediaries",
    "members", "application_known", "principles_known", "logo_known",
)  # fmt: skip
#: The parts of an application (OM101): one of them on record puts the application on record.
APPLICATION_PARTS = ("application_scope", "application_goals", "application_approach")


@query("stages", columns=COLUMNS, params={"as_of": None, "window_months": 12})
def stage_facts(graph: EmbeddedGraph, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every network with the facts behind its implementation stage."""
    ctx = RuleContext(as_of=params["as_of"], params={})
    window = params["window_months"]
    props_of = graph.props
    for net in graph.nodes("Network"):
        members = graph.inc(net, "MEMBER_OF")
        # Consent first: most members give it, and then the organisation need not be looked at.
        refusing = sum(1 for org, m in members if m.get("named_consent") is False and props_of(org).get("intermediary"))
        props = props_of(net)
        yield {
            "id": net[1],
            "name": graph.name(net),
            "status": props.get("status"),
            "om_network": graph.is_om_network(net),
            "contacts": len({p for p, _ in graph.inc(net, "CONTACT_FOR")}),
            "criticisms": len(graph.inc(net, "CONCERNS")),
            "meetings": sum(ctx.within_months(a["date"], window) for a in graph.activities(net, "meeting")),
            "reports": sum(ctx.within_months(a["date"], window) for a in graph.activities(net, "plenum_report")),
            "refusing_intermediaries": refusing,
            "members": len({org for org, _ in members}),
            "application_known": any(str(props.get(part) or "").strip() for part in APPLICATION_PARTS),
            "principles_known": props.get("principles_acknowledged") is not None,
            "logo_known": props.get("logo_on_homepage") is not None,
        }
