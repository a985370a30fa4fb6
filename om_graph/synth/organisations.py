"""Organisations: group heads and their branches, the anchors of regional networks, everyone else.

Organisations are ints with parallel lists in the :class:`~om_graph.synth.state.State`
(kind, district, parent, invented place, weight); their records and names are made last. A
few hubs take part in very many networks (lognormal weights, intermediaries weigh more),
some in none (newcomers: targets for the ambassadors).
"""

from __future__ import annotations

from om_graph.dataset.model import INTERMEDIARY_KINDS, Organisation, OrganisationKind
from om_graph.synth.state import REF, State, cumulative, org_id, scaled, to_date
from om_graph.synth.words import (
    ANCHOR_KINDS,
    GROUP_NAMES,
    KIND_WEIGHTS,
    LEGAL,
    N_PLACES,
    ORG_NAMES,
    TRADES,
    place_name,
    surname,
)


def add_org(
    st: State, kind: str, district: int, parent: int = -1, pooled: bool = True, weight: float = 1.0,
    partner: bool | None = None,
) -> int:
    rng = st.rng
    idx = len(st.org_kind)
    if partner is None:
        partner = rng.random() < (0.35 if kind == "company" else 0.9)
    st.org_partner.append(partner)
    st.org_kind.append(kind)
    st.org_district.append(district)
    st.org_parent.append(parent)
    st.org_place.append(rng.randrange(N_PLACES))
    # an "other" organisation (a Verein, a foundation) is sometimes recorded as intermediary
    intermediary = OrganisationKind(kind) in INTERMEDIARY_KINDS or (kind == "other" and rng.random() < 0.3)
    st.org_intermediary.append(intermediary)
    st.org_weight.append(weight * rng.lognormvariate(0.0, 1.0) * (1.6 if intermediary else 1.0))
    st.org_pooled.append(pooled)
    return idx


def make_organisations(st: State) -> None:
    """Group heads, the anchors of the regional networks, and everyone else; then the sampling pools."""
    rng, geo = st.rng, st.geo
    total = scaled("organisations", st.scale)
    # group heads (parents): a few insurers, associations, a consultancy group, a holding
    group_kinds = list(GROUP_NAMES)
    st.groups = {k: [] for k in group_kinds}
    for i in range(max(2, round(10 * st.scale))):
        kind = group_kinds[i % len(group_kinds)]
        head = add_org(st, kind, st.pick(st.all_cum), weight=1.5)
        st.groups[kind].append(head)
        st.group_heads.add(head)
    # anchors: the local intermediaries each regional network is built around
    anchor_cum = cumulative([w for _, w in ANCHOR_KINDS])
    for net in st.nets:
        if net.kind != "regional":
            continue
        isolated = "isolated" in net.defects
        if "few_local_intermediaries" in net.defects:
            k = rng.randint(0, 2)
        elif isolated:
            k = min(net.size, rng.randint(3, 5))
        else:
            k = rng.randint(3, 4)
        k = min(k, net.size)
        for _ in range(k):
            kind = ANCHOR_KINDS[st.pick(anchor_cum)][0]
            district = net.districts[rng.randrange(len(net.districts))]
            net.anchors.append(add_org(st, kind, district, pooled=not isolated, weight=2.0))
        if isolated:  # an isolated circle: its few other members belong to no one else
            for _ in range(net.size - k):
                kind = rng.choice(("consultancy", "company"))
                net.anchors.append(add_org(st, kind, net.districts[0], pooled=False))
    # the white spot still has an OM partner (so OM401 sees it too)
    if len(st.org_kind) < total:
        white = geo.state_districts[st.white_state]
        add_org(st, "economic_development", white[rng.randrange(len(white))], partner=True)
    # everyone else: near the networks (by size) or anywhere
    net_cum = cumulative([net.size if net.districts else 0.0 for net in st.nets])
    kind_cum = cumulative([w for _, w in KIND_WEIGHTS])
    for _ in range(max(0, total - len(st.org_kind))):
        kind = KIND_WEIGHTS[st.pick(kind_cum)][0]
        r = rng.random()
        if r < 0.03:
            district = -1  # nationwide body without a district
        elif r < 0.68 and net_cum[-1] > 0:
            net = st.nets[st.pick(net_cum)]
            district = net.districts[rng.randrange(len(net.districts))]
        else:
            district = st.pick(st.all_cum)
        parent = -1
        if kind in st.groups and st.groups[kind] and rng.random() < 0.25:
            heads = st.groups[kind]
            parent = heads[rng.randrange(len(heads))]
        newcomer = rng.random() < 0.12  # in no network (yet): a target for the ambassadors
        org = add_org(st, kind, district, parent=parent, pooled=not newcomer)
        if newcomer and district >= 0:
            st.newcomers[geo.district_state[district]].append(org)
    # sampling indexes
    st.district_pool = [[] for _ in geo.district_ids]
    st.state_pool = [[] for _ in geo.state_ids]
    national, weights = [], []
    for o, district in enumerate(st.org_district):
        if not st.org_pooled[o]:
            continue
        national.append(o)
        weights.append(st.org_weight[o])
        if district >= 0:
            st.district_pool[district].append(o)
            st.state_pool[geo.district_state[district]].append(o)
    st.national = national
    st.national_cum = cumulative(weights)


def group(st: State, org: int) -> int:
    parent = st.org_parent[org]
    return org if parent < 0 else parent


def national_pick(st: State) -> int:
    return st.national[st.pick(st.national_cum)]


def organisation_records(st: State) -> None:
    rng = st.rng
    rows = []
    for o, kind in enumerate(st.org_kind):
        place = place_name(st.org_place[o])
        parent = st.org_parent[o]
        if parent >= 0 or o in st.group_heads:
            head, branch = GROUP_NAMES[kind]
            if parent >= 0:
                name = branch.format(place=place_name(st.org_place[parent]), branch=place)
            else:
                name = head.format(place=place)
        else:
            pattern = ORG_NAMES[kind][rng.randrange(len(ORG_NAMES[kind]))]
            name = pattern.format(
                place=place,
                surname=surname(rng),
                trade=TRADES[rng.randrange(len(TRADES))],
                legal=LEGAL[rng.randrange(len(LEGAL))],
            )
        partner = st.org_partner[o]
        since = to_date(REF - int(rng.triangular(30, 7000, 1500))) if partner else None
        intermediary = True if kind == "other" and st.org_intermediary[o] else None
        district = st.org_district[o]
        rows.append(
            Organisation(
                id=org_id(o),
                name=name,
                kind=kind,
                intermediary=intermediary,
                om_partner=partner,
                partner_since=since,
                parent_id=None if parent < 0 else org_id(parent),
                region_id=None if district < 0 else st.geo.district_ids[district],
            )
        )
    st.sheets["organisations"] = rows
