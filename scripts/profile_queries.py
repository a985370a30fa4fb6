#!/usr/bin/env python3
"""PROFILE every Cypher file on a large landscape: db hits against a budget, rows, time, and forbidden operators.

    python scripts/profile_queries.py                 # scale 100 (needs NEO4J_URI; loads, replacing)
    python scripts/profile_queries.py --scale 10 --docs   # also writes docs/query-plans.md
    python scripts/profile_queries.py --scale 10 --write-budget   # records this scale's budget

Empties om-graph's part of the Neo4j of ``NEO4J_URI`` and loads a generated landscape
(``--scale``, ``--seed``) as ``om-graph load`` does, so the plans are those of the first audit
after a fresh load. Then runs each ``cypher/**/*.cypher`` file (except the schema) under
``PROFILE`` with the parameters of its ``// :param`` header lines, as an analyst would in
cypher-shell. Exits 1 when a plan contains a ``CartesianProduct`` or an ``AllNodesScan`` (it
joins without an index or scans every node), or when a file's db hits exceed its budget for
this scale and seed in scripts/query_budgets.json: a plan gone bad (OM109 once took 255M db
hits instead of 731k) fails instead of slowing every audit. 2 for usage errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
DOCS_PAGE = ROOT / "docs" / "query-plans.md"
#: Operators that mean a query is not anchored on labels and indexes.
FORBIDDEN = ("CartesianProduct", "AllNodesScan")
SKIPPED = ("schema.cypher",)  # DDL: nothing to profile
BUDGETS = ROOT / "scripts" / "query_budgets.json"
#: A budget is the measured db hits times this, plus a little: room for the planner's small
#: variations (db hits of one plan on the same data barely move), none for a plan gone bad.
HEADROOM = 1.5
SLACK = 200


def operators(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every operator of a profiled plan tree (as the driver returns it), depth first.

    >>> tree = {"operatorType": "ProduceResults@neo4j", "children": [{"operatorType": "AllNodesScan@neo4j", "children": []}]}
    >>> [op["operatorType"] for op in operators(tree)]
    ['ProduceResults@neo4j', 'AllNodesScan@neo4j']
    """
    stack = [plan]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.get("children") or []))


def operator_name(op: dict[str, Any]) -> str:
    """``CartesianProduct@neo4j`` -> ``CartesianProduct``."""
    return str(op.get("operatorType", "")).split("@", 1)[0]


def plan_summary(plan: dict[str, Any]) -> dict[str, Any]:
    """Total db hits, the rows the top operator produced, and the forbidden operators found.

    >>> plan_summary({"operatorType": "ProduceResults@neo4j", "dbHits": 2, "rows": 5,
    ...               "children": [{"operatorType": "CartesianProduct@neo4j", "dbHits": 3, "children": []}]})
    {'db_hits': 5, 'rows': 5, 'forbidden': ['CartesianProduct']}
    """
    found = sorted({operator_name(op) for op in operators(plan)} & set(FORBIDDEN))
    hits = sum(int(op.get("dbHits") or 0) for op in operators(plan))
    return {"db_hits": hits, "rows": int(plan.get("rows") or 0), "forbidden": found}


def query_files() -> list[Path]:
    return sorted(p for p in (ROOT / "cypher").rglob("*.cypher") if p.name not in SKIPPED)


def profile_file(session: Any, path: Path) -> dict[str, Any]:
    from neo4j.exceptions import Neo4jError

    from om_graph.engines.cypher import header_params, statements

    text = path.read_text(encoding="utf-8")
    params = {name: session.run(f"RETURN {expr} AS v").single()["v"] for name, expr in header_params(text).items()}
    out = {"file": str(path.relative_to(ROOT)), "db_hits": 0, "rows": 0, "ms": 0.0, "forbidden": []}
    for statement in statements(text):
        start = time.perf_counter()
        try:
            result = session.run("PROFILE " + statement, params)
            for _ in result:  # the server fills in the profile only once every row is pulled
                pass
            summary = result.consume()
            plan = summary.profile or {}
        except Neo4jError as error:  # a few plans cannot be profiled; EXPLAIN still shows the operators
            out["note"] = f"EXPLAIN only: PROFILE failed ({error.message or error.code})"[:120]
            plan = session.run("EXPLAIN " + statement, params).consume().plan or {}
        out["ms"] += (time.perf_counter() - start) * 1000
        found = plan_summary(plan)
        out["db_hits"] += found["db_hits"]
        out["rows"] += found["rows"]
        out["forbidden"] = sorted(set(out["forbidden"]) | set(found["forbidden"]))
    return out


def render_text(rows: list[dict[str, Any]]) -> str:
    width = max(len(r["file"]) for r in rows)
    lines = [f"{'file':<{width}}  {'db hits':>12}  {'rows':>8}  {'ms':>9}  forbidden operators"]
    for r in rows:
        lines.append(f"{r['file']:<{width}}  {r['db_hits']:>12,}  {r['rows']:>8,}  {r['ms']:>9.0f}  "
                     f"{', '.join(r['forbidden']) or '-'}  {r.get('note', '')}".rstrip())
    return "\n".join(lines) + "\n"


def render_docs(rows: list[dict[str, Any]], scale: float, seed: int, counts: tuple[int, int], version: str) -> str:
    bad = [r["file"] for r in rows if r["forbidden"]]
    lines = [
        "# Query plans",
        "",
        f"Generated by `python scripts/profile_queries.py --scale {scale:g} --docs` on a generated landscape",
        f"(scale {scale:g}, seed {seed}: {counts[0]:,} nodes, {counts[1]:,} relationships) in {version}.",
        "Every file under `cypher/` (but the schema) runs under `PROFILE` with its header's parameters,",
        "after om-graph's part of the database was emptied and the landscape loaded as `om-graph load` does.",
        "db hits are summed over the whole plan; time is wall-clock on a possibly busy machine.",
        "",
        "**Plans that cannot go bad.** Neo4j plans from sampled index statistics and caches the plan. Planned",
        "on the statistics of the empty database a load had just filled, OM109 once scanned the",
        "Network(status) index inside an Apply: 255M db hits at scale 100 (31M at scale 10) instead of",
        "731k (405k). Two guards: a load of 1,000 rows or more ends by resampling om-graph's indexes and clearing the plan",
        "cache, and OM109 expands from each region to the networks covering it before it checks them,",
        "so no plan can start from that index (on empty-graph statistics it now takes the same db hits",
        "as on fresh ones: `--stale`). The script fails when a file exceeds its budget in",
        "`scripts/query_budgets.json` (measured db hits x 1.5 + 200 per scale); a neo4j test runs it at scale 1.",
        "",
        "**No plan contains a `CartesianProduct` or an `AllNodesScan`.**" if not bad
        else f"**Plans with a forbidden operator:** {', '.join(bad)}.",
        "",
        "| file | db hits | rows | ms | forbidden operators | note |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    lines += [f"| `{r['file']}` | {r['db_hits']:,} | {r['rows']:,} | {r['ms']:.0f} | {', '.join(r['forbidden']) or '-'} "
              f"| {r.get('note', '')} |" for r in rows]
    return "\n".join(lines) + "\n"


def drop_own_indexes(driver: Any, database: str) -> None:
    """Drop the indexes of cypher/schema.cypher: the load makes them anew on an empty graph, sampled empty."""
    from om_graph.engines.neo4j.upkeep import own_indexes

    with driver.session(database=database) as session:
        for name in own_indexes():
            session.run(f"DROP INDEX {name} IF EXISTS").consume()


def budget_key(scale: float, seed: int) -> str:
    """``10`` for scale 10 with the default seed, ``10/seed=7`` with another."""
    return f"{scale:g}" if seed == 1 else f"{scale:g}/seed={seed}"


def read_budgets(path: Path) -> dict[str, dict[str, int]]:
    import json

    if not path.is_file():
        return {}
    return {k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def write_budgets(path: Path, key: str, results: list[dict[str, Any]]) -> None:
    """Record ``results`` (times the headroom) as the budget of ``key``, keeping other scales' budgets."""
    import json

    budgets = read_budgets(path)
    budgets[key] = {r["file"]: int(r["db_hits"] * HEADROOM) + SLACK for r in results}
    about = ("db hits each Cypher file may take on a freshly loaded landscape (scale, or scale/seed=N), "
             f"measured x {HEADROOM} + {SLACK}: python scripts/profile_queries.py --scale S --write-budget")
    text = json.dumps({"_about": about, **dict(sorted(budgets.items()))}, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def over_budget(results: list[dict[str, Any]], budget: dict[str, int]) -> list[str]:
    """The files whose db hits exceed their budget, with both figures.

    >>> over_budget([{"file": "a", "db_hits": 300}, {"file": "b", "db_hits": 10}], {"a": 100, "b": 100})
    ['a: 300 db hits, budget 100']
    """
    return [
        f"{r['file']}: {r['db_hits']:,} db hits, budget {budget[r['file']]:,}"
        for r in results
        if r["file"] in budget and r["db_hits"] > budget[r["file"]]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=100.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-load", action="store_true", help="profile what the database holds now")
    parser.add_argument("--docs", action="store_true", help="write docs/query-plans.md")
    parser.add_argument("--budget", type=Path, default=BUDGETS, help="the budgets file (scripts/query_budgets.json)")
    parser.add_argument("--write-budget", action="store_true", help="record this run as the budget of its scale")
    parser.add_argument("--stale", action="store_true",
                        help="the planner's worst case: om-graph's indexes made anew on the emptied database and no "
                             "statistics refresh after the load, so plans are made on the statistics of an empty graph")
    args = parser.parse_args(argv)

    from om_graph.errors import OmGraphError
    from om_graph.synth.landscape import generate_landscape
    from om_graph.dataset.graph import NODES, GraphRows, graph_rows
    from om_graph.engines.neo4j.load import graph_counts, load_rows
    from om_graph.engines.neo4j.connect import Neo4jSettings, connect

    try:
        settings = Neo4jSettings.from_env()
        with connect(settings) as driver:
            if not args.no_load:
                print(f"generating and loading scale {args.scale:g} ...", file=sys.stderr, flush=True)
                rows = graph_rows(generate_landscape(args.scale, args.seed))
                load_rows(driver, settings.database, GraphRows())  # om-graph's part emptied: a fresh load
                if args.stale:
                    drop_own_indexes(driver, settings.database)
                load_rows(driver, settings.database, rows, refresh=not args.stale)
                del rows
            held = graph_counts(driver, settings.database)  # what was profiled, loaded now or before
            counts = (sum(held[n.label] for n in NODES), sum(v for k, v in held.items() if k not in {n.label for n in NODES}))
            with driver.session(database=settings.database) as session:
                record = session.run("CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS v").single()
                version = f"{record['name']} {record['v']}"
                results = []
                for path in query_files():
                    print(f"profiling {path.relative_to(ROOT)} ...", file=sys.stderr, flush=True)
                    results.append(profile_file(session, path))
    except OmGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(render_text(results), end="")
    if args.docs:
        DOCS_PAGE.write_text(render_docs(results, args.scale, args.seed, counts, version), encoding="utf-8")
        print(f"wrote {DOCS_PAGE.relative_to(ROOT)}", file=sys.stderr)
    key = budget_key(args.scale, args.seed)
    if args.write_budget:
        write_budgets(args.budget, key, results)
        print(f"wrote the budget of scale {key} to {args.budget}", file=sys.stderr)
    budget = read_budgets(args.budget).get(key)
    over = over_budget(results, budget or {})
    if budget is None:
        print(f"no db-hit budget for scale {key} in {args.budget}: not checked", file=sys.stderr)
    elif missing := [r["file"] for r in results if r["file"] not in budget]:
        print(f"no db-hit budget yet for: {', '.join(missing)}", file=sys.stderr)
    for line in over:
        print(f"over budget: {line}", file=sys.stderr)
    bad = [r["file"] for r in results if r["forbidden"]]
    if bad:
        print(f"forbidden operators in: {', '.join(bad)}", file=sys.stderr)
    return 1 if bad or over else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
