"""One registry of everything both engines answer: rules, gap kinds, network rows, coverage, stage facts.

Every module in the subpackages of :mod:`om_graph.queries` is imported once; each
:class:`~om_graph.engines.contract.Query` it holds at module level (made by :func:`query`)
and each rule class it defines (a rule is a query too, see
:meth:`~om_graph.queries.rules.base.Rule.query`) is registered under its name, which is
also the path of its Cypher file. Adding a query means adding its module and its file.

>>> [q.name for q in all_queries() if q.name.startswith("network/")]
['network/contacts', 'network/cooperations', 'network/links', 'network/member_names', 'network/members', 'network/memberships', 'network/networks', 'network/partner_ids', 'network/regions']
>>> get_query("rules/OM104_min_partners").params["min_partners"]
3
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable, Iterable, Iterator, Mapping

from om_graph.engines.contract import Engine, Query, Row, Twin, answer, answer_all
from om_graph.errors import UsageError
from om_graph.queries.rules.base import Rule


def query(
    name: str,
    columns: Iterable[str],
    params: Mapping[str, Any] | None = None,
    persons: Mapping[str, str] | None = None,
) -> Callable[[Twin], Query]:
    """Make the decorated Python twin a :class:`Query` named ``name`` (its docstring's first line is the doc).

    ``persons`` declares the columns about persons (see :attr:`Query.persons`).
    """

    def make(run: Twin) -> Query:
        doc = (run.__doc__ or name).strip().splitlines()[0]
        return Query(name, tuple(columns), run, doc, dict(params or {}), dict(persons or {}))

    return make


@dataclass(frozen=True)
class Discovered:
    """What discovery found: every query by name, and the rules among them by code."""

    queries: dict[str, Query]
    rules: dict[str, type[Rule]]


@cache
def discover() -> Discovered:
    """Import every module under :mod:`om_graph.queries` once and collect its queries and rules."""
    package = importlib.import_module("om_graph.queries")
    queries: dict[str, Query] = {}
    rules: dict[str, type[Rule]] = {}
    for info in sorted(pkgutil.walk_packages(package.__path__, "om_graph.queries."), key=lambda m: m.name):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.__module__ == module.__name__:
                if value.code in rules:
                    raise RuntimeError(f"duplicate rule code {value.code}: {value} and {rules[value.code]}")
                rules[value.code] = value
                value = value.query()
            if isinstance(value, Query):
                if queries.setdefault(value.name, value) is not value:
                    raise RuntimeError(f"duplicate query {value.name}")
    return Discovered(dict(sorted(queries.items())), dict(sorted(rules.items())))


def all_queries() -> list[Query]:
    """Every registered query, sorted by name."""
    return list(discover().queries.values())


def get_query(name: str) -> Query:
    try:
        return discover().queries[name]
    except KeyError:
        raise UsageError(f"unknown query {name!r}") from None


def run_query(engine: Engine, name: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    """Query ``name`` on ``engine`` (embedded or Neo4j), as canonical rows."""
    return answer(engine, get_query(name), params)


def run_queries(engine: Engine, asked: Iterable[tuple[str, Mapping[str, Any] | None]]) -> Iterator[list[Row]]:
    """The canonical rows of each named query with its parameters, in order, as many at once as ``engine`` answers."""
    return answer_all(engine, [(get_query(name), params) for name, params in asked])
