"""A database an earlier om-graph loaded (its labels and ids, no marker): named as such, and adopted by one load.

The rule (om_graph/engines/neo4j/adopt.py): only in a database without any om-graph node, an
unmarked node is adopted when it has one of om-graph's labels, a text id the dataset has,
and only properties om-graph writes. Other applications' nodes sharing a label stay foreign.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.graph import MARKER, NODES, graph_rows
from om_graph.dataset.sources import example_dataset
from om_graph.engines.neo4j.load import graph_counts, load_dataset

pytestmark = pytest.mark.neo4j
runner = CliRunner()
LABELS = "|".join(spec.label for spec in NODES)

#: Other applications' nodes in the same database: an integer id, an id the dataset lacks, and
#: a CRM's copy of an om-graph organisation (same id, a property om-graph never writes).
FOREIGN = """
CREATE (:Network {id: 42, name: 'Ganzzahl-Netz', status: 'recognised', kind: 'regional'})
CREATE (:Network {id: 'crm-open', name: 'CRM-Netz', status: 'applied', kind: 'thematic', open: 'yes'})
CREATE (:Organisation {id: $organisation, name: 'CRM-Kopie', crmScore: 7})
"""


def foreign_nodes(session) -> list[str]:
    return sorted(
        repr(sorted(r["p"].items()))
        for r in session.run(f"MATCH (n:{LABELS}) WHERE NOT n:{MARKER} RETURN properties(n) AS p")
    )


@pytest.fixture()
def earlier_database(neo4j_driver, neo4j_settings):
    """The example as an earlier om-graph left it (no marker anywhere), beside another application's nodes."""
    db = neo4j_settings.database
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    clean = graph_counts(neo4j_driver, db)
    with neo4j_driver.session(database=db) as session:
        session.run(f"MATCH (n:{MARKER}) WHERE NOT n:Finding REMOVE n:{MARKER}").consume()
        session.run(f"MATCH (n:{MARKER}) DETACH DELETE n").consume()  # written-back findings, if any
        session.run(FOREIGN, organisation=dataset.organisations[0].id).consume()
    yield neo4j_driver, db, clean
    with neo4j_driver.session(database=db) as session:
        session.run(f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n").consume()


def test_every_command_names_an_earlier_om_graphs_data_and_the_load_that_adopts_it(earlier_database) -> None:
    for command in (["audit", "--neo4j"], ["gaps", "--neo4j"], ["network", "stats", "--neo4j"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert "earlier om-graph" in lines[0] and "om-graph load" in lines[0] and "adopts" in lines[0]


def test_one_load_adopts_the_earlier_data_without_duplicates_and_leaves_foreign_nodes(earlier_database) -> None:
    driver, db, clean = earlier_database
    with driver.session(database=db) as session:
        foreign_before = foreign_nodes(session)
        total_before = session.run(f"MATCH (n:{LABELS}) RETURN count(n) AS c").single()["c"]
    result = runner.invoke(app, ["load", "--example"])
    assert result.exit_code == 0, result.output
    assert "adopted" in result.stdout
    rows = graph_rows(example_dataset())
    with driver.session(database=db) as session:
        # Every node was adopted, none written a second time; the three foreign ones stay as they were.
        assert session.run(f"MATCH (n:{LABELS}) RETURN count(n) AS c").single()["c"] == total_before
        left = foreign_nodes(session)
    assert left == sorted(
        repr(sorted(p.items()))
        for p in [
            {"id": 42, "name": "Ganzzahl-Netz", "status": "recognised", "kind": "regional"},
            {"id": "crm-open", "name": "CRM-Netz", "status": "applied", "kind": "thematic", "open": "yes"},
            {"id": example_dataset().organisations[0].id, "name": "CRM-Kopie", "crmScore": 7},
        ]
    )
    assert set(left) <= set(foreign_before)  # unchanged
    assert graph_counts(driver, db) == clean
    assert sum(graph_counts(driver, db)[spec.label] for spec in NODES) == rows.counts()[0]
    audit = runner.invoke(app, ["audit", "--neo4j", "--example", "-f", "json", "--fail-on", "never"])
    embedded = runner.invoke(app, ["audit", "--example", "-f", "json", "--fail-on", "never"])
    assert audit.exit_code == 0, audit.output
    assert json.loads(audit.stdout)["findings"] == json.loads(embedded.stdout)["findings"]


def test_nothing_is_adopted_once_om_graph_has_marked_its_data(neo4j_driver, neo4j_settings) -> None:
    """A look-alike node (dataset id, only om-graph's properties) beside marked data is another application's."""
    db = neo4j_settings.database
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    twin = dataset.networks[0].id
    with neo4j_driver.session(database=db) as session:
        session.run("CREATE (:Network {id: $id, name: 'Doppelgänger'})", id=twin).consume()
    try:
        summary = load_dataset(neo4j_driver, db, dataset)
        assert not any(change.adopted for change in summary.changes.values())
        with neo4j_driver.session(database=db) as session:
            found = session.run("MATCH (n:Network {id: $id}) RETURN n:OmGraph AS own, n.name AS name", id=twin).data()
        assert sorted((r["own"], r["name"]) for r in found) == [(False, "Doppelgänger"), (True, dataset.networks[0].name)]
    finally:
        with neo4j_driver.session(database=db) as session:
            session.run(f"MATCH (n:Network) WHERE NOT n:{MARKER} DETACH DELETE n").consume()
