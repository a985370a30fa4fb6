"""Every rule's pass and fail cases, from tests/rule_cases/<CODE>.yml, on the embedded engine.

Test ids are ``<CODE>_<case>``, so ``pytest -k OM104`` runs one rule's cases.
"""

from __future__ import annotations

import pytest

from casefiles import CASES_DIR, RuleCase, all_cases
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.queries.registry import run_query
from om_graph.queries.rules import all_rules, get_rule

CASES = all_cases()


def findings_of(case: RuleCase, engine) -> list[dict]:
    rows = run_query(engine, get_rule(case.code).query().name, {**case.params, "as_of": case.as_of})
    return sorted(({"subject": r["subject_id"], "evidence": r["evidence"] or {}} for r in rows), key=lambda h: h["subject"])


def assert_case(case: RuleCase, found: list[dict]) -> None:
    assert [f["subject"] for f in found] == sorted(e["subject"] for e in case.expect), found
    by_subject = {f["subject"]: f["evidence"] for f in found}
    for expected in case.expect:
        if "evidence" in expected:
            assert by_subject[expected["subject"]] == expected["evidence"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: RuleCase) -> None:
    assert_case(case, findings_of(case, EmbeddedEngine(case.dataset)))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_failing_and_passing_cases(rule) -> None:
    mine = [c for c in CASES if c.code == rule.code]
    assert (CASES_DIR / f"{rule.code}.yml").exists()
    assert any(c.expect for c in mine), f"{rule.code} has no failing case"
    assert any(not c.expect for c in mine), f"{rule.code} has no passing case"
