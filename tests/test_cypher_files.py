"""Queries kept as files: every rule has one, none is orphaned, each runs as written in Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest

from om_graph.engines.cypher import camel, header_params, read_query
from om_graph.queries.registry import all_queries
from om_graph.queries.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
ALL_FILES = sorted((ROOT / "cypher").rglob("*.cypher"))
#: Cypher files that are not queries: the schema the loader applies.
NOT_QUERIES = {"schema.cypher"}


def test_every_query_has_its_file_and_no_file_is_orphaned() -> None:
    files = {str(p.relative_to(ROOT / "cypher")) for p in ALL_FILES} - NOT_QUERIES
    assert files == {q.cypher_file for q in all_queries()}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_header_names_the_rule(rule) -> None:
    assert read_query(rule.query().cypher_file).startswith(f"// {rule.code} {rule.name}")


@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_header_documents_every_parameter_and_column(query) -> None:
    text = read_query(query.cypher_file)
    if not query.name.startswith("rules/"):
        assert text.startswith(f"// {query.name}: ")
    assert set(header_params(text)) == {camel(p) for p in query.params}
    for name in set(query.params) - {"as_of"}:  # every rule is given the audit date; not all use it
        assert f"${camel(name)}" in text, f"parameter {name} is documented but never used"
    for column in query.columns:
        assert f"AS {column}" in text, f"column {column} is not returned"


@pytest.mark.neo4j
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_query_runs_as_written_with_its_header_parameters(path: Path, neo4j_driver, neo4j_settings, load_into_neo4j) -> None:
    """What an analyst does in cypher-shell: set the :param lines, then run the file unchanged."""
    from om_graph.dataset.sources import example_dataset
    from om_graph.engines.cypher import statements

    load_into_neo4j(example_dataset())
    text = path.read_text(encoding="utf-8")
    with neo4j_driver.session(database=neo4j_settings.database) as session:
        params = {name: session.run(f"RETURN {expr} AS v").single()["v"] for name, expr in header_params(text).items()}
        for statement in statements(text):
            session.run(statement, params).consume()


#: A labelled node pattern: ``(n:Network``, ``(:Region:OmGraph``.
NODE_PATTERN = __import__("re").compile(r"\((\w*)((?::\w+)+)")


@pytest.mark.parametrize("path", [p for p in ALL_FILES if p.name not in NOT_QUERIES], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_node_pattern_reads_only_om_graph_data(path: Path) -> None:
    """Other applications' nodes may share a label (a CRM's :Person): each pattern also needs the marker."""
    from om_graph.dataset.graph import MARKER

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("//"):
            continue
        for match in NODE_PATTERN.finditer(line):
            assert MARKER in match.group(2).split(":"), f"{path.name}:{number}: {match.group(0)} lacks :{MARKER}"
