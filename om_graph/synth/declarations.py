"""Self-declarations: the Praxis-Check catalogue, the companies' ratings and their measure plans.

The catalogue (topics, checkpoints, measures) is fixed; the self-declarations grow with the
scale. A company rates every item with a traffic light and plans ten to sixteen measures,
the red and yellow ones first; the weak declarations (:mod:`om_graph.synth.defects`) lack
ratings, measures or details, are incomplete or expired (OM501-OM504).
"""

from __future__ import annotations

import datetime as dt

from om_graph.dataset.model import CheckItem, PlannedAction, Rating, SelfDeclaration
from om_graph.synth.defects import weak_declarations
from om_graph.synth.state import (
    CUTOFF_24,
    DAY,
    REF,
    REFERENCE_DATE,
    State,
    org_id,
    scaled,
    to_date,
)
from om_graph.synth.words import CHECK_CATALOGUE, CONTROLS, RESPONSIBLE, URGENCIES


def check_items() -> list[CheckItem]:
    """The Praxis-Check catalogue as records: topics, their checkpoints, and their measures."""
    items: list[CheckItem] = []
    for t, (topic, checkpoints) in enumerate(CHECK_CATALOGUE, 1):
        tid = f"pc-{t}"
        items.append(CheckItem(id=tid, kind="topic", title=topic))
        for c, (checkpoint, measures) in enumerate(checkpoints, 1):
            cid = f"{tid}.{c}"
            items.append(CheckItem(id=cid, kind="checkpoint", title=checkpoint, parent_id=tid))
            for m, measure in enumerate(measures, 1):
                items.append(CheckItem(id=f"{cid}.{m}", kind="measure", title=measure, parent_id=cid))
    return items


def make_declarations(st: State, rates: dict[str, float]) -> None:
    """Self-declarations of companies with their ratings of the catalogue and their measure plans."""
    rng = st.rng
    items = st.sheets["check_items"]
    measures = [m for m, item in enumerate(items) if item.kind == "measure"]
    companies = [o for o, kind in enumerate(st.org_kind) if kind == "company"]
    companies = companies or list(range(len(st.org_kind)))
    declarations: list[SelfDeclaration] = []
    ratings: list[Rating] = []
    plan: list[PlannedAction] = []
    lights = ("green", "green", "green", "yellow", "yellow", "red")
    n = scaled("self_declarations", st.scale)
    guarantee = n >= 10
    # the weak ones (as stratified as the networks' weaknesses)
    weak = weak_declarations(st, rates, n, guarantee)
    company = -1
    for i in range(n):
        if company < 0 or rng.random() < 0.85:  # sometimes a company's second declaration
            company = companies[rng.randrange(len(companies))]
        did = f"decl-{i + 1:05d}"
        if i in weak["expired"]:
            signed: dt.date | None = to_date(CUTOFF_24 - rng.randint(1, 700))
        else:
            signed = to_date(REF - rng.randint(5, 700))
        complete = True
        if i in weak["form"]:
            if rng.random() < 0.5:
                signed = None
            else:
                complete = False
        declarations.append(
            SelfDeclaration(id=did, organisation_id=org_id(company), signed_on=signed, form_complete=complete)
        )
        unrated = i in weak["unrated"]
        rated: list[int] = []  # measures rated red or yellow: they go first into the plan
        for m, item in enumerate(items):
            if unrated and rng.random() < 0.15:
                continue  # never rated
            light = None if unrated and rng.random() < 0.1 else lights[rng.randrange(len(lights))]
            ratings.append(Rating(declaration_id=did, item_id=item.id, traffic_light=light))
            if light in ("red", "yellow") and item.kind == "measure":
                rated.append(m)
        count = rng.randint(3, 9) if i in weak["short_plan"] else rng.randint(10, 16)
        first = set(rated)
        chosen = [items[m] for m in rated + [m for m in measures if m not in first]][:count]
        vague = rng.randrange(len(chosen)) if i in weak["vague_plan"] and chosen else -1
        for j, item in enumerate(chosen):
            fields = {
                "urgency": URGENCIES[rng.randrange(3)],
                "responsible": RESPONSIBLE[rng.randrange(len(RESPONSIBLE))],
                "deadline": (signed or REFERENCE_DATE) + DAY * rng.randint(30, 540),
                "control": CONTROLS[rng.randrange(len(CONTROLS))],
            }
            if j == vague:
                fields[rng.choice(list(fields))] = None
            pid = f"mp-{len(plan) + 1:07d}"
            plan.append(PlannedAction(id=pid, declaration_id=did, title=item.title, **fields))
    st.sheets["self_declarations"] = declarations
    st.sheets["ratings"] = ratings
    st.sheets["action_plan"] = plan
