"""Analyses beyond the rules: named row queries that both engines answer alike.

An analysis (a kind of collaboration gap, the edges of the network of networks, the
elements an ambassador would cover) is a Python function over the embedded graph and a
Cypher file ``cypher/<name>.cypher`` that return the same rows: dicts with exactly the
analysis's ``columns``. Everything users read (gap lists, statistics, the planner, maps)
is made from those rows by shared code, so both engines produce the same output, and
``tests/test_analyses_agree.py`` proves it for every registered analysis.

Analyses register themselves with :func:`analysis` in the packages listed in
``PACKAGES``; parameters have defaults here and are passed to Cypher in camelCase.

>>> rows = [{"a": "n2", "n": 1.23456}, {"a": "n1", "n": 2}]
>>> canonical_rows(rows, ("a", "n"))
[{'a': 'n1', 'n': 2}, {'a': 'n2', 'n': 1.2346}]
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable, Iterable

from .embedded import EmbeddedGraph
from .engine import canonical_evidence
from .errors import UsageError

#: Packages whose modules register analyses.
PACKAGES = ("om_graph.gaps", "om_graph.network", "om_graph.coverage")

Row = dict[str, Any]
Finder = Callable[[EmbeddedGraph, dict[str, Any]], Iterable[Row]]


@dataclass(frozen=True)
class Analysis:
    """A named row query: ``run`` on the embedded graph, ``cypher/<name>.cypher`` on Neo4j."""

    name: str
    columns: tuple[str, ...]
    run: Finder
    doc: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def query_file(self) -> str:
        return f"{self.name}.cypher"

    def with_defaults(self, params: dict[str, Any] | None) -> dict[str, Any]:
        """The analysis's parameters: its defaults, overridden by ``params``; unknown names are refused."""
        params = params or {}
        unknown = sorted(set(params) - set(self.params))
        if unknown:
            raise UsageError(f"{self.name}: unknown parameter(s) {', '.join(unknown)}")
        return {**self.params, **params}


_REGISTRY: dict[str, Analysis] = {}


def analysis(name: str, columns: Iterable[str], params: dict[str, Any] | None = None) -> Callable[[Finder], Finder]:
    """Register the decorated function as analysis ``name`` (its docstring's first line is the doc)."""

    def register(run: Finder) -> Finder:
        if name in _REGISTRY:
            raise RuntimeError(f"duplicate analysis {name}")
        doc = (run.__doc__ or "").strip().splitlines()[0] if run.__doc__ else name
        _REGISTRY[name] = Analysis(name, tuple(columns), run, doc, dict(params or {}))
        return run

    return register


@cache
def _load() -> None:
    for package in PACKAGES:
        module = importlib.import_module(package)
        for sub in getattr(module, "MODULES", ()):
            importlib.import_module(f"{package}.{sub}")


def all_analyses() -> list[Analysis]:
    """Every registered analysis, sorted by name."""
    _load()
    return [_REGISTRY[k] for k in sorted(_REGISTRY)]


def get_analysis(name: str) -> Analysis:
    _load()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UsageError(f"unknown analysis {name!r}") from None


def canonical_rows(rows: Iterable[Row], columns: tuple[str, ...]) -> list[Row]:
    """Rows in the plain form both engines report (lists sorted, dates ISO), sorted by their columns."""
    out = []
    for row in rows:
        if set(row) != set(columns):
            raise RuntimeError(f"row has columns {sorted(row)}, expected {sorted(columns)}")
        out.append({c: _canonical(row[c]) for c in columns})
    return sorted(out, key=lambda r: tuple(_sort_key(r[c]) for c in columns))


def run_analysis(engine: Any, name: str, params: dict[str, Any] | None = None) -> list[Row]:
    """Analysis ``name`` on ``engine`` (embedded or Neo4j), as canonical rows."""
    chosen = get_analysis(name)
    return canonical_rows(engine.rows(chosen, chosen.with_defaults(params)), chosen.columns)


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return canonical_evidence(value)
    return canonical_evidence({"v": value})["v"]


def _sort_key(value: Any) -> tuple:
    if value is None:
        return (0, 0)
    if isinstance(value, (bool, int, float)):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, json.dumps(value, sort_keys=True, default=str))
