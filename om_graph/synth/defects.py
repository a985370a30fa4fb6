"""Planted weaknesses: which defects a landscape gets, how often, and where each is planted.

Most networks of a landscape are plausible and well run; a realistic minority fails a
criterion. The rules say what to plant: each rule declares the defects that make it fire and
their shares (:attr:`om_graph.queries.rules.base.Rule.planted`: of the OM networks, or of the
self-declarations for OM501-OM504). The generator knows *how* to plant each defect: the steps
of the generator look for its name in ``Net.defects`` (or in the weak self-declarations), and
:data:`NETWORK_DEFECTS` and :data:`DECLARATION_DEFECTS` list the names it knows, in the order
they are drawn. A rule that declares a name the generator does not know fails loudly
(:class:`PlantingError`): a new kind of defect needs its planter here and in the step that
plants it; a new rule that fires on a known defect only declares it.

Some weaknesses show only in the implementation stage a network reaches, not first in a rule:
the generator's own :data:`STAGE_DEFECT_RATES`. "no_contacts" also makes OM301 and OM302 fire,
but each of them has a defect of its own, so the stage keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from om_graph.queries.rules import Rule, all_rules
from om_graph.synth.state import State

#: Share of the OM networks (status applied or recognised) with each stage-only weakness.
STAGE_DEFECT_RATES: dict[str, float] = {
    "no_contacts": 0.04,  # stage 1 (and OM301, OM302)
    "criticism": 0.05,  # stage 1
    "quiet": 0.07,  # stage 2: contacts, but no meeting or report in the last 12 months
}

#: The network defects the generator can plant and how, in the order they are drawn (the order
#: is part of every landscape: a change changes them all). Shares come from the rules and from
#: ``STAGE_DEFECT_RATES``; at least one of each from 10 OM networks on.
NETWORK_DEFECTS: dict[str, str] = {
    "no_contacts": "no coordinator or moderator (people.make_contacts), no activity in the last 12 months",
    "criticism": "a recorded criticism (activities.make_relations)",
    "quiet": "contacts, but no meeting or report in the last 12 months (activities.make_activities)",
    "incomplete_application": "one or two of its three parts missing from the application (networks.network_records)",
    "principles": "principles not acknowledged (networks.network_records)",
    "no_instruments": "no instrument used in the last 12 months (activities.make_activities)",
    "tiny": "one or two members (networks.size_networks)",
    "few_local_intermediaries": "at most two intermediaries from its region (organisations, memberships)",
    "one_group_contacts": "coordinator and moderator from one group (people.make_contacts)",
    "no_plenum_report": "no report to the Plenum in the last 12 months (activities.make_activities)",
    "no_briefing": "no partner briefing in the last 12 months (activities.make_activities)",
    "isolated": "a district next to others, members of its own, no cooperation (networks, organisations)",
    "overlap": "works where another OM network does, no consensus recorded (networks, activities)",
    "closed": "not open to new partners (networks.network_records)",
    "bad_name": "neither region nor OM mark in the name (networks.regional_name, place_thematic)",
    "few_meetings": "at most one meeting in the last 12 months (activities.make_activities)",
    "one_contact": "one person, or one role, for coordination and moderation (people.make_contacts)",
    "no_intermediary_contact": "no contact from an intermediary, intermediaries refuse naming (people, memberships)",
    "commercial": "advertises commercial services (networks.network_records)",
    "no_new_partners": "no partner joined in the last 24 months (networks.plan_networks, memberships)",
}
#: Weaknesses only regional networks have: those of rules that audit regional networks only (the
#: slides' formal criteria, OM105 and OM301-OM303) and those of a region (OM109, OM111).
REGIONAL_ONLY = frozenset(
    {"few_local_intermediaries", "isolated", "overlap", "one_contact", "no_intermediary_contact", "commercial"}
)
#: Weaknesses no state-wide network has.
NOT_STATEWIDE = frozenset({"few_local_intermediaries", "isolated", "overlap", "tiny"})
#: Weaknesses only given to networks without certain others (which would hide them).
EXCLUSIVE: dict[str, tuple[str, ...]] = {
    "overlap": ("isolated",),
    "one_contact": ("no_contacts", "one_group_contacts"),
    "one_group_contacts": ("no_contacts",),
    "no_intermediary_contact": ("no_contacts",),
}

#: The self-declaration defects the generator can plant (declarations.make_declarations), in
#: the order they are drawn; shares of the self-declarations.
DECLARATION_DEFECTS: dict[str, str] = {
    "unrated": "items never rated or rated without a traffic light",
    "short_plan": "three to nine measures in the plan",
    "vague_plan": "one measure lacks urgency, responsible, deadline or control",
    "form": "not signed, or the form incomplete",
    "expired": "signed more than 24 months ago",
}


class PlantingError(ValueError):
    """A rule declares a defect the generator cannot plant, or one another rule already declares."""


class Rates(NamedTuple):
    """The shares of the defects to plant, in the order they are drawn."""

    networks: dict[str, float]
    declarations: dict[str, float]


def defect_rates(rules: Iterable[type[Rule]]) -> Rates:
    """The defect table from the rules' declarations and the stage defects; fails on unknown names.

    A defect the generator knows but nobody declares is not planted.

    >>> rates = defect_rates(all_rules())
    >>> list(rates.networks)[:4], rates.networks["tiny"], rates.declarations["expired"]
    (['no_contacts', 'criticism', 'quiet', 'incomplete_application'], 0.04, 0.18)
    """
    declared: dict[str, tuple[str, float]] = {name: ("the stages", rate) for name, rate in STAGE_DEFECT_RATES.items()}
    for rule in rules:
        for name, rate in rule.planted.items():
            if name not in NETWORK_DEFECTS and name not in DECLARATION_DEFECTS:
                known = ", ".join([*NETWORK_DEFECTS, *DECLARATION_DEFECTS])
                raise PlantingError(
                    f"{rule.code} declares the defect {name!r}, which the generator does not know how to plant "
                    f"(known: {known}); add its planter to om_graph.synth"
                )
            if name in declared:
                raise PlantingError(f"{rule.code} declares the defect {name!r}, which {declared[name][0]} declare(s)")
            if not 0 < rate <= 1:
                raise PlantingError(f"{rule.code} declares the defect {name!r} with share {rate!r}, not in (0, 1]")
            declared[name] = (rule.code, rate)
    return Rates(
        networks={name: declared[name][1] for name in NETWORK_DEFECTS if name in declared},
        declarations={name: declared[name][1] for name in DECLARATION_DEFECTS if name in declared},
    )


def planted_rates() -> Rates:
    """The defect table of the rules in the catalogue."""
    return defect_rates(all_rules())


def plant_network_defects(st: State, rates: dict[str, float], guarantee: bool) -> None:
    """Give the OM networks their weaknesses, stratified: a share of the networks each can have."""
    nets = st.nets
    defects: list[list[str]] = [[] for _ in nets]
    om_all = [net.idx for net in nets if net.om]
    om_regional = [net.idx for net in nets if net.om and net.kind == "regional"]
    for defect, rate in rates.items():
        pool = om_regional if defect in REGIONAL_ONLY else om_all
        if defect in NOT_STATEWIDE:
            pool = [i for i in pool if nets[i].scope != "state"]
        if defect in EXCLUSIVE:
            pool = [i for i in pool if not any(other in defects[i] for other in EXCLUSIVE[defect])]
        for i in st.stratified(pool, rate, guarantee):
            defects[i].append(defect)
    for net, found in zip(nets, defects):
        if "isolated" in found or "overlap" in found:
            net.scope = "district"
        net.defects = frozenset(found)


def weak_declarations(st: State, rates: dict[str, float], n: int, guarantee: bool) -> dict[str, set[int]]:
    """The weak self-declarations (indexes 0 .. n-1) by defect, as stratified as the networks' weaknesses."""
    weak: dict[str, set[int]] = {key: set() for key in DECLARATION_DEFECTS}
    for key, rate in rates.items():
        weak[key] = set(st.stratified(list(range(n)), rate, guarantee))
    return weak
