"""Where the dataset's regions and networks lie on the map of Germany, by the regions' official codes.

A region is drawn when its ``code`` is the ISO 3166-2 code of a Land or the Kreisschlüssel of a
Kreis (:mod:`om_graph.dataset.geo`); a region without one is still listed, with the reason. A
network sits at the label points of the regions it covers (their mean); a region without a
code of its own borrows the point of its nearest ancestor that has one. Several networks at one
point are spread on a small sunflower spiral, so none hides another.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.dataset.sources import example_dataset
>>> found = places(EmbeddedEngine(example_dataset()), "state")
>>> found.codes["DE-BY"], found.unplaced
('DE-BY', [])
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from om_graph.dataset.geo import Germany, load_germany
from om_graph.i18n import t
from om_graph.queries.registry import run_query

Point = tuple[float, float]
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class Unplaced:
    """A region of the level that is not drawn, and why: no_code, unknown_code, other_level or duplicate."""

    region_id: str
    name: str
    reason: str
    code: str | None = None


@dataclass
class Places:
    germany: Germany
    level: str
    rows: dict[str, dict[str, Any]]
    #: region id -> its official code, for every region whose code names a Land or Kreis.
    codes: dict[str, str]
    #: the regions of the level that cannot be drawn.
    unplaced: list[Unplaced] = field(default_factory=list)

    def of_level(self) -> list[str]:
        return sorted(rid for rid, row in self.rows.items() if row["level"] == self.level)

    def point(self, region_id: str) -> Point | None:
        """The label point of the region, or of its nearest ancestor with a known code."""
        seen = set()
        while region_id and region_id not in seen:
            seen.add(region_id)
            shape = self.germany.shape(self.codes.get(region_id))
            if shape is not None:
                return float(shape.label[0]), float(shape.label[1])
            region_id = (self.rows.get(region_id) or {}).get("parent_id")
        return None

    def state_code(self, region_id: str) -> str | None:
        """The Land a region lies in (by code), walking up its parents."""
        seen = set()
        while region_id and region_id not in seen:
            seen.add(region_id)
            code = self.codes.get(region_id)
            if code in self.germany.states:
                return code
            if code in self.germany.districts:
                return self.germany.districts[code].state
            region_id = (self.rows.get(region_id) or {}).get("parent_id")
        return None


def places(engine: Any, level: str) -> Places:
    """The dataset's regions resolved against the map, the level's undrawable ones listed with a reason."""
    germany = load_germany()
    shapes = {"state": germany.states, "district": germany.districts}
    rows = {row["region_id"]: row for row in run_query(engine, "places/regions")}
    codes: dict[str, str] = {}
    unplaced: list[Unplaced] = []
    taken: dict[str, str] = {}
    for rid in sorted(rows):
        row = rows[rid]
        code = (row.get("code") or "").strip()
        known = germany.shape(code) is not None
        if known and rows[rid]["level"] in shapes and code not in shapes[rows[rid]["level"]]:
            known = False
            reason = "other_level"
        elif known and code in taken:
            known = False
            reason = "duplicate"
        else:
            reason = "no_code" if not code else "unknown_code"
        if known:
            codes[rid] = code
            taken[code] = rid
        elif row["level"] == level:
            unplaced.append(Unplaced(rid, row.get("region_name") or rid, reason, code or None))
    return Places(germany, level, rows, codes, unplaced)


def unplaced_text(region: Unplaced, lang: str) -> str:
    """Why a region is not on the map, in ``lang``."""
    values = {"name": region.name, "id": region.region_id, "code": region.code or ""}
    if region.reason == "no_code":
        return t("map.unplaced.no_code", lang, **values)
    if region.reason == "other_level":
        return t("map.unplaced.other_level", lang, **values)
    if region.reason == "duplicate":
        return t("map.unplaced.duplicate", lang, **values)
    return t("map.unplaced.unknown_code", lang, **values)


def network_points(engine: Any, found: Places) -> tuple[dict[str, Point], list[str]]:
    """Network id -> the mean label point of its covered regions; and the networks with no point (nationwide or unknown)."""
    covered: dict[str, list[Point]] = {}
    for row in run_query(engine, "network/regions"):
        point = found.point(row["region_id"])
        covered.setdefault(row["network_id"], [])
        if point is not None:
            covered[row["network_id"]].append(point)
    points = {nid: _mean(ps) for nid, ps in covered.items() if ps}
    return points, sorted(nid for nid, ps in covered.items() if not ps)


def spread(points: dict[str, Point], spacing: float) -> dict[str, Point]:
    """The same points, those sharing a spot moved apart on a sunflower spiral (first id in the middle)."""
    groups: dict[tuple[int, int], list[str]] = {}
    for key in sorted(points):
        x, y = points[key]
        groups.setdefault((round(x), round(y)), []).append(key)
    out: dict[str, Point] = {}
    for (x, y), keys in groups.items():
        for i, key in enumerate(keys):
            r = spacing * math.sqrt(i)
            out[key] = (round(x + r * math.cos(i * _GOLDEN_ANGLE)), round(y + r * math.sin(i * _GOLDEN_ANGLE)))
    return out


def _mean(points: list[Point]) -> Point:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
