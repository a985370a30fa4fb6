"""Persons: the contacts of the networks (coordination, moderation) and their colleagues.

Persons are ints in the :class:`~om_graph.synth.state.State` (the organisation each works
for); a person often holds roles in several networks. Their names are invented (see
:mod:`om_graph.synth.words`) and made last, with e-mail addresses on example.org.
"""

from __future__ import annotations

from om_graph.dataset.model import Contact, Person
from om_graph.synth.organisations import group, national_pick
from om_graph.synth.state import Net, State, org_id, person_id, scaled
from om_graph.synth.words import FIRST_NAMES, ascii_lower, surname


def add_person(st: State, org: int) -> int:
    idx = len(st.person_org)
    st.person_org.append(org)
    if org >= 0:
        st.persons_of_org.setdefault(org, []).append(idx)
    return idx


def person_at(st: State, org: int, avoid: int = -1) -> int:
    """A person working for ``org``: often one who already does, else someone new."""
    known = st.persons_of_org.get(org) if org >= 0 else None
    if known and st.rng.random() < 0.35:
        person = known[st.rng.randrange(len(known))]
        if person != avoid:
            return person
    return add_person(st, org)


def contact_org(st: State, net: Net, intermediary: bool | None, avoid_group: int = -1) -> int:
    """A member (else any organisation) of the wanted kind outside ``avoid_group``; -1 if none."""
    rng = st.rng
    pools = [net.anchors, net.members, None]
    for pool in pools:
        for _ in range(12):
            if pool is None:
                if not st.national:
                    break
                org = national_pick(st)
            elif pool:
                org = pool[rng.randrange(len(pool))]
            else:
                break
            if intermediary is not None and st.org_intermediary[org] != intermediary:
                continue
            if avoid_group >= 0 and group(st, org) == avoid_group:
                continue
            return org
    return -1


def make_contacts(st: State) -> None:
    """A coordinator and a moderator for every network that has contacts."""
    rng = st.rng
    rows: list[Contact] = []
    for net in st.nets:
        d = net.defects
        if "no_contacts" in d or (net.status == "withdrawn" and rng.random() < 0.6):
            continue
        coord_org = contact_org(st, net, "no_intermediary_contact" not in d)
        if "one_group_contacts" in d:
            mod_org = coord_org
        elif "no_intermediary_contact" in d:
            mod_org = contact_org(st, net, False, avoid_group=group(st, coord_org) if coord_org >= 0 else -1)
        else:
            wanted = False if rng.random() < 0.4 else None  # moderators are often consultants
            avoid = group(st, coord_org) if coord_org >= 0 else -1
            mod_org = contact_org(st, net, wanted, avoid)
            if mod_org < 0:
                mod_org = contact_org(st, net, None, avoid)
        coordinator = person_at(st, coord_org)
        moderator = person_at(st, mod_org, avoid=coordinator)
        if moderator == coordinator:
            moderator = add_person(st, mod_org)
        pairs = [(coordinator, "coordination"), (moderator, "moderation")]
        if "one_contact" in d:
            variant = rng.random()
            if variant < 0.5:
                pairs = pairs[:1]  # nobody for the moderation
            elif variant < 0.8:
                pairs = [(coordinator, "coordination"), (coordinator, "moderation")]  # one person, both roles
            else:
                pairs = pairs[1:]
        net.contacts = pairs
        for person, role in pairs:
            rows.append(Contact(network_id=net.id, person_id=person_id(person), role=role))
    st.sheets["contacts"] = rows


def person_records(st: State) -> None:
    rng = st.rng
    while len(st.person_org) < scaled("persons", st.scale):  # colleagues without a role
        add_person(st, national_pick(st) if st.national else -1)
    rows = []
    for p, org in enumerate(st.person_org):
        first = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
        last = surname(rng)
        email = f"{ascii_lower(first)}.{ascii_lower(last)}.{p + 1}@example.org" if rng.random() < 0.95 else None
        employer = None if org < 0 else org_id(org)
        rows.append(Person(id=person_id(p), name=f"{first} {last}", email=email, organisation_id=employer))
    st.sheets["persons"] = rows
