"""The Neo4j commands as users run them: load, audit --neo4j, cypher show/run, connection errors."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_one_line_exit_3() -> None:
    result = run("load", "--example", "--uri", f"bolt://127.0.0.1:{_free_port()}", "--password", "whatever-pw")
    assert result.exit_code == 3
    assert result.stderr.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_uri_says_how_to_get_one(monkeypatch) -> None:
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = run("audit", "--neo4j")
    assert result.exit_code == 2
    assert "NEO4J_URI" in result.stderr


@pytest.mark.neo4j
def test_wrong_password_is_exit_4_and_never_printed(neo4j_settings) -> None:
    secret = "definitely-wrong-secret"
    result = run("audit", "--neo4j", "--uri", neo4j_settings.uri, "--password", secret)
    assert result.exit_code == 4
    assert "refused" in result.stderr
    assert secret not in result.output and neo4j_settings.password not in result.output


@pytest.mark.neo4j
def test_load_then_neo4j_audit_equals_embedded_audit(neo4j_settings) -> None:
    loaded = run("load", "--example", "--replace")
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stdout.startswith("loaded ")
    assert neo4j_settings.password not in loaded.output
    on_neo4j = json.loads(run("audit", "--neo4j", "--example", "-f", "json", "--fail-on", "never").stdout)
    embedded = json.loads(run("audit", "--example", "-f", "json", "--fail-on", "never").stdout)
    assert on_neo4j.pop("engine") == "neo4j" and embedded.pop("engine") == "embedded"
    assert on_neo4j == embedded


@pytest.mark.neo4j
def test_invalid_input_writes_nothing(tmp_path: Path, neo4j_driver, neo4j_settings) -> None:
    assert run("load", "--example", "--replace").exit_code == 0
    with neo4j_driver.session(database=neo4j_settings.database) as s:
        before = s.run("MATCH (n) RETURN count(n) AS c").single()["c"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("networks:\n  - {id: n1, name: OM, kind: nonsense}\n", encoding="utf-8")
    result = run("load", str(bad), "--replace")
    assert result.exit_code == 2
    assert result.stderr.startswith("bad.yaml[networks]:1:kind:") or "[networks]:1:kind" in result.stderr
    with neo4j_driver.session(database=neo4j_settings.database) as s:
        assert s.run("MATCH (n) RETURN count(n) AS c").single()["c"] == before


def test_cypher_show_prints_the_rule_file() -> None:
    result = run("cypher", "show", "OM104")
    assert result.exit_code == 0
    assert result.stdout.startswith("// OM104 framework.min_partners")
    assert "$minPartners" in result.stdout


@pytest.mark.neo4j
def test_cypher_run_with_params_as_csv_and_json(tmp_path: Path, neo4j_settings) -> None:
    assert run("load", "--example", "--replace").exit_code == 0
    query = tmp_path / "big.cypher"
    query.write_text(
        "// Networks with at least $minMembers members.\n"
        "// :param minMembers => 3;\n"
        "MATCH (n:Network)<-[:MEMBER_OF]-(o:Organisation)\n"
        "WITH n, count(o) AS members WHERE members >= $minMembers\n"
        "RETURN n.id AS id, members ORDER BY id\n",
        encoding="utf-8",
    )
    default = json.loads(run("cypher", "run", str(query), "--format", "json").stdout)
    strict = json.loads(run("cypher", "run", str(query), "--param", "minMembers=6", "--format", "json").stdout)
    assert default and all(r["members"] >= 3 for r in default)
    assert all(r["members"] >= 6 for r in strict) and len(strict) < len(default)
    csv_out = run("cypher", "run", str(query), "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "id,members" and len(csv_out) == len(default) + 1


@pytest.mark.neo4j
def test_cypher_error_in_users_file_is_one_line(tmp_path: Path, neo4j_settings) -> None:
    query = tmp_path / "broken.cypher"
    query.write_text("MATCH (n:Network RETURN n\n", encoding="utf-8")
    result = run("cypher", "run", str(query))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {query}:")
    assert "Traceback" not in result.output
