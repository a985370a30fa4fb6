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
