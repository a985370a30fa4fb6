"""om-graph diff: two audits of the example a year apart, and an audit of a changed dataset (one network fixed,
one broken, one added, one removed); every format, both languages, and the warning when profiles differ."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from changes import ADDED, BROKEN, FIXED, REMOVED, changed_example
from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.io import write_dataset
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.diff import diff, diff_dict, render_diff, render_diff_xlsx
from om_graph.features.history import snapshot_of
from om_graph.workbook import HEADER_ROW

runner = CliRunner()
A_YEAR_LATER = dt.date(2026, 6, 30)


def snap(engine, as_of=EXAMPLE_AS_OF, profile: Profile = DEFAULT_PROFILE, lang: str = "en"):
    return snapshot_of(engine, run_audit(engine, as_of=as_of, profile=profile, lang=lang), profile, source="test",
                       fingerprint={"sha256": "same", "basis": "files"})


def changed_diff(old_engine, new_engine):
    return diff(snap(old_engine), snap(new_engine))


def test_a_year_later_networks_fall_back_and_findings_are_new() -> None:
    engine = EmbeddedEngine(example_dataset())
    d = diff(snap(engine), snap(engine, A_YEAR_LATER))
    assert d.same_data is True and d.same_profile and not d.added and not d.removed
    assert d.moved and all(m.direction == "down" for m in d.moved), [(m.network_id, m.old_place, m.new_place) for m in d.moved]
    assert {f.code for f in d.new_findings} >= {"OM107", "OM202"}, "no Plenum report and no meetings in the new window"
    assert d.unchanged + len(d.moved) == len(d.old.networks)
    paired = {(f.key, g.key) for f, g in d.open_findings}
    assert all(a == b for a, b in paired), "still open means the same code and subject"
    assert not {f.key for f in d.new_findings} & {f.key for f in d.resolved_findings}


def test_a_changed_dataset_fixed_broken_added_removed() -> None:
    d = changed_diff(EmbeddedEngine(example_dataset()), EmbeddedEngine(changed_example()))
    moved = {m.network_id: m for m in d.moved}
    assert moved[FIXED].old_place == 3 and moved[FIXED].new_place == 4
    assert moved[FIXED].old.reason_texts("en")[0].startswith("criteria not met: OM302")
    assert moved[BROKEN].new_place == 1 and "no_contacts" in moved[BROKEN].new.reason_keys
    assert [n.id for n in d.added] == [ADDED] and d.added[0].place == 1
    assert [n.id for n in d.removed] == [REMOVED]
    resolved = {f.key for f in d.resolved_findings}
    assert ("OM302", "network", FIXED) in resolved
    new = {f.key for f in d.new_findings}
    assert ("OM301", "network", BROKEN) in new
    assert {k for k in new if k[2] == ADDED}, "the new network's findings are new"
    assert not any(f.subject_id == REMOVED for _, f in d.open_findings)
    by_state = {s.state_id: s for s in d.states}
    assert by_state["DE-HB"].old[3] == 1 and by_state["DE-HB"].new[4] == 1
    assert by_state["DE-SL"].old[1] == 0 and by_state["DE-SL"].new[1] == 1


def test_formats_say_the_same_in_both_languages() -> None:
    d = changed_diff(EmbeddedEngine(example_dataset()), EmbeddedEngine(changed_example()))
    table = render_diff(d, "table", "en")
    assert "Networks that changed stage (2)" in table and "OM-Netzwerk Bremen (hb-bremen): stage 3 -> stage 4" in table
    assert "before: criteria not met: OM302" in table
    german = render_diff(d, "table", "de")
    assert "Netzwerke mit anderem Umsetzungsstadium (2)" in german and "vorher: Kriterien nicht erfüllt: OM302" in german
    assert "Neue Netzwerke (1)" in german and "OM-Netzwerk Saar" in german
    markdown = render_diff(d, "markdown", "de")
    assert markdown.startswith("# Was sich geändert hat") and "| OM-Netzwerk Bremen (`hb-bremen`) | Umsetzungsstadium 3 |" in markdown
    data = json.loads(render_diff(d, "json", "en"))
    assert [m["id"] for m in data["moved"]] == [m.network_id for m in d.moved]
    assert data["added"][0]["id"] == ADDED and data["removed"][0]["id"] == REMOVED
    assert data == diff_dict(d, "en")
    book = openpyxl.load_workbook(io.BytesIO(render_diff_xlsx(d, "de")))
    assert book.sheetnames == ["Überblick", "Stadienwechsel", "Netzwerke neu und weg", "Befunde", "Bundesländer"]
    moved = book["Stadienwechsel"]
    rows = [[c.value for c in row] for row in moved.iter_rows(min_row=HEADER_ROW)]
    assert rows[0][:4] == ["Netzwerk", "id", "von", "nach"]
    assert any(r[1] == FIXED and r[2] == "Umsetzungsstadium 3" and r[3] == "Umsetzungsstadium 4" for r in rows[1:])
    assert moved.freeze_panes == f"A{HEADER_ROW + 1}"
    summary = [[c.value for c in row] for row in book["Überblick"].iter_rows(min_row=HEADER_ROW + 1)]
    assert all(isinstance(r[1], int) and r[3] == r[2] - r[1] for r in summary), "counts are number cells"


def test_messages_are_worded_again_in_the_diffs_language() -> None:
    engine = EmbeddedEngine(example_dataset())
    d = diff(snap(engine, lang="en"), snap(engine, A_YEAR_LATER, lang="en"))
    german = render_diff(d, "table", "de")
    assert "kein Bericht an das Plenum" in german and "no report to the Plenum" not in german


def test_different_profiles_are_said_at_the_top() -> None:
    engine = EmbeddedEngine(example_dataset())
    strict = Profile(name="strict", params={"OM104": {"min_partners": 5}})
    d = diff(snap(engine), snap(engine, profile=strict))
    assert not d.same_profile
    assert render_diff(d, "table", "en").startswith("!! Different profiles: default and strict")
    assert "Unterschiedliche Profile" in render_diff(d, "markdown", "de").split("\n")[2]
    same_name = Profile(name="default", params={"OM104": {"min_partners": 5}})
    assert not diff(snap(engine), snap(engine, profile=same_name)).same_profile, "same name, other thresholds"


def test_audits_of_different_rules_compare_only_the_rules_both_checked() -> None:
    engine = EmbeddedEngine(example_dataset())
    some = snapshot_of(engine, run_audit(engine, as_of=EXAMPLE_AS_OF, rules="OM1*"), DEFAULT_PROFILE, source="t")
    d = diff(snap(engine), some)
    assert d.compared_rules and all(code.startswith("OM1") for code in d.compared_rules)
    assert not d.resolved_findings, "OM3* findings did not vanish: they were not checked"


def test_cli_diff_of_two_saved_audits_and_of_plain_reports(tmp_path: Path) -> None:
    old_data, new_data, history = tmp_path / "old.yaml", tmp_path / "new.yaml", tmp_path / "history"
    write_dataset(example_dataset(), old_data)
    write_dataset(changed_example(), new_data)
    for data in (old_data, new_data):
        out = runner.invoke(app, ["audit", str(data), "--as-of", "2025-06-30", "--fail-on", "never", "--save", str(history),
                                  "--format", "json", "--output", str(data.with_suffix(".json"))])
        assert out.exit_code == 0, out.output
    old, new = sorted(history.glob("*.json"), key=lambda p: json.loads(p.read_text())["dataset"]["source"] != str(old_data))
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "The data changed between the audits" in result.stdout and "hb-bremen" in result.stdout
    assert "Stages per federal state" in result.stdout and "Bremen: stage 3 1 -> 0, stage 4 0 -> 1" in result.stdout
    plain = runner.invoke(app, ["diff", str(old_data.with_suffix(".json")), str(new_data.with_suffix(".json")), "--format", "json"])
    data = json.loads(plain.stdout)
    assert data["states"] is None, "plain reports carry no regions"
    assert [m["id"] for m in data["moved"]] == [m["id"] for m in json.loads(
        runner.invoke(app, ["diff", str(old), str(new), "--format", "json"]).stdout)["moved"]]
    workbook = tmp_path / "diff.xlsx"
    written = runner.invoke(app, ["diff", str(old), str(new), "--format", "xlsx", "--output", str(workbook), "--lang", "de"])
    assert written.exit_code == 0 and openpyxl.load_workbook(workbook).sheetnames[0] == "Überblick"
    refused = runner.invoke(app, ["diff", str(old), str(new), "--format", "xlsx"])
    assert refused.exit_code == 2 and "--output" in refused.stderr


@pytest.mark.parametrize("missing", ["old", "new"])
def test_a_missing_audit_file_is_one_line(tmp_path: Path, missing: str) -> None:
    there = tmp_path / "there.json"
    there.write_text(runner.invoke(app, ["audit", "--example", "--format", "json", "--fail-on", "never"]).stdout, encoding="utf-8")
    args = [str(tmp_path / "nope.json"), str(there)] if missing == "old" else [str(there), str(tmp_path / "nope.json")]
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 2 and "nope.json: no such file" in result.stderr


def test_names_cannot_drive_the_terminal_or_break_markdown() -> None:
    from om_graph.features.history import Snapshot

    def report(stage: int) -> Snapshot:
        return Snapshot.from_json({"as_of": "2025-06-30", "findings": [],
                                   "networks": [{"id": "n1", "name": "OM\x1b[2J <b>Nord</b> | x", "stage": stage}]})

    d = diff(report(2), report(3))
    table, markdown = render_diff(d, "table", "en"), render_diff(d, "markdown", "en")
    assert "\x1b" not in table and "\\x1b[2J" in table
    assert "\x1b" not in markdown and "<b>" not in markdown and "&lt;b&gt;" in markdown and "\\| x" in markdown
