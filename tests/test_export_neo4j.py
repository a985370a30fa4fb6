"""om-graph export --neo4j: the graph read back from Neo4j exports byte for byte as the dataset it was loaded from.

The database may hold other applications' data beside om-graph's (nodes without the
``OmGraph`` marker, even under om-graph's labels; foreign relationship types; foreign
properties on om-graph's nodes and relationships; relationships of om-graph's types from
foreign nodes or in patterns om-graph never draws) and an audit written back (``stage`` on
networks, ``:Finding`` nodes): none of it may appear in the export.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.graph import MARKER
from om_graph.dataset.sources import example_dataset
from om_graph.engines.neo4j.load import load_dataset

pytestmark = pytest.mark.neo4j
runner = CliRunner()
FORMATS = ["graphml", "gexf", "json"]

FOREIGN = """
MATCH (net:Network:OmGraph {id: $network}), (org:Organisation:OmGraph {id: $organisation}),
      (region:Region:OmGraph {id: $region})
MATCH (org)-[member:MEMBER_OF]->(:Network:OmGraph)
WITH net, org, region, member LIMIT 1
CREATE (crm:Person {id: 'crm-4711', name: 'Kontakt aus dem CRM'})
CREATE (:Region {id: 'AT', name: 'Österreich', code: 'AT'})
CREATE (:Network {id: 42, name: 'Ganzzahl-Netz', status: 'recognised', kind: 'regional'})
CREATE (:Network {id: 'only-id'})
CREATE (:Foreign {id: 'f1'})-[:LIKES {since: 2024}]->(net)
CREATE (crm)-[:CONTACT_FOR {role: 'coordination'}]->(net)
CREATE (crm)-[:WORKS_FOR]->(org)
CREATE (org)-[:COVERS]->(region)
CREATE (net)-[:SEES {weight: 3}]->(org)
SET org.crmScore = 7, org.crmOwner = 'Vertrieb', net.x = 1.5, net.label = 'CRM-Label', member.crmNote = 'aus dem CRM'
"""
CLEAN_FOREIGN = [
    f"MATCH (n) WHERE NOT n:{MARKER} DETACH DELETE n",
    f"MATCH (:{MARKER})-[r:COVERS|SEES]->(:{MARKER}) WHERE NOT (startNode(r):Network AND endNode(r):Region) DELETE r",
    f"MATCH (o:Organisation:{MARKER}) REMOVE o.crmScore, o.crmOwner",
    f"MATCH (n:Network:{MARKER}) REMOVE n.x, n.label",
    "MATCH ()-[m:MEMBER_OF]->() REMOVE m.crmNote",
    f"MATCH (f:Finding:{MARKER}) DETACH DELETE f",
    f"MATCH (n:Network:{MARKER}) REMOVE n.stage, n.stage_as_of, n.stage_profile",
]


def export(tmp_path, name: str, fmt: str, *source: str, redact: bool = False):
    out = tmp_path / f"{name}.{fmt}"
    args = ["export", *source, "--format", fmt, "--output", str(out), *(["--redact-persons"] if redact else [])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture()
def loaded_example(neo4j_driver, neo4j_settings):
    """The example loaded into the database; anything a test adds beside it removed afterwards."""
    load_dataset(neo4j_driver, neo4j_settings.database, example_dataset())
    yield neo4j_driver, neo4j_settings.database
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        for statement in CLEAN_FOREIGN:
            session.run(statement).consume()


@pytest.mark.parametrize("redact", [False, True], ids=["names", "redacted"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_from_neo4j_is_byte_for_byte_the_export_of_the_dataset(loaded_example, tmp_path, fmt: str, redact: bool) -> None:
    from_dataset = export(tmp_path, "dataset", fmt, "--example", redact=redact)
    from_neo4j = export(tmp_path, "neo4j", fmt, "--neo4j", "--example", redact=redact)
    assert from_neo4j == from_dataset
    assert "Offensive Mittelstand Bayern".encode() in from_neo4j
    assert (example_dataset().persons[0].name.encode() in from_neo4j) is not redact


@pytest.mark.parametrize("fmt", FORMATS)
def test_other_applications_data_and_a_written_back_audit_stay_out_of_the_export(loaded_example, tmp_path, fmt: str) -> None:
    driver, db = loaded_example
    dataset = example_dataset()
    alone = export(tmp_path, "alone", fmt, "--neo4j", "--example")
    with driver.session(database=db) as session:
        session.run(
            FOREIGN, network=dataset.networks[0].id, organisation=dataset.organisations[0].id, region=dataset.regions[0].id
        ).consume()
        foreign = session.run(f"MATCH (n) WHERE NOT n:{MARKER} RETURN count(n) AS n").single()["n"]
        noted = session.run("MATCH ()-[m:MEMBER_OF]->() WHERE m.crmNote IS NOT NULL RETURN count(m) AS n").single()["n"]
    assert (foreign, noted) == (5, 1), "the foreign data is in the database"
    written = runner.invoke(app, ["audit", "--neo4j", "--example", "--write-back", "--fail-on", "never", "-f", "json"])
    assert written.exit_code == 0, written.output
    shared = export(tmp_path, "shared", fmt, "--neo4j", "--example")
    assert shared == alone
    for foreign in (b"crm-4711", b"Ganzzahl", b"only-id", b"LIKES", b"SEES", b"crmScore", b"crmNote", b"CRM-Label", b"Finding"):
        assert foreign not in shared


def test_export_reads_only_the_loaded_database(neo4j_driver, neo4j_settings, tmp_path) -> None:
    """PATH with --neo4j is refused (the database holds what was loaded), before anything is written."""
    out = tmp_path / "x.json"
    result = runner.invoke(app, ["export", "my-data", "--neo4j", "--format", "json", "--output", str(out)])
    assert result.exit_code == 2 and "leave out PATH" in result.output
    assert not out.exists()


def test_rows_sent_in_many_batches_export_the_same(loaded_example, tmp_path, monkeypatch) -> None:
    """The server sends each label's and pattern's rows in batches (``read.BATCH`` a record): with batches
    of two, every one of them spans several records, and the file is the same."""
    from om_graph.engines.neo4j import read

    whole = export(tmp_path, "whole", "graphml", "--neo4j", "--example")
    monkeypatch.setattr(read, "BATCH", 2)
    assert export(tmp_path, "small", "graphml", "--neo4j", "--example") == whole


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_audit_that_fails_while_the_file_is_written_leaves_no_file(loaded_example, tmp_path, monkeypatch, fmt: str) -> None:
    import om_graph.features.export as exporting

    def fails(engine, as_of):  # type: ignore[no-untyped-def]
        raise RuntimeError("the audit broke")

    monkeypatch.setattr(exporting, "audited_networks", fails)
    result = runner.invoke(app, ["export", "--neo4j", "--format", fmt, "--output", str(tmp_path / f"out.{fmt}")])
    assert result.exit_code != 0 and "the audit broke" in result.output
    assert list(tmp_path.iterdir()) == [], "no file, no temporary, no spool"
