"""The command line as users call it, through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.queries.rules import all_rules

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_audit_example_prints_table_grouped_by_network() -> None:
    result = run("audit", "--example", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "OM network audit as of 2025-06-30"
    assert max(len(line) for line in lines) <= 80
    assert any(line.endswith("stage 1") for line in lines)
    assert "stages: 1:" in result.stdout


def test_audit_exit_code_follows_fail_on() -> None:
    assert run("audit", "--example").exit_code == 1
    assert run("audit", "--example", "--fail-on", "never").exit_code == 0


@pytest.mark.parametrize(
    ("rules", "fail_on", "code"),
    [
        ("OM103,OM108", "error", 0),  # warnings only: below the default threshold
        ("OM103,OM108", "warning", 1),
        ("OM403", "warning", 0),  # info only
        ("OM403", "info", 1),
        ("OM303", "error", 1),  # an error: a network of the example advertises commercially
        ("OM303", "never", 0),
    ],
)
def test_audit_exit_code_of_a_selection_follows_fail_on(rules: str, fail_on: str, code: int) -> None:
    result = run("audit", "--example", "--rules", rules, "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == code, result.output
    report = json.loads(result.stdout)
    assert report["rules"] == rules.split(",")
    assert report["findings"], "every selection finds something on the example: the exit code is --fail-on's doing"


def test_audit_json_is_documented_shape() -> None:
    result = run("audit", "--example", "--format", "json", "--fail-on", "never")
    report = json.loads(result.stdout)
    assert report["as_of"] == "2025-06-30"
    assert set(report["summary"]) == {"networks", "findings", "by_severity", "by_stage"}
    finding = report["findings"][0]
    assert set(finding) >= {"code", "severity", "subject_kind", "subject_id", "subject_name", "message", "evidence", "source"}
    network = report["networks"][0]
    assert set(network) >= {"id", "name", "stage", "reasons"}
    assert report["summary"]["findings"] == len(report["findings"])


def test_audit_german_uses_official_terms() -> None:
    result = run("audit", "--example", "--lang", "de", "--fail-on", "never")
    assert result.stdout.startswith("Prüfung der OM-Netzwerke, Stand 30.06.2025")
    assert "Umsetzungsstadium" in result.stdout


def test_audit_rules_filter_and_csv(tmp_path: Path) -> None:
    out = tmp_path / "findings.csv"
    result = run("audit", "--example", "--rules", "OM1*,OM302", "--format", "csv", "--output", str(out), "--fail-on", "never")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {r["code"][:3] for r in rows} <= {"OM1", "OM3"}
    assert all(r["code"].startswith("OM1") or r["code"] == "OM302" for r in rows)


def test_audit_as_of_changes_time_based_findings() -> None:
    early = json.loads(run("audit", "--example", "--format", "json", "--rules", "OM504", "--as-of", "2020-01-01", "--fail-on", "never").stdout)
    late = json.loads(run("audit", "--example", "--format", "json", "--rules", "OM504", "--as-of", "31.12.2030", "--fail-on", "never").stdout)
    assert len(late["findings"]) > len(early["findings"])


def test_unknown_rule_is_one_line_exit_2() -> None:
    result = run("audit", "--example", "--rules", "OM999")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: no rule matches OM999"
    assert result.stdout == ""


def test_bad_as_of_is_usage_error() -> None:
    result = run("audit", "--example", "--as-of", "yesterday")
    assert result.exit_code == 2
    assert "--as-of" in result.stderr and "Traceback" not in result.output


def test_missing_input_says_what_to_do() -> None:
    result = run("audit")
    assert result.exit_code == 2
    assert "--example" in result.stderr


def test_profile_changes_threshold(tmp_path: Path) -> None:
    profile = tmp_path / "strict.yaml"
    profile.write_text("name: strict\nparams:\n  OM104: {min_partners: 50}\n", encoding="utf-8")
    default = json.loads(run("audit", "--example", "-f", "json", "--rules", "OM104", "--fail-on", "never").stdout)
    strict = json.loads(run("audit", "--example", "-f", "json", "--rules", "OM104", "--profile", str(profile), "--fail-on", "never").stdout)
    assert strict["profile"] == "strict"
    assert len(strict["findings"]) > len(default["findings"])


@pytest.mark.parametrize(
    "content, message",
    [
        ("params:\n  OM999: {x: 1}\n", "OM999: unknown rule code"),
        ("params:\n  OM104: {min_partner: 5}\n", "params.OM104.min_partner: unknown parameter"),
        ("params:\n  OM104: {min_partners: many}\n", "params.OM104.min_partners: expected int"),
        ("params: [\n", "not valid YAML"),
    ],
)
def test_bad_profile_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(content, encoding="utf-8")
    result = run("audit", "--example", "--profile", str(profile))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_failed_audit_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = run("audit", "--example", "--rules", "OM999", "--output", str(out))
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_rules_json_lists_every_code_with_clause_and_params() -> None:
    result = run("rules", "--format", "json")
    catalogue = json.loads(result.stdout)
    assert [r["code"] for r in catalogue] == [r.code for r in all_rules()]
    for entry in catalogue:
        assert entry["source"] and entry["severity"] in {"error", "warning", "info"}
        assert isinstance(entry["params"], dict)
        assert entry["title"]["de"] and entry["title"]["en"]


def test_rules_table_fits_80_columns() -> None:
    result = run("rules")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_schema_json_is_json_schema_of_input() -> None:
    schema = json.loads(run("schema").stdout)
    assert "networks" in schema["properties"]
    assert "Network" in schema["$defs"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "yaml"])
def test_example_writes_dataset_that_validates(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / ("data" if fmt == "csv" else f"om.{fmt}")
    result = run("example", str(target), "--format", fmt)
    assert result.exit_code == 0, result.output
    assert target.exists()
    check = run("validate", str(target))
    assert check.exit_code == 0, check.output
    assert "valid" in check.stdout


def test_validate_reports_every_problem_on_stderr(tmp_path: Path) -> None:
    data = tmp_path / "bad.yaml"
    data.write_text(
        "networks:\n"
        "  - {id: n1, name: OM Nord, kind: regional}\n"
        "  - {id: n1, name: OM Süd, kind: regionl}\n"
        "memberships:\n"
        "  - {organisation_id: o9, network_id: n1}\n",
        encoding="utf-8",
    )
    result = run("validate", str(data))
    assert result.exit_code == 2
    assert result.stdout == ""
    problems = result.stderr.strip().splitlines()[:-1]
    assert len(problems) == 3
    assert all(p.startswith("bad.yaml[") or p.startswith(str(data)) for p in problems)
    assert "Traceback" not in result.stderr


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "om_graph", "rules", "--format", "json"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)


def test_generate_writes_same_landscape_for_same_seed(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("generate", str(a), "--scale", "0.5", "--seed", "7").exit_code == 0
    assert run("generate", str(b), "--scale", "0.5", "--seed", "7").exit_code == 0
    assert sorted(p.name for p in a.iterdir()) == sorted(p.name for p in b.iterdir())
    assert all((a / p.name).read_bytes() == p.read_bytes() for p in b.iterdir())
    assert run("validate", str(a)).exit_code == 0


def test_generate_rejects_bad_scale(tmp_path: Path) -> None:
    result = run("generate", str(tmp_path / "x"), "--scale", "0")
    assert result.exit_code == 2 and "scale" in result.stderr
    assert not (tmp_path / "x").exists()
