"""Bad input and output, class by class (tests/bad_input_cases.py): one line, the documented exit code, nothing written.

Every case runs in a fresh folder. A case that fails must leave every file there as it was
(no half-written report, no temporary file); none may print a traceback. The table in
docs/reliability.md is rendered from the same cases, so it says what is tested.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from bad_input_cases import CASES, CLASSES, DOC, Case, page_with_table

from om_graph.cli import app

runner = CliRunner()


def _state(folder: Path) -> dict[str, tuple]:
    """Every entry below ``folder``: its kind, and a file's content and mode (what a failed run must not change)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        if path.is_symlink():
            found[str(path)] = ("link", os.readlink(path))
        elif path.is_file():
            found[str(path)] = ("file", hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mode)
        else:
            found[str(path)] = ("other", info.st_mode)
    return found


def _invoke(case: Case, argv: list[str], folder: Path) -> SimpleNamespace:
    if case.subprocess:
        proc = subprocess.run([sys.executable, "-m", "om_graph", *argv], capture_output=True, text=True, cwd=folder,
                              env={**os.environ, **case.env}, timeout=300)
        return SimpleNamespace(exit_code=proc.returncode, stdout=proc.stdout, stderr=proc.stderr)
    result = runner.invoke(app, argv, env=case.env or None)
    return SimpleNamespace(exit_code=result.exit_code, stdout=result.stdout, stderr=result.stderr)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.cls}-{c.name}" for c in CASES])
def test_bad_input_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    if case.call is not None:
        case.call(tmp_path)
        return
    assert case.argv is not None
    argv = case.argv(tmp_path)
    beside = case.beside(tmp_path) if case.beside else None
    before = _state(tmp_path)
    result = _invoke(case, argv, tmp_path)
    if beside is not None:
        thread, got = beside
        thread.join(timeout=60)
        assert got.get("data"), "nothing came through the pipe"
    assert "Traceback" not in result.stderr + result.stdout
    assert result.exit_code == case.exit, result.stderr
    stderr = result.stderr
    assert re.search(case.stderr, stderr), f"{case.stderr!r} not in:\n{stderr}"
    if case.lines is not None:
        assert len(stderr.splitlines()) == case.lines, stderr
    elif case.exit == 2:  # a report of problems: one line each, then the count
        assert stderr.splitlines()[-1].endswith("problem(s) found; nothing was written."), stderr
    if case.exit != 0:
        assert _state(tmp_path) == before, "a failed run changed files"
        assert result.stdout == ""
    if case.check is not None:
        outcome = case.check(tmp_path, result)
        assert outcome is None or outcome, f"check of {case.name} failed"


def test_every_class_has_cases() -> None:
    keys = [c.key for c in CLASSES]
    assert len(keys) == len(set(keys))
    assert {case.cls for case in CASES} == set(keys)
    names = [(case.cls, case.name) for case in CASES]
    assert len(names) == len(set(names))


def test_reliability_page_shows_the_tested_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text == page_with_table(text), "docs/reliability.md is stale: run python tests/bad_input_cases.py"


def test_every_rule_parameter_has_a_range() -> None:
    """A new rule parameter cannot escape the profile's range check."""
    from om_graph.audit.profile import param_range
    from om_graph.queries.rules import all_rules

    for rule in all_rules():
        for name in rule.params:
            assert param_range(name) is not None, f"{rule.code}.{name} has no range in PARAM_RANGES"
