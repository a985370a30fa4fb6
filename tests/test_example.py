"""The bundled example dataset: valid, realistic, and showing every rule and every stage.

The example is audited as of 2025-06-30 (its ``meta`` sheet says so; its dates are chosen
relative to that day) with the default profile. Each OM network is meant for one implementation
stage, the withdrawn one is listed apart; the comment at the top of
``om_graph/dataset/data/example.yaml`` says which findings each one should produce.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib.resources import files

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from om_graph.audit.run import AuditResult, run_audit
from om_graph.cli import app
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.dataset.model import Dataset
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.queries.rules import all_rules

AS_OF = dt.date(2025, 6, 30)

#: The stage each example network is written to be in.
EXPECTED_STAGES = {
    "by-bayern": 3,
    "by-lkr-muenchen": 3,
    "by-nuernberg": 4,
    "hb-bremen": 3,
    "he-rhein-main": 2,
    "hh-hafenkante": 3,
    "ni-niedersachsen": 4,
    "nw-muensterland": 4,
    "sn-dresden": 1,
    "th-digital": 4,
    "th-gesundheit": 1,
}

#: The state key (Länderschlüssel) an AGS starts with, and the state's ISO 3166-2 code.
STATE_KEYS = {
    "01": "DE-SH", "02": "DE-HH", "03": "DE-NI", "04": "DE-HB", "05": "DE-NW", "06": "DE-HE",
    "07": "DE-RP", "08": "DE-BW", "09": "DE-BY", "10": "DE-SL", "11": "DE-BE", "12": "DE-BB",
    "13": "DE-MV", "14": "DE-SN", "15": "DE-ST", "16": "DE-TH",
}  # fmt: skip


def load_example() -> Dataset:
    text = (files("om_graph.dataset") / "data/example.yaml").read_text(encoding="utf-8")
    return Dataset.model_validate(yaml.safe_load(text))


@pytest.fixture(scope="module")
def example() -> Dataset:
    return load_example()


@pytest.fixture(scope="module")
def result(example: Dataset) -> AuditResult:
    return run_audit(EmbeddedEngine(example), as_of=AS_OF)


def codes_of(result: AuditResult, subject_id: str) -> set[str]:
    return {f.code for f in result.findings if f.subject_id == subject_id}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_fires(result: AuditResult, rule) -> None:
    assert any(f.code == rule.code for f in result.findings), f"{rule.code} never fires on the example"


def test_every_stage_occurs(result: AuditResult) -> None:
    assert {s.stage for s in result.stages} == {1, 2, 3, 4}


def test_each_network_is_in_its_intended_stage(result: AuditResult) -> None:
    assert {s.network_id: s.stage for s in result.stages} == EXPECTED_STAGES


def test_withdrawn_network_is_listed_apart_with_om112(result: AuditResult) -> None:
    assert [(a.network_id, a.status, a.codes) for a in result.apart] == [("rp-westpfalz", "withdrawn", ("OM112",))]
    assert "rp-westpfalz" not in {s.network_id for s in result.stages}


def test_unknown_facts_are_not_on_record_findings_never_errors(result: AuditResult) -> None:
    unknown = {(f.code, f.subject_id) for f in result.findings if f.not_on_record}
    assert unknown == {
        ("OM101", "th-gesundheit"),
        ("OM102", "th-gesundheit"),
        ("OM201", "th-gesundheit"),
        ("OM501", "sd-sonnenschein"),
    }
    assert {f.severity for f in result.findings if f.not_on_record} == {"warning"}
    assert all(f.message.startswith("not on record: ") for f in result.findings if f.not_on_record)
    # what OM does not hold puts the network in stage 1, not in stage 3
    gesund = next(s for s in result.stages if s.network_id == "th-gesundheit")
    assert [r.key for r in gesund.reasons] == ["not_on_record"]
    assert gesund.reasons[0].values["facts"] == ("application", "principles")


def test_recorded_no_is_not_met(result: AuditResult) -> None:
    """Rhein-Main's application leaves the principles unacknowledged: on record, so an error."""
    om102 = [f for f in result.findings if f.code == "OM102" and f.subject_id == "he-rhein-main"]
    assert [(f.severity, f.not_on_record) for f in om102] == [("error", False)]


def test_hand_written_lists_and_rows_without_ids(example: Dataset) -> None:
    assert {r.region_id for r in example.network_regions if r.network_id == "nw-muensterland"} == {
        "05515", "05558", "05566", "05570",
    }  # fmt: skip
    assert {(a.person_id, a.region_id) for a in example.ambassadors if a.person_id == "p-fiktiv"} == {
        ("p-fiktiv", "DE-NI"), ("p-fiktiv", "DE-HB"),
    }  # fmt: skip
    assert {a.network_id for a in example.ambassador_networks if a.person_id == "p-fiktiv"} == {
        "ni-niedersachsen", "hb-bremen", "th-gesundheit",
    }  # fmt: skip
    assert all(a.id is None for a in example.activities) and all(c.id is None for c in example.criticisms)


def test_the_example_carries_its_own_date(example: Dataset) -> None:
    assert example.as_of == EXAMPLE_AS_OF == example_dataset().as_of


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "yaml"])
def test_written_example_tells_the_same_story_as_audit_example(tmp_path: Path, fmt: str) -> None:
    """``om-graph example DIR`` then ``om-graph audit DIR``: the same audit, whatever today's date."""
    runner = CliRunner()
    target = tmp_path / "my-data"
    assert runner.invoke(app, ["example", str(target), "--format", fmt]).exit_code == 0
    path = target if fmt == "csv" else target / f"om-example.{fmt}"
    written = runner.invoke(app, ["audit", str(path), "--format", "json", "--fail-on", "never"])
    bundled = runner.invoke(app, ["audit", "--example", "--format", "json", "--fail-on", "never"])
    assert written.exit_code == bundled.exit_code == 0, written.output
    assert json.loads(written.stdout) == json.loads(bundled.stdout)
    assert json.loads(written.stdout)["as_of"] == EXAMPLE_AS_OF.isoformat()


def test_overlapping_bavarian_networks_conflict(result: AuditResult) -> None:
    om111 = {f.subject_id: f.evidence for f in result.findings if f.code == "OM111"}
    assert om111["by-bayern"] == {"others": ["by-lkr-muenchen"], "count": 1}
    assert om111["by-lkr-muenchen"] == {"others": ["by-bayern"], "count": 1}
    # Nürnberg-Fürth-Erlangen overlaps Bayern too, but works in it by recorded consensus.
    assert "by-nuernberg" not in om111


def test_stage_four_networks_have_no_errors(result: AuditResult) -> None:
    stage_four = [s.network_id for s in result.stages if s.stage == 4]
    assert stage_four
    errors = [
        (f.subject_id, f.code)
        for f in result.findings
        if f.subject_kind == "network" and f.subject_id in stage_four and f.severity == "error"
    ]
    assert errors == []


def test_unnamed_intermediaries_are_a_stage_three_reason(result: AuditResult) -> None:
    bremen = next(s for s in result.stages if s.network_id == "hb-bremen")
    assert "intermediaries_unnamed" in {r.key for r in bremen.reasons}
    assert "OM302" in codes_of(result, "hb-bremen")


def test_audit_is_deterministic(example: Dataset) -> None:
    first = run_audit(EmbeddedEngine(example), as_of=AS_OF)
    second = run_audit(EmbeddedEngine(load_example()), as_of=AS_OF)
    assert [f.as_dict() for f in first.findings] == [f.as_dict() for f in second.findings]
    assert first.stages == second.stages


def test_regions_are_real_keys(example: Dataset) -> None:
    states = [r for r in example.regions if r.level == "state"]
    assert len(states) == 16
    assert all(r.id == r.code and re.fullmatch(r"DE-[A-Z]{2}", r.code) for r in states)
    districts = [r for r in example.regions if r.level == "district"]
    by_id = {r.id: r for r in example.regions}
    for district in districts:
        assert district.id == district.code and re.fullmatch(r"\d{5}", district.code), district
        assert STATE_KEYS[district.code[:2]] == by_id[district.parent_id].code, district


def test_people_are_invented(example: Dataset) -> None:
    assert all(p.email is None or p.email.endswith("@example.org") for p in example.persons)
