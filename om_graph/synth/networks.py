"""Networks: how many of which kind, where they work, their names and sizes.

Larger scales are the wider landscape of German business support, shaped as it is in
reality: the 400 districts do not grow, and neither do the few state-wide networks and the
clusters of districts (``STATEWIDE_PER_STATE``, ``CLUSTERS_PER_DISTRICT``); growth goes into
local and thematic networks, and thematic topics become more specific ("Digitalisierung im
Handwerk"). OM's own rule allows one OM network per region or topic, so a district holds at
most ``OM_LOCAL_PER_DISTRICT`` local OM networks and a topic ``OM_PER_TOPIC`` thematic ones;
the further networks there are business-support networks that are OM partners only
(``partner_only``). Most co-located OM networks record their consensus (SUB_NETWORK_OF, see
:mod:`om_graph.synth.activities`), so unresolved overlaps (OM111) stay a minority, and the
number of networks a network overlaps stays bounded: audits cost about linearly in the scale.
"""

from __future__ import annotations

import datetime as dt
import math
from statistics import NormalDist
from typing import Any

from om_graph.dataset.model import Network, NetworkRegion
from om_graph.synth.defects import plant_network_defects
from om_graph.synth.state import CUTOFF_24, REF, Net, State, scaled
from om_graph.synth.words import (
    APPROACHES,
    GOALS,
    N_PLACES,
    TOPIC_QUALIFIERS,
    place_name,
)

#: Network sizes (member organisations) are lognormal: median and shape. With the share of
#: tiny and isolated networks this gives about 2,000 memberships per 40 networks.
SIZE_MEDIAN = 37.0
SIZE_SIGMA = 0.95
#: No network has more members than this share of all organisations.
SIZE_CAP_SHARE = 0.4

#: Shares of the networks (and of the regional networks by the area they cover).
THEMATIC_SHARE = 0.25
SCOPE_SHARES = (("state", 0.15), ("cluster", 0.55), ("district", 0.30))
STATUS_SHARES = (("withdrawn", 0.05), ("partner_only", 0.05), ("applied", 0.08))

#: What does not grow with the scale (see the module docstring): state-wide networks per state,
#: clusters of districts per district, OM networks per district and per topic.
STATEWIDE_PER_STATE = 2
CLUSTERS_PER_DISTRICT = 0.5
OM_LOCAL_PER_DISTRICT = 3
OM_PER_TOPIC = 2


def plan_networks(st: State, rates: dict[str, float]) -> None:
    """Kinds, scopes, statuses and weaknesses of the networks; then where they work and their sizes."""
    rng = st.rng
    n = scaled("networks", st.scale)
    nets = st.nets = [Net(i) for i in range(n)]
    guarantee = n >= 10
    n_thematic = round(n * THEMATIC_SHARE)
    kinds = ["thematic"] * n_thematic + ["regional"] * (n - n_thematic)
    rng.shuffle(kinds)
    regional = []
    for net, kind in zip(nets, kinds):
        net.kind = kind
        if kind == "regional":
            regional.append(net)
    scopes: list[str] = []
    for scope, share in SCOPE_SHARES:
        scopes += [scope] * round(share * len(regional))
    scopes = (scopes + ["cluster"] * len(regional))[: len(regional)]
    rng.shuffle(scopes)
    # A few state-wide networks and clusters, however large the landscape: the rest are local.
    limits = {"state": STATEWIDE_PER_STATE * (len(st.geo.state_ids) - 1),
              "cluster": round(CLUSTERS_PER_DISTRICT * len(st.geo.district_ids))}
    used = {"state": 0, "cluster": 0, "district": 0}
    for net, scope in zip(regional, scopes):
        if scope in limits and used[scope] >= limits[scope]:
            scope = "district"
        used[scope] += 1
        net.scope = scope
    # status
    order = list(range(n))
    rng.shuffle(order)
    pos = 0
    for status, share in STATUS_SHARES:
        k = max(1, round(share * n)) if guarantee else round(share * n)
        for i in order[pos : pos + k]:
            nets[i].status = status
        pos += k
    plant_network_defects(st, rates, guarantee)  # weaknesses of OM networks
    # founding: recognised networks are at least a year old, applied ones applied this year
    for net in nets:
        if net.status == "applied":
            net.founded = REF - rng.randint(20, 330)
        elif net.status == "recognised":
            net.founded = REF - rng.randint(400, 6200)
        else:
            net.founded = REF - rng.randint(1500, 6200)
        if "no_new_partners" in net.defects:
            net.founded = min(net.founded, CUTOFF_24 - rng.randint(60, 2000))
    special = ("isolated", "overlap")
    place_regional(st, [net for net in regional if not any(d in net.defects for d in special)])
    for defect in special:
        place_regional(st, [net for net in regional if defect in net.defects])
    for net in nets:
        if net.kind == "thematic":
            place_thematic(st, net)
    size_networks(st)


def place_regional(st: State, nets: list[Net]) -> None:
    """Choose the regions: a state, a cluster of neighbouring districts, or one district."""
    rng, geo = st.rng, st.geo
    for net in nets:
        if net.scope == "state":
            for attempt in range(40):  # prefer a state without a state-wide network yet
                state = geo.district_state[st.home_districts[st.pick(st.home_cum)]]
                taken = st.state_taken[state]
                if taken == 0 or (attempt >= 4 and taken < STATEWIDE_PER_STATE):
                    break
            st.state_taken[state] += 1
            net.state = state
            net.districts = geo.state_districts[state]
            net.covers = [geo.state_ids[state]]
            if net.om:
                net.earlier = list(st.state_networks[state])
                st.state_networks[state].append(net.idx)
            continue
        if "isolated" in net.defects and st.om_taken:
            home = isolated_home(st)
        elif "overlap" in net.defects and st.om_taken:
            for _ in range(10):  # a district one other OM network works in: one unresolved pair
                home = st.om_taken[rng.randrange(len(st.om_taken))]
                if len(st.district_om[home]) == 1:
                    break
        else:
            home = st.home_districts[st.pick(st.home_cum)]
            for _ in range(3):  # prefer a district no other network works in yet
                if home not in st.district_first:
                    break
                home = st.home_districts[st.pick(st.home_cum)]
            if net.om and len(st.district_om[home]) >= OM_LOCAL_PER_DISTRICT:
                for _ in range(6):  # else one with room for another OM network
                    home = st.home_districts[st.pick(st.home_cum)]
                    if len(st.district_om[home]) < OM_LOCAL_PER_DISTRICT:
                        break
        state = geo.district_state[home]
        members = geo.state_districts[state]
        districts = [home]
        if net.scope == "cluster" and len(members) > 1:
            k = min(len(members), rng.choice((2, 2, 3, 3, 4, 5)))
            start = members.index(home)
            for j in range(1, k):  # neighbours in key order, up to one another network works in
                d = members[(start + j) % len(members)]
                if d in st.district_first and len(districts) > 1:
                    break
                districts.append(d)
        net.state = state
        net.districts = districts
        net.covers = [geo.district_ids[d] for d in districts]
        crowded = any(len(st.district_om[d]) >= OM_LOCAL_PER_DISTRICT for d in districts)
        if net.om and crowded and "overlap" not in net.defects:
            demote(net)  # one OM network per region: a further one there is a partner network
        if net.om:
            net.earlier = sorted({x for d in districts for x in st.district_om[d]})
        for d in districts:
            st.district_first.setdefault(d, net.idx)
            if net.om:
                st.om_taken.append(d)
                st.district_om[d].append(net.idx)
    for net in nets:
        net.district_set = frozenset(net.districts) if net.scope != "state" else frozenset()
        net.name = unique_name(st, regional_name(st, net))


def demote(net: Net) -> None:
    """Make ``net`` a business-support network that is an OM partner, not an OM network."""
    net.status = "partner_only"
    net.defects = frozenset()
    net.demoted = True


def isolated_home(st: State) -> int:
    """A district next to one where other networks work, not itself taken (else that one)."""
    rng, geo = st.rng, st.geo
    taken = st.om_taken
    for _ in range(10):
        near = taken[rng.randrange(len(taken))]
        free = [
            d for d in geo.district_neighbours[near]
            if d not in st.district_first and geo.district_state[d] != st.white_state
        ]
        if free:
            return free[rng.randrange(len(free))]
    return taken[rng.randrange(len(taken))]


def regional_name(st: State, net: Net) -> str:
    rng, geo = st.rng, st.geo
    region = geo.state_names[net.state] if net.scope == "state" else geo.district_names[net.districts[0]]
    if "bad_name" in net.defects:
        if rng.random() < 0.5:  # neither region nor OM in the name
            place = place_name(rng.randrange(N_PLACES))
            return f"{rng.choice(('Unternehmerkreis', 'Forum', 'Wirtschaftsrunde'))} {place}"
        return f"{rng.choice(('Mittelstandsforum', 'Unternehmerkreis'))} {region}"  # no OM mark
    if net.scope == "state":
        patterns = ("Offensive Mittelstand {r}", "Offensive Mittelstand {r}", "OM-Netzwerk {r}")
    elif net.scope == "cluster" and len(net.districts) > 1:
        second = geo.district_names[net.districts[1]]
        patterns = ("OM-Netzwerk {r}", "OM-Regionalnetzwerk {r} / " + second, "Offensive Mittelstand Region {r}",
                    "OM-Netzwerk Region {r}", "Mittelstandsallianz {r}")
    else:
        patterns = ("OM-Netzwerk {r}", "OM-Netzwerk {r}", "Offensive Mittelstand {r}", "OM-Netzwerk {r}",
                    "Unternehmensnetzwerk {r}")
    return rng.choice(patterns).format(r=region)


def place_thematic(st: State, net: Net) -> None:
    rng, geo = st.rng, st.geo
    for attempt in range(8):  # prefer a topic no other network works on yet, more specific if need be
        topic = st.topic_order[st.pick(st.topic_cum)]
        if attempt >= 3:
            topic = f"{topic} {TOPIC_QUALIFIERS[rng.randrange(len(TOPIC_QUALIFIERS))]}"
        if topic not in st.topics_taken:
            break
    on_topic = st.topics_taken.setdefault(topic, [])
    if net.om and len(on_topic) >= OM_PER_TOPIC:
        demote(net)
    if net.om:
        net.earlier = list(on_topic)
        on_topic.append(net.idx)
    net.topic = topic
    if rng.random() < 0.35:
        state = geo.district_state[st.home_districts[st.pick(st.home_cum)]]
        net.state = state
        net.covers = [geo.state_ids[state]]
    suffix = f" {geo.state_names[net.state]}" if net.state >= 0 else ""
    if "bad_name" in net.defects:
        net.name = unique_name(st, f"Arbeitskreis {place_name(rng.randrange(N_PLACES))}{suffix}")
    else:
        patterns = ("OM-Fachnetzwerk {t}", "OM-Netzwerk {t}", "Offensive Mittelstand: {t}", "Fachkreis {t}")
        pattern = rng.choice(patterns)
        net.name = unique_name(st, pattern.format(t=topic) + suffix)


def unique_name(st: State, name: str) -> str:
    """Network names stay unique: a second 'OM-Netzwerk Köln' becomes 'OM-Netzwerk Köln Nord'."""
    n = st.used_names.get(name, 0)
    st.used_names[name] = n + 1
    if n == 0:
        return name
    suffixes = ("Nord", "Süd", "Ost", "West", "Mitte")
    candidate = f"{name} {suffixes[n - 1]}" if n <= len(suffixes) else f"{name} {n + 1}"
    return unique_name(st, candidate)


def size_networks(st: State) -> None:
    """Lognormal sizes by quantile (so the skew is the same at every scale), big scopes biggest."""
    rng, nets = st.rng, st.nets
    n = len(nets)
    normal = NormalDist()
    sizes = sorted(
        SIZE_MEDIAN * math.exp(SIZE_SIGMA * normal.inv_cdf((i + 0.5) / n)) * rng.uniform(0.9, 1.1)
        for i in range(n)
    )
    factor = {"state": 4.0, "": 2.5, "cluster": 1.5, "district": 1.0}
    ranked = sorted(nets, key=lambda net: (factor[net.scope] * rng.lognormvariate(0.0, 0.6), net.idx))
    cap = max(3, int(SIZE_CAP_SHARE * scaled("organisations", st.scale)))
    for net, size in zip(ranked, sizes):
        net.size = max(3, min(cap, round(size)))
        if "tiny" in net.defects:
            net.size = rng.choice((1, 2, 2))
        elif "isolated" in net.defects:
            net.size = rng.randint(4, 7)
        elif not net.om and not net.demoted and rng.random() < 0.5:
            net.size = min(net.size, rng.randint(3, 8))  # closed circles and lapsed networks


def network_records(st: State) -> None:
    rng, geo = st.rng, st.geo
    networks, covers = [], []
    withdrawn = [net.idx for net in st.nets if net.status == "withdrawn"]
    for net in st.nets:
        d = net.defects
        homepage = f"https://{net.id}.example.org" if rng.random() < 0.85 else None
        marked = "Offensive Mittelstand" in net.name or "OM" in net.name.replace("-", " ").split()
        if "bad_name" in d:
            logo = False
        elif not marked:  # no OM in the name: the partner logo on the homepage shows it
            homepage = homepage or f"https://{net.id}.example.org"
            logo = True
        else:
            logo = homepage is not None and rng.random() < 0.6
        if net.kind == "regional":
            scope = geo.state_names[net.state] if net.scope == "state" else ", ".join(
                geo.district_names[x] for x in net.districts
            )
        else:
            scope = net.topic
        fields: dict[str, Any] = {
            "application_date": dt.date.fromordinal(max(net.founded - rng.randint(20, 120), 1)),
            "application_scope": scope,
            "application_goals": GOALS[rng.randrange(len(GOALS))],
            "application_approach": APPROACHES[rng.randrange(len(APPROACHES))],
        }
        if "incomplete_application" in d:  # a part missing from an application on record (OM101)
            for key in rng.sample(sorted(k for k in fields if k != "application_date"), rng.randint(1, 2)):
                fields[key] = None
        presents = net.status != "partner_only"
        if net.status == "withdrawn":  # the first one still presents itself as OM network (OM112)
            presents = rng.random() < 0.5 or net.idx == withdrawn[0]
        networks.append(
            Network(
                id=net.id,
                name=net.name,
                kind=net.kind,
                topic=net.topic,
                open=not ("closed" in d or (net.status == "partner_only" and rng.random() < 0.5)),
                status=net.status,
                presents_as_om=presents,
                homepage=homepage,
                logo_on_homepage=logo,
                advertises_commercial="commercial" in d,
                principles_acknowledged="principles" not in d and (net.status != "applied" or rng.random() < 0.7),
                **fields,
            )
        )
        for region_id in net.covers:
            covers.append(NetworkRegion(network_id=net.id, region_id=region_id))
    st.sheets["networks"] = networks
    st.sheets["network_regions"] = covers
