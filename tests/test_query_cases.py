"""Every query's cases, from tests/query_cases/, on the embedded engine (tests/test_query_cases_neo4j.py: on Neo4j).

Test ids are ``<file>_<case>``: ``pytest -k OM104`` runs one rule's cases, ``pytest -k unlinked_border`` one gap kind's.
"""

from __future__ import annotations

import pytest

from casefiles import CASES_DIR, QueryCase, all_cases, assert_case, rows_of
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.gaps.find import all_kinds
from om_graph.queries.registry import all_queries
from om_graph.queries.rules import all_rules

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_query_case(case: QueryCase) -> None:
    assert_case(case, rows_of(case, EmbeddedEngine(case.dataset)))


@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_every_query_has_cases_that_return_rows_and_cases_that_return_none(query) -> None:
    mine = [c for c in CASES if c.query == query.name]
    assert mine, f"{query.name} has no case file under {CASES_DIR}"
    assert any(c.expect for c in mine), f"{query.name} has no case with rows"
    assert any(not c.expect for c in mine), f"{query.name} has no case without rows"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_case_file_is_named_by_its_code(rule) -> None:
    assert (CASES_DIR / "rules" / f"{rule.code}.yml").exists()


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_every_gap_kind_has_a_region_filter_case(kind) -> None:
    assert any(c.where.get("region_path") for c in CASES if c.query == kind.query), f"{kind.code} has no region-filter case"
