"""Shared fixtures. Neo4j tests run against a real server: NEO4J_URI's, else a throw-away one.

Without NEO4J_URI, the first Neo4j test starts a server of its own for the session with
scripts/neo4j (as .ci/run does, in a temporary OM_NEO4J_HOME) and stops it at the end; that
needs Java 17 and Maven. Without them the Neo4j tests skip and say why on a laptop, and fail
in CI (CI=true), where a missing Neo4j is a bug.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

HOW_TO_ENABLE = 'or run one: scripts/neo4j start && eval "$(scripts/neo4j env)"'


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory):
    from om_graph.engines.neo4j.connect import Neo4jSettings

    if os.environ.get("NEO4J_URI"):
        yield Neo4jSettings.from_env()
        return
    from neo4j_server import Server, missing_tools

    if reason := missing_tools():
        if os.environ.get("CI"):
            pytest.fail(f"CI requires Neo4j: {reason}")
        pytest.skip(f"{reason}; {HOW_TO_ENABLE}")
    server = Server(tmp_path_factory.mktemp("neo4j-session"), "session-" + os.urandom(12).hex())
    try:
        server.start()
    except RuntimeError as exc:
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(f"{exc}; {HOW_TO_ENABLE}")
    # The commands under test (CliRunner, subprocesses) find the server as users do: NEO4J_*.
    saved = {key: os.environ.get(key) for key in server.env}
    os.environ.update({**server.env, "NEO4J_PASSWORD": server.password})
    try:
        yield Neo4jSettings.from_env()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    from om_graph.engines.neo4j.connect import connect

    with connect(neo4j_settings) as driver:
        yield driver


@pytest.fixture()
def load_into_neo4j(neo4j_driver, neo4j_settings):
    """Replace the database's contents with a dataset; returns a Neo4jEngine on it."""
    from om_graph.engines.neo4j.load import load_dataset
    from om_graph.engines.neo4j.engine import Neo4jEngine

    def load(dataset):
        load_dataset(neo4j_driver, neo4j_settings.database, dataset)
        return Neo4jEngine(neo4j_driver, neo4j_settings.database)

    return load


def pytest_collection_modifyitems(items):
    """A test marked ``neo4j`` always goes through the fixture that skips (or fails in CI) without a server."""
    for item in items:
        if item.get_closest_marker("neo4j") and "neo4j_settings" not in getattr(item, "fixturenames", ()):
            item.fixturenames.insert(0, "neo4j_settings")


@pytest.fixture(autouse=True)
def no_user_defaults(tmp_path_factory, monkeypatch):
    """Tests see om-graph's built-in defaults, never a developer's om-graph.toml or OM_GRAPH_* variables."""
    empty = tmp_path_factory.getbasetemp() / "om-graph-empty.toml"
    empty.touch()
    monkeypatch.setenv("OM_GRAPH_CONFIG", str(empty))
    for name in ("OM_GRAPH_LANG", "OM_GRAPH_PROFILE", "OM_GRAPH_AS_OF", "OM_GRAPH_NEO4J_URI", "OM_GRAPH_NEO4J_USER", "OM_GRAPH_NEO4J_DATABASE"):
        monkeypatch.delenv(name, raising=False)
