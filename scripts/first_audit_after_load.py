#!/usr/bin/env python3
"""The first Neo4j audit right after ``om-graph load`` and a warm one, against the embedded audit of the same files.

    python scripts/first_audit_after_load.py /tmp/scale-10 /tmp/scale-50
    python scripts/first_audit_after_load.py /tmp/scale-10 --root /tmp/om-graph-before   # an earlier tree

**Deletes everything in the database of NEO4J_URI and drops om-graph's indexes: use a
throw-away server.** Per folder (written by ``om-graph generate``), as a user would meet it
in a new database: ``om-graph load DIR``, then ``om-graph audit --neo4j`` twice (the first
after the load, the second warm), then ``om-graph audit DIR``, each a fresh CLI process,
timed from start to exit, with the load average. The Neo4j and embedded findings must agree.
``--root``: run the commands of another om-graph source tree (before/after comparisons).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-06-30"


def om_graph(root: Path, *args: str) -> tuple[float, str]:
    """``python -m om_graph ARGS`` from the tree at ``root``: seconds and stdout."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "om_graph", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(root)})
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: findings at the failing severity
        raise SystemExit(f"om-graph {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds, done.stdout


def new_database() -> None:
    """Nothing in the database, om-graph's indexes gone: the load makes them on an empty graph."""
    import neo4j

    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ["NEO4J_PASSWORD"])
    with neo4j.GraphDatabase.driver(os.environ["NEO4J_URI"], auth=auth) as driver:
        with driver.session(database=os.environ.get("NEO4J_DATABASE", "neo4j")) as session:
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            for record in session.run("SHOW INDEXES YIELD name WHERE name STARTS WITH 'om_' OR name IN "
                                      "['network_status', 'network_kind', 'region_level', 'activity_kind_date', "
                                      "'organisation_intermediary'] RETURN name").data():
                session.run(f"DROP INDEX {record['name']}").consume()


def findings(stdout: str) -> list:
    return json.loads(stdout)["findings"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--root", type=Path, default=ROOT, help="the om-graph source tree to run")
    args = parser.parse_args(argv)
    audit = ["audit", "--as-of", AS_OF, "-f", "json", "--fail-on", "never"]
    for folder in args.folders:
        new_database()
        steps = {}
        steps["load"], _ = om_graph(args.root, "load", str(folder.resolve()))
        steps["first audit"], first = om_graph(args.root, *audit, "--neo4j")
        steps["warm audit"], warm = om_graph(args.root, *audit, "--neo4j")
        steps["embedded audit"], embedded = om_graph(args.root, *audit, str(folder.resolve()))
        agree = findings(first) == findings(embedded) == findings(warm)
        load = os.getloadavg()
        print(f"{folder.name} ({args.root}): " + ", ".join(f"{k} {v:.1f} s" for k, v in steps.items())
              + f"; findings agree: {'yes' if agree else 'NO'} (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
