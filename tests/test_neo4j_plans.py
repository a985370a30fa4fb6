"""Plans that cannot go bad: a load leaves fresh index statistics, and every Cypher file keeps to its db-hit budget.

OM109 once ran 255M db hits instead of 731k because the planner planned it on the statistics
of the empty database a load had just filled; scripts/profile_queries.py now fails on such a
plan, checked here on a small landscape against the budgets in scripts/query_budgets.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from om_graph.dataset.graph import GraphRows, graph_rows
from om_graph.engines.neo4j.load import load_rows
from om_graph.synth.landscape import generate_landscape

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "profile_queries.py"
BUDGETS = ROOT / "scripts" / "query_budgets.json"
SCALE = "1"
TIGHTENED = "cypher/rules/OM109_cooperation.cypher"


def estimated_networks(session) -> float:
    plan = session.run("EXPLAIN MATCH (n:Network) WHERE n.status IS NOT NULL RETURN n").consume().plan
    return plan["args"]["EstimatedRows"]


@pytest.mark.neo4j
def test_a_load_leaves_the_planner_statistics_of_what_it_loaded(neo4j_driver, neo4j_settings) -> None:
    """Right after a load (no background sampling yet), the planner's estimate is the loaded count."""
    db = neo4j_settings.database
    load_rows(neo4j_driver, db, GraphRows())
    rows = graph_rows(generate_landscape(1, 1))
    load_rows(neo4j_driver, db, rows)
    with neo4j_driver.session(database=db) as session:
        held = session.run("MATCH (n:Network) WHERE n.status IS NOT NULL RETURN count(n) AS c").single()["c"]
        assert held == len(rows.nodes["Network"])
        assert 0.8 * held <= estimated_networks(session) <= 1.25 * held


@pytest.mark.neo4j
def test_profile_queries_fails_on_a_plan_over_its_budget(neo4j_settings, tmp_path: Path) -> None:
    """Every file within the repository's budget after a fresh load; one budget cut to 1 db hit fails the run."""
    budgets = json.loads(BUDGETS.read_text(encoding="utf-8"))
    assert TIGHTENED in budgets[SCALE]
    budgets[SCALE][TIGHTENED] = 1
    tightened = tmp_path / "budgets.json"
    tightened.write_text(json.dumps(budgets), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--scale", SCALE, "--budget", str(tightened)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1, done.stderr
    over = [line for line in done.stderr.splitlines() if line.startswith("over budget:")]
    assert over and all(line.startswith(f"over budget: {TIGHTENED}:") for line in over), done.stderr
    assert "forbidden operators" not in done.stderr
    assert TIGHTENED in done.stdout  # the table lists every file
