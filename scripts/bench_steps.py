"""What the benchmark runs: every om-graph command a user runs on a dataset, as the exact command line.

One table, :data:`STEPS`, in the order of the report. A step is a command with its arguments as
a template: ``{source}`` is the dataset folder on the embedded engine and ``--neo4j`` on Neo4j,
``{out}`` the folder outputs go to, ``{as_of}`` the landscape's reference date and ``{before}``
a year earlier, ``{old}``/``{new}`` the two saved audits. tests/test_benchmark.py checks that
every command of ``om-graph --help`` is here or in :data:`NOT_TIMED` with its reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EMBEDDED, NEO4J = "embedded", "neo4j"
BOTH = (EMBEDDED, NEO4J)
#: The ambassador plan and map: K new ambassadors at district level (as the briefing would place them).
PLAN_K, LEVEL = 10, "district"


@dataclass(frozen=True)
class Step:
    """One row of the report: a command (``args`` as a template), on which engines, and what file it writes."""

    key: str
    label: str
    args: tuple[str, ...]
    engines: tuple[str, ...] = BOTH
    #: The file (template) the command writes; None: its stdout is kept in a file and measured.
    output: str | None = None
    #: How many of the command's first words name it (``map networks``: 2).
    words: int = 1

    @property
    def command(self) -> str:
        """The om-graph command this step runs, as ``om-graph --help`` lists it (``map networks``)."""
        return " ".join(self.args[: self.words])

    def argv(self, engine: str, **paths: str) -> list[str]:
        """The arguments after ``om-graph`` for ``engine``, with the template filled in."""
        values = {**paths, "source": "--neo4j" if engine == NEO4J else paths["data"], "engine": engine}
        return [arg.format(**values) for arg in self.args]

    def output_path(self, engine: str, **paths: str) -> str | None:
        return None if self.output is None else self.output.format(**paths, engine=engine)


def _out(name: str) -> str:
    return "{out}/{engine}-" + name


def _step(key: str, label: str, args: str, engines: tuple[str, ...] = BOTH, output: str | None = None,
          words: int = 1) -> Step:
    parts = tuple(args.split())
    if output is not None:
        parts += ("-o", _out(output))
    return Step(key, label, parts, engines, None if output is None else _out(output), words)


_DATE = "--as-of {as_of}"
_PLAN = f"--add {PLAN_K} --level {LEVEL} {_DATE}"

#: Every step in the report's order. ``load`` and ``load_csv`` (the anchor) are run by the
#: benchmark itself between the embedded and the Neo4j steps; ``audit_warm`` is the second
#: Neo4j audit after a load, ``floor`` the dict floor of scripts/floor.py.
STEPS: tuple[Step, ...] = (
    Step("generate", "generate", ("generate", "{data}", "--scale", "{scale}", "--seed", "{seed}"), (EMBEDDED,), "{data}"),
    _step("validate", "validate", "validate {data}", (EMBEDDED,)),
    Step("load_csv", "LOAD CSV, one transaction (anchor)", (), (NEO4J,)),
    _step("load", "load", "load {data}", (NEO4J,)),
    _step("audit", "audit (Neo4j: first after the load)", f"audit {{source}} {_DATE} --fail-on never --format json",
          output="audit.json"),
    _step("audit_warm", "audit, warm (Neo4j: the second)", f"audit {{source}} {_DATE} --fail-on never --format json",
          (NEO4J,), output="audit-warm.json"),
    _step("audit_save_before", "audit --save (a year earlier)",
          "audit {data} --as-of {before} --fail-on never --save {out}/history", (EMBEDDED,)),
    _step("audit_save", "audit --save", f"audit {{data}} {_DATE} --fail-on never --save {{out}}/history", (EMBEDDED,)),
    _step("history", "history", "history {out}/history", (EMBEDDED,)),
    _step("diff", "diff (xlsx)", "diff {old} {new} --format xlsx", (EMBEDDED,), output="diff.xlsx"),
    _step("gaps", "gaps (xlsx)", "gaps {source} --format xlsx", output="gaps.xlsx"),
    _step("network_stats", "network stats (json)", "network stats {source} --format json",
          output="network-stats.json", words=2),
    _step("coverage", f"ambassadors coverage ({LEVEL})", f"ambassadors coverage {{source}} --level {LEVEL} {_DATE} --format json",
          output="coverage.json", words=2),
    _step("plan", f"ambassadors plan (exact, K = {PLAN_K})", f"ambassadors plan {{source}} {_PLAN} --format json",
          output="plan.json", words=2),
    _step("plan_greedy", f"ambassadors plan (greedy, K = {PLAN_K})",
          f"ambassadors plan {{source}} {_PLAN} --method greedy --format json", output="plan-greedy.json", words=2),
    _step("map_networks", "map networks", f"map networks {{source}} {_DATE}", output="map-networks.html", words=2),
    _step("map_ambassadors_state", "map ambassadors (state)", f"map ambassadors {{source}} --level state {_DATE}",
          output="map-ambassadors-state.html", words=2),
    _step("map_ambassadors_district", f"map ambassadors ({LEVEL}, plan {PLAN_K})",
          f"map ambassadors {{source}} --level {LEVEL} --plan {PLAN_K} {_DATE}",
          output="map-ambassadors-district.html", words=2),
    _step("map_audit", "map audit", f"map audit {{source}} {_DATE}", output="map-audit.html", words=2),
    _step("map_audit_geo", f"map audit --geo ({LEVEL})", f"map audit {{source}} --geo --level {LEVEL} {_DATE}",
          output="map-audit-geo.html", words=2),
    _step("export_graphml", "export graphml", f"export {{source}} --format graphml {_DATE}", output="export.graphml"),
    _step("export_gexf", "export gexf", f"export {{source}} --format gexf {_DATE}", output="export.gexf"),
    _step("export_json", "export json (Kumu)", f"export {{source}} --format json {_DATE}", output="export.json"),
    _step("briefing_html", "briefing (html)", f"briefing {{source}} --baseline {{old}} {_DATE}", output="briefing.html"),
    _step("briefing_xlsx", "briefing (xlsx)", f"briefing {{source}} --baseline {{old}} {_DATE}", output="briefing.xlsx"),
    Step("floor", "dict floor (scripts/floor.py)", (), (EMBEDDED,)),
)
STEP_BY_KEY = {step.key: step for step in STEPS}
#: Steps the benchmark runs itself (not through a template loop).
SPECIAL = frozenset({"generate", "load_csv", "load", "floor"})
MAPS = tuple(s.key for s in STEPS if s.key.startswith("map_"))
EXPORTS = tuple(s.key for s in STEPS if s.key.startswith("export_"))

#: Commands of ``om-graph --help`` that are not timed, and why.
NOT_TIMED = {
    "rules": "prints the rule catalogue: reads no dataset",
    "schema": "prints the input schema: reads no dataset",
    "config": "shows the configuration: reads no dataset",
    "example": "writes the bundled example: the same size at every scale",
    "regions de": "writes Germany's regions: the same size at every scale",
    "cypher list": "lists the query files: reads no dataset",
    "cypher show": "prints one query file: reads no dataset",
    "cypher run": "runs a query of the user's own: nothing of om-graph's to time",
}


def timed_commands() -> set[str]:
    """The om-graph commands the benchmark times (``load_csv`` and ``floor`` are not om-graph's)."""
    return {step.command for step in STEPS if step.args}


def dates(reference: dt.date) -> dict[str, str]:
    """``{as_of}`` and ``{before}`` (a year earlier, for the saved audit the diff and briefing compare with)."""
    return {"as_of": reference.isoformat(), "before": reference.replace(year=reference.year - 1).isoformat()}


def display(argv: list[str], paths: dict[str, str]) -> str:
    """A command line as the report shows it: ``om-graph`` and placeholders instead of temporary paths."""
    shown = []
    for arg in argv:
        for name in ("out", "data"):
            if paths.get(name) and arg.startswith(paths[name]):
                arg = "{" + name.upper() + "}" + arg[len(paths[name]):]
        shown.append(arg)
    return " ".join(["om-graph", *shown])
