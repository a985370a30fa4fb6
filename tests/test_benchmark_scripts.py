"""The pure parts of scripts/benchmark.py and scripts/profile_queries.py: growth, tables, targets, plans.

The scripts themselves are run by hand (they take minutes and a Neo4j server); these tests
keep the arithmetic and the verdicts they print honest.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


benchmark = _load("benchmark")
profile_queries = _load("profile_queries")


@pytest.mark.parametrize(
    ("t1", "t2", "n1", "n2", "expected"),
    [
        (1.0, 10.0, 1_000, 10_000, 1.0),  # linear
        (1.0, 100.0, 1_000, 10_000, 2.0),  # quadratic
        (2.0, 2.0, 1_000, 10_000, 0.0),  # constant
        (1.0, 10.0 ** 1.2, 10, 100, 1.2),  # the limit
    ],
)
def test_growth_exponent(t1: float, t2: float, n1: int, n2: int, expected: float) -> None:
    assert math.isclose(benchmark.growth_exponent(t1, t2, n1, n2), expected, abs_tol=1e-9)


@pytest.mark.parametrize(("t1", "t2", "n1", "n2"), [(None, 1.0, 1, 10), (1.0, 0.0, 1, 10), (1.0, 2.0, 10, 10)])
def test_growth_exponent_is_undefined_without_two_measurements(t1, t2, n1, n2) -> None:
    assert benchmark.growth_exponent(t1, t2, n1, n2) is None


def test_scales_are_parsed_sorted_and_positive() -> None:
    assert benchmark.parse_scales("100,1,10") == [1.0, 10.0, 100.0]
    for bad in ("", "0", "1,-5", "nan"):
        with pytest.raises(ValueError):
            benchmark.parse_scales(bad)


def _results(seconds_10: float, seconds_100: float, embedded_total: float, peak: float) -> list[dict]:
    return [
        {"scale": 10.0, "rows": 60_000, "steps": {"read": {"seconds": seconds_10}}},
        {
            "scale": 100.0,
            "rows": 600_000,
            "steps": {
                "read": {"seconds": seconds_100},
                "embedded_total": {"seconds": embedded_total, "peak_mb": peak},
                "neo4j_load": {"seconds": 10.0, "rows_per_s": 70_000.0},
                "neo4j_load_per_row": {"seconds": 700.0, "rows_per_s": 1_000.0},
                "neo4j_audit": {"seconds": 12.0},
            },
        },
    ]


def test_targets_met_and_missed_are_told_apart() -> None:
    results = _results(seconds_10=1.0, seconds_100=10.0, embedded_total=8.0, peak=1_200.0)
    benchmark.add_exponents(results)
    verdicts = [verdict for _, _, verdict in benchmark.check_targets(results)]
    # embedded time, memory, load rate, load speed-up met; Neo4j audit (12 s) not; growth linear
    assert verdicts == ["met", "met", "met", "met", "NOT met", "met"]


def test_superlinear_growth_fails_its_target_and_names_the_step() -> None:
    results = _results(seconds_10=1.0, seconds_100=50.0, embedded_total=12.0, peak=2_000.0)
    benchmark.add_exponents(results)
    targets = benchmark.check_targets(results)
    assert targets[0][2] == targets[1][2] == "NOT met"
    growth = targets[-1]
    assert growth[2] == "NOT met" and "read + validate" in growth[1] and growth[1].startswith("1.70")


def test_without_scale_100_nothing_is_claimed() -> None:
    results = [{"scale": 1.0, "rows": 6_000, "steps": {"read": {"seconds": 0.1}}}]
    assert {verdict for _, _, verdict in benchmark.check_targets(results)} == {"not measured"}


def test_table_lists_each_measured_step_with_its_exponent() -> None:
    results = _results(seconds_10=1.0, seconds_100=10.0, embedded_total=8.0, peak=1_200.0)
    for result in results:
        benchmark.with_rate(result["steps"]["read"], result["rows"])
    benchmark.add_exponents(results)
    text = benchmark.render_table(results)
    read_100 = next(line for line in text.splitlines() if line.startswith("100") and "read + validate" in line)
    assert read_100.split()[-1] == "1.00" and "60,000" in read_100  # 600,000 rows in 10 s
    assert "| 100 | read + validate | 10.00 | 60,000 |" in benchmark.markdown_table(results)


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
