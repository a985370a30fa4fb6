"""A command checks the sheets it reads: ``network stats`` reads four, and nothing else can answer in their place.

The statistics' queries need the networks, organisations, memberships and cooperations only
(:data:`om_graph.features.network.stats.SHEETS`); the embedded engine is built from those, checked
among themselves, and a query that reads any other label or relationship fails instead of
answering as if there were none. The same holds for the maps, the ambassador commands and the gaps:
each says from its sheets what it says from the whole dataset, and runs past a broken sheet it does not read.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.io import read_dataset, write_dataset
from om_graph.dataset.sources import example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.errors import ValidationFailed
from om_graph.features.network.stats import SHEETS, network_stats
from om_graph.queries.registry import run_query

runner = CliRunner()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The example as a folder of CSV files."""
    path = tmp_path / "om"
    write_dataset(example_dataset(), path, "csv")
    return path


def spoil(path: Path, sheet: str, column: str, value: str) -> None:
    """Put ``value`` in ``column`` of the first row of ``sheet``."""
    file = path / f"{sheet}.csv"
    with file.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0][column] = value
    with file.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def stats_json(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["network", "stats", *args, "--format", "json"])
    return result.exit_code, result.stdout if result.exit_code == 0 else result.stderr


def test_the_statistics_of_the_sheets_read_are_those_of_the_whole_dataset(folder: Path) -> None:
    whole = network_stats(EmbeddedEngine(read_dataset(folder)))
    assert network_stats(EmbeddedEngine(read_dataset(folder, SHEETS))) == whole


def test_a_problem_in_a_sheet_the_command_does_not_read_does_not_stop_it(folder: Path) -> None:
    spoil(folder, "regions", "level", "galaxy")
    with pytest.raises(ValidationFailed):
        read_dataset(folder)  # validate and the audit read everything
    code, out = stats_json(str(folder))
    assert code == 0, out
    assert '"networks": 12' in out


def test_a_problem_in_a_sheet_it_reads_stops_it(folder: Path) -> None:
    spoil(folder, "memberships", "network_id", "no-such-network")
    code, err = stats_json(str(folder))
    assert code == 2
    assert "memberships.csv:2:network_id: no network with id 'no-such-network'" in err


def test_references_into_sheets_not_read_are_not_looked_up(folder: Path) -> None:
    spoil(folder, "organisations", "region_id", "no-such-region")
    assert read_dataset(folder, SHEETS).sheets == SHEETS
    with pytest.raises(ValidationFailed) as failed:
        read_dataset(folder)
    assert failed.value.problems == ["organisations.csv:2:region_id: no region with id 'no-such-region'"]


def test_a_query_reading_what_was_not_read_fails_rather_than_answers_empty(folder: Path) -> None:
    engine = EmbeddedEngine(read_dataset(folder, SHEETS))
    assert run_query(engine, "network/partner_ids")  # held: the statistics' own queries answer
    with pytest.raises(LookupError, match="holds no COVERS relationships"):
        run_query(engine, "network/regions")
    with pytest.raises(LookupError, match="holds no Region nodes"):
        list(engine.graph.nodes("Region"))
    with pytest.raises(LookupError, match="sheet 'regions' was not read"):
        read_dataset(folder, SHEETS).records("regions")


def test_when_none_of_its_sheets_has_a_row_the_whole_dataset_decides(tmp_path: Path) -> None:
    only_regions = tmp_path / "regions-only"
    only_regions.mkdir()
    (only_regions / "regions.csv").write_text("id,name,level\nDE-BY,Bayern,state\n", encoding="utf-8")
    code, out = stats_json(str(only_regions))
    assert code == 0, out
    assert '"networks": 0' in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, err = stats_json(str(empty))
    assert code == 2 and "holds no dataset" in err


@pytest.mark.parametrize("max_nodes", [1000, 1], ids=["per network", "by Land"])
def test_the_map_of_networks_from_its_sheets_is_the_map_of_the_whole_dataset(folder: Path, max_nodes: int) -> None:
    from om_graph.features.maps import networks_map, render_html
    from om_graph.features.maps.networks import SHEETS as MAP_SHEETS

    def drawn(sheets: frozenset[str] | None) -> str:
        engine = EmbeddedEngine(read_dataset(folder, sheets))
        return render_html(networks_map(engine, lang="de", max_nodes=max_nodes))

    assert MAP_SHEETS < frozenset(read_dataset(folder).sheets)
    assert drawn(MAP_SHEETS) == drawn(None)


@pytest.mark.parametrize("level", ["state", "district"])
def test_ambassador_coverage_and_its_map_from_their_sheets_are_those_of_the_whole_dataset(folder: Path, level: str) -> None:
    import datetime as dt

    from om_graph.audit.profile import DEFAULT_PROFILE
    from om_graph.features.coverage.report import SHEETS as COVERAGE_SHEETS
    from om_graph.features.coverage.report import coverage_report
    from om_graph.features.maps import ambassadors_map, render_html

    def drawn(sheets: frozenset[str] | None) -> tuple:
        engine = EmbeddedEngine(read_dataset(folder, sheets))
        day = dt.date(2025, 6, 30)
        report = coverage_report(engine, DEFAULT_PROFILE, level, as_of=day, lang="de")
        page = ambassadors_map(engine, level=level, as_of=day, lang="de", profile=DEFAULT_PROFILE, plan_k=2)
        return report, render_html(page)

    assert COVERAGE_SHEETS < frozenset(read_dataset(folder).sheets)
    assert drawn(COVERAGE_SHEETS) == drawn(None)


@pytest.mark.parametrize(("sheet", "owner"), [("ambassador_networks", "ambassadors"), ("network_regions", "networks")])
def test_a_link_sheet_read_alone_holds_the_rows_written_as_lists_in_another(sheet: str, owner: str) -> None:
    """The example lists an ambassador's networks and a network's regions in one cell: reading the link sheet
    reads the sheet of those cells too, or a rule would see fewer ambassadors or regions than there are."""
    whole = example_dataset()
    part = example_dataset(frozenset({sheet}))
    assert part.sheets == {sheet, owner}
    assert part.records(sheet) == whole.records(sheet)
    assert len(whole.records(sheet)) > len(written_in(sheet)), "the example lists some of them in another sheet"


def written_in(sheet: str) -> list:
    """The rows the example writes in ``sheet`` itself (not in another sheet's cells)."""
    from importlib.resources import files

    import yaml

    return yaml.safe_load((files("om_graph.dataset") / "data" / "example.yaml").read_text(encoding="utf-8"))[sheet]


@pytest.mark.parametrize("source", ["example", "csv"])
@pytest.mark.parametrize("geo", [False, True], ids=["graph", "geo"])
def test_the_audit_map_from_its_sheets_is_the_map_of_the_whole_dataset(folder: Path, source: str, geo: bool) -> None:
    import datetime as dt

    from om_graph.audit.run import NETWORK_AUDIT_SHEETS
    from om_graph.features.maps import audit_map, render_html

    def drawn(sheets: frozenset[str] | None) -> str:
        dataset = example_dataset(sheets) if source == "example" else read_dataset(folder, sheets)
        return render_html(audit_map(EmbeddedEngine(dataset), as_of=dt.date(2025, 6, 30), lang="de", geo=geo, level="district"))

    assert NETWORK_AUDIT_SHEETS < frozenset(read_dataset(folder).sheets)
    assert drawn(NETWORK_AUDIT_SHEETS) == drawn(None)


@pytest.mark.parametrize("source", ["example", "csv"])
def test_the_gaps_from_their_sheets_are_the_gaps_of_the_whole_dataset(folder: Path, source: str) -> None:
    from om_graph.features.gaps.find import SHEETS as GAP_SHEETS
    from om_graph.features.gaps.find import find_gaps
    from om_graph.features.gaps.workbook import gap_names

    def found(sheets: frozenset[str] | None) -> tuple:
        engine = EmbeddedEngine(example_dataset(sheets) if source == "example" else read_dataset(folder, sheets))
        return find_gaps(engine), gap_names(engine)

    assert GAP_SHEETS < frozenset(read_dataset(folder).sheets)
    gaps, names = found(None)
    assert gaps and names
    assert found(GAP_SHEETS) == (gaps, names)


@pytest.mark.parametrize(("command", "options"), [
    (["map", "networks"], []),
    (["ambassadors", "coverage"], []), (["ambassadors", "plan"], ["--add", "2"]), (["map", "ambassadors"], []),
    (["map", "audit"], []),
    (["gaps"], ["--format", "table"]), (["gaps"], ["--format", "xlsx"]), (["gaps"], ["--region", "DE-BY"]),
], ids=lambda words: " ".join(words))
def test_a_command_of_some_sheets_runs_past_a_broken_sheet_it_does_not_read(
    folder: Path, tmp_path: Path, command: list[str], options: list[str]
) -> None:
    spoil(folder, "ratings", "traffic_light", "purple")
    with pytest.raises(ValidationFailed):
        read_dataset(folder)
    result = runner.invoke(app, [*command, str(folder), *options, "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out").stat().st_size > 0
