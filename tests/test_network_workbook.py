"""om-graph network stats --format xlsx: the statistics as a workbook, read back as Excel would."""

from __future__ import annotations

import openpyxl
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.sources import example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.network.stats import network_stats

runner = CliRunner()


def test_workbook_holds_every_network_named_first_with_real_numbers(tmp_path) -> None:
    target = tmp_path / "netz.xlsx"
    result = runner.invoke(app, ["network", "stats", "--example", "--format", "xlsx", "--lang", "de", "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Überblick", "Netzwerke", "Organisationen", "Verbindungen"]
    stats = network_stats(EmbeddedEngine(example_dataset()))
    networks = book["Netzwerke"]
    assert networks["A4"].value == "Name" and networks.freeze_panes == "A5" and networks.auto_filter is not None
    rows = {r[1]: r for r in networks.iter_rows(min_row=5, values_only=True)}
    assert set(rows) == {n.id for n in stats.networks}
    for n in stats.networks:
        assert rows[n.id][0] == n.name and rows[n.id][4] == n.partners and isinstance(rows[n.id][4], int)
    overview = {r[0]: r[1] for r in book["Überblick"].iter_rows(min_row=5, values_only=True)}
    assert overview["Netzwerke"] == stats.summary["networks"]
    links = list(book["Verbindungen"].iter_rows(min_row=5, values_only=True))
    assert len(links) == len(stats.links)


def test_a_workbook_is_not_written_to_the_terminal() -> None:
    result = runner.invoke(app, ["network", "stats", "--example", "--format", "xlsx"])
    assert result.exit_code == 2 and "--output" in result.stderr
