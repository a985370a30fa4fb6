#!/usr/bin/env python3
"""om-graph's loader against Neo4j's own ``LOAD CSV``, back to back on the same CSV files, each in one transaction.

    python scripts/loader_vs_load_csv.py /tmp/scale-10 /tmp/scale-50 --rounds 2
    python scripts/loader_vs_load_csv.py /tmp/scale-10 --no-rust     # also the pure-Python driver

**Deletes everything in the database of NEO4J_URI between loads: use a throw-away server**
(``OM_NEO4J_HOME=/tmp/x scripts/neo4j start``). The server must be on this machine and read
``file:///`` URLs by their absolute path (scripts/neo4j's server does). Each folder (written by
``om-graph generate``) is loaded, in alternating order each round, by

* ``LOAD CSV``: the statements of scripts/bench_loadcsv.py, one transaction, timed from its
  begin to its commit (om-graph's indexes made beforehand, untimed);
* om-graph: :func:`om_graph.engines.neo4j.load.load_rows` in a child process (with the
  ``neo4j-rust-ext`` driver extension when installed; ``--no-rust`` adds a run without it),
  timed from the call to its return: memory check, schema, the transaction, the statistics
  refresh. Reading the CSV files is not timed (LOAD CSV's parsing is).

Both graphs are fingerprinted (counts and hashes per label and relationship type) and must
be equal. Prints one line per load with the load average, and the ratio LOAD CSV / om-graph
(1.00 = level, above = om-graph faster).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def child_load(folder: str, no_rust: bool, root: str | None = None) -> dict[str, Any]:
    """Runs in the child: read the folder, then time ``load_rows`` into the (emptied) database.

    ``root``: another om-graph source tree to load with (an earlier version, for before/after).
    """
    if root:
        sys.path.insert(0, root)
    if no_rust:
        sys.modules["neo4j._rust"] = None  # type: ignore[assignment]  # the driver falls back to pure Python
    from om_graph.dataset.graph import graph_rows
    from om_graph.dataset.io import read_dataset
    from om_graph.engines.neo4j.connect import Neo4jSettings, connect
    from om_graph.engines.neo4j.load import load_rows

    rows = graph_rows(read_dataset(Path(folder)))
    settings = Neo4jSettings.from_env()
    with connect(settings) as driver:
        started = time.perf_counter()
        load_rows(driver, settings.database, rows)
        seconds = time.perf_counter() - started
    from neo4j._codec.packstream import v1

    return {"seconds": seconds, "rust": v1._rust_pack is not None}


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"child {args} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-rust", action="store_true", help="also load with the pure-Python driver")
    parser.add_argument("--before", type=Path, help="also load with the om-graph source tree at this path "
                        "(e.g. `git archive HEAD | tar -x -C DIR`), with the pure-Python driver")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        roots = [a.removeprefix("root=") for a in args.child[1:] if a.startswith("root=")]
        print(json.dumps(child_load(args.child[0], "no-rust" in args.child[1:], roots[0] if roots else None)))
        return 0
    import bench_loadcsv

    root = Path("/")  # file:///<absolute path>
    kinds = ["load_csv", "om-graph", *(["om-graph-no-rust"] if args.no_rust else []),
             *(["om-graph-before"] if args.before else [])]
    for folder in args.folders:
        relative = str(folder.resolve()).lstrip("/")
        times: dict[str, list[float]] = {kind: [] for kind in kinds}
        prints: dict[str, Any] = {}
        for round_ in range(args.rounds):
            for kind in kinds if round_ % 2 == 0 else kinds[::-1]:
                bench_loadcsv.empty()
                if kind == "load_csv":
                    seconds = bench_loadcsv.anchor(relative, root)["tx_seconds"]
                else:
                    flags = {"om-graph": [], "om-graph-no-rust": ["no-rust"], "om-graph-before": ["no-rust", f"root={args.before}"]}
                    seconds = _child(str(folder), *flags[kind])["seconds"]
                times[kind].append(seconds)
                prints[kind] = bench_loadcsv.fingerprint()
                load = os.getloadavg()
                print(f"{folder.name} round {round_ + 1} {kind:<17} {seconds:7.2f} s  "
                      f"(load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})", flush=True)
        same = all(p == prints["load_csv"] for p in prints.values())
        anchor = statistics.median(times["load_csv"])
        for kind in kinds[1:]:
            mine = statistics.median(times[kind])
            print(f"{folder.name}: {kind} {mine:.2f} s, LOAD CSV {anchor:.2f} s (medians of {args.rounds}): "
                  f"om-graph at {anchor / mine:.2f}x LOAD CSV's speed; same graph: {'yes' if same else 'NO'}")
        if not same:
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
