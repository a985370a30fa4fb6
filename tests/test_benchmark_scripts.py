"""The pure parts of scripts/profile_queries.py: plans (scripts/benchmark.py: tests/test_benchmark.py).

The script itself is run by hand (it takes minutes and a Neo4j server); these tests
keep the verdicts it prints honest.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


profile_queries = _load("profile_queries")


PLAN = {
    "operatorType": "ProduceResults@neo4j",
    "dbHits": 0,
    "rows": 7,
    "children": [
        {
            "operatorType": "Apply@neo4j",
            "dbHits": 5,
            "children": [
                {"operatorType": "NodeByLabelScan@neo4j", "dbHits": 11, "children": []},
                {"operatorType": "Expand(All)@neo4j", "dbHits": 20, "children": []},
            ],
        }
    ],
}


def test_a_clean_plan_has_no_forbidden_operator() -> None:
    assert profile_queries.plan_summary(PLAN) == {"db_hits": 36, "rows": 7, "forbidden": []}


@pytest.mark.parametrize("operator", ["CartesianProduct@neo4j", "AllNodesScan@neo4j"])
def test_a_forbidden_operator_is_found_anywhere_in_the_tree(operator: str) -> None:
    deep = {**PLAN, "children": [{**PLAN["children"][0], "children": [{"operatorType": operator, "children": []}]}]}
    assert profile_queries.plan_summary(deep)["forbidden"] == [operator.split("@")[0]]


def test_every_query_file_but_the_schema_is_profiled() -> None:
    files = {p.name for p in profile_queries.query_files()}
    assert "schema.cypher" not in files and "stages.cypher" in files
    assert "OM111_single_network_per_region.cypher" in files
