#!/usr/bin/env python3
"""The benchmark of what users run: every om-graph command, on both engines, at growing scale.

    python scripts/benchmark.py                          # scales 1,10,50,100; writes docs/benchmarks.{json,md}
    python scripts/benchmark.py --scales 1,10            # a quick check
    python scripts/benchmark.py --no-neo4j               # the embedded engine only
    python scripts/benchmark.py --render                 # docs/benchmarks.md again from docs/benchmarks.json

Per scale (``om-graph generate --seed 1 --scale N``): validate, audit, audit --save, history, diff,
gaps, network stats, ambassadors coverage and plan, every map, export in every format and the
briefing, each as the command line a user runs (a child process: wall time, peak memory, output
size); then on Neo4j, on a server of the benchmark's own (started with ``scripts/neo4j start --for``
the largest dataset, stopped at the end and on Ctrl-C): Neo4j's ``LOAD CSV`` of the same files in
one transaction (the loader's anchor), ``om-graph load``, the first audit after it and a warm one,
and the same commands with ``--neo4j``. The embedded audit is set against the dict floor of
scripts/floor.py where it exists. Steps: scripts/bench_steps.py; targets: scripts/bench_targets.py;
the page: scripts/bench_report.py. Progress on stderr; the report on stdout.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))

from bench_report import render  # noqa: E402
from bench_run import ROOT, NEO4J_SCRIPT, Child, Neo4jServer, clean_env, json_child, load_average, log  # noqa: E402
from bench_run import machine_facts, measure, om_graph  # noqa: E402
from bench_steps import EMBEDDED, NEO4J, SPECIAL, STEPS, STEP_BY_KEY, dates, display  # noqa: E402
from bench_targets import check_targets  # noqa: E402

DOCS_JSON = ROOT / "docs" / "benchmarks.json"
DOCS_PAGE = ROOT / "docs" / "benchmarks.md"
#: The generator's reference date: the landscape describes this day (``om_graph.synth``).
AS_OF = dt.date(2025, 6, 30)
FLOOR_CODE = ("import json, pathlib, sys; sys.path.insert(0, sys.argv[1]); from floor import measure_floor; "
              "s, b = measure_floor(pathlib.Path(sys.argv[2])); print(json.dumps({'floor_seconds': s, 'peak_bytes': b}))")


def parse_scales(text: str) -> list[float]:
    """``"10, 1"`` -> ``[1.0, 10.0]``: sorted, positive, each at most the generator's 1000.

    >>> parse_scales("10, 1,100")
    [1.0, 10.0, 100.0]
    """
    scales = sorted({float(part) for part in text.split(",") if part.strip()})
    if not scales or any(not math.isfinite(s) or s <= 0 or s > 1000 for s in scales):
        raise ValueError(f"scales must be numbers from 0 to 1000, not {text!r}")
    return scales


def csv_size(folder: Path) -> dict[str, int]:
    """Rows (lines after the header) and bytes of the CSV files of a dataset folder."""
    rows = size = 0
    for path in folder.glob("*.csv"):
        size += path.stat().st_size
        with open(path, "rb") as handle:
            rows += max(0, sum(1 for _ in handle) - 1)
    return {"csv_rows": rows, "csv_bytes": size}


class Scale:
    """One scale's folders, placeholders and results."""

    def __init__(self, scale: float, workdir: Path, seed: int) -> None:
        self.scale = scale
        self.data = workdir / f"scale-{scale:g}"
        self.out = workdir / f"out-{scale:g}"
        self.out.mkdir(parents=True, exist_ok=True)
        self.paths = {"data": str(self.data), "out": str(self.out), "scale": f"{scale:g}", "seed": str(seed),
                      "old": str(self.out / "no-saved-audit.json"), "new": str(self.out / "no-saved-audit.json"),
                      **dates(AS_OF)}
        self.result: dict[str, Any] = {"scale": scale, "steps": {}, "size": {}}

    def record(self, key: str, engine: str, run: dict[str, Any]) -> dict[str, Any]:
        self.result["steps"].setdefault(key, {})[engine] = run
        mb = f", {run['max_rss_mb']:,.0f} MB" if run.get("max_rss_mb") is not None else ""
        log(f"scale {self.scale:g} {engine:8} {STEP_BY_KEY[key].label}: {run.get('seconds') or 0:.2f} s{mb}"
            + (f" ({run['note']})" if run.get("note") else ""))
        return run


def run_cli(scale: Scale, key: str, engine: str, env: dict[str, str], timeout: float, keep: bool) -> dict[str, Any]:
    """One step as the command line, measured; its output file removed afterwards unless ``keep``."""
    step = STEP_BY_KEY[key]
    argv = step.argv(engine, **scale.paths)
    output = step.output_path(engine, **scale.paths)
    stdout = scale.out / f"{engine}-{key}.stdout"
    run = measure([*om_graph(), *argv], env, scale.out, stdout, Path(output) if output else None, timeout)
    run["command"] = display(argv, scale.paths)
    if key in ("audit", "audit_warm", "plan", "plan_greedy") and run["exit"] == 0:
        found = json.loads(Path(output).read_text(encoding="utf-8"))
        if key.startswith("audit"):
            run["findings"] = len(found["findings"])
        else:  # what the exact planner gained over greedy (scripts/benchmark_briefing.py compared them before)
            run["plan"] = {k: found.get(k) for k in ("method", "greedy_gain", "gain_over_greedy", "gap", "seconds")}
    if not keep:
        for path in (Path(output) if output and key != "generate" else None, stdout):
            if path is not None and path.is_file():
                path.unlink()
    return scale.record(key, engine, run)


def embedded_steps(scale: Scale, env: dict[str, str], args: argparse.Namespace) -> None:
    for step in STEPS:
        if EMBEDDED not in step.engines or step.key in SPECIAL:
            continue
        run_cli(scale, step.key, EMBEDDED, env, args.timeout, args.keep)
        if step.key == "audit_save":
            saved = sorted((scale.out / "history").glob("*.json"))
            if len(saved) == 2:
                scale.paths["old"], scale.paths["new"] = map(str, saved)
    floor_step(scale, env, args.timeout)


def floor_step(scale: Scale, env: dict[str, str], timeout: float) -> None:
    """scripts/floor.py's ``measure_floor`` in a process of its own, where the file exists."""
    if not (SCRIPTS / "floor.py").is_file():
        return
    run = json_child([sys.executable, "-c", FLOOR_CODE, str(SCRIPTS), str(scale.data)], env, scale.out, timeout)
    run["command"] = "measure_floor({DATA}) of scripts/floor.py"
    if run["exit"] == 0:
        run["process_seconds"], run["seconds"] = run["seconds"], run.pop("floor_seconds")
        run["max_rss_mb"] = run.pop("peak_bytes") / 2**20
    scale.record("floor", EMBEDDED, run)


def helper(mode: str, *args: str, env: dict[str, str], cwd: Path, timeout: float) -> dict[str, Any]:
    run = json_child([sys.executable, str(SCRIPTS / "bench_loadcsv.py"), mode, *args], env, cwd, timeout)
    if run["exit"] != 0:
        raise RuntimeError(f"bench_loadcsv.py {mode} failed: {run.get('note')}")
    return run


def compare(a: dict[str, list[int]], b: dict[str, list[int]]) -> dict[str, Any]:
    """Two fingerprints: the same, or what differs (name: LOAD CSV's count vs om-graph's)."""
    differences = []
    for name in sorted(set(a) | set(b)):
        (count_a, _), (count_b, _) = a.get(name, (0, 0)), b.get(name, (0, 0))
        if a.get(name) != b.get(name):
            differences.append(f"{name}: {count_a:,} vs {count_b:,}" + (" (same count, other content)" if count_a == count_b else ""))
    return {"same": not differences, "differences": differences}


#: Times the warm-up loads and audits the smallest scale: the planner's code is still being compiled on its second
#: round (a first audit after a load at scale 1 took longer than at scale 10, with one round).
WARM_UP_ROUNDS = 2


def warm_up(scale: Scale, env: dict[str, str], timeout: float) -> None:
    """LOAD CSV once, then ``om-graph load`` and an audit :data:`WARM_UP_ROUNDS` times on the smallest dataset, not
    timed: a fresh server compiles and JIT-warms its loading and its planner on its first statements, which would
    be charged to whichever load or audit ran first. The timed load then clears the plans again, so the first audit
    after it still plans every query."""
    log(f"warming the server up: LOAD CSV, then om-graph load and audit {WARM_UP_ROUNDS} times, of the smallest scale, not timed")
    common = {"env": env, "cwd": scale.out, "timeout": timeout}
    helper("empty", **common)
    helper("anchor", scale.data.name, str(scale.data.parent), **common)
    audit = [*om_graph(), "audit", "--neo4j", "--as-of", AS_OF.isoformat(), "--fail-on", "never", "--format", "json"]
    for _ in range(WARM_UP_ROUNDS):
        helper("empty", **common)
        done = measure([*om_graph(), "load", str(scale.data)], env, scale.out, scale.out / "warm-up.stdout", timeout=timeout)
        if done["exit"] != 0:
            raise RuntimeError(f"om-graph load failed: {done.get('note')}")
        done = measure(audit, env, scale.out, scale.out / "warm-up-audit.stdout", timeout=timeout)
        if done["exit"] != 0:
            raise RuntimeError(f"om-graph audit --neo4j failed: {done.get('note')}")


def neo4j_steps(scale: Scale, server: Neo4jServer, env: dict[str, str], args: argparse.Namespace) -> None:
    """The anchor, the load, the first and a warm audit, the graph check, then every command with --neo4j."""
    common = {"env": env, "cwd": scale.out, "timeout": args.timeout}
    helper("empty", **common)
    anchor = json_child([sys.executable, str(SCRIPTS / "bench_loadcsv.py"), "anchor", scale.data.name, str(scale.data.parent)],
                        env, scale.out, args.timeout)  # a failure (a heap too small for it) is reported, not fatal
    anchor["command"] = f"python scripts/bench_loadcsv.py anchor {scale.data.name} (import folder: {{DATA}}/..)"
    scale.record("load_csv", NEO4J, anchor)
    by_load_csv = None
    if anchor["exit"] == 0:
        scale.result["size"].update(nodes=anchor["nodes"], relationships=anchor["relationships"])
        by_load_csv = helper("fingerprint", **common)["fingerprint"]
    helper("empty", **common)
    run_cli(scale, "load", NEO4J, env, args.timeout, args.keep)
    run_cli(scale, "audit", NEO4J, env, args.timeout, args.keep)
    run_cli(scale, "audit_warm", NEO4J, env, args.timeout, args.keep)
    if by_load_csv is not None:
        scale.result["graph_check"] = compare(by_load_csv, helper("fingerprint", **common)["fingerprint"])
    scale.result["neo4j_server"] = server.facts()
    if not scale.result.get("graph_check", {"same": True})["same"]:
        log(f"scale {scale.scale:g}: the two loads' graphs differ: {scale.result['graph_check']['differences'][:3]}")
    for step in STEPS:
        if NEO4J in step.engines and step.key not in SPECIAL | {"audit", "audit_warm"}:
            run_cli(scale, step.key, NEO4J, env, args.timeout, args.keep)
    embedded = scale.result["steps"].get("audit", {}).get(EMBEDDED, {}).get("findings")
    for key in ("audit", "audit_warm"):
        run = scale.result["steps"].get(key, {}).get(NEO4J, {})
        if embedded is not None and run.get("findings") not in (None, embedded):
            run["note"] = f"{run['findings']:,} findings, the embedded audit {embedded:,}"


def benchmark(args: argparse.Namespace, argv: list[str]) -> dict[str, Any]:
    scales = parse_scales(args.scales)
    before, started = load_average(), time.time()
    if args.workdir:
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="om-bench-", dir=args.workdir))
    env = clean_env(workdir)
    runs = [Scale(s, workdir, args.seed) for s in scales]
    neo4j: dict[str, Any] = {}
    try:
        for scale in runs:
            run_cli(scale, "generate", EMBEDDED, env, args.timeout, True)
            scale.result["size"].update(csv_size(scale.data))
        for scale in runs:
            embedded_steps(scale, env, args)
        if args.neo4j:
            with Neo4jServer(args.neo4j_home, runs[-1].data, workdir, args.heap) as server:
                neo_env = {**env, **server.env}
                neo4j = {**helper("version", env=neo_env, cwd=workdir, timeout=120), **server.facts()}
                neo4j = {k: v for k, v in neo4j.items() if k in ("version", "heap", "pagecache", "home")}
                neo4j["heap_from"] = "--heap" if args.heap else "`scripts/neo4j start --for` the largest scale"
                warm_up(runs[0], neo_env, args.timeout)
                for scale in runs:
                    neo4j_steps(scale, server, neo_env, args)
    finally:
        Child.end()
        if args.keep:
            log(f"kept the datasets and outputs in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    results = [scale.result for scale in runs]
    floor_there = (SCRIPTS / "floor.py").is_file()
    return {
        "generated": dt.datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(["python scripts/benchmark.py", *argv]),
        "duration_s": time.time() - started,
        "seed": args.seed, "as_of": AS_OF.isoformat(), "scales": scales,
        "load_average": {"before": before, "after": load_average()},
        "machine": machine_facts(), "neo4j": neo4j or None,
        "floor_note": None if floor_there else "scripts/floor.py is not there yet: the floor and the audit's ratio to it are not measured.",
        "results": results,
        "targets": check_targets(results),
    }


def refuse_a_running_server(home: Path) -> None:
    """Starting on a home whose server runs would reuse it, and the benchmark empties its database."""
    done = subprocess.run([str(NEO4J_SCRIPT), "status"], env={**os.environ, "OM_NEO4J_HOME": str(home)},
                          capture_output=True, text=True)
    if done.returncode == 0:
        raise SystemExit(f"a Neo4j server already runs in {home} ({done.stdout.strip()}); stop it or give --neo4j-home")


def _stop_on_sigterm(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10,50,100", help="comma-separated scales (default 1,10,50,100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--neo4j", action=argparse.BooleanOptionalAction, default=True, help="the Neo4j steps (default on)")
    parser.add_argument("--neo4j-home", type=Path, default=ROOT / ".neo4j-bench",
                        help="OM_NEO4J_HOME of the benchmark's own server (default .neo4j-bench; wiped at start)")
    parser.add_argument("--heap", help="the server's heap, e.g. 4g (default: what scripts/neo4j start --for gives the largest scale)")
    parser.add_argument("--workdir", type=Path, help="where the temporary datasets and outputs go (default: the system's)")
    parser.add_argument("--keep", action="store_true", help="keep the datasets and every output")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a step is stopped (default 3600)")
    parser.add_argument("--json", type=Path, default=DOCS_JSON, help="where the figures go (default docs/benchmarks.json)")
    parser.add_argument("--markdown", type=Path, default=DOCS_PAGE, help="the page made from them (default docs/benchmarks.md)")
    parser.add_argument("--render", action="store_true", help="only make the page again from --json")
    args = parser.parse_args(argv)
    if args.render:
        args.markdown.write_text(render(json.loads(args.json.read_text(encoding="utf-8"))), encoding="utf-8")
        log(f"wrote {args.markdown}")
        return 0
    try:
        parse_scales(args.scales)
    except ValueError as exc:
        parser.error(str(exc))
    if args.neo4j:
        refuse_a_running_server(args.neo4j_home.resolve())
    args.neo4j_home = args.neo4j_home.resolve()
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        report = benchmark(args, argv)
    except KeyboardInterrupt:
        log("interrupted: the server is stopped, nothing written")
        return 130
    args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    page = render(report)
    args.markdown.write_text(page, encoding="utf-8")
    log(f"wrote {args.json} and {args.markdown} in {report['duration_s'] / 60:.1f} min")
    print(page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
