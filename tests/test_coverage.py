"""Ambassador coverage: which elements lie in which region, which are covered, and the report built on them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from om_graph.queries.registry import run_query
from om_graph.features.coverage.planner import plan
from om_graph.features.coverage.report import coverage_instance, coverage_report
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.errors import InputError, UsageError
from om_graph.dataset.model import Dataset
from om_graph.audit.profile import DEFAULT_PROFILE, load_profile
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset

AS_OF = dt.date(2025, 6, 30)
REGIONS = [
    {"id": "DE", "name": "Deutschland", "level": "country"},
    {"id": "DE-BY", "name": "Bayern", "level": "state", "parent_id": "DE"},
    {"id": "DE-NW", "name": "Nordrhein-Westfalen", "level": "state", "parent_id": "DE"},
    {"id": "09162", "name": "München", "level": "district", "parent_id": "DE-BY"},
    {"id": "09564", "name": "Nürnberg", "level": "district", "parent_id": "DE-BY"},
    {"id": "05515", "name": "Münster", "level": "district", "parent_id": "DE-NW"},
]


def landscape(networks=(), organisations=(), ambassadors=(), active=()) -> Dataset:
    """Networks as (id, covered region or None, status); organisations as (id, kind, region, intermediary);
    ambassadors as (person, region); active as (person, network)."""
    people = sorted({p for p, _ in [*ambassadors, *active]})
    return Dataset.model_validate(
        {
            "regions": REGIONS,
            "networks": [{"id": n, "name": f"Netz {n}", "kind": "regional", "status": s} for n, _, s in networks],
            "network_regions": [{"network_id": n, "region_id": r} for n, r, _ in networks if r],
            "organisations": [
                {"id": o, "name": f"Org {o}", "kind": k, "region_id": r, **({} if i is None else {"intermediary": i})}
                for o, k, r, i in organisations
            ],
            "persons": [{"id": p, "name": f"Person {p}"} for p in people],
            "ambassadors": [{"person_id": p, "region_id": r} for p, r in ambassadors],
            "ambassador_networks": [{"person_id": p, "network_id": n} for p, n in active],
        }
    )


def elements(dataset: Dataset, level: str = "state") -> set[tuple]:
    """(region, kind, element, covered) of every coverage/elements row."""
    rows = run_query(EmbeddedEngine(dataset), "coverage/elements", {"level": level})
    return {(r["region_id"], r["element_kind"], r["element_id"], r["covered"]) for r in rows}


SEMANTICS = [
    pytest.param(
        landscape(networks=[("n1", "09162", "recognised")], ambassadors=[("p1", "DE")]),
        "state", {("DE-BY", "network", "n1", True)},
        id="an ambassador for an ancestor (Deutschland) covers a network in München",
    ),
    pytest.param(
        landscape(networks=[("n1", "DE-BY", "recognised")], ambassadors=[("p1", "09564")]),
        "district", {("09162", "network", "n1", True), ("09564", "network", "n1", True)},
        id="a state-wide network is in every district and covered by an ambassador for one of them",
    ),
    pytest.param(
        landscape(networks=[("n1", "09162", "applied")], ambassadors=[("p1", "09564")]),
        "state", {("DE-BY", "network", "n1", False)},
        id="an ambassador for another district of the state does not cover the network",
    ),
    pytest.param(
        landscape(networks=[("n1", "09162", "recognised")], active=[("p1", "n1")]),
        "state", {("DE-BY", "network", "n1", True)},
        id="an ambassador active in the network (AMBASSADOR_IN) covers it",
    ),
    pytest.param(
        landscape(networks=[("n1", "DE", "recognised")]),
        "state", {("DE-BY", "network", "n1", False), ("DE-NW", "network", "n1", False)},
        id="a network for Deutschland is within every state",
    ),
    pytest.param(
        landscape(networks=[("n1", "09162", "partner_only"), ("n2", None, "recognised")], active=[("p1", "n2")]),
        "state", set(),
        id="networks that are not OM networks, or have no region, are in no region",
    ),
    pytest.param(
        landscape(organisations=[("o1", "chamber_of_commerce", "09162", None), ("o2", "company", "05515", None)],
                  ambassadors=[("p1", "DE-BY")]),
        "state", {("DE-BY", "intermediary", "o1", True), ("DE-NW", "company", "o2", False)},
        id="organisations are covered when located inside an ambassador's region",
    ),
    pytest.param(
        landscape(organisations=[("o1", "chamber_of_commerce", "DE-BY", None), ("o2", "company", "09162", None)],
                  ambassadors=[("p1", "09162")]),
        "district", {("09162", "company", "o2", True)},
        id="at district level an organisation located in a state is in no district",
    ),
    pytest.param(
        landscape(organisations=[("o1", "company", "09162", True), ("o2", "consultancy", "09162", None),
                                 ("o3", "chamber_of_crafts", "09162", False)]),
        "state", {("DE-BY", "intermediary", "o1", False)},
        id="an organisation counts once, as an intermediary if it is one; consultancies are no element",
    ),
]


@pytest.mark.parametrize(("dataset", "level", "expected"), SEMANTICS)
def test_coverage_semantics(dataset: Dataset, level: str, expected: set[tuple]) -> None:
    assert elements(dataset, level) == expected


def test_regions_list_ambassadors_inside_and_around() -> None:
    dataset = landscape(ambassadors=[("p1", "09162"), ("p2", "DE"), ("p3", "05515")])
    rows = run_query(EmbeddedEngine(dataset), "coverage/regions", {"level": "state"})
    assert {r["region_id"]: r["ambassador_ids"] for r in rows} == {"DE-BY": ["p1", "p2"], "DE-NW": ["p2", "p3"]}


def test_report_counts_weights_and_overloaded_ambassadors() -> None:
    dataset = landscape(
        networks=[("n1", "09162", "recognised"), ("n2", "05515", "recognised"), ("n3", None, "applied")],
        organisations=[("o1", "chamber_of_commerce", "09162", None), ("o2", "company", "05515", None)],
        ambassadors=[("p1", "DE-BY")],
        active=[("p1", "n1"), ("p1", "n2"), ("p1", "n3")],
    )
    profile = DEFAULT_PROFILE.model_copy(update={"ambassadors": DEFAULT_PROFILE.ambassadors.model_copy(update={"max_networks": 2})})
    report = coverage_report(EmbeddedEngine(dataset), profile, as_of=AS_OF)
    by_region = {r.region_id: r for r in report.regions}
    assert (by_region["DE-BY"].weight.covered, by_region["DE-BY"].weight.total) == (5.0, 5.0)  # network 3 + intermediary 2
    assert (by_region["DE-NW"].weight.covered, by_region["DE-NW"].weight.total) == (3.0, 4.0)  # n2 active, o2 not
    assert [(n.network_id, n.covered) for n in report.networks] == [("n1", True), ("n2", True), ("n3", True)]
    assert [a.person_id for a in report.overloaded] == ["p1"]
    assert {k: (t.covered, t.total) for k, t in report.institution_kinds.items()} == {
        "chamber_of_commerce": (1, 1), "company": (0, 1)}


def test_report_audits_om401_and_om404_at_its_level() -> None:
    dataset = landscape(networks=[("n1", "09162", "recognised")], ambassadors=[("p1", "09162")])
    report = coverage_report(EmbeddedEngine(dataset), level="district", as_of=AS_OF)
    assert {(f.code, f.subject_id) for f in report.findings if f.code in ("OM401", "OM404")} == {
        ("OM404", "09564"), ("OM404", "05515")}
    assert {r.region_id for r in report.regions} == {"09162", "09564", "05515"}


def test_the_plan_covers_only_what_is_not_covered_yet() -> None:
    report = coverage_report(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF)
    instance = coverage_instance(report)
    covered = {e for e, is_covered in report.elements().items() if is_covered}
    assert covered and not covered & set(instance.weights)
    result = plan(instance, 3)
    assert len(result.steps) == 3
    assert {s.region_id for s in result.steps} <= {r.region_id for r in report.regions if r.weight.share != 1.0}
    assert result.steps[-1].share == pytest.approx((report.weight().covered + result.gain) / report.weight().total)


def test_unknown_level_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown level 'county'"):
        coverage_report(EmbeddedEngine(example_dataset()), level="county", as_of=AS_OF)


PROFILES = [
    ("ambassadors: {level: county}", "ambassadors.level"),
    ("ambassadors: {max_networks: -1}", "ambassadors.max_networks"),
    ("ambassadors: {max_networks: 2.5}", "ambassadors.max_networks"),
    ("ambassadors: {weights: {network: -3}}", "ambassadors.weights.network"),
    ("ambassadors: {weights: {company: 'eins'}}", "ambassadors.weights.company"),
    ("ambassadors: {weights: {networks: 3}}", "ambassadors.weights.networks"),
]


@pytest.mark.parametrize(("text", "field"), PROFILES, ids=[f for _, f in PROFILES])
def test_bad_ambassador_settings_name_file_and_field(tmp_path: Path, text: str, field: str) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_profile(path)
    assert str(raised.value).startswith(f"{path}:{field}: ") and "\n" not in str(raised.value)


def test_profiles_without_the_section_keep_working(tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("name: strict\nparams:\n  OM104: {min_partners: 5}\n", encoding="utf-8")
    profile = load_profile(path)
    assert profile.ambassadors == DEFAULT_PROFILE.ambassadors
    path.write_text("ambassadors: {level: district, weights: {company: 0.5}}\n", encoding="utf-8")
    settings = load_profile(path).ambassadors
    assert (settings.level, settings.max_networks, settings.weights.model_dump()) == (
        "district", 3, {"network": 3.0, "intermediary": 2.0, "company": 0.5})
