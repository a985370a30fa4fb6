"""Every Neo4j failure is one line with its exit code, soon, and no traceback.

The failures that need a server to misbehave (frozen, killed mid-audit or mid-load, out of
transaction memory) run on a throw-away server of their own (:mod:`neo4j_server`), so the
shared test server is never disturbed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from neo4j_server import Server, missing_tools
from om_graph.cli import app
from om_graph.dataset.graph import GraphRows
from om_graph.engines.neo4j.load import load_rows

runner = CliRunner()
neo4j = pytest.mark.neo4j
#: The smallest transaction memory pool Neo4j allows (10 MiB): the example fits, scale 1 (about 20 MiB) does not.
TRANSACTION_POOL = "db.memory.transaction.total.max=10m"
#: A small heap for the server of its own (the tests load the example at most).
SMALL_HEAP = "512m"


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def om_graph(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> tuple[subprocess.CompletedProcess, float]:
    """``python -m om_graph ARGS`` in its own process, and how long it took."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "om_graph", *args],
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done, time.monotonic() - start


# -- no server needed ------------------------------------------------------------------------


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "https://example.invalid", "127.0.0.1:7687"])
def test_a_uri_of_another_scheme_is_refused_before_connecting(uri: str) -> None:
    result = runner.invoke(app, ["audit", "--uri", uri, "--password", "whatever-pw"])
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith(f"error: not a Neo4j URI: {uri} (use bolt://")


def test_a_timeout_must_be_positive() -> None:
    result = runner.invoke(app, ["audit", "--uri", "bolt://127.0.0.1:1", "--timeout", "0"])
    assert result.exit_code == 2
    assert "--timeout" in one_line(result.stderr)


# -- the shared server ---------------------------------------------------------------------


@neo4j
@pytest.mark.parametrize(
    "command",
    [
        ["audit", "--neo4j"],
        ["gaps", "--neo4j"],
        ["network", "stats", "--neo4j"],
        ["ambassadors", "coverage", "--neo4j"],
        ["map", "networks", "--neo4j", "-o", "never-written.html"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_database_without_om_graph_data_is_refused(command, neo4j_driver, neo4j_settings, tmp_path, monkeypatch) -> None:
    """An empty or never-loaded database would audit to 'no findings': exit 2, and what to do."""
    monkeypatch.chdir(tmp_path)
    load_rows(neo4j_driver, neo4j_settings.database, GraphRows())  # om-graph's part synced to nothing
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert f"database '{neo4j_settings.database}'" in line and "om-graph load" in line
    assert result.stdout == "" and not (tmp_path / "never-written.html").exists()


@neo4j
def test_an_unknown_database_is_one_line_exit_2(neo4j_settings) -> None:
    for command in (["audit", "--neo4j"], ["load", "--example"]):
        result = runner.invoke(app, [*command, "--database", "nosuchdb"])
        assert result.exit_code == 2, result.output
        assert "no database 'nosuchdb'" in one_line(result.stderr)


@neo4j
@pytest.mark.parametrize("scheme", ["bolt+s", "bolt+ssc", "neo4j+s"])
def test_tls_against_a_server_without_it_is_one_line_exit_3(scheme: str, neo4j_settings) -> None:
    uri = neo4j_settings.uri.replace("bolt://", f"{scheme}://")
    result = runner.invoke(app, ["audit", "--uri", uri])
    assert result.exit_code == 3
    line = one_line(result.stderr)
    assert line.startswith(f"error: TLS with Neo4j at {uri} failed") and "bolt://" in line


# -- a server of their own -----------------------------------------------------------------


@pytest.fixture(scope="module")
def own_server(tmp_path_factory, neo4j_settings):
    """A server for these tests alone, with a small heap and a small transaction memory pool, and a password that
    begins with "-" (as one scripts/neo4j generates may: it once read as an option and the server did not start)."""
    if reason := missing_tools():
        pytest.skip(reason)
    server = Server(tmp_path_factory.mktemp("neo4j-failures"), "-failures-test-pw")
    server.start(OM_NEO4J_SETTINGS=TRANSACTION_POOL, OM_NEO4J_HEAP=SMALL_HEAP)
    yield server
    if _alive(server):
        os.kill(server.pid, signal.SIGCONT)
    server.stop()


def _alive(server: Server) -> bool:
    """Is the server's java process running (a killed one may linger as a zombie: not running)?"""
    return server.script("status").returncode == 0


def _wait_until_connected(pid: int, seconds: float = 60) -> None:
    """Until process ``pid`` holds a socket (its connection to the frozen server)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _holds_a_socket(pid):
            return
        time.sleep(0.1)
    raise AssertionError("the command never connected")


def _holds_a_socket(pid: int) -> bool:
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd).startswith("socket:"):
                return True
        except OSError:  # closed meanwhile
            continue
    return False


def _env(server: Server) -> dict[str, str]:
    return {**server.env, "NEO4J_PASSWORD": server.password}


def _om_graph_nodes(server: Server) -> int:
    import neo4j as driver_package

    with driver_package.GraphDatabase.driver(server.uri, auth=("neo4j", server.password)) as driver:
        records, _, _ = driver.execute_query("MATCH (n:OmGraph) RETURN count(n) AS c")
    return records[0]["c"]


@pytest.fixture(scope="module")
def scale_one(tmp_path_factory) -> Path:
    """Scale 1 of `om-graph generate`: about 20 MiB of transaction memory, over the 10 MiB pool."""
    data = tmp_path_factory.mktemp("scale1") / "scale1"
    assert om_graph("generate", str(data), "--scale", "1", "--seed", "1")[0].returncode == 0
    return data


@neo4j
def test_a_load_over_the_servers_memory_is_refused_before_writing(own_server: Server, scale_one: Path) -> None:
    """The limits are read first: exit 3 at once, the heap the rows need, how to set it, nothing written."""
    before = _om_graph_nodes(own_server)
    done, seconds = om_graph("load", str(scale_one), env=_env(own_server))
    assert done.returncode == 3, done.stderr
    line = one_line(done.stderr)
    assert "nothing was written" in line and "db.memory.transaction.total.max = 10 MiB" in line
    assert "GiB of Neo4j heap: OM_NEO4J_HEAP=" in line and "scripts/neo4j start" in line
    assert "and raise db.memory.transaction.total.max" in line  # the pool, not the heap, is what binds here
    assert _om_graph_nodes(own_server) == before
    assert seconds < 30  # no transaction was started, let alone retried


@neo4j
def test_a_load_that_runs_out_of_memory_anyway_says_which_heap_it_needs(
    own_server: Server, scale_one: Path, monkeypatch
) -> None:
    """Where the estimate is too low for the server (here made so), the server's own refusal is one line too."""
    monkeypatch.setattr("om_graph.engines.neo4j.load.BYTES_PER_ROW", 1)
    before = _om_graph_nodes(own_server)
    start = time.monotonic()
    result = runner.invoke(app, ["load", str(scale_one)], env=_env(own_server))
    assert result.exit_code == 3, result.output
    line = one_line(result.stderr)
    assert "ran out of memory" in line and "GiB of Neo4j heap: OM_NEO4J_HEAP=" in line and "scripts/neo4j start" in line
    assert _om_graph_nodes(own_server) == before
    assert time.monotonic() - start < 60  # no retries of the whole load


@neo4j
def test_a_frozen_server_times_out(own_server: Server) -> None:
    env = _env(own_server)
    assert om_graph("load", "--example", env=env)[0].returncode == 0
    os.kill(own_server.pid, signal.SIGSTOP)
    try:
        done, seconds = om_graph("audit", "--neo4j", "--example", "--timeout", "3", env=env)
    finally:
        os.kill(own_server.pid, signal.SIGCONT)
    assert done.returncode == 3
    assert "gave no answer within" in one_line(done.stderr)
    assert seconds < 20


@neo4j
@pytest.mark.parametrize("command", [["audit", "--neo4j", "--example"], ["load", "--example"]], ids=["audit", "load"])
def test_a_server_killed_mid_command_is_one_line_exit_3_within_seconds(own_server: Server, command: list[str]) -> None:
    """The server is frozen while the command waits on it, then killed: the command ends soon after."""
    env = _env(own_server)
    if not _alive(own_server):
        own_server.start(OM_NEO4J_SETTINGS=TRANSACTION_POOL, OM_NEO4J_HEAP=SMALL_HEAP)
        env = _env(own_server)
    assert om_graph("load", "--example", env=env)[0].returncode == 0
    os.kill(own_server.pid, signal.SIGSTOP)
    process = subprocess.Popen(
        [sys.executable, "-m", "om_graph", *command],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_until_connected(process.pid)
    time.sleep(1)  # waiting for an answer that does not come
    assert process.poll() is None
    os.kill(own_server.pid, signal.SIGKILL)
    killed = time.monotonic()
    _, stderr = process.communicate(timeout=120)
    seconds = time.monotonic() - killed
    print(f"{' '.join(command[:1])}: exit {process.returncode} {seconds:.1f} s after the server was killed")
    assert process.returncode == 3, stderr
    assert "Neo4j at" in one_line(stderr) or "Neo4j" in one_line(stderr)
    assert seconds < 15
