"""Loading into a real Neo4j: idempotent, syncing, all or nothing, and exactly the graph model's rows.

The loader writes with CREATE into an empty database and with MERGE otherwise; whichever
way, the stored graph must be the rows of graph_model, each node with the marker label.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

import pytest
from neo4j.time import Date

from om_graph.dataset.graph import MARKER, GraphRows, graph_rows
from om_graph.engines.neo4j.load import Columns, distinct_relationships, graph_counts, load_dataset, load_rows, prefetched
from om_graph.dataset.model import Activity, Dataset, Network
from om_graph.dataset.sources import example_dataset

neo4j = pytest.mark.neo4j


def _plain(props: dict) -> str:
    """Properties as the database gives them back: native dates, enum members as their text."""
    return repr(sorted((k, v.to_native() if isinstance(v, Date) else v.value if isinstance(v, Enum) else v) for k, v in props.items()))


def snapshot(driver, database) -> tuple:
    """Every node and relationship with its properties, in a comparable form."""
    with driver.session(database=database) as session:
        nodes = sorted(
            (sorted(r["labels"]), _plain(r["props"]))
            for r in session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
        )
        rels = sorted(
            (r["a"], r["t"], r["b"], _plain(r["props"]))
            for r in session.run("MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props")
        )
    return nodes, rels


def expected(rows: GraphRows) -> tuple:
    """What ``snapshot`` must show after loading ``rows``: each node once, each relationship as MERGE keys it."""
    nodes = sorted((sorted([label, MARKER]), _plain(props)) for label, found in rows.nodes.items() for props in found)
    rels = {}
    for spec, found in rows.rels.items():
        for start, end, props in found:
            rels[(start, spec.type, end, *(props.get(k) for k in spec.merge_keys))] = (start, spec.type, end, _plain(props))
    return nodes, sorted(rels.values())


def empty(driver, database) -> None:
    load_rows(driver, database, GraphRows())


@neo4j
@pytest.mark.parametrize("way", ["into an empty database", "again over itself", "merged over itself"])
def test_stored_graph_is_the_graph_models_rows(neo4j_driver, neo4j_settings, way: str) -> None:
    """Dates stay dates, blanks stay absent, a contact's roles stay apart: on the CREATE and the MERGE path."""
    db = neo4j_settings.database
    empty(neo4j_driver, db)
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    if way != "into an empty database":
        load_dataset(neo4j_driver, db, dataset, merge=way == "merged over itself")
    assert snapshot(neo4j_driver, db) == expected(graph_rows(dataset))


@neo4j
@pytest.mark.parametrize("start_empty", [True, False], ids=["create", "merge"])
def test_a_relationship_written_twice_is_stored_once(neo4j_driver, neo4j_settings, start_empty: bool) -> None:
    """An activity its network also holds as 'partner' is one HELD, as MERGE made it, on both paths."""
    db = neo4j_settings.database
    dataset = Dataset(
        networks=[Network(id="n1", name="OM Eins", kind="regional")],
        activities=[Activity(id="a1", network_id="n1", partner_network_id="n1", kind="meeting", date=dt.date(2024, 3, 1))],
    )
    empty(neo4j_driver, db)
    if not start_empty:
        load_dataset(neo4j_driver, db, Dataset(networks=[Network(id="other", name="OM Zwei", kind="thematic")]))
    load_dataset(neo4j_driver, db, dataset)
    assert graph_counts(neo4j_driver, db)["HELD"] == 1


@neo4j
def test_counts_match_the_graph_model(neo4j_driver, neo4j_settings) -> None:
    dataset = example_dataset()
    load_dataset(neo4j_driver, neo4j_settings.database, dataset)
    rows = graph_rows(dataset)
    counts = graph_counts(neo4j_driver, neo4j_settings.database)
    for label, nodes in rows.nodes.items():
        assert counts[label] == len(nodes), label
    expected_rels: dict[str, int] = {}
    for spec, rels in rows.rels.items():
        expected_rels[spec.type] = expected_rels.get(spec.type, 0) + len(rels)
    for rtype, n in expected_rels.items():
        assert counts[rtype] == n, rtype


@neo4j
def test_loading_twice_changes_nothing(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset())
    first = snapshot(neo4j_driver, db)
    load_dataset(neo4j_driver, db, example_dataset())
    assert snapshot(neo4j_driver, db) == first


@neo4j
def test_merge_adds_and_a_plain_load_syncs(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset())
    small = Dataset(networks=[Network(id="solo", name="OM Solo", kind="thematic")])
    load_dataset(neo4j_driver, db, small, merge=True)
    assert graph_counts(neo4j_driver, db)["Network"] == len(example_dataset().networks) + 1
    load_dataset(neo4j_driver, db, small)
    counts = graph_counts(neo4j_driver, db)
    assert counts["Network"] == 1 and counts["Organisation"] == 0 and counts["MEMBER_OF"] == 0


@neo4j
def test_failure_part_way_leaves_database_as_before(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset())
    before = snapshot(neo4j_driver, db)
    rows = graph_rows(Dataset(networks=[Network(id=f"x{i}", name=f"Netz {i}", kind="thematic") for i in range(50)]))
    # A property Neo4j cannot store (a map), in the last batch: earlier batches already ran.
    rows.nodes["PlannedAction"] = [{"id": "bad", "title": {"not": "storable"}}]
    with pytest.raises(Exception):
        load_rows(neo4j_driver, db, rows, batch_size=10)
    assert snapshot(neo4j_driver, db) == before


@neo4j
def test_a_reload_keeps_no_property_the_new_row_lacks(neo4j_driver, neo4j_settings) -> None:
    """A node whose id survives a reload is updated: a field blanked in the dataset is gone."""
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, Dataset(networks=[Network(id="n1", name="OM Eins", kind="regional", topic="Digitalisierung")]))
    load_dataset(neo4j_driver, db, Dataset(networks=[Network(id="n1", name="OM Eins neu", kind="regional")]))
    with neo4j_driver.session(database=db) as session:
        props = session.run("MATCH (n:Network {id: 'n1'}) RETURN properties(n) AS p").single()["p"]
    assert props["name"] == "OM Eins neu" and "topic" not in props


@neo4j
def test_a_sync_over_a_larger_graph_leaves_only_the_new_one(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    load_dataset(neo4j_driver, db, example_dataset())
    small = Dataset(networks=[Network(id=example_dataset().networks[0].id, name="OM Rest", kind="thematic")])
    load_dataset(neo4j_driver, db, small)
    assert snapshot(neo4j_driver, db) == expected(graph_rows(small))


# -- pure parts: no server needed ---------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "dates"),
    [
        ([{"since": dt.date(2020, 1, 1)}, {}], {"since"}),  # blank rows do not make it a non-date
        ([{"since": dt.date(2020, 1, 1)}, {"since": "2020"}], set()),  # mixed: sent as it is
        ([{"since": dt.datetime(2020, 1, 1, 8)}], set()),  # a datetime is not a date
    ],
)
def test_only_columns_of_plain_dates_travel_as_text(values: list, dates: set) -> None:
    columns = Columns.of(values)
    assert columns.dates == dates
    assert ("date(row[0])" in columns.map_literal(0)) == bool(dates)


def test_rows_travel_as_lists_with_blanks_as_null() -> None:
    columns = Columns.of([{"id": "x", "since": dt.date(2021, 5, 4)}, {"id": "y", "name": "Firma"}], first=("id",))
    assert columns.names == ("id", "name", "since")
    assert [columns.encode(v) for v in ({"id": "x", "since": dt.date(2021, 5, 4)}, {"id": "y", "name": "Firma"})] == [
        ["x", None, "2021-05-04"],
        ["y", "Firma", None],
    ]


def test_a_property_name_is_never_taken_from_data() -> None:
    with pytest.raises(ValueError):
        Columns.of([{"name}) DETACH DELETE (x": 1}])


def test_duplicates_fold_across_specs_and_keep_the_last_row() -> None:
    rows = graph_rows(Dataset(
        networks=[Network(id="n1", name="OM Eins", kind="regional")],
        activities=[Activity(id="a1", network_id="n1", partner_network_id="n1", kind="meeting", date=dt.date(2024, 3, 1))],
    ))
    folded = distinct_relationships(rows)
    held = [rel for spec, found in folded.items() if spec.type == "HELD" for rel in found]
    assert held == [("n1", "a1", {})]
    untouched = {spec: found for spec, found in rows.rels.items() if spec.type != "HELD"}
    assert all(folded[spec] is found for spec, found in untouched.items())


def test_prefetched_keeps_order_and_raises_the_producers_error() -> None:
    assert list(prefetched(iter(range(50)), depth=2)) == list(range(50))

    def failing():
        yield 1
        raise RuntimeError("broken row")

    got = []
    with pytest.raises(RuntimeError, match="broken row"):
        for item in prefetched(failing()):
            got.append(item)
    assert got == [1]


def test_leaving_prefetched_early_stops_its_producer() -> None:
    produced = []

    def endless():
        n = 0
        while True:
            produced.append(n)
            yield n
            n += 1

    stream = prefetched(endless(), depth=1)
    assert next(stream) == 0
    stream.close()  # joins the producer: it must notice and stop
    count = len(produced)
    assert count <= 4 and len(produced) == count
