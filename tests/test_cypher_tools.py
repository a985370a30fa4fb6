"""Analysts' tools: cypher list/show, typed and declared `cypher run` parameters, server warnings, cypher-shell."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from neo4j_server import SCRIPT, missing_tools
from om_graph.cli import app
from om_graph.engines.cypher import camel, header_params
from om_graph.engines.neo4j.params import typed_params
from om_graph.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
FILES = sorted(str(p.relative_to(ROOT / "cypher")) for p in (ROOT / "cypher").rglob("*.cypher"))


def test_cypher_list_names_every_file() -> None:
    result = runner.invoke(app, ["cypher", "list"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert sorted(listed) == FILES


@pytest.mark.parametrize("name", FILES)
def test_cypher_show_shows_every_listed_file(name: str) -> None:
    result = runner.invoke(app, ["cypher", "show", name.removesuffix(".cypher")])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "cypher" / name).read_text(encoding="utf-8")


DECLARED = {"minPartners": 3, "share": 0.5, "strict": False, "asOf": dt.date(2025, 6, 30), "kinds": ["regional"]}


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (["minPartners=4"], {"minPartners": 4}),
        (["share=0.25", "strict=true"], {"share": 0.25, "strict": True}),
        (["asOf=31.12.2025"], {"asOf": dt.date(2025, 12, 31)}),
        (["kinds=regional,thematic"], {"kinds": ["regional", "thematic"]}),
        (['kinds=["thematic"]'], {"kinds": ["thematic"]}),
    ],
)
def test_parameters_take_the_type_of_their_default(pairs: list[str], expected: dict) -> None:
    assert typed_params(DECLARED, pairs, []) == expected


@pytest.mark.parametrize(
    ("pairs", "json_pairs", "message"),
    [
        (["minPartners=vier"], [], "--param minPartners=vier: not an integer (the file's default is 3)"),
        (["asOf=morgen"], [], "not a date"),
        (["strict=vielleicht"], [], "not true or false"),
        (["minPartner=4"], [], "--param minPartner: the file declares no such parameter"),
        ([], ["extra={}"], "--param-json extra: the file declares no such parameter"),
        ([], ["kinds=[1,"], "--param-json kinds: not JSON"),
    ],
)
def test_wrong_or_undeclared_parameters_are_refused(pairs, json_pairs, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        typed_params(DECLARED, pairs, json_pairs)


def test_param_json_gives_any_value() -> None:
    assert typed_params(DECLARED, [], ['kinds=[["a", 1]]']) == {"kinds": [["a", 1]]}


# -- on Neo4j ------------------------------------------------------------------------------

QUERY = (
    "// Networks with at least $minMembers members.\n"
    "// :param minMembers => 3;\n"
    "MATCH (n:Network:OmGraph)<-[:MEMBER_OF]-(o:Organisation:OmGraph)\n"
    "WITH n, count(o) AS members WHERE members >= $minMembers\n"
    "RETURN n.id AS id, members ORDER BY id\n"
)


@pytest.mark.neo4j
def test_run_refuses_a_mistyped_or_undeclared_parameter(tmp_path: Path, load_into_neo4j) -> None:
    from om_graph.dataset.sources import example_dataset

    load_into_neo4j(example_dataset())
    query = tmp_path / "members.cypher"
    query.write_text(QUERY, encoding="utf-8")
    for args, message in (
        (["--param", "minMembers=vier"], "not an integer"),
        (["--param", "minMember=4"], "declares no such parameter"),
    ):
        result = runner.invoke(app, ["cypher", "run", str(query), *args])
        assert result.exit_code == 2
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    ok = runner.invoke(app, ["cypher", "run", str(query), "--param-json", "minMembers=5", "-f", "json"])
    assert ok.exit_code == 0 and all(r["members"] >= 5 for r in json.loads(ok.stdout))


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("query", "warning"),
    [
        ("MATCH (n:Netwrok) RETURN n.id AS id", "Netwrok"),
        ("MATCH (n:Network:OmGraph) RETURN n.nmae AS name", "nmae"),
        ("MATCH (n:Network:OmGraph), (o:Organisation:OmGraph) RETURN count(*) AS pairs", "artesian"),
    ],
    ids=["unknown label", "unknown property", "cartesian product"],
)
def test_run_prints_the_servers_notifications_as_warnings(query: str, warning: str, tmp_path: Path, load_into_neo4j) -> None:
    from om_graph.dataset.sources import example_dataset

    load_into_neo4j(example_dataset())
    path = tmp_path / "mistake.cypher"
    path.write_text(query + "\n", encoding="utf-8")
    result = runner.invoke(app, ["cypher", "run", str(path)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith(f"warning: {path}: ")]
    assert any(warning in line for line in warnings), result.stderr


# -- the real cypher-shell ------------------------------------------------------------------


def _first_fields(output: str) -> dict[str, list[str]]:
    """cypher-shell's plain output split at the marker rows: each rule's subject ids, in order."""
    found: dict[str, list[str]] = {}
    current = None
    for line in output.splitlines():
        if marker := re.fullmatch(r'"RULE ([^"]+)"', line.strip()):
            current = found.setdefault(marker.group(1), [])
        elif current is not None and (value := re.match(r'"((?:[^"\\]|\\.)*)"', line)):
            current.append(value.group(1))
    return found


@pytest.mark.neo4j
def test_cypher_shell_runs_every_rule_file_as_the_embedded_audit_does(neo4j_settings, neo4j_driver, load_into_neo4j, tmp_path) -> None:
    """What the README promises: set the header's :param lines, run the file unchanged in cypher-shell."""
    from om_graph.dataset.sources import example_dataset
    from om_graph.engines.embedded import EmbeddedEngine
    from om_graph.queries.registry import run_query
    from om_graph.queries.rules import all_rules

    if reason := missing_tools():
        pytest.skip(reason)
    dataset = example_dataset()
    load_into_neo4j(dataset)
    script, expected = [], {}
    embedded = EmbeddedEngine(dataset)
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        for rule in all_rules():
            query = rule.query()
            text = (ROOT / "cypher" / query.cypher_file).read_text(encoding="utf-8")
            header = header_params(text)
            values = {name: session.run(f"RETURN {expr} AS v").single()["v"] for name, expr in header.items()}
            params = {p: values[camel(p)] for p in query.params}
            params = {k: v.to_native() if hasattr(v, "to_native") else v for k, v in params.items()}
            expected[rule.code] = sorted(r["subject_id"] for r in run_query(embedded, query.name, params))
            script.append(f"RETURN 'RULE {rule.code}' AS marker;")
            script += [f":param {name} => {expr};" for name, expr in header.items()]
            body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//")).strip()
            script.append(body if body.endswith(";") else body + ";")
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USERNAME": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
        "OM_NEO4J_HOME": os.environ.get("OM_NEO4J_HOME", str(tmp_path / "shell-cache")),
    }
    done = subprocess.run(
        [str(SCRIPT), "shell", "--format", "plain"],
        input="\n".join(script) + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    got = {code: sorted(ids) for code, ids in _first_fields(done.stdout).items()}
    assert got == expected
    assert any(expected.values())  # the example has findings on purpose
