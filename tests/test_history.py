"""The audit history: audit --save keeps every audit as its own file, never overwritten; history lists them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph import __version__
from om_graph.audit.profile import DEFAULT_PROFILE
from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.history import Snapshot, audit_record, graph_fingerprint, load, save
from om_graph.output import OutputError

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def saved(folder: Path, *args: str) -> Path:
    before = set(folder.glob("*.json")) if folder.exists() else set()
    result = run("audit", "--example", "--fail-on", "never", "--format", "json", "--save", str(folder), *args)
    assert result.exit_code == 0, result.output
    (path,) = set(folder.glob("*.json")) - before
    assert f"wrote {path}" in result.stderr
    return path


def test_audit_save_keeps_the_report_with_date_profile_hash_and_version(tmp_path: Path) -> None:
    path = saved(tmp_path / "history", "--as-of", "2025-06-30")
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["format"] == "om-graph-audit" and record["version"] == 1
    assert (record["as_of"], record["om_graph"], record["profile"]["name"]) == ("2025-06-30", __version__, "default")
    assert record["dataset"]["basis"] == "files" and len(record["dataset"]["sha256"]) == 64
    assert record["profile"]["settings"]["params"] == {}
    report = json.loads(run("audit", "--example", "--fail-on", "never", "--format", "json", "--as-of", "2025-06-30").stdout)
    assert record["report"] == report, "the saved report is the JSON report"
    assert set(record["networks"]) >= {n["id"] for n in report["networks"]}
    assert record["networks"]["by-bayern"]["states"] == ["DE-BY"] and record["states"]["DE-BY"] == "Bayern"


def test_saving_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "history"
    first = saved(folder, "--as-of", "2025-06-30")
    original = first.read_bytes()
    second = saved(folder, "--as-of", "2025-06-30")
    third = saved(folder, "--as-of", "2025-06-30")
    assert len({first, second, third}) == 3
    assert first.read_bytes() == original
    result = audit_record(EmbeddedEngine(example_dataset()), run_audit(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF),
                          DEFAULT_PROFILE, source="example", fingerprint={"sha256": "x", "basis": "files"})
    again = save(folder, result)
    assert save(folder, result) != again, "the same record saved twice gets two names"


def test_history_lists_audits_in_date_order_with_stage_counts(tmp_path: Path) -> None:
    folder = tmp_path / "history"
    saved(folder, "--as-of", "2026-06-30")
    saved(folder, "--as-of", "2025-06-30")
    listed = run("history", str(folder), "--format", "json")
    assert listed.exit_code == 0, listed.output
    audits = json.loads(listed.stdout)["audits"]
    assert [a["as_of"] for a in audits] == ["2025-06-30", "2026-06-30"]
    assert audits[0]["dataset_sha256"] == audits[1]["dataset_sha256"], "the same data audited twice"
    for audit in audits:
        assert sum(audit["stages"].values()) == audit["networks"]
    assert audits[1]["stages"]["4"] < audits[0]["stages"]["4"], "a year without meetings costs stage 4"
    table = run("history", str(folder), "--lang", "de")
    assert "Umsetzungsstadium 4" in table.stdout and "30.06.2025" in table.stdout
    assert f"({audits[1]['stages']['4'] - audits[0]['stages']['4']:+d})" in table.stdout, "the change since the audit before"
    markdown = run("history", str(folder), "--format", "markdown")
    assert markdown.stdout.startswith("# Audit history: 2 audit(s)")


def test_a_plain_json_report_reads_as_a_snapshot(tmp_path: Path) -> None:
    report = tmp_path / "audit.json"
    report.write_text(run("audit", "--example", "--fail-on", "never", "--format", "json").stdout, encoding="utf-8")
    snapshot = load(report)
    assert snapshot.as_of == EXAMPLE_AS_OF and snapshot.networks and not snapshot.has_places
    assert snapshot.networks["rp-westpfalz"].place == "outside", "withdrawn networks are outside the stages"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", ":1: not JSON"),
        ('["a list"]', "not an om-graph audit"),
        ('{"networks": [], "findings": []}', ":as_of: missing"),
        ('{"as_of": "31.12.2025", "networks": [], "findings": []}', ":as_of: not an ISO date"),
        ('{"as_of": "2025-12-31", "networks": [{"name": "x"}], "findings": []}', ":networks[0]: a network needs an id"),
        ('{"format": "om-graph-audit", "version": 99, "report": {}}', ":version: saved by a newer om-graph"),
    ],
)
def test_a_bad_audit_file_is_one_line_exit_2(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run("diff", str(bad), str(bad))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr and "Traceback" not in result.output


def test_history_of_a_missing_folder_says_how_to_fill_it(tmp_path: Path) -> None:
    result = run("history", str(tmp_path / "none"))
    assert result.exit_code == 2 and "--save" in result.stderr


def test_save_into_a_file_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    target = tmp_path / "a-file"
    target.write_text("x", encoding="utf-8")
    out = tmp_path / "report.json"
    result = run("audit", "--example", "--save", str(target), "--output", str(out))
    assert result.exit_code == 2 and "is a file" in result.stderr
    assert not out.exists() and target.read_text(encoding="utf-8") == "x"
    with pytest.raises(OutputError):
        save(target, {"as_of": "2025-06-30", "saved_at": "2025-07-01T00:00:00Z"})


def test_graph_fingerprint_follows_the_data() -> None:
    from changes import changed_example

    assert graph_fingerprint(EmbeddedEngine(example_dataset())) == graph_fingerprint(EmbeddedEngine(example_dataset()))
    assert graph_fingerprint(EmbeddedEngine(example_dataset())) != graph_fingerprint(EmbeddedEngine(changed_example()))


def test_unknown_fields_of_a_later_om_graph_are_kept_not_refused() -> None:
    snap = Snapshot.from_json({"as_of": "2025-06-30", "networks": [{"id": "n1", "stage": 2, "confidence": "low"}],
                               "findings": [{"code": "OM1", "severity": "error", "subject_kind": "network", "subject_id": "n1",
                                             "not_on_record": True}]})
    assert snap.networks["n1"].extra == {"confidence": "low"}
    assert snap.findings[0].raw["not_on_record"] is True


def test_write_new_refuses_a_taken_name_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    from om_graph.output import write_new

    target = tmp_path / "a.json"
    write_new(target, "first")
    with pytest.raises(OutputError, match="exists already"):
        write_new(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]
