"""Loading into a real Neo4j: idempotent, replaceable, and all or nothing."""

from __future__ import annotations

import pytest

from om_graph.graph_model import graph_rows
from om_graph.loader import graph_counts, load_dataset, load_rows
from om_graph.model import Dataset, Network
from om_graph.sources import example_dataset

pytestmark = pytest.mark.neo4j


def snapshot(driver, database) -> tuple:
    """Every node and relationship with its properties, in a comparable form."""
    with driver.session(database=database) as session:
        nodes = sorted(
            (r["labels"], repr(sorted(r["props"].items())))
            for r in session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        )
        rels = sorted(
            (r["a"], r["t"], r["b"], repr(sorted(r["props"].items())))
            for r in session.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props")
        )
    return nodes, rels


def test_counts_match_the_graph_model(neo4j_driver, neo4j_settings) -> None:
    dataset = example_dataset()
    load_dataset(neo4j_driver, neo4j_settings.database, dataset, replace=True)
    rows = graph_rows(dataset)
    counts = graph_counts(neo4j_driver, neo4j_settings.database)
    for label, nodes in rows.nodes.items():
        assert counts[label] == len(nodes), label
    expected_rels: dict[str, int] = {}
    for spec, rels in rows.rels.items():
        expected_rels[spec.type] = expected_rels.get(spec.type, 0) + len(rels)
    for rtype, n in expected_rels.items():
        assert counts[rtype] == n, rtype


def test_loading_twice_changes_nothing(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset(), replace=True)
    first = snapshot(neo4j_driver, db)
    load_dataset(neo4j_driver, db, example_dataset())
    assert snapshot(neo4j_driver, db) == first


def test_replace_swaps_previous_contents(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset(), replace=True)
    small = Dataset(networks=[Network(id="solo", name="OM Solo", kind="thematic")])
    load_dataset(neo4j_driver, db, small)
    assert graph_counts(neo4j_driver, db)["Network"] == len(example_dataset().networks) + 1
    load_dataset(neo4j_driver, db, small, replace=True)
    counts = graph_counts(neo4j_driver, db)
    assert counts["Network"] == 1 and counts["Organisation"] == 0 and counts["MEMBER_OF"] == 0


def test_failure_part_way_leaves_database_as_before(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset(), replace=True)
    before = snapshot(neo4j_driver, db)
    rows = graph_rows(Dataset(networks=[Network(id=f"x{i}", name=f"Netz {i}", kind="thematic") for i in range(50)]))
    # A property Neo4j cannot store (a map), in the last batch: earlier batches already ran.
    rows.nodes["PlannedAction"] = [{"id": "bad", "title": {"not": "storable"}}]
    with pytest.raises(Exception):
        load_rows(neo4j_driver, db, rows, replace=True, batch_size=10)
    assert snapshot(neo4j_driver, db) == before
