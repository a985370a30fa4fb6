"""Memberships: which organisations take part in which network, since when, and with consent to be named.

A network's members are its anchors and organisations drawn near it (its districts, its
state) or from anywhere, weighted so that a few hubs are in very many networks. Founders join
when the network starts, the others over its lifetime.
"""

from __future__ import annotations

import datetime as dt

from om_graph.dataset.model import Membership
from om_graph.synth.organisations import national_pick
from om_graph.synth.state import CUTOFF_24, REF, Net, State, org_id


def make_memberships(st: State) -> None:
    """The members of every network, drawn near it; a network with few local intermediaries gets no more."""
    rng = st.rng
    rows: list[Membership] = []
    for net in st.nets:
        members = list(net.anchors)
        chosen = set(members)
        need = net.size - len(members)
        if "isolated" in net.defects:
            need = 0
        few = "few_local_intermediaries" in net.defects
        local_intermediaries = sum(1 for o in members if st.org_intermediary[o] and in_closure(st, net, o))
        attempts = 8 * need + 20
        retry = False
        while need > 0 and attempts > 0:
            attempts -= 1
            r = rng.random()
            if retry and st.national:  # after a clash: anyone, unweighted
                pool = st.national
            elif net.kind == "regional" and r < 0.6:
                if net.scope == "state":
                    pool = st.state_pool[net.state]
                else:
                    pool = st.district_pool[net.districts[rng.randrange(len(net.districts))]]
            elif net.state >= 0 and r < 0.8:
                pool = st.state_pool[net.state]
            else:
                pool = None
            if pool:
                org = pool[rng.randrange(len(pool))]
            elif st.national:
                org = national_pick(st)
            else:
                break
            retry = org in chosen
            if retry:
                continue
            if few and st.org_intermediary[org] and in_closure(st, net, org):
                if local_intermediaries >= 2:
                    continue
                local_intermediaries += 1
            chosen.add(org)
            members.append(org)
            need -= 1
        net.members = members
        rows.extend(membership_rows(st, net))
    st.sheets["memberships"] = rows


def in_closure(st: State, net: Net, org: int) -> bool:
    """Is ``org`` in a district the regional network ``net`` covers?"""
    district = st.org_district[org]
    if district < 0 or net.kind != "regional":
        return False
    if net.scope == "state":
        return st.geo.district_state[district] == net.state
    return district in net.district_set


def membership_rows(st: State, net: Net) -> list[Membership]:
    rng = st.rng
    span = max(1, REF - net.founded)
    stale = "no_new_partners" in net.defects
    refusing = "no_intermediary_contact" in net.defects
    founders = max(1, len(net.members) * 2 // 5)
    since: list[int | None] = []
    for i in range(len(net.members)):
        if i < founders:
            day = net.founded + rng.randint(0, 30)
        else:
            day = net.founded + rng.randint(0, span)
        if stale:
            day = min(day, CUTOFF_24 - rng.randint(1, 200))
        since.append(None if rng.random() < 0.02 else min(day, REF))
    if not stale and since and not any(d is not None and d > CUTOFF_24 for d in since):
        since[rng.randrange(len(since))] = REF - rng.randint(10, 600)  # won a new partner lately
    rows = []
    net_id = net.id
    for org, day in zip(net.members, since):
        consent = True
        if st.org_intermediary[org] and (refusing and rng.random() < 0.7 or rng.random() < 0.03):
            consent = False
        rows.append(
            Membership(
                organisation_id=org_id(org),
                network_id=net_id,
                since=None if day is None else dt.date.fromordinal(day),
                named_consent=consent,
            )
        )
    return rows
