"""Gaps of every kind from either engine, as :class:`Gap` objects: what reports, maps and benchmarks use.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.dataset.sources import example_dataset
>>> gaps = find_gaps(EmbeddedEngine(example_dataset()), kinds=["isolated_network"])
>>> [(g.a_id, g.region_id) for g in gaps]
[('he-rhein-main', '06412')]
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Iterable

from om_graph.queries.registry import all_queries, run_queries, run_query
from om_graph.errors import UsageError
from om_graph.engines.contract import Engine
from om_graph.queries.gaps.kind import GapKind

#: The sheets the gaps' queries and the names of their workbook read: from a dataset the command reads and checks
#: these alone (ratings, self-declarations, the action plan, contacts, criticisms and ambassadors are not read: 45 % of the
#: rows at scale 100). tests/test_sheet_selection.py holds the gaps of these to the gaps of every sheet.
SHEETS = frozenset({
    "activities", "approaches", "borders", "cooperations", "memberships", "network_regions", "networks",
    "organisations", "persons", "regions", "sub_networks",
})


@dataclass(frozen=True)
class Gap:
    """One collaboration gap: its kind, side a, side b (if any), the region and the evidence."""

    kind: str
    a_kind: str
    a_id: str
    a_name: str
    b_kind: str | None
    b_id: str | None
    b_name: str | None
    region_id: str | None
    region_name: str | None
    region_path: tuple[str, ...]
    evidence: dict[str, Any]

    def as_row(self) -> dict[str, Any]:
        """The gap as its query row (``region_path`` a list): the machine-readable form."""
        row = asdict(self)
        row["region_path"] = list(self.region_path)
        return row


@cache
def all_kinds() -> tuple[GapKind, ...]:
    """Every gap kind (the KIND of each ``gaps/`` query's module), in report order."""
    modules = {q.run.__module__ for q in all_queries() if q.name.startswith("gaps/")}
    return tuple(sorted((importlib.import_module(m).KIND for m in modules), key=lambda k: k.rank))


def _known_region(engine: Engine, region: str) -> bool:
    """Is ``region`` the id of a region of any level in the engine's graph?"""
    return any(row["region_id"] == region for row in run_query(engine, "places/regions"))


def get_kind(code: str) -> GapKind:
    for kind in all_kinds():
        if kind.code == code:
            return kind
    raise UsageError(f"unknown gap kind {code!r}; valid kinds: {', '.join(k.code for k in all_kinds())}")


def find_gaps(engine: Engine, kinds: Iterable[str] | None = None, region: str | None = None) -> list[Gap]:
    """The gaps of ``kinds`` (default: all) on ``engine``, in report order: by kind, then by row.

    ``region`` keeps the gaps whose ``region_path`` holds that region id: a state finds the gaps
    in its districts too. Unknown kinds and regions are refused before anything runs (an unknown
    region would otherwise answer "0 gaps").
    """
    chosen = [get_kind(code) for code in dict.fromkeys(kinds)] if kinds else list(all_kinds())
    if region is not None and not _known_region(engine, region):
        raise UsageError(f"--region {region}: no region with this id in the data (ids as in the regions sheet, e.g. DE-BY)")
    order = {kind.code: i for i, kind in enumerate(all_kinds())}
    found = []
    ordered = sorted(chosen, key=lambda k: order[k.code])
    for rows in run_queries(engine, [(kind.query, None) for kind in ordered]):  # independent: a server overlaps them
        for row in rows:
            if region is None or region in row["region_path"]:
                found.append(Gap(**{**row, "region_path": tuple(row["region_path"])}))
    return found
