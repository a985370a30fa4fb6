"""Hypothesis strategies for random valid datasets, shared by property and engine-agreement tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from om_graph.dataset.model import (
    ActivityKind,
    CheckItemKind,
    ContactRole,
    Dataset,
    NetworkStatus,
    OrganisationKind,
    TrafficLight,
)

AS_OF = dt.date(2025, 6, 30)
dates = st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2025, 12, 31))
maybe_dates = st.none() | dates
STATES = [("DE-BY", "Bayern"), ("DE-NW", "Nordrhein-Westfalen"), ("DE-HB", "Bremen")]
DISTRICTS = [
    ("09162", "München", "DE-BY"),
    ("09184", "Landkreis München", "DE-BY"),
    ("09564", "Nürnberg", "DE-BY"),
    ("05515", "Münster", "DE-NW"),
    ("05558", "Coesfeld", "DE-NW"),
    ("04011", "Bremen", "DE-HB"),
]


@st.composite
def datasets(draw, max_networks: int = 6, max_orgs: int = 10) -> Dataset:
    """A random dataset that passes validation: every reference points at an existing id."""
    regions = [{"id": "DE", "name": "Deutschland", "level": "country"}]
    regions += [{"id": i, "name": n, "level": "state", "parent_id": "DE"} for i, n in STATES]
    regions += [{"id": i, "name": n, "level": "district", "parent_id": p, "code": i} for i, n, p in DISTRICTS]
    for region in regions[-3:]:  # Münster, Coesfeld, Bremen: some are known by another name too
        region["aliases"] = draw(st.none() | st.sampled_from(["Münsterland", "Muensterland; Baumberge", "Weser"]))
    region_ids = [r["id"] for r in regions]
    borders = draw(st.lists(st.tuples(st.sampled_from(region_ids[1:]), st.sampled_from(region_ids[1:])), max_size=5, unique=True))
    borders = [{"region_id": a, "neighbour_id": b} for a, b in borders if a != b]

    n_orgs = draw(st.integers(1, max_orgs))
    orgs = []
    for i in range(n_orgs):
        org = {
            "id": f"o{i}",
            "name": f"Organisation {i}",
            "kind": draw(st.sampled_from(list(OrganisationKind))).value,
            "om_partner": draw(st.none() | st.booleans()),
            "partner_since": draw(st.none() | st.just(dt.date(2020, 1, 1))),
            "region_id": draw(st.none() | st.sampled_from(region_ids)),
        }
        if i and draw(st.booleans()):
            org["parent_id"] = f"o{draw(st.integers(0, i - 1))}"
        if draw(st.integers(0, 4)) == 0:
            org["intermediary"] = draw(st.booleans())
        orgs.append(org)
    org_ids = [o["id"] for o in orgs]
    persons = [
        {"id": f"p{i}", "name": f"Person {i}", "organisation_id": draw(st.none() | st.sampled_from(org_ids))}
        for i in range(draw(st.integers(0, 6)))
    ]
    person_ids = [p["id"] for p in persons]

    n_nets = draw(st.integers(1, max_networks))
    topics = ["Digitalisierung", "Gesundheit", "digitalisierung ", "t-bgm"]
    names = [
        "OM Netz {i}", "Netzwerk Bayern {i}", "Offensive Mittelstand {i}", "Runde {i}", "OM Netzwerk Muenchen {i}",
        "Forum Münsterland {i}", "OM-Kreis Gesund {i}", "Unternehmerkreis Nürnberger Land {i}",
    ]
    networks = []
    for i in range(n_nets):
        kind = draw(st.sampled_from(["regional", "thematic"]))
        networks.append(
            {
                "id": f"n{i}",
                "name": draw(st.sampled_from(names)).format(i=i),
                "kind": kind,
                "topic": draw(st.none() | st.sampled_from(topics)),
                "open": draw(st.booleans()),
                "status": draw(st.sampled_from(list(NetworkStatus))).value,
                "presents_as_om": draw(st.none() | st.booleans()),
                "logo_on_homepage": draw(st.none() | st.booleans()),
                "advertises_commercial": draw(st.none() | st.booleans()),
                "principles_acknowledged": draw(st.none() | st.booleans()),
                "application_date": draw(maybe_dates),
                "application_scope": draw(st.none() | st.just("Region")),
                "application_goals": draw(st.none() | st.just("Ziele")),
                "application_approach": draw(st.none() | st.just("Vorgehen")),
            }
        )
    net_ids = [n["id"] for n in networks]
    pair = lambda a, b: st.tuples(st.sampled_from(a), st.sampled_from(b))  # noqa: E731

    def links(a, b, max_size):
        return draw(st.lists(pair(a, b), max_size=max_size, unique=True))

    network_regions = [{"network_id": n, "region_id": r} for n, r in links(net_ids, region_ids, 8)]
    memberships = [
        {"organisation_id": o, "network_id": n, "since": draw(maybe_dates), "named_consent": draw(st.booleans())}
        for o, n in links(org_ids, net_ids, 20)
    ]
    contacts = []
    if person_ids:
        contacts = [
            {"network_id": n, "person_id": p, "role": draw(st.sampled_from(list(ContactRole))).value}
            for n, p in links(net_ids, person_ids, 8)
        ]
    activities = []
    for i in range(draw(st.integers(0, 15))):
        kind = draw(st.sampled_from(list(ActivityKind))).value
        act = {"network_id": draw(st.sampled_from(net_ids)), "kind": kind, "date": draw(dates)}
        if draw(st.booleans()):  # rows nothing refers to need no id
            act["id"] = f"a{i}"
        if draw(st.booleans()):
            act["host_id"] = draw(st.sampled_from(org_ids))
        partner = draw(st.none() | st.sampled_from(net_ids))
        if kind == "joint_activity" and partner and partner != act["network_id"]:
            act["partner_network_id"] = partner
        activities.append(act)
    no_self = lambda rows: [r for r in rows if r[0] != r[1]]  # noqa: E731
    cooperations = [{"network_id": a, "partner_network_id": b} for a, b in no_self(links(net_ids, net_ids, 3))]
    sub_networks = [{"network_id": a, "parent_network_id": b} for a, b in no_self(links(net_ids, net_ids, 2))]
    criticisms = [{"id": f"c{i}", "network_id": draw(st.sampled_from(net_ids))} for i in range(draw(st.integers(0, 2)))]
    ambassadors, ambassador_networks, approaches = [], [], []
    if person_ids:
        ambassadors = [{"person_id": p, "region_id": r} for p, r in links(person_ids, region_ids, 3)]
        ambassador_networks = [{"person_id": p, "network_id": n} for p, n in links(person_ids, net_ids, 3)]
        approaches = [{"person_id": p, "organisation_id": o} for p, o in links(person_ids, org_ids, 3)]
    versions = draw(st.sampled_from([(None, None, None), ("2024", "2024", "2024"), ("2019", "2024", "2024"), (None, "2024", None)]))
    check_items = [
        {"id": "t1", "kind": CheckItemKind.topic.value, "title": "Führung", "version": versions[0]},
        {"id": "c1", "kind": CheckItemKind.checkpoint.value, "title": "Ziele", "parent_id": "t1", "version": versions[1]},
        {"id": "m1", "kind": CheckItemKind.measure.value, "title": "Zielgespräche", "parent_id": "c1", "version": versions[2]},
    ]
    named = sorted({v for v in versions if v is not None})  # a declaration names a version the catalogue holds
    declarations = [
        {
            "id": f"d{i}",
            "organisation_id": draw(st.sampled_from(org_ids)),
            "signed_on": draw(maybe_dates),
            "form_complete": draw(st.booleans()),
            "catalogue_version": draw(st.none() | st.sampled_from(named)) if named else None,
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    decl_ids = [d["id"] for d in declarations]
    ratings, action_plan = [], []
    if decl_ids:
        ratings = [
            {"declaration_id": d, "item_id": it, "traffic_light": draw(st.none() | st.sampled_from([t.value for t in TrafficLight]))}
            for d, it in links(decl_ids, ["t1", "c1", "m1"], 6)
        ]
        action_plan = [
            {
                "id": f"pa{i}",
                "declaration_id": draw(st.sampled_from(decl_ids)),
                "title": f"Maßnahme {i}",
                "urgency": draw(st.none() | st.just("hoch")),
                "responsible": draw(st.none() | st.just("GF")),
                "deadline": draw(maybe_dates),
                "control": draw(st.none() | st.just("Review")),
            }
            for i in range(draw(st.integers(0, 12)))
        ]
    raw = {
        "regions": regions,
        "topics": [{"id": "t-bgm", "name": "Gesundheit im Betrieb", "keywords": "gesund; Arbeitsschutz"}],
        "borders": borders,
        "organisations": orgs,
        "persons": persons,
        "networks": networks,
        "network_regions": network_regions,
        "memberships": memberships,
        "contacts": contacts,
        "activities": activities,
        "cooperations": cooperations,
        "sub_networks": sub_networks,
        "criticisms": criticisms,
        "ambassadors": ambassadors,
        "ambassador_networks": ambassador_networks,
        "approaches": approaches,
        "check_items": check_items,
        "self_declarations": declarations,
        "ratings": ratings,
        "action_plan": action_plan,
    }
    return Dataset.model_validate(raw)
