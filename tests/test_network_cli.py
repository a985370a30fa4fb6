"""om-graph network stats on the command line: formats, languages, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.features.network.render import CSV_COLUMNS

runner = CliRunner()


def stats(*args: str):
    return runner.invoke(app, ["network", "stats", "--example", *args])


def test_json_holds_everything_with_stable_keys() -> None:
    result = stats("--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(data) == ["links", "networks", "organisations", "summary"]
    assert data["summary"]["networks"] == len(data["networks"]) == 12
    assert data["summary"]["betweenness"] == {"networks": "exact", "organisations": "exact"}
    assert [n["id"] for n in data["networks"]] == sorted(n["id"] for n in data["networks"])
    assert result.stdout == stats("--format", "json").stdout


def test_csv_has_one_row_per_network() -> None:
    result = stats("--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and len(rows) == 12
    assert tuple(rows[0]) == CSV_COLUMNS


@pytest.mark.parametrize(
    "lang, words",
    [("en", ["Most central networks", "Bridging organisations", "isolated networks"]),
     ("de", ["Netzwerke mit der stärksten Vermittlerrolle", "Organisationen mit Brückenfunktion", "Netzwerke ohne Verbindung"])],
)
def test_table_in_both_languages(lang: str, words: list[str]) -> None:
    result = stats("--lang", lang)
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.stdout


def test_top_limits_the_lists(tmp_path) -> None:
    out = tmp_path / "stats.txt"
    assert stats("--top", "1", "--output", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    central = text.split("Most central networks\n")[1].split("\n\n")[0].splitlines()
    assert len(central) == 2  # heading and one network


def test_bad_path_is_one_line_and_exit_2(tmp_path) -> None:
    out = tmp_path / "stats.json"
    result = runner.invoke(app, ["network", "stats", str(tmp_path / "missing.xlsx"), "-o", str(out)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error:")
    assert not out.exists()


@pytest.mark.neo4j
def test_neo4j_gives_the_same_json(load_into_neo4j, neo4j_settings) -> None:
    from om_graph.dataset.sources import example_dataset

    load_into_neo4j(example_dataset())
    env = {"NEO4J_URI": neo4j_settings.uri}
    on_neo4j = runner.invoke(app, ["network", "stats", "--neo4j", "-f", "json"], env=env)
    assert on_neo4j.exit_code == 0, on_neo4j.output
    assert on_neo4j.stdout == stats("-f", "json").stdout
