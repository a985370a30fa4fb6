"""Criteria as OM reads them, at the level of the audit: what a profile changes, what stays apart.

Rule by rule behaviour is in the query cases (tests/query_cases/rules/); these tests cover what
the audit does with their rows: the severity of "not on record", rule scopes and stage facts
from a profile, networks listed apart, and the audit date a dataset carries.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.audit.profile import load_profile
from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.model import Dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.errors import InputError

AS_OF = dt.date(2025, 6, 30)

#: Two active networks OM knows little about: the thematic one's principles and logo are not on record.
DATA = Dataset.model_validate(
    {
        "topics": [{"id": "gesundheit", "name": "Gesundheit", "keywords": "gesund; Arbeitsschutz"}],
        "organisations": [
            {"id": "o1", "name": "IHK Musterstadt", "kind": "chamber_of_commerce"},
            {"id": "o2", "name": "Handwerkskammer Beispielkreis", "kind": "chamber_of_crafts"},
            {"id": "o3", "name": "Gesundheitskasse Nord", "kind": "health_insurer"},
        ],
        "persons": [
            {"id": "p1", "name": "Julia Beispiel", "organisation_id": "o1"},
            {"id": "p2", "name": "Tom Muster", "organisation_id": "o2"},
        ],
        "networks": [
            {"id": "n1", "name": "Netzwerk Gesund arbeiten", "kind": "thematic", "topic": "Gesundheit",
             "application_scope": "Gesundheit im Betrieb", "application_goals": "Betriebe erreichen",
             "application_approach": "Fachtreffen"},
            {"id": "n2", "name": "Altes Netzwerk", "kind": "regional", "status": "partner_only"},
        ],
        "memberships": [{"organisation_id": o, "network_id": "n1", "since": dt.date(2024, 1, 1)} for o in ("o1", "o2", "o3")],
        "contacts": [
            {"network_id": "n1", "person_id": "p1", "role": "coordination"},
            {"network_id": "n1", "person_id": "p2", "role": "moderation"},
        ],
        "activities": [
            {"network_id": "n1", "kind": kind, "date": dt.date(2025, month, 1)}
            for kind, month in [("meeting", 3), ("meeting", 5), ("plenum_report", 4), ("partner_briefing", 2),
                                ("instrument_use", 6)]
        ],
    }
)


def profile(tmp_path: Path, text: str):
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return load_profile(path)


def audit(dataset: Dataset = DATA, **kwargs):
    return run_audit(EmbeddedEngine(dataset), as_of=AS_OF, **kwargs)


def test_not_on_record_is_a_warning_by_default_and_never_stage_three() -> None:
    result = audit()
    unknown = {f.code: f for f in result.findings if f.not_on_record}
    assert set(unknown) == {"OM102", "OM201"}
    assert {f.severity for f in unknown.values()} == {"warning"}
    assert unknown["OM102"].message.startswith("not on record: please check")
    (stage,) = result.stages
    assert (stage.stage, [r.key for r in stage.reasons]) == (1, ["not_on_record"])


def test_profile_sets_the_not_on_record_severity(tmp_path: Path) -> None:
    result = audit(profile=profile(tmp_path, "not_on_record_severity: info\n"))
    assert {f.severity for f in result.findings if f.not_on_record} == {"info"}
    with pytest.raises(InputError, match="not_on_record_severity"):
        profile(tmp_path, "not_on_record_severity: error\n")


def test_profile_names_the_facts_a_stage_needs(tmp_path: Path) -> None:
    """With only the application asked for (it is on record), the network is judged: stage 4."""
    result = audit(profile=profile(tmp_path, "stages: {facts: [application, members]}\n"))
    assert [(s.network_id, s.stage) for s in result.stages] == [("n1", 4)]
    relaxed = audit(profile=profile(tmp_path, "stages: {facts: [application, principles, logo], min_known: 1}\n"))
    assert relaxed.stages[0].stage == 4
    with pytest.raises(InputError, match="min_known 3 is more than the 2 facts"):
        profile(tmp_path, "stages: {facts: [application, principles], min_known: 3}\n")
    with pytest.raises(InputError, match="stages.facts"):
        profile(tmp_path, "stages: {facts: [homepage]}\n")


def test_profile_changes_a_rules_scope(tmp_path: Path) -> None:
    assert not [f for f in audit().findings if f.code == "OM402"]  # the thematic network is not asked
    both = audit(profile=profile(tmp_path, "scopes: {om402: both}\n"))
    assert [f.subject_id for f in both.findings if f.code == "OM402"] == ["n1"]
    with pytest.raises(InputError, match="OM403 is about no network"):
        profile(tmp_path, "scopes: {OM403: both}\n")
    with pytest.raises(InputError, match="OM999: unknown rule code"):
        profile(tmp_path, "scopes: {OM999: both}\n")
    with pytest.raises(InputError, match="scopes.OM402"):
        profile(tmp_path, "scopes: {OM402: everywhere}\n")


def test_networks_without_om_status_are_listed_apart() -> None:
    result = audit()
    assert [s.network_id for s in result.stages] == ["n1"]
    assert [(a.network_id, a.status, a.codes) for a in result.apart] == [("n2", "partner_only", ())]


def test_json_report_lists_them_apart_outside_the_counts(tmp_path: Path) -> None:
    from om_graph.audit.render.data import report_dict

    report = report_dict(audit())
    assert report["summary"]["networks"] == 1 and sum(report["summary"]["by_stage"].values()) == 1
    assert report["apart"] == [{"id": "n2", "name": "Altes Netzwerk", "status": "partner_only", "codes": []}]
    assert {f["code"] for f in report["findings"] if f["not_on_record"]} == {"OM102", "OM201"}


def test_rules_show_their_scope_and_clause() -> None:
    result = CliRunner().invoke(app, ["rules", "--format", "json"])
    rules = {r["code"]: r for r in json.loads(result.stdout)}
    assert rules["OM402"]["scope"] == "regional" and "bestehenden regionalen Netzwerken" in rules["OM402"]["scope_source"]
    assert {rules[c]["scope"] for c in ("OM105", "OM301", "OM302", "OM303")} == {"regional"}
    assert rules["OM304"]["scope"] == "both" and "Themenfeld" in rules["OM304"]["scope_source"]
    assert rules["OM403"]["scope"] is None and rules["OM501"]["scope"] is None
    assert rules["OM102"]["not_on_record_message"]["en"].startswith("not on record: please check")


def test_audit_date_comes_from_the_meta_sheet(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "meta.csv").write_text("as_of,kept_by\n31.12.2024,Geschäftsstelle\n", encoding="utf-8")
    (folder / "networks.csv").write_text("id,name,kind\nn1,OM Netzwerk Nord,regional\n", encoding="utf-8")
    runner = CliRunner()
    own = runner.invoke(app, ["audit", str(folder), "--format", "json", "--fail-on", "never"])
    assert json.loads(own.stdout)["as_of"] == "2024-12-31"
    given = runner.invoke(app, ["audit", str(folder), "--format", "json", "--fail-on", "never", "--as-of", "2025-01-31"])
    assert json.loads(given.stdout)["as_of"] == "2025-01-31"
