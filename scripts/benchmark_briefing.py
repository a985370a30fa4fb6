"""Time the Leitungskreis briefing and the exact ambassador planner on synthetic landscapes; print the figures.

    python scripts/benchmark_briefing.py                      # scales 1,10,100, seed 1
    python scripts/benchmark_briefing.py --scales 1,10 --k 3,10,25

For each scale: the briefing (read + build + HTML, and the workbook) in its own process, as
``om-graph briefing DIR -o FILE`` runs it (wall seconds, peak memory); then the planner at
district level, exact (HiGHS) against greedy, for each K: on the landscape as it is (existing
Botschafter cover much already) and on the same landscape without any Botschafter, the hardest
instance at that size. Landscapes are generated into a temporary folder (``om-graph generate``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AS_OF = "2025-06-30"


def briefing_run(folder: Path, suffix: str) -> tuple[float, float]:
    """Wall seconds and peak MB of ``om-graph briefing`` in a child process."""
    out = folder.parent / f"briefing-{folder.name}{suffix}"
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "om_graph", "briefing", str(folder), "--as-of", AS_OF, "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"om-graph briefing failed on {folder}")
    return seconds, usage.ru_maxrss / 1024


def planner_rows(folder: Path, ks: list[int]) -> list[tuple]:
    from om_graph.dataset.io import read_dataset
    from om_graph.engines.embedded import EmbeddedEngine
    from om_graph.features.coverage.exact import best_plan
    from om_graph.features.coverage.planner import CoverageInstance
    from om_graph.features.coverage.report import coverage_instance, coverage_report

    dataset = read_dataset(folder)
    report = coverage_report(EmbeddedEngine(dataset), level="district", as_of=dt.date.fromisoformat(AS_OF))
    as_is = coverage_instance(report)
    candidates: dict[str, set] = {r.region_id: set() for r in report.regions}
    for row in report.element_rows:
        candidates[row["region_id"]].add((row["element_kind"], row["element_id"]))
    bare = CoverageInstance({r: frozenset(e) for r, e in candidates.items()},
                            {e: report.weights[e[0]] for found in candidates.values() for e in found})
    best_plan(as_is, 1)  # import SciPy once, outside the timings
    rows = []
    for name, instance in (("as is", as_is), ("no Botschafter", bare)):
        for k in ks:
            result = best_plan(instance, k)
            rows.append((name, k, len(instance.weights), result.method, result.greedy_gain, result.plan.gain,
                         result.gain_over_greedy, result.seconds))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--k", default="3,10,25")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    ks = [int(k) for k in args.k.split(",")]
    with tempfile.TemporaryDirectory(prefix="om-briefing-bench-") as tmp:
        for scale in args.scales.split(","):
            folder = Path(tmp) / f"scale{scale}"
            subprocess.run([sys.executable, "-m", "om_graph", "generate", str(folder), "--scale", scale, "--seed", str(args.seed)],
                           check=True, capture_output=True)
            html = briefing_run(folder, ".html")
            xlsx = briefing_run(folder, ".xlsx")
            print(f"scale {scale}: briefing html {html[0]:.1f} s ({html[1]:.0f} MB peak), xlsx {xlsx[0]:.1f} s")
            print("  planner, district level: instance, K, elements, method, greedy, exact, gain, seconds")
            for row in planner_rows(folder, ks):
                name, k, elements, method, greedy, best, gain, seconds = row
                print(f"  {name:<15} K={k:<3} {elements:>7} {method:<7} {greedy:>9.0f} {best:>9.0f} {gain:>+6.0f} {seconds:>7.2f}")
    with open("/proc/loadavg", encoding="ascii") as load:
        print(f"load average: {load.read().split()[0]} (2 cores shared)")


if __name__ == "__main__":
    main()
