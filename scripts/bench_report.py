"""docs/benchmarks.md from docs/benchmarks.json: one table per scale, the machine, the targets (pure; tested)."""

from __future__ import annotations

from typing import Any

from bench_steps import EMBEDDED, NEO4J, STEPS
from bench_targets import TARGET_SCALE, marks, ratios, seconds


def fmt_s(value: float | None) -> str:
    return "" if value is None else (f"{value:.2f}" if value < 100 else f"{value:.0f}")


def fmt_mb(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def fmt_size(size: int | None) -> str:
    """Bytes as the table shows them: kB below a megabyte, MB above."""
    if not size:
        return ""
    if size < 1e3:
        return f"{size} B"
    return f"{size / 1e3:,.0f} kB" if size < 1e6 else f"{size / 1e6:,.1f} MB"


def _cell(run: dict[str, Any] | None, field: str) -> str:
    if not run:
        return ""
    if run.get("exit", 0) != 0 or run.get("seconds") is None:
        return "failed" if field == "seconds" else ""
    return fmt_s(run["seconds"]) if field == "seconds" else fmt_mb(run.get("max_rss_mb"))


def scale_table(result: dict[str, Any], targets: list[dict[str, Any]]) -> list[str]:
    """One row per step run at this scale: seconds and peak MB per engine, their ratio, output size, target."""
    flagged = marks(result, targets)
    lines = ["| step | embedded s | MB | Neo4j s | MB | Neo4j ÷ embedded | output | target (issue 16) |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for step in STEPS:
        runs = result["steps"].get(step.key)
        if not runs:
            continue
        e, n = runs.get(EMBEDDED), runs.get(NEO4J)
        ratio = ""
        if e and n and e.get("seconds") and n.get("seconds") and not e.get("exit") and not n.get("exit"):
            ratio = f"{n['seconds'] / e['seconds']:.2f}"
        sizes = [fmt_size(r.get("output_bytes")) for r in (e, n) if r and r.get("output_bytes") is not None]
        output = " / ".join(dict.fromkeys(sizes))  # one size when both engines wrote the same
        lines.append(f"| {step.label} | {_cell(e, 'seconds')} | {_cell(e, 'mb')} | {_cell(n, 'seconds')} | "
                     f"{_cell(n, 'mb')} | {ratio} | {output} | {flagged.get(step.key, '')} |")
    return lines


def _checking_share(result: dict[str, Any]) -> str:
    """What a load spends before it sends a row: reading and checking every row, as `om-graph validate` does
    (LOAD CSV checks nothing); empty when either was not timed."""
    load, validate = seconds(result, "load", NEO4J), seconds(result, "validate", EMBEDDED)
    if load is None or validate is None:
        return ""
    return (f" Of the load's {fmt_s(load)} s, reading and checking every row before the first is sent "
            f"(LOAD CSV checks none) takes {fmt_s(validate)} s, as `om-graph validate` of the same files.")


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}x"


def scale_notes(result: dict[str, Any]) -> list[str]:
    """The ratios of this scale, the graph check, the server's state, and every failed or noted step."""
    r = ratios(result)
    lines = []
    anchor = result["steps"].get("load_csv", {}).get(NEO4J)
    if anchor:
        tx = anchor.get("tx_seconds")
        lines.append(f"- Loader: LOAD CSV took {fmt_s(anchor.get('seconds'))} s ({fmt_s(tx)} s of it the transaction); "
                     f"`om-graph load` runs at **{_x(r['loader_vs_load_csv'])}** its speed (1.00x = level)."
                     + _checking_share(result))
    if r["neo4j_first_audit_vs_embedded"] is not None:
        lines.append(f"- Neo4j audit ÷ embedded audit: **{_x(r['neo4j_first_audit_vs_embedded'])}** first after the "
                     f"load, **{_x(r['neo4j_warm_audit_vs_embedded'])}** warm.")
    floor = result["steps"].get("floor", {}).get(EMBEDDED)
    if floor and floor.get("seconds") is not None and not floor.get("exit"):
        lines.append(f"- Embedded audit ÷ dict floor: **{_x(r['embedded_audit_vs_floor'])}** (floor {fmt_s(floor['seconds'])} s, "
                     f"{fmt_mb(floor.get('max_rss_mb'))} MB peak, as scripts/floor.py measures them).")
    check = result.get("graph_check")
    if check:
        lines.append("- Graphs of LOAD CSV and `om-graph load`: " + (
            "identical (every label and relationship pattern: same count, same ids and properties)." if check["same"]
            else "**differ**: " + "; ".join(check["differences"][:8])))
    server = result.get("neo4j_server")
    if server:
        lines.append(f"- Neo4j store after the load: {server.get('store_mb', 0):,.0f} MB; server peak RSS so far: "
                     f"{fmt_mb(server.get('server_peak_rss_mb'))} MB.")
    for step in STEPS:
        for engine, run in (result["steps"].get(step.key) or {}).items():
            plan = run.get("plan")
            if plan and engine == EMBEDDED:
                lines.append(f"- {step.label}: {plan['method']}, gain {plan['greedy_gain']} + {plan['gain_over_greedy']} "
                             f"over greedy" + (f" (gap {plan['gap']:.3f})" if plan.get("gap") is not None else "")
                             + f", planner {fmt_s(plan['seconds'])} s.")
            if run.get("note"):
                lines.append(f"- {step.label} ({engine}): {run['note']}")
    return lines


def command_list(report: dict[str, Any]) -> list[str]:
    """Each step's exact command line (the first scale's; ``{DATA}`` the dataset folder, ``{OUT}`` the outputs)."""
    lines = []
    first = report["results"][0] if report["results"] else {"steps": {}}
    for step in STEPS:
        for engine, run in (first["steps"].get(step.key) or {}).items():
            if run.get("command"):
                lines.append(f"- {step.label} ({engine}): `{run['command']}`")
    return lines


def render(report: dict[str, Any]) -> str:
    m, neo, load = report["machine"], report.get("neo4j") or {}, report["load_average"]
    lines = [
        "# Benchmarks",
        "",
        "Generated by `scripts/benchmark.py` from [benchmarks.json](benchmarks.json); every figure below comes",
        "from that one run, ratios included. Re-run the command to check them; on a busy machine (see the load",
        "average) timings can be several times a quiet machine's.",
        "",
        "## Run",
        "",
        f"- Command: `{report['command']}`",
        f"- Finished {report['generated']}, took {report['duration_s'] / 60:.0f} min; scales "
        f"{', '.join(f'{s:g}' for s in report['scales'])} of `om-graph generate --seed {report['seed']}`, "
        f"audits as of {report['as_of']}.",
        f"- Load average (1, 5, 15 min) before: {', '.join(map(str, load['before']))}; "
        f"after: {', '.join(map(str, load['after']))} ({m['cores']} cores).",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; {m['os']}; Python {m['python']}; "
        f"{m.get('java') or 'no Java'}.",
        f"- Neo4j: {neo.get('version') or 'not run'}" + (
            f"; driver {m.get('neo4j_driver')}; heap {neo.get('heap')} ("
            f"{neo.get('heap_from', '`scripts/neo4j start --for` the largest scale')}), page cache {neo.get('pagecache')}" if neo.get("version") else "") + ".",
    ]
    if report.get("floor_note"):
        lines.append(f"- Dict floor: {report['floor_note']}")
    lines += ["", f"## Targets (issue 16, at scale {TARGET_SCALE:g})", "", "| target | figure | verdict |",
              "| --- | --- | --- |"]
    lines += [f"| {t['target']} | {t['figure']} | {t['verdict']} |" for t in report["targets"]]
    for result in report["results"]:
        size = result.get("size") or {}
        lines += ["", f"## Scale {result['scale']:g}", "",
                  f"{size.get('csv_rows', 0):,} CSV rows ({fmt_size(size.get('csv_bytes'))})"
                  + (f"; the graph: {size['nodes']:,} nodes, {size['relationships']:,} relationships" if size.get("nodes") else "")
                  + ".", ""]
        lines += scale_table(result, report["targets"])
        notes = scale_notes(result)
        if notes:
            lines += ["", *notes]
    lines += ["", "## Method", "", *METHOD, "", "The commands, with `{DATA}` the generated folder and `{OUT}` the outputs:",
              "", *command_list(report), ""]
    return "\n".join(lines)


METHOD = [
    "- Every step is one run of the command line a user runs, in a fresh process: **s** is wall-clock",
    "  time from start to exit (interpreter start and imports included), **MB** the process's peak",
    "  resident set size (`ru_maxrss` from `os.wait4`: the client's; the Neo4j server's memory is its own, see",
    "  each scale's notes). **output** is the size of the file written (or of what it printed).",
    "- Per scale: the datasets are generated first, then every embedded step, then the Neo4j steps on the",
    "  benchmark's own server (`scripts/neo4j`, its own `OM_NEO4J_HOME`, stopped at the end): the database",
    "  emptied (not timed), Neo4j's `LOAD CSV` of the same files in one transaction (om-graph's indexes",
    "  created beforehand, not timed), emptied again, `om-graph load`, then at once a fresh `om-graph audit",
    "  --neo4j` (*first after the load*) and another (*warm*), then the other commands. After the audits both",
    "  graphs' fingerprints (per label and relationship pattern: count, and a hash of ids and properties) are",
    "  compared. *LOAD CSV* is timed as a process too (Python, driver, one transaction, commit). Once, before",
    "  the first scale, the fresh server is warmed up, not timed: LOAD CSV, then `om-graph load` and an audit",
    "  twice, of the smallest scale, so that the JVM's compiling is not charged to whichever step comes first; each timed",
    "  load clears the cached plans again, so the first audit after it still plans every query.",
    "- **Ratios** are taken within one scale of one run: the loader's is LOAD CSV's seconds over `om-graph",
    "  load`'s; Neo4j ÷ embedded and audit ÷ floor are om-graph's seconds over the other's.",
    "- The *dict floor* is what `measure_floor` of scripts/floor.py reports for reading the same CSV files",
    "  into plain dicts (seconds, peak memory), run in a process of its own.",
]
