"""Germany's 16 Länder and 400 Kreise as drawn shapes and neighbours, from the official boundaries.

``data/geo_de.json`` is built by ``scripts/build_geo.py`` from BKG's VG5000 (as of 1 January
2021, Eisenach merged into the Wartburgkreis), simplified and already projected to a plane, so
nothing here needs a geometry library. Regions are keyed by the official codes om-graph's
regions carry in ``code``: ISO 3166-2 for the Länder (``DE-BY``), the five-digit Kreisschlüssel
(the first five digits of the AGS, ``09162``) for the Kreise. Every drawing of these shapes must
show :attr:`Germany.attribution` (Datenlizenz Deutschland Namensnennung 2.0).

>>> germany = load_germany()
>>> len(germany.states), len(germany.districts), germany.districts["09162"].name
(16, 400, 'München')
>>> ("DE-BY", "DE-TH") in germany.state_borders
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

#: Where to link the attribution on a web page, as the licence asks.
ATTRIBUTION_LINK = "https://www.bkg.bund.de"


@dataclass(frozen=True)
class Shape:
    """One region as drawn: SVG path data (relative moves, ``units_per_km`` units), label point and centroid."""

    code: str
    name: str
    path: str
    label: tuple[int, int]
    centroid: tuple[int, int]
    area_km2: int
    state: str | None = None


@dataclass(frozen=True)
class Germany:
    """The Länder and Kreise by code, their borders (pairs, smaller code first), and the drawing's frame."""

    states: dict[str, Shape]
    districts: dict[str, Shape]
    state_borders: frozenset[tuple[str, str]]
    district_borders: frozenset[tuple[str, str]]
    bbox: tuple[int, int, int, int]
    units_per_km: int
    attribution: str
    licence: str
    tolerance_km: float

    def shape(self, code: str | None) -> Shape | None:
        """The Land or Kreis with this code (ISO 3166-2 or Kreisschlüssel), or ``None``."""
        if not code:
            return None
        return self.states.get(code) or self.districts.get(code)


@cache
def load_germany() -> Germany:
    raw = json.loads((files("om_graph.dataset") / "data" / "geo_de.json").read_text(encoding="utf-8"))

    def shapes(block: dict, with_names: bool) -> dict[str, Shape]:
        return {
            code: Shape(
                code=code,
                name=item.get("name", code) if with_names else code,
                path=item["path"],
                label=tuple(item["label"]),
                centroid=tuple(item["centroid"]),
                area_km2=item["area_km2"],
                state=item.get("state"),
            )
            for code, item in block.items()
        }

    return Germany(
        states=shapes(raw["states"], False),
        districts=shapes(raw["districts"], True),
        state_borders=frozenset(tuple(pair) for pair in raw["state_borders"]),
        district_borders=frozenset(tuple(pair) for pair in raw["district_borders"]),
        bbox=tuple(raw["bbox"]),
        units_per_km=raw["units_per_km"],
        attribution=raw["attribution"],
        licence=raw["licence"],
        tolerance_km=raw["tolerance_km"],
    )
