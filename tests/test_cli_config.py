"""Defaults that stick: om-graph.toml and OM_GRAPH_* variables, with option > environment > file > built-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph import __version__
from om_graph.cli import app
from om_graph.cli.source import Source

runner = CliRunner()
TITLE = {"en": "OM network audit as of", "de": "Prüfung der OM-Netzwerke, Stand"}


@pytest.fixture()
def config_file(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "om-graph.toml"
    monkeypatch.setenv("OM_GRAPH_CONFIG", str(path))
    return path


def audit_title(*args: str, env: dict[str, str] | None = None) -> str:
    result = runner.invoke(app, ["audit", "--example", "--rules", "OM104", *args], env=env)
    assert result.exit_code == 1, result.output
    return result.stdout.splitlines()[0]


def test_the_file_sets_the_language(config_file: Path) -> None:
    config_file.write_text('lang = "de"\n', encoding="utf-8")
    assert audit_title().startswith(TITLE["de"])


def test_environment_beats_the_file_and_the_option_beats_both(config_file: Path) -> None:
    config_file.write_text('lang = "de"\n', encoding="utf-8")
    assert audit_title(env={"OM_GRAPH_LANG": "en"}).startswith(TITLE["en"])
    assert audit_title("--lang", "de", env={"OM_GRAPH_LANG": "en"}).startswith(TITLE["de"])


def test_without_file_or_variable_the_built_in_default_holds() -> None:
    assert audit_title().startswith(TITLE["en"])


def test_the_profile_is_found_beside_the_file(config_file: Path, tmp_path: Path) -> None:
    (tmp_path / "strict.yaml").write_text("name: strict-test\nparams:\n  OM104: {min_partners: 50}\n", encoding="utf-8")
    config_file.write_text('profile = "strict.yaml"\n', encoding="utf-8")
    result = runner.invoke(app, ["audit", "--example", "--rules", "OM104", "--format", "json"])
    assert '"profile": "strict-test"' in result.stdout


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[neo4j]\npassword = "geheim"\n', "neo4j.password: a password never goes in the file"),
        ('colour = "blue"\n', "colour: unknown setting"),
        ('lang = "fr"\n', "lang: expected en or de"),
        ("lang = \n", "not TOML"),
    ],
)
def test_a_bad_file_is_one_line_and_exit_2(config_file: Path, text: str, words: str) -> None:
    config_file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["audit", "--example"])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0 and words in result.stderr and str(config_file) in result.stderr


def test_a_neo4j_uri_in_the_file_is_a_connection_default_not_a_switch(config_file: Path, monkeypatch) -> None:
    config_file.write_text('[neo4j]\nuri = "bolt://db.example.org:7687"\ndatabase = "om"\n', encoding="utf-8")
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    assert not Source(example=True).in_neo4j
    settings = Source(neo4j=True).settings()
    assert (settings.uri, settings.database) == ("bolt://db.example.org:7687", "om")
    monkeypatch.setenv("NEO4J_URI", "bolt://other:7687")
    assert Source(neo4j=True).settings().uri == "bolt://other:7687"
    assert Source(neo4j=True, uri="bolt://given:7687").settings().uri == "bolt://given:7687"


def test_config_shows_the_file_in_force_and_where_each_value_comes_from(config_file: Path) -> None:
    config_file.write_text('lang = "de"\n', encoding="utf-8")
    result = runner.invoke(app, ["config"], env={"OM_GRAPH_AS_OF": "2025-12-31"})
    assert result.exit_code == 0, result.output
    assert f"* {config_file}" in result.stdout
    assert f"de  ({config_file})" in result.stdout
    assert "2025-12-31  ($OM_GRAPH_AS_OF)" in result.stdout


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"om-graph {__version__}"
