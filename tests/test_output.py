"""Writing results: all or nothing, and an ordinary file others can read like any report."""

from __future__ import annotations

import os
import stat

import pytest

from om_graph.output import write_atomic


def test_written_file_has_the_permissions_of_an_ordinary_file(tmp_path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o644


def test_failed_write_leaves_neither_file_nor_temporary(tmp_path) -> None:
    class Boom(Exception):
        pass

    class Exploding(str):
        def encode(self, *args, **kwargs):
            raise Boom

    with pytest.raises(Boom):
        write_atomic(tmp_path / "report.json", Exploding("x"))
    assert list(tmp_path.iterdir()) == []


def test_rewritten_dataset_files_keep_their_mode(tmp_path) -> None:
    """A folder of sheets the office made private stays private when om-graph rewrites it."""
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.sources import example_dataset

    write_dataset(example_dataset(), tmp_path / "data", "csv")
    (tmp_path / "data" / "persons.csv").chmod(0o600)
    write_dataset(example_dataset(), tmp_path / "data", "csv")
    assert stat.S_IMODE((tmp_path / "data" / "persons.csv").stat().st_mode) == 0o600


def test_a_bug_is_one_line_not_a_traceback(monkeypatch) -> None:
    from typer.testing import CliRunner

    from om_graph.cli import app
    from om_graph.dataset import sources

    def broken(*args, **kwargs):
        raise RuntimeError("something om-graph did not expect\nsecond line")

    monkeypatch.setattr(sources, "load_dataset", broken)
    result = CliRunner().invoke(app, ["validate", "--example"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: internal error (RuntimeError: something om-graph did not expect); this is a bug in om-graph, "
        "please report it (OM_GRAPH_DEBUG=1 shows where)\n"
    )
