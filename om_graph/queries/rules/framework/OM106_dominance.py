"""OM106: one partner group dominates the network."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Severity

#: Partner groups of the named contacts by contact role; None = a person with no organisation.
ContactGroups = dict[str, set[Node | None]]


class Dominance(Rule):
    """One partner, or one group of partners under a common parent, dominates the network's roles.

    Why: "Es vertritt nicht einseitig die Interessen einzelner Partner und handelt nicht
    gegen die Interessen einzelner Partner der Offensive Mittelstand" (2012 criteria,
    Rahmenbedingungen, item 6). A network whose named contacts, hosted meetings and members
    come mostly from one partner group is that group's network. Roles counted: each
    CONTACT_FOR edge (credited to the person's employer's group), each meeting in the window
    with a host (credited to the host's group), each member organisation (its group).
    Holding both the Netzwerkkoordination and the Moderation is dominance at any share.

    Fails: a holding's two subsidiaries are members and name the moderation contact, with one
    other member (3 of 4 roles, 75 %).
    Passes: IHK, Handwerkskammer and a consultancy are members and the contacts come from IHK
    and Handwerkskammer (at most 2 of 5 roles).
    """

    code = "OM106"
    name = "framework.dominance"
    severity = Severity.warning
    source = "001 Rahmenbedingungen, item 6"
    title = {"en": "One partner group dominates", "de": "Dominanz einer Partnergruppe"}
    message = {
        "en": "partner group {group} holds {share} of the network's roles (limit {max_share:.0%}); "
        "coordination and moderation contacts all from one group: {both_contacts}",
        "de": "Partnergruppe {group} hält {share} der Rollen im Netzwerk (Grenze {max_share:.0%}); "
        "Netzwerkkoordination und Moderation alle aus einer Gruppe: {both_contacts}",
    }
    params = {
        "max_share": Param(0.5, "Largest share of the network's roles one partner group may hold"),
        "window_months": Param(12, "Months back in which hosted meetings count as roles"),
    }
    planted = {"one_group_contacts": 0.08}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in graph.om_networks():
            roles, total, contact_groups = _count_roles(graph, network, ctx)
            if not roles:
                continue
            top, held = min(roles.items(), key=lambda item: (-item[1], item[0][1]))
            share = held / total
            both_contacts = _one_group_holds_both(contact_groups)
            if share > ctx.params["max_share"] or both_contacts:
                evidence = {"group": top[1], "share": round(share, 4), "both_contacts": both_contacts}
                yield Hit(network, evidence)


def _count_roles(
    graph: EmbeddedGraph, network: Node, ctx: RuleContext
) -> tuple[Counter[Node], int, ContactGroups]:
    """Roles per partner group, all roles, and the groups of the contacts by contact role."""
    roles: Counter[Node] = Counter()
    total = 0
    contact_groups: ContactGroups = {"coordination": set(), "moderation": set()}
    for person, contact in graph.inc(network, "CONTACT_FOR"):
        employers = graph.out(person, "WORKS_FOR")
        group = graph.group_of(employers[0][0]) if employers else None
        total += 1
        if group is not None:
            roles[group] += 1
        contact_groups[contact["role"]].add(group)
    for activity, _ in graph.out(network, "HELD"):
        meeting = graph.props(activity)
        hosts = graph.inc(activity, "HOSTED")
        in_window = ctx.within_months(meeting["date"], ctx.params["window_months"])
        if meeting["kind"] == "meeting" and hosts and in_window:
            total += 1
            roles[graph.group_of(hosts[0][0])] += 1
    for organisation, _ in graph.inc(network, "MEMBER_OF"):
        total += 1
        roles[graph.group_of(organisation)] += 1
    return roles, total, contact_groups


def _one_group_holds_both(contact_groups: ContactGroups) -> bool:
    """Are there coordination and moderation contacts, all employed by one and the same group?"""
    coordination, moderation = contact_groups["coordination"], contact_groups["moderation"]
    together = coordination | moderation
    return bool(coordination and moderation) and len(together) == 1 and None not in together
