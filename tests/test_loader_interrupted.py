"""A load cut off by stopping the server leaves the earlier graph intact.

Runs its own throw-away server (scripts/neo4j with a separate home), so stopping it does not
disturb the shared test server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from om_graph.engines.neo4j.load import graph_counts, load_dataset
from om_graph.dataset.model import Dataset, Organisation
from om_graph.engines.neo4j.connect import Neo4jSettings, connect
from om_graph.dataset.sources import example_dataset

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "neo4j"


def _server(home: Path, password: str, *args: str, **extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OM_NEO4J_HOME": str(home), "NEO4J_PASSWORD": password, **extra}
    return subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=300)


def _env(home: Path) -> dict[str, str]:
    values = {}
    for line in (home / "env").read_text().splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        values[key] = value
    return values


@pytest.fixture()
def own_server(tmp_path_factory, neo4j_settings):
    if not shutil.which("java"):
        pytest.skip("needs Java 17 to run its own Neo4j")
    home = tmp_path_factory.mktemp("neo4j-interrupted")
    password = "interrupt-test-pw"
    started = _server(home, password, "start")
    assert started.returncode == 0, started.stderr
    yield home, password
    _server(home, password, "stop")


def test_server_stopped_mid_load_keeps_earlier_graph(own_server) -> None:
    home, password = own_server
    uri = _env(home)["NEO4J_URI"]
    settings = Neo4jSettings(uri=uri, password=password)
    with connect(settings) as driver:
        load_dataset(driver, "neo4j", example_dataset())
        before = graph_counts(driver, "neo4j")

    big = Dataset(organisations=[Organisation(id=f"big{i}", name=f"Firma {i}", kind="company") for i in range(200_000)])
    batches_written = threading.Event()
    failure: list[BaseException] = []

    def loading() -> None:
        try:
            with connect(settings) as driver:
                load_dataset(driver, "neo4j", big, batch_size=500, progress=lambda n: batches_written.set())
        except BaseException as exc:  # the server goes away under it
            failure.append(exc)

    worker = threading.Thread(target=loading)
    worker.start()
    assert batches_written.wait(120), "the load never started writing"
    stopped = _server(home, password, "stop")
    worker.join(300)
    assert stopped.returncode == 0, stopped.stderr
    assert failure, "the load should have failed when the server stopped"

    port = uri.rsplit(":", 1)[1]
    restarted = _server(home, password, "start", OM_NEO4J_KEEP_DATA="1", OM_NEO4J_PORT=port)
    assert restarted.returncode == 0, restarted.stderr
    with connect(settings) as driver:
        assert graph_counts(driver, "neo4j") == before
