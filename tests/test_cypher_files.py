"""Queries kept as files: every rule has one, none is orphaned, each runs as written in Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest

from om_graph.analyses import all_analyses
from om_graph.queries import camel, header_params, read_query, rule_query_name
from om_graph.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((ROOT / "cypher" / "rules").glob("*.cypher"))
ALL_FILES = sorted((ROOT / "cypher").rglob("*.cypher"))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_its_query_file(rule) -> None:
    assert (ROOT / "cypher" / rule_query_name(rule.code)).is_file()


def test_no_query_file_is_orphaned() -> None:
    expected = {rule_query_name(r.code).split("/", 1)[1] for r in all_rules()}
    assert {p.name for p in RULE_FILES} == expected


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_header_documents_every_parameter(rule) -> None:
    query = read_query(rule_query_name(rule.code))
    assert query.startswith(f"// {rule.code} {rule.name}")
    params = header_params(query)
    assert set(params) == {"asOf"} | {camel(p) for p in rule.params}
    for name, param in rule.params.items():
        assert f"${camel(name)}" in query, f"parameter {name} is documented but never used"


ANALYSIS_DIRS = ("gaps", "network", "coverage")


def test_every_analysis_has_its_query_file_and_none_is_orphaned() -> None:
    files = {str(p.relative_to(ROOT / "cypher")) for d in ANALYSIS_DIRS for p in (ROOT / "cypher" / d).glob("*.cypher")}
    assert files == {a.query_file for a in all_analyses()}


@pytest.mark.parametrize("analysis", all_analyses(), ids=lambda a: a.name)
def test_analysis_header_documents_every_parameter(analysis) -> None:
    query = read_query(analysis.query_file)
    assert query.startswith(f"// {analysis.name}: ")
    assert set(header_params(query)) == {camel(p) for p in analysis.params}
    for name in analysis.params:
        assert f"${camel(name)}" in query, f"parameter {name} is documented but never used"
    for column in analysis.columns:
        assert f"AS {column}" in query, f"column {column} is not returned"


@pytest.mark.neo4j
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_query_runs_as_written_with_its_header_parameters(path: Path, neo4j_driver, neo4j_settings, load_into_neo4j) -> None:
    """What an analyst does in cypher-shell: set the :param lines, then run the file unchanged."""
    from om_graph.sources import example_dataset
    from om_graph.queries import statements

    load_into_neo4j(example_dataset())
    text = path.read_text(encoding="utf-8")
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        params = {name: session.run(f"RETURN {expr} AS v").single()["v"] for name, expr in header_params(text).items()}
        for statement in statements(text):
            session.run(statement, params).consume()
