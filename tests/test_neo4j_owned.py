"""om-graph shares a database with other applications: it only ever reads, writes and deletes its own part.

Foreign data of every shape an analyst met (a CRM's :Person and :Region nodes, a foreign
relationship to an om-graph network, :Network nodes with an integer id, an ``open: 'yes'``
or only an id, a CRM's property on an om-graph organisation) must survive every kind of
load, and every reading command must give the same result as without it.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.graph import MARKER, RELATIONSHIPS
from om_graph.dataset.model import Dataset, Network
from om_graph.dataset.sources import example_dataset
from om_graph.engines.neo4j.load import graph_counts, load_dataset

pytestmark = pytest.mark.neo4j
runner = CliRunner()
OWN_TYPES = sorted({spec.type for spec in RELATIONSHIPS})

FOREIGN = """
MATCH (net:Network:OmGraph {id: $network}), (org:Organisation:OmGraph {id: $organisation})
CREATE (crm:Person {id: 'crm-4711', name: 'Kontakt aus dem CRM'})
CREATE (:Region {id: 'AT', name: 'Österreich'})
CREATE (:Foreign {id: 'f1'})-[:LIKES {since: 2024}]->(net)
CREATE (crm)-[:CONTACT_FOR {role: 'coordinator'}]->(net)
CREATE (:Network {id: 42, name: 'Ganzzahl-Netz', status: 'recognised', kind: 'regional'})
CREATE (:Network {id: 'crm-open', name: 'CRM-Netz', status: 'applied', kind: 'thematic', open: 'yes'})
CREATE (:Network {id: 'only-id'})
SET org.crmScore = 7, org.crmOwner = 'Vertrieb'
"""


def without_network(dataset: Dataset, network_id: str) -> Dataset:
    """``dataset`` without one network and every row that refers to it (still valid)."""
    sheets = {}
    for sheet in Dataset.model_fields:
        rows = getattr(dataset, sheet)
        sheets[sheet] = [
            r for r in rows
            if not (sheet == "networks" and r.id == network_id)
            and network_id not in {v for k, v in r.__dict__.items() if k.endswith("network_id")}
        ]
    return Dataset(**sheets)


def foreign_part(driver, database) -> tuple:
    """Everything that is not om-graph's: nodes without the marker, other relationships, other properties."""
    with driver.session(database=database) as session:
        nodes = sorted(
            repr((sorted(r["labels"]), sorted(r["props"].items())))
            for r in session.run(f"MATCH (n) WHERE NOT n:{MARKER} RETURN labels(n) AS labels, properties(n) AS props")
        )
        rels = sorted(
            repr((r["a"], r["t"], r["b"], sorted(r["props"].items())))
            for r in session.run(
                f"MATCH (a)-[r]->(b) WHERE NOT (a:{MARKER} AND b:{MARKER} AND type(r) IN $own) "
                "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props",
                own=OWN_TYPES,
            )
        )
        crm = session.run(
            f"MATCH (o:Organisation:{MARKER}) WHERE o.crmScore IS NOT NULL RETURN o.id AS id, o.crmScore AS score, o.crmOwner AS owner"
        ).data()
    return nodes, rels, crm


@pytest.fixture()
def shared_database(neo4j_driver, neo4j_settings):
    """The example loaded, then another application's data beside it; the other data removed afterwards."""
    db = neo4j_settings.database
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    network, organisation = dataset.networks[0].id, dataset.organisations[0].id
    with neo4j_driver.session(database=db) as session:
        session.run(FOREIGN, network=network, organisation=organisation).consume()
    before = foreign_part(neo4j_driver, db)
    assert len(before[0]) == 6 and len(before[1]) == 2 and before[2]
    yield neo4j_driver, db, before
    with neo4j_driver.session(database=db) as session:
        session.run(f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n").consume()
        session.run("MATCH (o:Organisation) REMOVE o.crmScore, o.crmOwner").consume()


@pytest.mark.parametrize("how", ["sync", "merge", "changed dataset"])
def test_other_applications_data_survives_every_load(shared_database, how: str) -> None:
    driver, db, before = shared_database
    dataset = example_dataset()
    if how == "changed dataset":  # the foreign relationship's network renamed, another one gone, a membership gone
        dataset.networks[0].name = "Neu benannt"
        dataset = without_network(dataset, dataset.networks[-1].id)
        dataset.memberships.pop()
    load_dataset(driver, db, dataset, merge=how == "merge")
    assert foreign_part(driver, db) == before


def test_a_network_gone_from_the_dataset_that_another_application_uses_is_released_not_deleted(shared_database) -> None:
    driver, db, before = shared_database
    used = example_dataset().networks[0].id
    kept = Dataset(networks=[Network(id="solo", name="OM Solo", kind="thematic")])
    summary = load_dataset(driver, db, kept)
    assert summary.changes["Network"].released == 1
    with driver.session(database=db) as session:
        labels = session.run("MATCH (:Foreign)-[:LIKES]->(n) RETURN labels(n) AS l, n.id AS id").single()
    assert labels["id"] == used and MARKER not in labels["l"]
    assert graph_counts(driver, db)["Network"] == 1
    nodes, rels, _ = foreign_part(driver, db)
    assert set(before[0]) <= set(nodes) and set(before[1]) <= set(rels)


def test_a_cli_load_with_replace_keeps_other_applications_data(shared_database) -> None:
    driver, db, before = shared_database
    result = runner.invoke(app, ["load", "--example", "--replace"])
    assert result.exit_code == 0, result.output
    assert foreign_part(driver, db) == before


@pytest.mark.parametrize(
    "command",
    [
        ["audit", "--neo4j", "--example", "-f", "json", "--fail-on", "never"],
        ["gaps", "--neo4j", "--example", "-f", "json"],
        ["network", "stats", "--neo4j", "-f", "json"],
        ["ambassadors", "coverage", "--neo4j", "--example", "-f", "json"],
        ["ambassadors", "plan", "--neo4j", "--example", "--add", "2", "-f", "json"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_reads_ignore_other_applications_data(neo4j_driver, neo4j_settings, command: list[str]) -> None:
    """The same output with and without another application's nodes, relationships and properties."""
    db = neo4j_settings.database
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    alone = runner.invoke(app, command)
    assert alone.exit_code == 0, alone.output
    with neo4j_driver.session(database=db) as session:
        session.run(FOREIGN, network=dataset.networks[0].id, organisation=dataset.organisations[0].id).consume()
    try:
        shared = runner.invoke(app, command)
        assert shared.exit_code == 0, shared.output
        assert _steady(json.loads(shared.stdout)) == _steady(json.loads(alone.stdout))
    finally:
        with neo4j_driver.session(database=db) as session:
            session.run(f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n").consume()
            session.run("MATCH (o:Organisation) REMOVE o.crmScore, o.crmOwner").consume()


def _steady(report: dict) -> dict:
    """A report without what differs from run to run (the planner's time)."""
    return {k: v for k, v in report.items() if k != "seconds"}


@pytest.mark.parametrize("kind", ["networks", "ambassadors", "audit"])
def test_maps_ignore_other_applications_data(neo4j_driver, neo4j_settings, tmp_path, kind: str) -> None:
    db = neo4j_settings.database
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    command = ["map", kind, "--neo4j", "--example", "--redact-persons"]
    alone = runner.invoke(app, [*command, "-o", str(tmp_path / "alone.html")])
    assert alone.exit_code == 0, alone.output
    with neo4j_driver.session(database=db) as session:
        session.run(FOREIGN, network=dataset.networks[0].id, organisation=dataset.organisations[0].id).consume()
    try:
        shared = runner.invoke(app, [*command, "-o", str(tmp_path / "shared.html")])
        assert shared.exit_code == 0, shared.output
        assert (tmp_path / "shared.html").read_bytes() == (tmp_path / "alone.html").read_bytes()
    finally:
        with neo4j_driver.session(database=db) as session:
            session.run(f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n").consume()


def _count(driver, database, query: str) -> int:
    with driver.session(database=database) as session:
        return session.run(query).single()[0]


def test_a_row_deleted_from_the_spreadsheet_disappears_on_reload(neo4j_driver, neo4j_settings, tmp_path) -> None:
    """The monthly reload: one membership deleted, one network renamed; --merge keeps what is gone."""
    import csv

    db = neo4j_settings.database
    data = tmp_path / "om"
    assert runner.invoke(app, ["example", str(data), "--format", "csv"]).exit_code == 0
    assert runner.invoke(app, ["load", str(data)]).exit_code == 0
    memberships = (data / "memberships.csv").read_text(encoding="utf-8").splitlines()
    gone = next(csv.reader([memberships[-1]]))
    (data / "memberships.csv").write_text("\n".join(memberships[:-1]) + "\n", encoding="utf-8")
    networks = list(csv.DictReader((data / "networks.csv").open(encoding="utf-8")))
    networks[0]["name"] = "Offensive Mittelstand Umbenannt"
    with (data / "networks.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(networks[0]))
        writer.writeheader()
        writer.writerows(networks)
    membership = (
        f"MATCH (:Organisation:OmGraph {{id: '{gone[0]}'}})-[m:MEMBER_OF]->(:Network:OmGraph {{id: '{gone[1]}'}}) RETURN count(m)"
    )

    merged = runner.invoke(app, ["load", str(data), "--merge"])
    assert merged.exit_code == 0, merged.output
    assert _count(neo4j_driver, db, membership) == 1

    synced = runner.invoke(app, ["load", str(data)])
    assert synced.exit_code == 0, synced.output
    assert _count(neo4j_driver, db, membership) == 0
    table = {line.split()[0]: line.split()[1:] for line in synced.stdout.splitlines()[2:]}
    assert table == {"MEMBER_OF": ["0", "0", "1"]}  # the rename came with --merge already
    assert "created" in synced.stdout.splitlines()[1] and "deleted" in synced.stdout.splitlines()[1]

    again = runner.invoke(app, ["load", str(data)])
    assert again.stdout.splitlines()[1] == "nothing changed"


def test_a_load_prints_what_it_created_updated_and_deleted(neo4j_driver, neo4j_settings) -> None:
    load_dataset(neo4j_driver, neo4j_settings.database, Dataset(networks=[Network(id="solo", name="OM Solo", kind="thematic")]))
    result = runner.invoke(app, ["load", "--example"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("loaded ")
    rows = {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[2:]}
    networks = len(example_dataset().networks)
    assert rows["Network"] == [networks, 0, 1]
    assert rows["Organisation"] == [len(example_dataset().organisations), 0, 0]
