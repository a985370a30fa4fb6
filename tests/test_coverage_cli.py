"""om-graph ambassadors coverage|plan: formats, languages, redaction and one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["ambassadors", *args])


def test_plan_adds_three_ambassadors_on_the_example() -> None:
    result = run("plan", "--example", "--add", "3", "--format", "json")
    assert result.exit_code == 0, result.output
    planned = json.loads(result.stdout)
    assert [s["rank"] for s in planned["steps"]] == [1, 2, 3]
    shares = [planned["baseline_share"], *(s["share"] for s in planned["steps"])]
    assert shares == sorted(shares) and shares[0] < shares[-1] == planned["final_share"]
    assert not planned["stopped_early"]


def test_plan_table_in_german_says_botschafter_and_csv_has_one_row_per_step() -> None:
    table = run("plan", "--example", "--add", "2", "--lang", "de", "--level", "district")
    assert table.exit_code == 0 and "Botschafter" in table.stdout and "Landkreis / kreisfreie Stadt" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run("plan", "--example", "--add", "2", "--format", "csv").stdout)))
    assert [r["rank"] for r in rows] == ["1", "2"]


def test_plan_says_when_it_stops_early() -> None:
    result = run("plan", "--example", "--add", "50")
    assert result.exit_code == 0 and "stopped after" in result.stdout


def test_coverage_json_is_stable_and_redaction_hides_names() -> None:
    first = run("coverage", "--example", "--format", "json")
    assert first.exit_code == 0, first.output
    assert first.stdout == run("coverage", "--example", "--format", "json").stdout
    report = json.loads(first.stdout)
    names = [a["name"] for a in report["ambassadors"]]
    assert names and report["level"] == "state"
    redacted = run("coverage", "--example", "--redact-persons")
    assert redacted.exit_code == 0
    assert not any(name in redacted.stdout for name in names)
    assert "Person " in redacted.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "--example", "--add", "0"], "--add"),
        (["plan", "--example", "--add", "-2"], "--add"),
        (["plan", "--example", "--add", "drei"], "--add"),
        (["plan", "--example"], "--add"),
    ],
    ids=["zero", "negative", "not-a-number", "missing"],
)
def test_bad_usage_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = run(*args, "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    "args",
    [["plan", "--example", "--add", "3", "--level", "county"], ["coverage", "--example", "--level", "country"]],
    ids=["plan-level", "coverage-level"],
)
def test_unknown_level_is_refused_like_every_choice(args: list[str], tmp_path: Path) -> None:
    """--level is one enum (state|district) on every command, so a wrong one is a usage error of the option
    (exit 2, naming the choices), as on `om-graph map ambassadors`; it used to be a free string here."""
    out = tmp_path / "plan.json"
    result = run(*args, "--output", str(out))
    assert result.exit_code == 2
    assert "--level" in result.stderr and "state" in result.stderr and "district" in result.stderr
    assert result.stdout == "" and not out.exists()


def test_bad_profile_is_one_line_and_exit_2(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("ambassadors: {weights: {network: -1}}\n", encoding="utf-8")
    result = run("plan", "--example", "--add", "3", "--profile", str(profile))
    assert result.exit_code == 2
    assert result.stderr == f"error: {profile}:ambassadors.weights.network: Input should be greater than or equal to 0\n"


def test_profile_level_is_the_default_level(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("ambassadors: {level: district}\n", encoding="utf-8")
    result = run("coverage", "--example", "--profile", str(profile), "--format", "json")
    assert json.loads(result.stdout)["level"] == "district"
