"""OM106: one partner group dominates the roles that steer the network."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity

#: Partner groups of the named contacts by contact role; None = a person with no organisation.
ContactGroups = dict[str, set[Node | None]]


class Dominance(Rule):
    """One partner, or one group of partners under a common parent, dominates the roles that steer the network.

    Why: "Es vertritt nicht einseitig die Interessen einzelner Partner und handelt nicht
    gegen die Interessen einzelner Partner der Offensive Mittelstand" (2012 criteria,
    Rahmenbedingungen, item 6). A network whose contacts and gatherings come mostly from one
    partner group is that group's network. Roles counted are those that steer it: each
    CONTACT_FOR edge (credited to the person's employer's group; a person without an
    organisation counts in the total only) and each activity held in the window with a host
    (credited to the host's group). Plain memberships are no role: in a small network they
    would turn one contact and one meeting into "dominance", repeating OM104 and OM301. A share
    is judged only from ``min_roles`` roles on (default 4: the two contacts the slides ask for
    and the two meetings a year of the 2012 criteria); holding both the Netzwerkkoordination
    and the Moderation is dominance at any count.

    Fails: a holding's two subsidiaries name the coordination and the moderation contact.
    Passes: IHK and Handwerkskammer name one contact each and host two meetings each (2 of 4 roles).
    """

    code = "OM106"
    name = "framework.dominance"
    severity = Severity.warning
    source = "001 Rahmenbedingungen, item 6"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "One partner group dominates", "de": "Dominanz einer Partnergruppe"}
    message = {
        "en": "partner group {group} holds {share} of the {roles} roles that steer the network (contacts, hosted "
        "activities; limit {max_share}); coordination and moderation contacts all from one group: {both_contacts}",
        "de": "Partnergruppe {group} hält {share} der {roles} steuernden Rollen im Netzwerk (Ansprechpartner, "
        "ausgerichtete Aktivitäten; Grenze {max_share}); Netzwerkkoordination und Moderation alle aus einer "
        "Gruppe: {both_contacts}",
    }
    params = {
        "max_share": Param(0.5, "Largest share of the steering roles one partner group may hold"),
        "min_roles": Param(4, "Fewest steering roles (contacts, hosted activities) a share is judged from"),
        "window_months": Param(12, "Months back in which hosted activities count as roles"),
    }
    named_evidence = {"group": "organisation"}
    planted = {"one_group_contacts": 0.08}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            roles, total, contact_groups = _count_roles(graph, network, ctx)
            if not roles:
                continue
            top, held = min(roles.items(), key=lambda item: (-item[1], item[0][1]))
            share = held / total
            both_contacts = _one_group_holds_both(contact_groups)
            if (total >= ctx.params["min_roles"] and share > ctx.params["max_share"]) or both_contacts:
                evidence = {"group": top[1], "share": round(share, 4), "both_contacts": both_contacts, "roles": total}
                yield Hit(network, evidence)


def _count_roles(
    graph: EmbeddedGraph, network: Node, ctx: RuleContext
) -> tuple[Counter[Node], int, ContactGroups]:
    """Steering roles per partner group, all of them, and the groups of the contacts by contact role."""
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
        hosts = graph.inc(activity, "HOSTED")
        if hosts and ctx.within_months(graph.props(activity)["date"], ctx.params["window_months"]):
            total += 1
            roles[graph.group_of(hosts[0][0])] += 1
    return roles, total, contact_groups


def _one_group_holds_both(contact_groups: ContactGroups) -> bool:
    """Are there coordination and moderation contacts, all employed by one and the same group?"""
    coordination, moderation = contact_groups["coordination"], contact_groups["moderation"]
    together = coordination | moderation
    return bool(coordination and moderation) and len(together) == 1 and None not in together
