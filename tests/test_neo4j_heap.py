"""The heap a load needs: estimated from its rows, given by `scripts/neo4j start --for DIR`."""

from __future__ import annotations

import os
import subprocess
import sys

from neo4j_server import SCRIPT
from om_graph.dataset.graph import graph_rows
from om_graph.dataset.sources import example_dataset
from om_graph.engines.neo4j.load import heap_for_dataset, heap_needed_gib, memory_hint


def test_the_heap_grows_with_the_rows_and_covers_the_measured_loads() -> None:
    """Scale 50 and 100 of `om-graph generate` loaded with 2 and 3 GiB (see BYTES_PER_ROW)."""
    assert heap_needed_gib(sum(graph_rows(example_dataset()).counts())) == 1
    assert heap_needed_gib(406_882) == 2 and heap_needed_gib(817_557) == 3
    sizes = [heap_needed_gib(rows) for rows in range(0, 5_000_000, 100_000)]
    assert sizes == sorted(sizes)


def test_the_hint_says_how_to_start_a_server_with_that_heap() -> None:
    hint = memory_hint(817_557)
    assert "817,557 rows needs about 3 GiB" in hint and "OM_NEO4J_HEAP=3g scripts/neo4j start" in hint


def test_heap_for_a_dataset_folder(tmp_path) -> None:
    data = tmp_path / "om"
    done = subprocess.run([sys.executable, "-m", "om_graph", "example", str(data), "--format", "csv"], capture_output=True)
    assert done.returncode == 0
    assert heap_for_dataset(str(data)) == "1g"


def test_start_for_a_missing_dataset_says_so_before_starting(tmp_path) -> None:
    env = {**os.environ, "OM_NEO4J_HOME": str(tmp_path / "home"), "NEO4J_PASSWORD": "heap-test-pw"}
    done = subprocess.run([str(SCRIPT), "start", "--for", str(tmp_path / "nothing")], env=env, capture_output=True, text=True)
    assert done.returncode == 1
    assert "--for" in done.stderr and "no such dataset" in done.stderr
    assert not (tmp_path / "home" / "neo4j.pid").exists()


def test_a_load_checks_the_servers_limits_and_goes_ahead_when_it_cannot_read_them(monkeypatch) -> None:
    """Settings a user may not read (None) leave the load as it was; readable ones refuse a load that cannot fit."""
    from om_graph.engines.neo4j import limits

    monkeypatch.setattr(limits, "read_settings", lambda driver, database: None)
    assert limits.check_fits(None, "neo4j", 817_557, 817_557 * limits.BYTES_PER_ROW, memory_hint(817_557)) is None
    shown = {"db.memory.transaction.max": "0B", "dbms.memory.transaction.total.max": "700.00MiB",
             "server.memory.heap.max_size": None}
    monkeypatch.setattr(limits, "read_settings", lambda driver, database: shown)
    small = limits.check_fits(None, "neo4j", 2_000, 2_000 * limits.BYTES_PER_ROW, memory_hint(2_000))
    assert small == limits.Limit(700 * 2**20, "dbms.memory.transaction.total.max")
    try:
        limits.check_fits(None, "neo4j", 406_882, 406_882 * limits.BYTES_PER_ROW, memory_hint(406_882))
    except limits.LoadTooLarge as exc:
        assert "dbms.memory.transaction.total.max = 700 MiB" in str(exc) and "OM_NEO4J_HEAP=2g" in str(exc)
        assert exc.exit_code == 3
    else:
        raise AssertionError("a scale-50 load does not fit a 1 GiB server's 700 MiB")
