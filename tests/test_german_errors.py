"""Under ``--lang de`` every error a bad input gets is German: each case of tests/bad_input_cases.py, run in German.

The language comes from ``OM_GRAPH_LANG`` (what a German office sets once), so commands without
``--lang`` are covered too. The word check is the one of tests/test_german_everywhere.py: a word
of an English text that no German text uses fails, file, column and id names of the case aside.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bad_input_cases import CASES, Case
from test_german_everywhere import english_in

from om_graph.cli import app

runner = CliRunner()

#: The failing cases that run a command (a ``call`` checks a library function, no one reads its words).
FAILING = [c for c in CASES if c.argv is not None and c.exit != 0]

#: Cases whose line ends in the operating system's or a parser's own words, in parentheses: om-graph
#: passes them on as they are (they name the cause exactly); everything before them must be German.
FOREIGN_DETAIL = {
    "name_too_long": "File name too long",
    "full_disk_device": "No space left on device",
    "not_a_zip": "File is not a zip file",
    "truncated_zip": "File is not a zip file",
    "malformed_sheet_xml": "the XML parser's message",
    "entity_expansion": "the XML parser's message",
    "cypher_file_missing": "No such file or directory",
}


def _stderr(case: Case, argv: list[str], folder: Path) -> tuple[int, str]:
    env = {**case.env, "OM_GRAPH_LANG": "de"}
    if case.subprocess:
        proc = subprocess.run([sys.executable, "-m", "om_graph", *argv], capture_output=True, text=True, cwd=folder,
                              env={**os.environ, **env}, timeout=300)
        return proc.returncode, proc.stderr
    result = runner.invoke(app, argv, env=env)
    return result.exit_code, result.stderr


def _names(argv: list[str], folder: Path) -> str:
    """What the case itself named (its files, their columns and ids): data, not om-graph's words."""
    names = set(argv)
    for path in folder.rglob("*"):
        names.add(path.name)
        if path.is_symlink():
            names |= set(os.readlink(path).split("/"))
        if path.is_file() and path.suffix.lower() in (".csv", ".txt") and path.stat().st_size < 100_000:
            names |= set(path.read_text(errors="replace").replace(";", ",").replace("\n", ",").split(","))
    return " ".join(names)


@pytest.mark.parametrize("case", FAILING, ids=[f"{c.cls}-{c.name}" for c in FAILING])
def test_every_bad_input_error_is_german(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    argv = case.argv(tmp_path)
    beside = case.beside(tmp_path) if case.beside else None
    code, stderr = _stderr(case, argv, tmp_path)
    if beside is not None:
        beside[0].join(timeout=60)
    assert code == case.exit, stderr
    assert "Traceback" not in stderr
    data = frozenset(w for w in _names(argv, tmp_path).split() if w)
    text = stderr
    if case.name in FOREIGN_DETAIL:
        text = re.sub(r"\((?:[^()\n]|\([^()\n]*\))*\)$", " ", text.rstrip("\n"))
    assert english_in(_as_named(text), ids=data) == [], stderr


def test_the_check_fails_on_an_english_problem_line() -> None:
    """A problem line left English is found, though its file, row and field names are kept as data."""
    english = "organisations.csv:4:founded: not a date (use 2025-12-31 or 31.12.2025)"
    assert english_in(_as_named(english), ids=frozenset({"organisations.csv", "founded"})) == ["date", "not", "use"]
    german = "organisations.csv, Zeile 4, Feld founded: kein Datum (bitte 2025-12-31 oder 31.12.2025)"
    assert english_in(_as_named(german), ids=frozenset({"organisations.csv"})) == []


def _as_named(text: str) -> str:
    """``text`` without what names the user's data or the values a file must hold: a sheet (``om.xlsx[networks]``),
    a field, a quoted value, the list of allowed values or columns."""
    text = re.sub(r"\[[^\]\n]*\]|\bFeld \S+|'[^'\n]*'|\.ya?ml:[\w.]+|\bArgument \S+"
                  r"|(?:erlaubt ist nur|erwartet wird eine von|bekannt sind|ist keiner von): [^\n]*", " ", text)
    return text.replace("om-graph", " ")


@pytest.mark.parametrize(
    "line, german",
    [
        ("organisations.csv:4:founded: not a date (use 2025-12-31 or 31.12.2025)",
         "organisations.csv, Zeile 4, Feld founded: kein Datum (bitte 2025-12-31 oder 31.12.2025)"),
        ("om.yaml[networks]:1:kind: must be one of: regional, thematic",
         "om.yaml[networks], Eintrag 1, Feld kind: erlaubt ist nur: regional, thematic"),
        ("networks.csv:1: column D has values but no header", "networks.csv, Zeile 1: Spalte D hat Werte, aber keine Überschrift"),
        ("organisations.csv:3:name: line 3: byte 0xF6 is neither UTF-8 nor Windows-1252 text; save the file as CSV UTF-8",
         "organisations.csv, Zeile 3, Feld name: Zeile 3: Byte 0xF6 ist weder UTF-8 noch Windows-1252-Text; "
         "bitte die Datei als CSV UTF-8 speichern"),
        ("regions.csv:5:parent_id: region cycle r1 -> r2 -> r1", "regions.csv, Zeile 5, Feld parent_id: Kreisbezug (Region): r1 -> r2 -> r1"),
        ("foo.csv: unknown sheet 'foo'; expected one of: networks", "foo.csv: unbekannte Tabelle 'foo'; erwartet wird eine von: networks"),
        ("x.csv:2:y: something new", "x.csv, Zeile 2, Feld y: something new"),
    ],
)
def test_problem_lines_keep_file_row_and_field_and_read_the_same_in_english(line: str, german: str) -> None:
    from om_graph.cli.messages import worded_problem

    assert worded_problem(line, "de") == german
    assert worded_problem(line, "en") == line


def test_a_broken_configuration_file_is_reported_in_german(tmp_path: Path) -> None:
    """The file is read before the command's options are parsed: the ``--lang`` of the command line still counts."""
    config = tmp_path / "om-graph.toml"
    config.write_text('colour = "blue"\n', encoding="utf-8")
    result = runner.invoke(app, ["audit", "--example", "--lang", "de"], env={"OM_GRAPH_CONFIG": str(config), "OM_GRAPH_LANG": ""})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Fehler: {config}: colour: unbekannte Einstellung; bekannt sind: "), result.stderr
    english = runner.invoke(app, ["audit", "--example"], env={"OM_GRAPH_CONFIG": str(config), "OM_GRAPH_LANG": ""})
    assert english.stderr.startswith(f"error: {config}: colour: unknown setting; known: "), english.stderr


def test_neo4j_refusals_are_worded_from_the_drivers_errors() -> None:
    """Wrong credentials, an unknown database, a refused statement: the library's English, worded in German (no server needed)."""
    from neo4j.exceptions import AuthError, Neo4jError

    from om_graph.cli.messages import worded_error
    from om_graph.engines.neo4j.connect import Neo4jSettings, translated

    settings = Neo4jSettings("bolt://localhost:7687", user="erika", database="omdb")
    unknown = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Database.DatabaseNotFound", message="Database does not exist")
    refused = Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="Invalid input")
    worded = [worded_error(str(translated(exc, settings, connecting=True)), "de")
              for exc in (AuthError("bad"), unknown)]
    assert worded == [
        "Neo4j unter bolt://localhost:7687 hat den Benutzer 'erika' abgewiesen: bitte --user/--password oder NEO4J_PASSWORD prüfen",
        "Neo4j unter bolt://localhost:7687 hat keine Datenbank 'omdb': bitte eine mit --database oder NEO4J_DATABASE wählen "
        "(SHOW DATABASES zeigt sie)",
    ]
    assert worded_error(str(translated(refused, settings, connecting=False)), "de").startswith(
        "Neo4j unter bolt://localhost:7687 hat abgelehnt: ")



def test_load_summary_is_worded_in_german_and_unchanged_in_english():
    """What `om-graph load` changed reads in German under --lang de; labels stay as the graph spells them."""
    from types import SimpleNamespace

    from om_graph.cli.commands.load import summary_table
    from om_graph.engines.neo4j.load import Change

    summary = SimpleNamespace(changes={"Network": Change(created=3, updated=1, deleted=2), "Region": Change()})
    english = summary_table(summary).splitlines()
    assert english[0].split() == ["created", "updated", "deleted"]
    assert english[1].split() == ["Network", "3", "1", "2"]
    assert len(english) == 2  # labels without a change are left out
    german = summary_table(summary, "de").splitlines()
    assert german[0].split() == ["neu", "geändert", "gelöscht"]
    assert german[1].split() == ["Network", "3", "1", "2"]
    adopted = SimpleNamespace(changes={"Network": Change(updated=1, adopted=4)})
    assert summary_table(adopted, "de").splitlines()[0].split() == ["neu", "geändert", "gelöscht", "übernommen"]
    assert summary_table(SimpleNamespace(changes={}), "de") == "nichts geändert"
