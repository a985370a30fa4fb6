"""The command line's shared options: one definition, one meaning, on every command that takes them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from om_graph.cli import app

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "om_graph" / "cli"
runner = CliRunner()


def _commands() -> dict[tuple[str, ...], object]:
    found = {}

    def walk(command, path: tuple[str, ...]) -> None:
        if hasattr(command, "commands"):  # a group
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        else:
            found[path] = command

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _commands()
#: Commands that read the graph: PATH, --example, or Neo4j.
GRAPH_READERS = sorted(path for path, command in COMMANDS.items() if any("--neo4j" in p.opts for p in command.params))
#: What each graph reader needs besides its source to get as far as opening it.
NEEDS = {("ambassadors", "plan"): ["--add", "1"], ("export",): ["--format", "json"]}
MAP = ("map",)


def _needs(path: tuple[str, ...], tmp_path: Path) -> list[str]:
    extra = NEEDS.get(path, [])
    if path == ("export",):
        return [*extra, "-o", str(tmp_path / "out.json")]
    return [*extra, "-o", str(tmp_path / "out.html")] if path[:1] == MAP or path == ("briefing",) else extra


def test_graph_readers_are_the_expected_ones() -> None:
    assert GRAPH_READERS == sorted(
        [("audit",), ("gaps",), ("network", "stats"), ("ambassadors", "coverage"), ("ambassadors", "plan"),
         ("map", "networks"), ("map", "ambassadors"), ("map", "audit"), ("briefing",), ("export",)]
    )


@pytest.mark.parametrize("option", ["--lang", "--output", "--profile", "--as-of", "--redact-persons", "--level",
                                    "--example", "--neo4j", "--uri", "--user", "--password", "--database"])
def test_a_shared_option_is_the_same_wherever_it_appears(option: str) -> None:
    seen = {}
    for path, command in COMMANDS.items():
        for param in command.params:
            if option in param.opts:
                seen[path] = (tuple(param.opts), _type(param), param.help)
    assert len(seen) > 1
    if option == "--output":  # maps and exports always write a file: their option is required and says so
        seen = {path: opts for path, (opts, _, _) in seen.items()}
    assert len(set(seen.values())) == 1, seen


def _type(param) -> object:
    """The Python type typer made the option from (typer >= 0.25), else click's parameter type."""
    descriptor = getattr(param, "type_descriptor", None)
    return descriptor.annotation if descriptor is not None else param.type


def test_level_is_one_enum_everywhere() -> None:
    levels = {path: _type(p) for path, c in COMMANDS.items() for p in c.params if "--level" in p.opts}
    assert set(levels) == {("ambassadors", "coverage"), ("ambassadors", "plan"), ("map", "ambassadors"), ("map", "audit"),
                           ("briefing",)}
    (level,) = set(levels.values())
    assert list(getattr(level, "choices", None) or [m.value for m in level]) == ["state", "district"]


@pytest.mark.parametrize(
    "path",
    [("audit",), ("ambassadors", "coverage"), ("ambassadors", "plan"), ("map", "networks"), ("map", "ambassadors"), ("map", "audit")],
    ids=" ".join,
)
def test_as_of_wherever_dates_matter(path: tuple[str, ...], tmp_path: Path) -> None:
    result = runner.invoke(app, [*path, "--example", "--as-of", "yesterday", *_needs(path, tmp_path)])
    assert result.exit_code == 2 and result.stderr.startswith("error: --as-of: not a date"), result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", GRAPH_READERS, ids=" ".join)
def test_path_with_neo4j_is_refused_in_one_line(path: tuple[str, ...], tmp_path: Path) -> None:
    result = runner.invoke(app, [*path, "my-data.yaml", "--neo4j", *_needs(path, tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == "error: with --neo4j the command reads what om-graph load put in the database: leave out PATH\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", GRAPH_READERS, ids=" ".join)
def test_example_with_neo4j_reads_the_database(path: tuple[str, ...], tmp_path: Path, monkeypatch) -> None:
    """--example with --neo4j means "the database holds the example": accepted, so the command goes on to connect."""
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = runner.invoke(app, [*path, "--example", "--neo4j", *_needs(path, tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no Neo4j URI"), result.stderr


def test_example_with_neo4j_uses_the_examples_date() -> None:
    from om_graph.cli.source import Source
    from om_graph.dataset.sources import EXAMPLE_AS_OF

    assert Source(example=True, neo4j=True).audit_date(None) == EXAMPLE_AS_OF
    assert Source(example=True, uri="bolt://localhost:7687").audit_date("31.12.2025").isoformat() == "2025-12-31"


#: Every command with --output, with what it needs to succeed on the example.
WRITERS = {
    ("audit",): ["--example", "--fail-on", "never"],
    ("rules",): [],
    ("schema",): [],
    ("gaps",): ["--example"],
    ("network", "stats"): ["--example"],
    ("ambassadors", "coverage"): ["--example"],
    ("ambassadors", "plan"): ["--example", "--add", "1"],
    ("map", "networks"): ["--example"],
    ("map", "ambassadors"): ["--example"],
    ("map", "audit"): ["--example"],
    ("export",): ["--example", "--format", "json"],
    ("cypher", "run"): None,  # needs Neo4j: tests/test_cli_neo4j.py
    ("briefing",): None,  # writes .html, .xlsx or .pdf only: tests/test_briefing.py
    ("history",): None,  # needs saved audits: tests/test_history.py
    ("diff",): None,  # needs two audits: tests/test_diff.py
}


def test_the_table_covers_every_command_with_output() -> None:
    assert {path for path, c in COMMANDS.items() if any("--output" in p.opts for p in c.params)} == set(WRITERS)


@pytest.mark.parametrize("path", sorted(p for p, args in WRITERS.items() if args is not None), ids=" ".join)
def test_every_output_file_is_announced_on_stderr(path: tuple[str, ...], tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    result = runner.invoke(app, [*path, *WRITERS[path], "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and result.stdout == ""
    assert re.fullmatch(rf"wrote {re.escape(str(out))}(: .*)?\n", result.stderr), result.stderr


def test_networks_map_title_carries_the_date(tmp_path: Path) -> None:
    out = tmp_path / "networks.html"
    assert runner.invoke(app, ["map", "networks", "--example", "--as-of", "2025-12-31", "-o", str(out)]).exit_code == 0
    assert "<title>OM network of networks (2025-12-31)</title>" in out.read_text(encoding="utf-8")


def test_no_command_module_imports_the_app_and_none_is_over_400_lines() -> None:
    for module in sorted(CLI.rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 400, module
        if module.parent.name == "commands":
            imported = {
                node.module for node in ast.walk(ast.parse(text)) if isinstance(node, ast.ImportFrom) and node.module
            }
            assert not imported & {"om_graph.cli", "om_graph.cli.app"}, f"{module.name} imports the app"
