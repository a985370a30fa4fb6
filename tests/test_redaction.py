"""--redact-persons: no output that offers it names a person of the example by id, name or e-mail."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.sources import example_dataset

PERSONS = example_dataset().persons

#: Every command that offers --redact-persons, with what it writes; None = stdout.
COMMANDS = {
    "audit-json": (["audit", "--example", "--format", "json", "--fail-on", "never"], None),
    "audit-table": (["audit", "--example", "--fail-on", "never"], None),
    "coverage-json": (["ambassadors", "coverage", "--example", "--format", "json"], None),
    "coverage-table": (["ambassadors", "coverage", "--example"], None),
    "plan-csv": (["ambassadors", "plan", "--example", "--add", "3", "--format", "csv"], None),
    "export-graphml": (["export", "--example", "--format", "graphml"], "out.graphml"),
    "export-gexf": (["export", "--example", "--format", "gexf"], "out.gexf"),
    "export-json": (["export", "--example", "--format", "json"], "out.json"),
    "map-audit": (["map", "audit", "--example"], "audit.html"),
    "map-ambassadors": (["map", "ambassadors", "--example"], "ambassadors.html"),
}


def _mentions(text: str) -> set[str]:
    """The example's person ids, names and e-mail addresses found in ``text`` as whole words."""
    found = set()
    for person in PERSONS:
        for value in (person.id, person.name, person.email):
            if value and re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text):
                found.add(value)
    return found


def _run(tmp_path: Path, name: str, *extra: str) -> str:
    args, target = COMMANDS[name]
    out = tmp_path / (target or "stdout")
    result = CliRunner().invoke(app, [*args, *extra, *(["--output", str(out)] if target else [])])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8") if target else result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_redacted_output_names_no_person_and_is_stable(name: str, tmp_path: Path) -> None:
    redacted = _run(tmp_path, name, "--redact-persons")
    assert _mentions(redacted) == set()
    assert _run(tmp_path, name, "--redact-persons") == redacted


#: On the example the plan proposes only regions without an ambassador, so it names nobody either way.
NAMES_NOBODY_ON_THE_EXAMPLE = {"plan-csv"}


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - NAMES_NOBODY_ON_THE_EXAMPLE))
def test_without_redaction_the_same_output_does_name_persons(name: str, tmp_path: Path) -> None:
    """Guards the test above against passing because a command shows no person at all."""
    assert _mentions(_run(tmp_path, name))
