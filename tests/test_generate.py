"""Synthetic landscapes: reproducible, linear in the scale, valid, skewed, and showing every rule.

Audited as of ``REFERENCE_DATE`` (2025-06-30), the date every generated date is relative to.
"""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest

from om_graph.audit.run import run_audit
from om_graph.dataset.io import read_dataset, write_dataset
from om_graph.dataset.model import RECORD_TYPES, Dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.errors import UsageError
from om_graph.queries.rules import Rule, all_rules
from om_graph.synth.defects import (
    DECLARATION_DEFECTS,
    NETWORK_DEFECTS,
    PlantingError,
    defect_rates,
    planted_rates,
)
from om_graph.synth.landscape import REFERENCE_DATE, build_landscape, generate_landscape
from om_graph.synth.networks import OM_LOCAL_PER_DISTRICT, STATEWIDE_PER_STATE
from om_graph.synth.state import PER_SCALE, State

#: Sheets that do not grow with the scale.
FIXED_SHEETS = ("regions", "borders", "check_items")


@pytest.fixture(scope="module")
def landscape() -> Dataset:
    return generate_landscape(1, seed=42)


def counts(ds: Dataset) -> dict[str, int]:
    return {r.sheet: len(ds.records(r.sheet)) for r in RECORD_TYPES}


def test_same_seed_same_dataset_other_seed_other_dataset() -> None:
    first = generate_landscape(0.5, seed=3)
    assert generate_landscape(0.5, seed=3) == first
    assert generate_landscape(0.5, seed=3).to_plain() == first.to_plain()
    other = generate_landscape(0.5, seed=4)
    assert other.to_plain() != first.to_plain()
    assert [n.name for n in other.networks] != [n.name for n in first.networks]


def test_scale_one_is_about_om_today(landscape: Dataset) -> None:
    found = counts(landscape)
    # The ambassadors sheet has a row per served region; PER_SCALE counts the people.
    found["ambassadors"] = len({row.person_id for row in landscape.ambassadors})
    for sheet, expected in PER_SCALE.items():
        assert found[sheet] == expected, sheet
    assert 1700 <= found["memberships"] <= 2300
    assert found["regions"] == 1 + 16 + 400
    assert len(landscape.ambassadors) >= 15  # an ambassador may serve two regions
    for sheet in ("activities", "cooperations", "sub_networks", "criticisms", "approaches", "ratings", "action_plan"):
        assert found[sheet] > 0, sheet


def test_counts_grow_linearly_regions_stay() -> None:
    one, four = counts(generate_landscape(1, seed=5)), counts(generate_landscape(4, seed=5))
    for sheet in FIXED_SHEETS:
        assert four[sheet] == one[sheet], sheet
    for sheet in ("networks", "organisations", "persons", "self_declarations"):
        assert four[sheet] == 4 * one[sheet], sheet
    for sheet in ("memberships", "network_regions", "contacts", "activities", "ratings", "action_plan"):
        assert 3.4 <= four[sheet] / one[sheet] <= 4.6, (sheet, one[sheet], four[sheet])


@pytest.mark.parametrize("scale", [0.1, 0.01])
def test_tiny_scales_work(scale: float) -> None:
    ds = generate_landscape(scale, seed=1)
    assert len(ds.networks) >= 1 and len(ds.regions) == 417


@pytest.mark.parametrize("scale", [0, -1, float("nan"), float("inf")])
def test_scale_must_be_positive(scale: float) -> None:
    with pytest.raises(UsageError, match="scale"):
        generate_landscape(scale, seed=1)


@pytest.mark.parametrize(("scale", "seed"), [(0.5, 11), (4, 3)])
def test_validates_through_the_real_reader(tmp_path: Path, scale: float, seed: int) -> None:
    ds = generate_landscape(scale, seed=seed)
    write_dataset(ds, tmp_path / "landscape", "csv")
    back = read_dataset(tmp_path / "landscape")  # raises ValidationFailed on any bad id or reference
    assert back.to_plain() == ds.to_plain()


@pytest.mark.parametrize("seed", [42, 7])
def test_every_rule_fires_and_every_stage_occurs_at_scale_one(seed: int, landscape: Dataset) -> None:
    ds = landscape if seed == 42 else generate_landscape(1, seed=seed)
    result = run_audit(EmbeddedEngine(ds), as_of=REFERENCE_DATE)
    fired = Counter(f.code for f in result.findings)
    assert sorted(r.code for r in all_rules() if not fired[r.code]) == []
    stages = Counter(s.stage for s in result.stages)
    assert sorted(stages) == [1, 2, 3, 4]
    # most networks are plausible: stages 3 and 4 (active) are the bulk
    assert stages[3] + stages[4] >= 0.6 * len(ds.networks)


def test_network_sizes_are_skewed(landscape: Dataset) -> None:
    sizes = Counter(m.network_id for m in landscape.memberships)
    per_network = [sizes[n.id] for n in landscape.networks]
    assert max(per_network) >= 5 * statistics.median(per_network)
    # organisations take part in several networks; some in none (targets for ambassadors)
    per_org = Counter(m.organisation_id for m in landscape.memberships)
    assert max(per_org.values()) >= 5
    assert len(per_org) < len(landscape.organisations)


def test_networks_overlap_border_and_share_topics(landscape: Dataset) -> None:
    covered = Counter(nr.region_id for nr in landscape.network_regions)
    assert any(n > 1 for n in covered.values()) or landscape.sub_networks
    topics = Counter(n.topic for n in landscape.networks if n.kind == "thematic")
    assert topics and len(landscape.borders) > 400


def test_people_and_dates_are_invented_and_relative_to_the_reference(landscape: Dataset) -> None:
    assert all(p.email is None or p.email.endswith("@example.org") for p in landscape.persons)
    assert all(n.homepage is None or n.homepage.endswith(".example.org") for n in landscape.networks)
    dated = [a.date for a in landscape.activities] + [m.since for m in landscape.memberships if m.since]
    dated += [d.signed_on for d in landscape.self_declarations if d.signed_on]
    assert max(dated) <= REFERENCE_DATE
    names = {r.id: r.name for r in landscape.regions}
    assert names["DE-BY"] == "Bayern" and names["09162"] == "München" and names["DE"] == "Deutschland"


def test_larger_landscapes_stay_locally_sparse_and_mostly_agreed() -> None:
    """Growth goes into local and thematic networks, not into ever more overlap per district."""
    ds = generate_landscape(10, seed=3)
    om = {n.id for n in ds.networks if n.status in ("applied", "recognised") and n.kind == "regional"}
    level = {r.id: r.level for r in ds.regions}
    per_state, per_district = Counter(), Counter()
    for cover in ds.network_regions:
        if cover.network_id in om:
            (per_state if level[cover.region_id] == "state" else per_district)[cover.region_id] += 1
    assert max(per_state.values()) <= STATEWIDE_PER_STATE
    assert max(per_district.values()) <= OM_LOCAL_PER_DISTRICT + 1  # + one planted unresolved overlap
    result = run_audit(EmbeddedEngine(ds), as_of=REFERENCE_DATE, rules="OM111")
    om_networks = sum(1 for n in ds.networks if n.status in ("applied", "recognised"))
    assert 0 < len(result.findings) < 0.25 * om_networks
    assert all(len(f.evidence["others"]) <= 10 and f.evidence["count"] >= 1 for f in result.findings)


def test_every_defect_a_rule_declares_is_one_the_generator_plants() -> None:
    declared = [name for rule in all_rules() for name in rule.planted]
    assert declared and all(name in NETWORK_DEFECTS or name in DECLARATION_DEFECTS for name in declared)
    assert len(declared) == len(set(declared))  # one rule per defect
    rates = planted_rates()
    # every defect the generator knows is planted: by a rule, or as a stage defect
    assert list(rates.networks) == list(NETWORK_DEFECTS)  # in the planters' order
    assert list(rates.declarations) == list(DECLARATION_DEFECTS)


def _rule(code: str, planted: dict[str, float]) -> type[Rule]:
    return type(f"Fake{code}", (Rule,), {"code": code, "planted": planted})


@pytest.mark.parametrize(
    ("planted", "problem"),
    [
        ({"no_such_defect": 0.1}, "does not know how to plant"),
        ({"tiny": 0.1}, "which OM104 declare"),  # another rule's defect
        ({"quiet": 0.1}, "which the stages declare"),  # a stage defect
        ({"isolated": 0.0}, "not in"),
    ],
)
def test_a_defect_the_generator_cannot_plant_fails_loudly(planted: dict[str, float], problem: str) -> None:
    rules = [r for r in all_rules() if r.code != "OM109"]  # frees "isolated"
    with pytest.raises(PlantingError, match=problem):
        defect_rates([*rules, _rule("OM999", planted)])


def test_each_rule_fires_on_the_networks_planted_for_it() -> None:
    """Not only somewhere: among the findings of a rule are networks that got its defect."""
    st = State(1.0, 42)
    ds = build_landscape(st, planted_rates())
    result = run_audit(EmbeddedEngine(ds), as_of=REFERENCE_DATE)
    found = {(f.code, f.subject_id) for f in result.findings}
    checked = 0
    for rule in all_rules():
        wanted = set(rule.planted) & set(NETWORK_DEFECTS)
        if not wanted:
            continue
        planted = [net.id for net in st.nets if wanted & net.defects]
        assert planted, rule.code
        assert any((rule.code, net_id) in found for net_id in planted), rule.code
        checked += 1
    assert checked >= 15
