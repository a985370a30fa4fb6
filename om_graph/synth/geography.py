"""Germany: its 16 federal states and 400 districts, as compact index-based lists.

Real names, ISO 3166-2 codes, district keys and populations come from ``data/regions_de.yaml``
of :mod:`om_graph.dataset`; the borders between states and between districts are computed
from the official boundaries (:mod:`om_graph.dataset.geo`, built by ``scripts/build_geo.py``):
two regions border when their boundaries share a line. The regions do not grow with the scale.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from om_graph.dataset.geo import Germany, load_germany
from om_graph.dataset.model import Border, Region


class Geo:
    """Germany as compact, index-based lists (districts and states are ints)."""

    def __init__(self, raw: dict[str, Any], germany: Germany) -> None:
        self.country_id: str = raw["country"]["id"]
        self.country_name: str = raw["country"]["name"]
        self.state_ids: list[str] = []
        self.state_names: list[str] = []
        self.state_population: list[float] = []
        self.state_districts: list[list[int]] = []
        self.district_ids: list[str] = []
        self.district_names: list[str] = []
        self.district_state: list[int] = []
        for s, state in enumerate(raw["states"]):
            self.state_ids.append(state["id"])
            self.state_names.append(state["name"])
            self.state_population.append(float(state["population_m"]))
            members = []
            for key, name in state["districts"].items():
                members.append(len(self.district_ids))
                self.district_ids.append(str(key))
                self.district_names.append(name)
                self.district_state.append(s)
            self.state_districts.append(members)
        state_index = {sid: i for i, sid in enumerate(self.state_ids)}
        district_index = {did: i for i, did in enumerate(self.district_ids)}
        self.state_borders: list[tuple[int, int]] = unique_pairs(
            (state_index[a], state_index[b]) for a, b in sorted(germany.state_borders)
        )
        self.district_borders: list[tuple[int, int]] = unique_pairs(
            (district_index[a], district_index[b]) for a, b in sorted(germany.district_borders)
        )
        self.state_neighbours: list[list[int]] = [[] for _ in self.state_ids]
        for a, b in self.state_borders:
            self.state_neighbours[a].append(b)
            self.state_neighbours[b].append(a)
        self.district_neighbours: list[list[int]] = [[] for _ in self.district_ids]
        for a, b in self.district_borders:
            self.district_neighbours[a].append(b)
            self.district_neighbours[b].append(a)


def unique_pairs(pairs: Any) -> list[tuple[int, int]]:
    """Pairs without self-loops and duplicates in either direction, first orientation kept."""
    seen: dict[tuple[int, int], tuple[int, int]] = {}
    for a, b in pairs:
        if a != b:
            seen.setdefault((min(a, b), max(a, b)), (a, b))
    return list(seen.values())


@lru_cache(maxsize=1)
def load_geo() -> Geo:
    text = (files("om_graph.dataset") / "data" / "regions_de.yaml").read_text(encoding="utf-8")
    return Geo(yaml.safe_load(text), load_germany())


def region_records(geo: Geo) -> tuple[list[Region], list[Border]]:
    """The country, its states and districts, and the borders between them."""
    regions = [Region(id=geo.country_id, name=geo.country_name, level="country", code=geo.country_id)]
    for s, sid in enumerate(geo.state_ids):
        regions.append(Region(id=sid, name=geo.state_names[s], level="state", parent_id=geo.country_id, code=sid))
    for d, did in enumerate(geo.district_ids):
        state = geo.state_ids[geo.district_state[d]]
        regions.append(Region(id=did, name=geo.district_names[d], level="district", parent_id=state, code=did))
    borders = [Border(region_id=geo.state_ids[a], neighbour_id=geo.state_ids[b]) for a, b in geo.state_borders]
    borders += [
        Border(region_id=geo.district_ids[a], neighbour_id=geo.district_ids[b]) for a, b in geo.district_borders
    ]
    return regions, borders
