"""One case format for every query both engines answer: ``tests/query_cases/<query name>.yml``.

A case file names its ``query`` (``rules/OM104_min_partners``, ``gaps/unlinked_border``,
``network/links``, ``stages``...) and the ``key`` columns that identify a row, holds a ``base``
dataset shared by its cases, may set ``as_of`` for all of them, and lists named ``cases``.
Each case adds sheets to the base (rows are appended), may set ``as_of`` and ``params``, may
keep only the rows ``where`` a column equals (or, for a list column, contains) a value, and
lists the rows it ``expect`` s: the key columns identify each row, every other column given
must equal the row's value. An empty ``expect`` is a passing case: the query returns no row.
Test ids are ``<file>_<case>``, so ``pytest -k OM104`` runs one rule's cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from om_graph.dataset.model import Dataset
from om_graph.engines.contract import Row, canonical_value
from om_graph.queries.registry import get_query, run_query

CASES_DIR = Path(__file__).parent / "query_cases"
DEFAULT_AS_OF = dt.date(2025, 6, 30)


@dataclass
class QueryCase:
    file: str
    query: str
    key: tuple[str, ...]
    name: str
    dataset: Dataset
    as_of: dt.date
    params: dict[str, Any]
    where: dict[str, Any]
    expect: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.file}_{self.name}"


def merge(base: dict[str, list], extra: dict[str, list]) -> dict[str, list]:
    merged = {k: list(v) for k, v in (base or {}).items()}
    for sheet, rows in (extra or {}).items():
        merged.setdefault(sheet, []).extend(rows)
    return merged


def load_cases(path: Path) -> list[QueryCase]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    query = get_query(doc["query"])
    key = tuple(doc["key"])
    unknown = set(key) - set(query.columns)
    assert not unknown, f"{path}: key columns {unknown} are not columns of {query.name}"
    return [
        QueryCase(
            file=path.stem,
            query=query.name,
            key=key,
            name=case["name"],
            dataset=Dataset.model_validate(merge(doc.get("base"), case.get("data"))),
            as_of=case.get("as_of", doc.get("as_of", DEFAULT_AS_OF)),
            params=case.get("params", {}),
            where=case.get("where", {}),
            expect=case.get("expect") or [],
        )
        for case in doc["cases"]
    ]


def all_cases() -> list[QueryCase]:
    return [c for path in sorted(CASES_DIR.rglob("*.yml")) for c in load_cases(path)]


def rows_of(case: QueryCase, engine) -> list[Row]:
    """The case's query on ``engine``: canonical rows, filtered by ``where``."""
    params = dict(case.params)
    if "as_of" in get_query(case.query).params:
        params["as_of"] = case.as_of
    return [row for row in run_query(engine, case.query, params) if _kept(row, case.where)]


def _kept(row: Row, where: dict[str, Any]) -> bool:
    for column, value in where.items():
        found = row[column]
        if not (value in found if isinstance(found, list) else found == value):
            return False
    return True


def assert_case(case: QueryCase, found: list[Row]) -> None:
    """The rows are exactly the expected ones (by key), with every expected column's value."""

    def key(row: dict[str, Any]) -> tuple:
        return tuple(str(canonical_value(row.get(column))) for column in case.key)

    assert sorted(key(r) for r in found) == sorted(key(e) for e in case.expect), found
    by_key = {key(r): r for r in found}
    for expected in case.expect:
        row = by_key[key(expected)]
        for column, value in expected.items():
            assert row[column] == canonical_value(value), (column, expected, row)
