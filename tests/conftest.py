"""Shared fixtures. Neo4j tests need a server: `scripts/neo4j start && eval "$(scripts/neo4j env)"`.

Without NEO4J_URI they skip on a laptop, and fail in CI (CI=true), where a missing Neo4j is a bug.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

HOW_TO_ENABLE = 'Neo4j tests need a server: scripts/neo4j start && eval "$(scripts/neo4j env)"'


@pytest.fixture(scope="session")
def neo4j_settings():
    from om_graph.engines.neo4j.connect import Neo4jSettings

    if not os.environ.get("NEO4J_URI"):
        if os.environ.get("CI"):
            pytest.fail("CI requires Neo4j but NEO4J_URI is not set: .ci/run must start scripts/neo4j")
        pytest.skip(HOW_TO_ENABLE)
    return Neo4jSettings.from_env()


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
