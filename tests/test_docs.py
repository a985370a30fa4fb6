"""Documentation is part of the contract: generated pages are current, every command is documented."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import pytest

from om_graph.cli import app
from om_graph.queries.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent


def _generated():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GENERATED


@pytest.mark.parametrize("name", ["rules.md", "schema.md", "data-format.md"])
def test_generated_docs_are_current(name: str) -> None:
    expected = _generated()[name]()
    actual = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert actual == expected, f"docs/{name} is stale: run python scripts/gen_docs.py"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_documents_itself(rule) -> None:
    doc = inspect.cleandoc(rule.__doc__ or "")
    assert doc.splitlines()[0].endswith("."), "first line: what a finding means, as a sentence"
    assert "Why:" in doc and "Fails:" in doc and "Passes:" in doc
    assert rule.name.count(".") == 1 and rule.source
    assert set(rule.title) == {"en", "de"} and set(rule.message) == {"en", "de"}


def _command_lines():
    for command in app.registered_commands:
        yield f"om-graph {command.name or command.callback.__name__}"
    for group in app.registered_groups:
        for command in group.typer_instance.registered_commands:
            yield f"om-graph {group.name} {command.name or command.callback.__name__}"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in _command_lines():
        assert command in readme, f"README does not mention {command}"
