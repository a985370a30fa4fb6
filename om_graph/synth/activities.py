"""What networks do and how they relate: activities, sub-networks, cooperations and criticism.

Active networks meet, report to the Plenum, brief their partners and use the instruments in
the last 12 months (unless a weakness says otherwise), and all networks have some older
activities, 12 to 24 months back. OM networks that work where other OM networks already
work mostly record their consensus with them (SUB_NETWORK_OF); the rest are unresolved
overlaps (OM111). Regional networks cooperate with others of their state, a neighbouring
state or a thematic network, sometimes in a joint activity.
"""

from __future__ import annotations

import datetime as dt

from om_graph.dataset.model import Activity, Cooperation, Criticism, SubNetwork
from om_graph.synth.state import CUTOFF_12, CUTOFF_24, REF, Net, State, org_id, to_date
from om_graph.synth.words import CRITICISMS, INSTRUMENTS, MONTHS, TOPICS

#: Chances of recorded consensus (SUB_NETWORK_OF; the rest are unresolved overlaps, OM111): a
#: second state-wide network with the first; a local network with the state-wide ones, and with
#: every local OM network that already worked where it works (else with all but one of them); a
#: thematic network with the earlier one on its topic.
SUB_NETWORK_STATE = 0.95
SUB_NETWORK_DISTRICT = 0.95
SUB_NETWORK_TOPIC = 0.85


def make_activities(st: State) -> None:
    """Meetings, reports to the Plenum, partner briefings and instrument use of every network."""
    rng = st.rng
    rows: list[Activity] = []
    st.activities = rows
    for net in st.nets:
        d = net.defects
        earliest = net.founded
        active = (net.om or net.demoted) and not ({"no_contacts", "quiet"} & d)
        if net.status == "withdrawn" or not net.om and not net.demoted and rng.random() < 0.5:
            active = False
        hosts = net.anchors or net.members
        # meetings
        if active:
            n_recent = 1 if "few_meetings" in d else 2 + min(4, len(net.members) // 40) + rng.randint(0, 2)
            if "few_meetings" in d and rng.random() < 0.3:
                n_recent = 0
        else:
            n_recent = 0
        days = [recent(st, net) for _ in range(n_recent)] + [older(st) for _ in range(rng.randint(0, 4))]
        for day in sorted(days):
            if day < earliest:
                continue
            host = None
            if hosts and rng.random() < 0.75:
                host = hosts[rng.randrange(len(hosts))]
                if "one_group_contacts" in d and net.contacts and st.person_org[net.contacts[0][0]] >= 0:
                    host = st.person_org[net.contacts[0][0]]  # the dominant group hosts, too
            title = f"Netzwerktreffen {MONTHS[to_date(day).month - 1]} {to_date(day).year}"
            add_activity(st, net, "meeting", day, title, host=host)
        # reports to the Plenum, partner briefings, instrument use
        for kind, defect, low, high, title in (
            ("plenum_report", "no_plenum_report", 1, 2, "Bericht an das Plenum {y}"),
            ("partner_briefing", "no_briefing", 1, 3, "Partnerinformation: OM-Aktivitäten {y}"),
            ("instrument_use", "no_instruments", 1, 4, "{i} mit Mitgliedsbetrieben"),
        ):
            days = []
            if active and defect not in d:
                days += [recent(st, net) for _ in range(rng.randint(low, high))]
            if rng.random() < 0.6:
                days.append(older(st))
            for day in sorted(days):
                if day < earliest:
                    continue
                instrument = INSTRUMENTS[rng.randrange(len(INSTRUMENTS))] if kind == "instrument_use" else None
                text = title.format(y=to_date(day).year, i=instrument)
                add_activity(st, net, kind, day, text, instrument=instrument)


def recent(st: State, net: Net) -> int:
    """A day in the last 12 months (and since the network was founded)."""
    return st.rng.randint(max(CUTOFF_12 + 1, net.founded), REF)


def older(st: State) -> int:
    """A day 12 to 24 months back."""
    return st.rng.randint(CUTOFF_24 + 1, CUTOFF_12)


def add_activity(st: State, net: Net, kind: str, day: int, title: str, host: int | None = None,
                 instrument: str | None = None, partner: Net | None = None) -> None:
    st.activities.append(
        Activity(
            id=f"act-{len(st.activities) + 1:07d}",
            network_id=net.id,
            kind=kind,
            date=to_date(day),
            title=title,
            host_id=None if host is None else org_id(host),
            instrument=instrument,
            partner_network_id=None if partner is None else partner.id,
        )
    )


def make_relations(st: State) -> None:
    """Sub-networks (recorded consensus), cooperations with joint activities, and criticism."""
    rng, geo = st.rng, st.geo
    subs: list[SubNetwork] = []
    coops: list[Cooperation] = []
    linked: set[tuple[int, int]] = set()

    def link(a: Net, b: Net) -> bool:
        key = (min(a.idx, b.idx), max(a.idx, b.idx))
        if a.idx == b.idx or key in linked:
            return False
        linked.add(key)
        return True

    def agreed(a: Net, b: Net) -> dt.date:
        return to_date(rng.randint(max(a.founded, b.founded), REF))

    # sub-networks: the consensus of a network with the OM networks that already worked where it
    # works (its state's state-wide networks, earlier local networks on its districts) or on its topic
    for net in st.nets:
        if "isolated" in net.defects or not net.om:
            continue
        parents: list[int] = []
        heads = [h for h in st.state_networks[net.state] if h != net.idx] if net.state >= 0 else []
        if "overlap" in net.defects:  # agreed with all but one: one unresolved pair
            parents = heads + [e for e in net.earlier if e not in heads][1:]
        elif net.kind == "thematic":
            if rng.random() < SUB_NETWORK_TOPIC:
                parents = net.earlier
        elif net.scope == "state":
            if rng.random() < SUB_NETWORK_STATE:
                parents = net.earlier
        else:
            local = [e for e in net.earlier if e not in heads]
            if rng.random() >= SUB_NETWORK_DISTRICT and local:  # no agreement with one of them
                local.pop(rng.randrange(len(local)))
            parents = (heads if rng.random() < SUB_NETWORK_STATE else []) + local
        for p in parents:
            parent = st.nets[p]
            if parent.om and "isolated" not in parent.defects and link(net, parent):
                subs.append(SubNetwork(network_id=net.id, parent_network_id=parent.id, agreed_on=agreed(net, parent)))
    # cooperation: with another network of the state (sometimes a thematic one)
    by_state: list[list[Net]] = [[] for _ in geo.state_ids]
    thematic = []
    for net in st.nets:
        if "isolated" in net.defects or not net.om:
            continue
        if net.kind == "regional":
            by_state[net.state].append(net)
        else:
            thematic.append(net)
    joint: list[tuple[Net, Net]] = []
    for net in st.nets:
        if net.kind != "regional" or "isolated" in net.defects or not net.om:
            continue
        for _ in range(rng.choices((0, 1, 2), weights=(4, 4, 2))[0]):
            for _try in range(3):  # a partner in the state, a neighbouring state, or a thematic one
                if thematic and rng.random() < 0.2:
                    other = thematic[rng.randrange(len(thematic))]
                else:
                    pool = by_state[net.state]
                    if rng.random() < 0.25 and geo.state_neighbours[net.state]:
                        neighbours = geo.state_neighbours[net.state]
                        pool = by_state[neighbours[rng.randrange(len(neighbours))]] or pool
                    other = pool[rng.randrange(len(pool))]
                if link(net, other):
                    since = agreed(net, other)
                    coops.append(Cooperation(network_id=net.id, partner_network_id=other.id, since=since))
                    if rng.random() < 0.35:
                        joint.append((net, other))
                    break
    for a, b in joint:
        day = rng.randint(max(a.founded, b.founded, CUTOFF_24 + 1), REF)
        topic = b.topic or a.topic or st.topic_order[rng.randrange(len(TOPICS))]
        add_activity(st, a, "joint_activity", day, f"Gemeinsame Veranstaltung: {topic}", partner=b)
    criticisms = []
    for net in st.nets:
        if "criticism" in net.defects or (not net.om and rng.random() < 0.2):
            for _ in range(rng.choice((1, 1, 2))):
                criticisms.append(
                    Criticism(
                        id=f"crit-{len(criticisms) + 1:05d}",
                        network_id=net.id,
                        date=to_date(rng.randint(max(net.founded, CUTOFF_24 + 1), REF)),
                        summary=CRITICISMS[rng.randrange(len(CRITICISMS))],
                    )
                )
    st.sheets["sub_networks"] = subs
    st.sheets["cooperations"] = coops
    st.sheets["criticisms"] = criticisms
