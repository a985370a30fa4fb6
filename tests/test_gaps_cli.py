"""``om-graph gaps`` as users call it: formats, filters, languages and the error paths."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.gaps.find import all_kinds, find_gaps
from om_graph.queries.gaps.kind import COLUMNS
from om_graph.dataset.sources import example_dataset

runner = CliRunner()
EXAMPLE_GAPS = find_gaps(EmbeddedEngine(example_dataset()))


def run(*args: str):
    return runner.invoke(app, ["gaps", *args])


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_table_groups_by_kind_with_titles_and_counts() -> None:
    result = run("--example")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Collaboration gaps: {len(EXAMPLE_GAPS)}"
    assert max(map(len, lines)) <= 80
    headings = [line for line in lines if line and not line.startswith(" ")][1:]
    assert headings == [f"{k.title['en']} ({sum(g.kind == k.code for g in EXAMPLE_GAPS)})" for k in all_kinds()]
    for gap in EXAMPLE_GAPS:
        assert f"({gap.a_id})" in result.stdout


def test_table_in_german_uses_the_german_titles() -> None:
    result = run("--example", "--lang", "de")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Lücken in der Zusammenarbeit: ")
    for kind in all_kinds():
        assert kind.title["de"] in result.stdout
        assert kind.title["en"] not in result.stdout


def test_json_has_counts_of_the_chosen_kinds_and_one_object_per_gap() -> None:
    result = run("--example", "--format", "json", "--kind", "isolated_network", "--kind", "pooling_candidate")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    chosen = [g for g in EXAMPLE_GAPS if g.kind in {"isolated_network", "pooling_candidate"}]
    assert document["counts"] == {
        "isolated_network": sum(g.kind == "isolated_network" for g in chosen),
        "pooling_candidate": sum(g.kind == "pooling_candidate" for g in chosen),
    }
    assert document["gaps"] == [g.as_row() for g in chosen]
    assert all(set(row) == set(COLUMNS) for row in document["gaps"])


def test_json_does_not_depend_on_the_language() -> None:
    assert run("--example", "-f", "json").stdout == run("--example", "-f", "json", "--lang", "de").stdout


def test_csv_has_the_stable_columns() -> None:
    result = run("--example", "--format", "csv")
    assert result.exit_code == 0, result.output
    header, *rows = csv_rows(result.stdout)
    assert tuple(header) == COLUMNS
    assert len(rows) == len(EXAMPLE_GAPS)
    for row, gap in zip(rows, EXAMPLE_GAPS):
        cells = dict(zip(header, row))
        assert (cells["kind"], cells["a_id"], cells["b_id"]) == (gap.kind, gap.a_id, gap.b_id or "")
        assert cells["region_path"].split("|") == list(gap.region_path)
        assert json.loads(cells["evidence"]) == gap.evidence


def test_region_filter_keeps_gaps_in_the_region_and_inside_it() -> None:
    state = "DE-BY"
    result = run("--example", "--format", "csv", "--region", state)
    assert result.exit_code == 0, result.output
    _, *rows = csv_rows(result.stdout)
    expected = [g for g in EXAMPLE_GAPS if state in g.region_path]
    assert 0 < len(rows) < len(EXAMPLE_GAPS)
    assert [(r[0], r[2], r[5]) for r in rows] == [(g.kind, g.a_id, g.b_id or "") for g in expected]


def test_xlsx_holds_every_gap_of_the_csv_named_first_with_region_paths(tmp_path: Path) -> None:
    target = tmp_path / "gaps.xlsx"
    result = run("--example", "--format", "xlsx", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Gaps", "Summary"]
    rows = list(workbook["Gaps"].iter_rows(min_row=5, values_only=True))
    machine = csv_rows(run("--example", "--format", "csv").stdout)[1:]
    # names before ids: side a's name, then its id; the same gaps in the same order as the csv
    assert [(r[1], r[2], r[5] or "") for r in rows] == [(m[3], m[2], m[5]) for m in machine]
    paths = {r[8]: r[9] for r in rows}
    assert paths["09184"] == "Deutschland › Bayern › Landkreis München"  # top-down by name, not "09184|DE|DE-BY"


def test_output_file_gets_the_same_text_as_stdout(tmp_path: Path) -> None:
    target = tmp_path / "gaps.txt"
    assert run("--example", "--lang", "de", "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run("--example", "--lang", "de").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--example", "--kind", "isolated_network", "--kind", "lonely"], "unknown gap kind 'lonely'; valid kinds: "
         + ", ".join(k.code for k in all_kinds())),
        (["--example", "--format", "xlsx"], "--format xlsx writes a workbook: give --output FILE.xlsx"),
        (["no-such-dataset.yaml"], "no-such-dataset.yaml"),
        # PATH with --neo4j is refused (--example with --neo4j is allowed: the database holds the example).
        (["my-data.yaml", "--neo4j"], "with --neo4j the command reads what om-graph load put in the database: leave out PATH"),
    ],
    ids=["unknown_kind", "xlsx_to_stdout", "missing_input", "path_and_neo4j"],
)
def test_errors_are_one_line_exit_2_and_write_nothing(args: list[str], message: str, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    needs_output = "--format" not in args
    result = run(*args, *(["--output", str(target)] if needs_output else []))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
