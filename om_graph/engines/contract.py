"""What every engine does: answer a :class:`Query` with rows for parameters.

A query is one question both engines answer alike (a rule, a gap kind, the links of the
network of networks, the facts behind a stage): a name, its parameters with their
defaults, the columns of its rows, its Python twin over the embedded graph, and its
Cypher file ``cypher/<name>.cypher``. Everything people read is made from the rows by
shared code, after :func:`canonical_rows` has put them in one plain form, so two engines
that answer alike produce identical reports.

Parameters are snake_case in Python (``as_of``, ``min_partners``); the Neo4j engine passes
them to Cypher in camelCase (``$asOf``, ``$minPartners``), the one convention of the files.

A query also declares which of its columns hold personal data (:attr:`Query.persons`), so one
engine wrapper (:func:`om_graph.privacy.redacting`) can pseudonymise them for every report.

>>> rows = [{"a": "n2", "n": 1.23456}, {"a": "n1", "n": 2}]
>>> canonical_rows(rows, ("a", "n"))
[{'a': 'n1', 'n': 2}, {'a': 'n2', 'n': 1.2346}]
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Protocol

from om_graph.errors import UsageError

if TYPE_CHECKING:
    from om_graph.engines.embedded.graph import EmbeddedGraph

#: What a query's person column may hold (see :attr:`Query.persons`).
PERSON_FIELDS = ("id", "name", "email")

Row = dict[str, Any]
Params = dict[str, Any]
#: The Python twin of a query: rows of the embedded graph for parameters.
Twin = Callable[["EmbeddedGraph", Params], Iterable[Row]]


@dataclass(frozen=True)
class Query:
    """A named question with a Python twin and a Cypher file that return the same rows."""

    name: str
    columns: tuple[str, ...]
    run: Twin
    doc: str
    params: Mapping[str, Any] = field(default_factory=dict)
    #: Columns about persons, and what each holds: ``id`` (a person id, or a list of them),
    #: ``name`` or ``email`` (of the person whose id is in the query's one ``id`` column). A key
    #: ``evidence.<key>`` names an entry of the ``evidence`` column's dict (person ids only).
    persons: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key, holds in self.persons.items():
            column, _, inner = key.partition(".")
            if column not in self.columns or holds not in PERSON_FIELDS or (inner and holds != "id"):
                raise ValueError(f"{self.name}: persons: {key}: {holds} is not a person column of this query")
        ids = [key for key, holds in self.persons.items() if holds == "id" and "." not in key]
        if set(self.persons.values()) - {"id"} and len(ids) != 1:
            raise ValueError(f"{self.name}: persons: a name or e-mail column needs exactly one id column")

    @property
    def cypher_file(self) -> str:
        """Its Cypher file, relative to ``cypher/``."""
        return f"{self.name}.cypher"

    def with_defaults(self, params: Mapping[str, Any] | None) -> Params:
        """Its parameters: the defaults, overridden by ``params``; unknown names are refused."""
        params = dict(params or {})
        unknown = sorted(set(params) - set(self.params))
        if unknown:
            raise UsageError(f"{self.name}: unknown parameter(s) {', '.join(unknown)}")
        return {**self.params, **params}


class Engine(Protocol):
    """An engine: a name for reports, and the rows of a query for parameters.

    An engine may also say how many queries it answers at once (``workers``, 1 if it does not
    say): a server plans and runs queries on its own cores, the embedded engine on the caller's.
    """

    name: str

    def rows(self, query: Query, params: Params) -> list[Row]: ...


def answer(engine: Engine, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
    """``query`` on ``engine`` with its defaults filled in, as canonical rows."""
    return canonical_rows(engine.rows(query, query.with_defaults(params)), query.columns)


def answer_all(
    engine: Engine, asked: Iterable[tuple[Query, Mapping[str, Any] | None]]
) -> Iterator[list[Row]]:
    """The canonical rows of each ``(query, params)``, in the order asked, up to ``engine.workers`` of them at once.

    Independent queries overlap on a server (the first audit after a load is mostly the
    server planning each query); each answer is still yielded in order, and the first
    error stops the rest.
    """
    asked = [(query, query.with_defaults(params)) for query, params in asked]
    workers = min(getattr(engine, "workers", 1), len(asked))
    if workers <= 1:
        for query, params in asked:
            yield canonical_rows(engine.rows(query, params), query.columns)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="om-graph-query") as pool:
        pending = [pool.submit(engine.rows, query, params) for query, params in asked]
        try:
            for (query, _), future in zip(asked, pending):
                yield canonical_rows(future.result(), query.columns)
        finally:
            for future in pending:
                future.cancel()


def canonical_rows(rows: Iterable[Row], columns: tuple[str, ...]) -> list[Row]:
    """Rows in the plain form both engines report (lists sorted, dates ISO), sorted by their columns."""
    expected = set(columns)
    out = []
    for row in rows:
        if row.keys() != expected:
            raise RuntimeError(f"row has columns {sorted(row)}, expected {sorted(columns)}")
        out.append({c: canonical_value(row[c]) for c in columns})
    return _sorted_rows(out, columns)


def _sorted_rows(rows: list[Row], columns: tuple[str, ...]) -> list[Row]:
    """``rows`` sorted by ``tuple(_sort_key(r[c]) for c in columns)``, in fewer steps.

    A column of text only (or numbers only) sorts as its plain values: the same order as its
    :func:`_sort_key` gives. The key of a column of dicts or lists (JSON text, the costly part)
    is computed only for rows whose preceding columns tie: sorting those runs again by it is
    what a stable sort by the whole key does.
    """
    if len(rows) < 2:
        return rows
    cheap: list[list[Any]] = []
    for column in columns:
        values = [r[column] for r in rows]
        kinds = set(map(type, values))
        if kinds <= _TEXT or kinds <= _NUMBERS:
            cheap.append(values)
        elif kinds <= _SCALARS:
            cheap.append(list(map(_sort_key, values)))
        else:
            break  # this column and those after it: per run of ties only
    rest = columns[len(cheap) :]
    if not cheap:
        return sorted(rows, key=lambda r: tuple(_sort_key(r[c]) for c in columns))
    keys = cheap[0] if len(cheap) == 1 else list(zip(*cheap))
    if not rest:
        return [rows[i] for i in sorted(range(len(rows)), key=keys.__getitem__)]
    return sorted_ties_last(rows, keys, lambda r: tuple(_sort_key(r[c]) for c in rest))


def sorted_ties_last(items: list[Any], cheap: list[Any], rest: Callable[[Any], Any]) -> list[Any]:
    """``items`` sorted by (``cheap[i]``, ``rest(item)``), with ``rest`` (the costly part) computed only for items
    whose cheap keys tie: sorting each run of ties by it is what a stable sort by the whole key does."""
    order = sorted(range(len(items)), key=cheap.__getitem__)
    ordered = [items[i] for i in order]
    sorted_keys = [cheap[i] for i in order]
    start = 0
    for end in range(1, len(ordered) + 1):
        if end == len(ordered) or sorted_keys[end] != sorted_keys[start]:
            if end - start > 1:
                ordered[start:end] = sorted(ordered[start:end], key=rest)
            start = end
    return ordered


_TEXT = frozenset({str})
_NUMBERS = frozenset({int, float})
_SCALARS = frozenset({str, int, float, bool, type(None)})
#: Values already in plain form (exact types: a subclass such as an enum takes the general path).
_PLAIN = frozenset({str, int, bool, type(None)})


def canonical_value(value: Any) -> Any:
    """A value in plain form: dicts sorted by key, collections sorted, dates ISO, floats to 4 places."""
    if value.__class__ in _PLAIN:
        return value
    if isinstance(value, dict):
        return {key: _flat(value[key]) for key in sorted(value)}
    return _flat(value)


def _flat(value: Any) -> Any:
    if value.__class__ in _PLAIN:
        return value
    if isinstance(value, (set, frozenset, list, tuple)):
        if set(map(type, value)) <= _PLAIN:  # plain entries (most lists, 219,755 ids in the network statistics) stay as they are
            return sorted(value)
        return sorted(_scalar(v) for v in value)
    return _scalar(value)


def _scalar(value: Any) -> Any:
    if value.__class__ in _PLAIN:
        return value
    if hasattr(value, "to_native"):  # neo4j.time.Date and friends
        value = value.to_native()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


def _sort_key(value: Any) -> tuple:
    if value is None:
        return (0, 0)
    if isinstance(value, (bool, int, float)):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, json.dumps(value, sort_keys=True, default=str))
