"""Issue 16's "Done when", checked against one run's figures: ratios, targets, verdicts (pure; tested).

A result is one scale: ``{"scale": 100, "steps": {key: {engine: {"seconds", "max_rss_mb", ...}}}}``.
Targets are judged at :data:`TARGET_SCALE` only; without it the verdict is "not measured" and the
figure shown is the largest scale's, for information.
"""

from __future__ import annotations

from typing import Any

from bench_steps import EMBEDDED, EXPORTS, MAPS, NEO4J, STEP_BY_KEY

TARGET_SCALE = 100.0
STATS_SECONDS = 5.0
MAP_SECONDS, MAP_MB = 10.0, 1024.0
LOADER_RATIO = 1.0
FLOOR_RATIO = 1.2
AUDIT_MB = 800.0
#: A step counts as slower at a smaller scale only beyond this share and these seconds (timing noise: a process
#: start alone varies by a few tenths of a second, which is more than 5% of a one-second step).
NOISE = 0.05
NOISE_SECONDS = 0.3

MET, MISSED, NOT_MEASURED = "met", "missed", "not measured"

Result = dict[str, Any]


def seconds(result: Result, key: str, engine: str) -> float | None:
    """A step's seconds, None when it was not run or failed."""
    run = result.get("steps", {}).get(key, {}).get(engine) or {}
    return run.get("seconds") if run.get("exit", 0) == 0 else None


def peak(result: Result, key: str, engine: str) -> float | None:
    run = result.get("steps", {}).get(key, {}).get(engine) or {}
    return run.get("max_rss_mb") if run.get("exit", 0) == 0 else None


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def ratios(result: Result) -> dict[str, float | None]:
    """The comparisons inside one scale of one run.

    ``loader``: LOAD CSV's seconds over ``om-graph load``'s (1.0 = level, more = the loader is faster);
    the others: om-graph's seconds over the reference's (less is better).
    """
    embedded_audit = seconds(result, "audit", EMBEDDED)
    return {
        "loader_vs_load_csv": _ratio(seconds(result, "load_csv", NEO4J), seconds(result, "load", NEO4J)),
        "neo4j_first_audit_vs_embedded": _ratio(seconds(result, "audit", NEO4J), embedded_audit),
        "neo4j_warm_audit_vs_embedded": _ratio(seconds(result, "audit_warm", NEO4J), embedded_audit),
        "embedded_audit_vs_floor": _ratio(embedded_audit, seconds(result, "floor", EMBEDDED)),
    }


def slower_at_smaller_scale(results: list[Result]) -> list[str]:
    """Steps slower (beyond :data:`NOISE` and :data:`NOISE_SECONDS`) at a smaller scale than at a larger one, across every scale run."""
    ordered = sorted(results, key=lambda r: r["scale"])
    found = []
    for key, step in STEP_BY_KEY.items():
        for engine in step.engines:
            timed = [(r["scale"], seconds(r, key, engine)) for r in ordered]
            timed = [(s, t) for s, t in timed if t is not None]
            for i, (small, t_small) in enumerate(timed):
                for large, t_large in timed[i + 1:]:
                    if t_small > t_large * (1 + NOISE) and t_small > t_large + NOISE_SECONDS:
                        found.append(f"{step.label} ({engine}): {t_small:.2f} s at scale {small:g}, "
                                     f"{t_large:.2f} s at scale {large:g}")
    return found


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    return f"{value:.2f}{unit}" if unit in ("x", " s") else f"{value:,.0f}{unit}"


def _worst(result: Result, keys: tuple[str, ...], engines: tuple[str, ...]) -> tuple[str, float | None, float | None]:
    """The slowest and the largest of some steps: (what, seconds, MB); None where none was measured."""
    runs = [(f"{STEP_BY_KEY[k].label} ({e})", seconds(result, k, e), peak(result, k, e))
            for k in keys for e in engines if e in STEP_BY_KEY[k].engines]
    runs = [r for r in runs if r[1] is not None]
    if not runs:
        return "", None, None
    slow = max(runs, key=lambda r: r[1])
    big = max(runs, key=lambda r: r[2] or 0)
    return f"slowest {slow[0]}, largest {big[0]}", slow[1], big[2]


def _judge(value: float | None, ok: bool | None) -> str:
    return NOT_MEASURED if value is None or ok is None else (MET if ok else MISSED)


def check_targets(results: list[Result]) -> list[dict[str, Any]]:
    """Every target of issue 16's "Done when" (and the embedded audit's memory) with its figure and verdict."""
    at = next((r for r in results if r["scale"] == TARGET_SCALE), None)
    shown = at or (max(results, key=lambda r: r["scale"]) if results else {"scale": None, "steps": {}})
    out: list[dict[str, Any]] = []

    def add(target: str, steps: tuple[str, ...], value: float | None, figure: str, ok: bool | None) -> None:
        verdict = _judge(value, ok) if at is not None else NOT_MEASURED
        if at is None and value is not None:
            figure += f" at scale {shown['scale']:g}"
        out.append({"target": target, "steps": list(steps), "figure": figure, "verdict": verdict,
                    "scale": shown["scale"]})

    r = ratios(shown)
    audit = seconds(shown, "audit", EMBEDDED)
    for key, name in (("audit", "first after the load"), ("audit_warm", "warm")):
        neo = seconds(shown, key, NEO4J)
        add(f"Neo4j audit ({name}) <= embedded audit", (key,), neo,
            f"{_fmt(neo, ' s')} vs {_fmt(audit, ' s')}", None if neo is None or audit is None else neo <= audit)
    for engine in (EMBEDDED, NEO4J):
        t = seconds(shown, "network_stats", engine)
        add(f"network stats ({engine}) <= {STATS_SECONDS:g} s", ("network_stats",), t, _fmt(t, " s"),
            None if t is None else t <= STATS_SECONDS)
    for name, keys, engines in (("map", MAPS, (EMBEDDED, NEO4J)), ("export", EXPORTS, (EMBEDDED, NEO4J))):
        what, slow, big = _worst(shown, keys, engines)
        ok = None if slow is None else slow < MAP_SECONDS and (big or 0) < MAP_MB
        add(f"every {name} < {MAP_SECONDS:g} s and < 1 GB", keys, slow,
            f"{_fmt(slow, ' s')}, {_fmt(big, ' MB')} ({what})" if slow is not None else "n/a", ok)
    loader = r["loader_vs_load_csv"]
    add(f"loader >= {LOADER_RATIO:g}x LOAD CSV in one transaction", ("load", "load_csv"), loader,
        f"{_fmt(loader, 'x')}", None if loader is None else loader >= LOADER_RATIO)
    floor = r["embedded_audit_vs_floor"]
    add(f"embedded audit <= {FLOOR_RATIO:g}x the dict floor", ("audit", "floor"), floor,
        f"{_fmt(floor, 'x')}", None if floor is None else floor <= FLOOR_RATIO)
    mb = peak(shown, "audit", EMBEDDED)
    add(f"embedded audit < {AUDIT_MB:g} MB (What to build)", ("audit",), mb, _fmt(mb, " MB"),
        None if mb is None else mb < AUDIT_MB)
    slower = slower_at_smaller_scale(results)
    scales = ", ".join(f"{r['scale']:g}" for r in sorted(results, key=lambda r: r["scale"]))
    measured = len(results) > 1
    out.append({"target": f"no step slower at a smaller scale than at a larger one (beyond {NOISE:.0%} and {NOISE_SECONDS:g} s)",
                "steps": [], "scale": None,
                "figure": ("; ".join(slower) if slower else "none") + f" (scales {scales})",
                "verdict": NOT_MEASURED if not measured else (MISSED if slower else MET)})
    return out


def marks(result: Result, targets: list[dict[str, Any]]) -> dict[str, str]:
    """Step key -> the verdicts of the targets about it, for the table of the target scale only."""
    if result["scale"] != TARGET_SCALE:
        return {}
    out: dict[str, list[str]] = {}
    for target in targets:
        if target["scale"] == TARGET_SCALE:
            for key in target["steps"]:
                out.setdefault(key, []).append(f"{target['target']}: **{target['verdict']}**")
    return {key: "; ".join(found) for key, found in out.items()}
