"""Ambassadors: the regions they serve, the networks they are active in, the organisations they approach.

An ambassador serves a state or one of its districts (sometimes a neighbouring state, too),
is active in a few of the state's OM networks and approaches organisations there, often
newcomers in no network yet. The white-spot state has none (OM404).
"""

from __future__ import annotations

from om_graph.dataset.model import AmbassadorNetwork, AmbassadorRegion, Approach
from om_graph.synth.people import add_person, person_at
from om_graph.synth.state import (
    REF,
    Net,
    State,
    cumulative,
    org_id,
    person_id,
    scaled,
    to_date,
)

#: What does not grow with the scale: ambassadors serving a whole state, per state.
STATE_AMBASSADORS_PER_STATE = 3


def make_ambassadors(st: State) -> None:
    """The ambassadors, in states by the number of their regional OM networks."""
    rng, geo = st.rng, st.geo
    regional_by_state: list[list[Net]] = [[] for _ in geo.state_ids]
    thematic = []
    for net in st.nets:
        if net.om and net.kind == "regional":
            regional_by_state[net.state].append(net)
        elif net.om:
            thematic.append(net)
    weights = [0.0 if s == st.white_state else len(nets) + 0.3 for s, nets in enumerate(regional_by_state)]
    state_cum = cumulative(weights)
    regions: list[AmbassadorRegion] = []
    in_networks: list[AmbassadorNetwork] = []
    approaches: list[Approach] = []
    ambassadors: set[int] = set()
    state_wide = [0 for _ in geo.state_ids]  # ambassadors serving a whole state, by state
    for _ in range(scaled("ambassadors", st.scale)):
        state = st.pick(state_cum)
        served: list[tuple[str, list[int]]] = []  # region id, its pool of organisations
        if rng.random() < 0.65 and state_wide[state] < STATE_AMBASSADORS_PER_STATE:
            state_wide[state] += 1
            served.append((geo.state_ids[state], st.state_pool[state]))
        else:
            d = geo.state_districts[state][rng.randrange(len(geo.state_districts[state]))]
            served.append((geo.district_ids[d], st.district_pool[d]))
        if rng.random() < 0.12:
            options = [
                s for s in geo.state_neighbours[state]
                if s != st.white_state and state_wide[s] < STATE_AMBASSADORS_PER_STATE
            ]
            if options:
                other = options[rng.randrange(len(options))]
                state_wide[other] += 1
                served.append((geo.state_ids[other], st.state_pool[other]))
        pool = st.state_pool[state]
        org = -1
        for _ in range(10):
            if pool:
                candidate = pool[rng.randrange(len(pool))]
                if st.org_intermediary[candidate]:
                    org = candidate
                    break
        person = person_at(st, org) if org >= 0 else -1
        if person < 0 or person in ambassadors:  # a new ambassador is a new person
            person = add_person(st, org)
        ambassadors.add(person)
        pid = person_id(person)
        since = to_date(REF - rng.randint(60, 3600))
        for region_id, _pool in served:
            regions.append(AmbassadorRegion(person_id=pid, region_id=region_id, since=since))
        # networks the ambassador is active in
        seen: set[int] = set()
        nets = regional_by_state[state]
        for _ in range(rng.randint(1, 3) if nets else 0):
            net = nets[rng.randrange(len(nets))]
            if net.idx not in seen:
                seen.add(net.idx)
                in_networks.append(AmbassadorNetwork(person_id=pid, network_id=net.id))
        if thematic and rng.random() < 0.25:
            net = thematic[rng.randrange(len(thematic))]
            in_networks.append(AmbassadorNetwork(person_id=pid, network_id=net.id))
        # organisations approached
        approached: set[int] = set()
        for region_id, orgs in [*served, ("", st.newcomers[state])]:
            for _ in range((rng.randint(1, 4) if region_id else rng.randint(0, 1)) if orgs else 0):
                target = orgs[rng.randrange(len(orgs))]
                if target not in approached:
                    approached.add(target)
                    day = to_date(REF - rng.randint(5, 1000))
                    approaches.append(Approach(person_id=pid, organisation_id=org_id(target), date=day))
    st.sheets["ambassadors"] = regions
    st.sheets["ambassador_networks"] = in_networks
    st.sheets["approaches"] = approaches
