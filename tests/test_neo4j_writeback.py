"""`om-graph audit --neo4j --write-back`: stages and findings in the graph, read back with Cypher."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.sources import example_dataset
from om_graph.engines.neo4j.load import load_dataset

pytestmark = pytest.mark.neo4j
runner = CliRunner()


def audit(*extra: str) -> dict:
    result = runner.invoke(app, ["audit", "--neo4j", "--example", "-f", "json", "--fail-on", "never", "--write-back", *extra])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("wrote back ")
    return json.loads(result.stdout)


def stored(driver, database) -> tuple[dict, Counter]:
    with driver.session(database=database) as session:
        stages = {
            r["id"]: (r["stage"], r["as_of"], r["profile"])
            for r in session.run(
                "MATCH (n:Network:OmGraph) WHERE n.stage IS NOT NULL "
                "RETURN n.id AS id, n.stage AS stage, toString(n.stage_as_of) AS as_of, n.stage_profile AS profile"
            )
        }
        findings = Counter(
            (r["code"], r["severity"], r["subject"], r["as_of"], r["profile"])
            for r in session.run(
                "MATCH (f:Finding:OmGraph)-[:ABOUT]->(s:OmGraph) "
                "RETURN f.code AS code, f.severity AS severity, s.id AS subject, toString(f.as_of) AS as_of, f.profile AS profile"
            )
        )
    return stages, findings


def test_stages_and_findings_are_readable_with_cypher(neo4j_driver, neo4j_settings) -> None:
    load_dataset(neo4j_driver, neo4j_settings.database, example_dataset())
    report = audit()
    stages, findings = stored(neo4j_driver, neo4j_settings.database)
    as_of, profile = report["as_of"], report["profile"]
    assert stages == {n["id"]: (n["stage"], as_of, profile) for n in report["networks"]}
    assert findings == Counter(
        (f["code"], f["severity"], f["subject_id"], as_of, profile) for f in report["findings"]
    )
    assert findings  # the example has findings on purpose


def test_a_new_audit_replaces_the_stored_one(neo4j_driver, neo4j_settings) -> None:
    load_dataset(neo4j_driver, neo4j_settings.database, example_dataset())
    audit()
    report = audit("--rules", "OM104", "--as-of", "2025-12-31")
    _, findings = stored(neo4j_driver, neo4j_settings.database)
    assert {code for code, *_ in findings} <= {"OM104"}
    assert sum(findings.values()) == len(report["findings"])
    assert {as_of for *_, as_of, _ in findings} <= {"2025-12-31"}


def test_a_reload_keeps_the_audit_and_a_sync_deletes_what_is_gone(neo4j_driver, neo4j_settings) -> None:
    db = neo4j_settings.database
    dataset = example_dataset()
    load_dataset(neo4j_driver, db, dataset)
    audit()
    before = stored(neo4j_driver, db)
    load_dataset(neo4j_driver, db, dataset)
    assert stored(neo4j_driver, db) == before
    summary = load_dataset(neo4j_driver, db, type(dataset)(regions=dataset.regions))
    assert summary.changes["Network"].deleted == len(dataset.networks)  # a finding ABOUT one does not keep it
    assert summary.changes["Network"].released == 0


def test_names_are_searchable_in_the_fulltext_index(neo4j_driver, neo4j_settings) -> None:
    dataset = example_dataset()
    load_dataset(neo4j_driver, neo4j_settings.database, dataset)
    name = dataset.networks[0].name
    word = max(name.split(), key=len)
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        session.run("CALL db.awaitIndexes(60)").consume()
        found = [r["name"] for r in session.run(
            "CALL db.index.fulltext.queryNodes('om_names', $word) YIELD node RETURN node.name AS name", word=word
        )]
    assert name in found


@pytest.mark.parametrize(
    ("extra", "message"),
    [(["--example"], "give --neo4j"), (["--neo4j", "--redact-persons"], "leave out --redact-persons")],
)
def test_write_back_needs_neo4j_and_real_ids(extra: list[str], message: str) -> None:
    result = runner.invoke(app, ["audit", *extra, "--write-back"])
    assert result.exit_code == 2
    assert message in result.stderr
