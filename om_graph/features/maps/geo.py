"""A map of Germany as one self-contained HTML file: inline SVG, a little script, no library, no request.

The Länder or Kreise are SVG paths from :mod:`om_graph.dataset.geo` (already projected), filled
by what the map shows; networks and ambassadors are markers at their regions. Markers and
labels keep their size on screen while the map zooms (one CSS variable), and labels that would
overlap at the current zoom are hidden, most important first (the script in
``geo_template.html``). The attribution the licence requires is drawn on the map itself and
printed in the footer.

>>> from om_graph.features.maps.build import LegendEntry
>>> html = render_geo_html(GeoMap("T <1>", "", "en", "state", [LegendEntry("x", "X", "#000")], regions=[]))
>>> "T &lt;1&gt;" in html and "GeoBasis-DE" in html and "http://" not in html
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any


from om_graph.dataset.geo import load_germany
from om_graph.features.maps.build import LegendEntry, embedded_json, page_environment, page_words
from om_graph.features.maps.palette import svg_patterns
from om_graph.i18n import t

#: Size of a fill pattern's cell, in map units (tenths of a km): about 6 px on a screen-sized Germany.
PATTERN_UNITS = 60
#: A marker's radius and a label's font size at the initial zoom, in map units.
MARKER_UNITS = 75
LABEL_UNITS = 120
#: Region categories that are only the background: filters ignore them when re-fitting the view.
BASE = ("base", "outside")


@dataclass
class GeoRegion:
    """One drawn Land or Kreis: its fill, legend category, tooltip and whether a gap outline and label mark it."""

    code: str
    name: str
    category: str
    fill: str
    tip: str
    region_id: str | None = None
    gap: str | None = None
    details: str = ""


@dataclass
class Marker:
    """A network or ambassador at a point of the map; ``related`` ids light up when it is selected."""

    id: str
    label: str
    category: str
    colour: str
    symbol: str
    x: float
    y: float
    tip: str
    details: str = ""
    related: list[str] = field(default_factory=list)
    priority: int = 1


@dataclass
class SideItem:
    """One line of a side list (uncovered regions, plan steps, regions not drawn): zooms to ``code`` if set."""

    text: str
    code: str | None = None
    kind: str = ""


@dataclass
class GeoMap:
    title: str
    subtitle: str
    lang: str
    level: str
    legend: list[LegendEntry]
    regions: list[GeoRegion]
    markers: list[Marker] = field(default_factory=list)
    #: region code -> step number of the plan layer
    plan: dict[str, int] = field(default_factory=dict)
    #: titled side lists, in order: (element id, title, items)
    lists: list[tuple[str, str, list[SideItem]]] = field(default_factory=list)
    redacted: bool = False
    #: legend entry patterns: (pattern, colour) pairs used by regions and legend swatches
    patterns: list[tuple[str, str]] = field(default_factory=list)

    @property
    def nodes(self) -> list[Any]:
        """What the map draws, counted as the command line reports it (regions and markers)."""
        return [*self.regions, *self.markers]

    @property
    def edges(self) -> list[Any]:
        return []


def render_geo_html(chosen: GeoMap) -> str:
    """The map as one HTML document that needs nothing but a browser."""
    germany = load_germany()
    lang = chosen.lang
    shapes = germany.states if chosen.level == "state" else germany.districts
    regions = [_region(r, shapes[r.code]) for r in chosen.regions if r.code in shapes]
    labels = _labels(chosen, shapes)
    x0, y0, x1, y1 = germany.bbox
    pad = 150
    data = {
        # Only what the page does not hold already: details beyond the tooltip, and related markers.
        "markers": {
            f"m{i}": {k: v for k, v in (("details", m.details), ("related", m.related)) if v and v != m.tip}
            for i, m in enumerate(chosen.markers) if (m.details and m.details != m.tip) or m.related
        },
        "regions": {r.code: {"category": r.category, "details": r.details or r.tip, "name": r.name} for r in chosen.regions},
        "words": {
            "matches": t("map.search.matches", lang, count="{count}"),
            "counts": t("map.geo.counts", lang, regions=len(regions), markers=len(chosen.markers)),
        },
        "markerUnits": MARKER_UNITS,
        "labelUnits": LABEL_UNITS,
    }
    words = {  # the page around the map (geo_template.html)
        **page_words(lang),
        "details.hint": t("map.geo.details.hint", lang),
        "attribution.source": t("map.attribution.source", lang),
    }
    return _template().render(
        map=chosen,
        words=words,
        view=(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad),
        regions=regions,
        outlines=[s.path for s in germany.states.values()] if chosen.level == "district" else [],
        gaps=[(r.gap, shapes[r.code].path) for r in chosen.regions if r.gap and r.code in shapes],
        plan=[(code, step, shapes[code]) for code, step in sorted(chosen.plan.items(), key=lambda item: item[1])
              if code in shapes],
        markers=chosen.markers,
        labels=labels,
        patterns=svg_patterns(chosen.patterns, PATTERN_UNITS),
        legend_patterns=svg_patterns(chosen.patterns, PATTERN_UNITS, prefix="om-legend-pattern"),
        marker_units=MARKER_UNITS,
        label_units=LABEL_UNITS,
        attribution=germany.attribution,
        licence=germany.licence,
        script=_script(),
        data_json=embedded_json(data),
    )


def _region(region: GeoRegion, shape) -> dict[str, Any]:
    return {"code": region.code, "path": shape.path, "fill": region.fill, "category": region.category,
            "tip": region.tip, "gap": region.gap or "", "name": region.name, "base": region.category in BASE,
            "cx": shape.centroid[0], "cy": shape.centroid[1]}


def _labels(chosen: GeoMap, shapes: dict) -> list[dict[str, Any]]:
    """Region labels: gaps and plan steps first, then every Land (at state level), then Kreise by area."""
    out = []
    for region in chosen.regions:
        shape = shapes.get(region.code)
        if shape is None:
            continue
        if region.gap:
            priority = 30
        elif region.code in chosen.plan:
            priority = 25
        elif chosen.level == "state":
            priority = 20
        elif region.category not in BASE or region.region_id:
            priority = 10 + min(shape.area_km2 // 400, 9)
        else:
            priority = 0
        out.append({"code": region.code, "text": region.name, "x": shape.label[0], "y": shape.label[1],
                    "priority": priority, "gap": region.gap or ""})
    out.sort(key=lambda label: (-label["priority"], label["code"]))
    return out


def marker_fill_symbols() -> dict[str, str]:
    """SVG symbols of the marker shapes, centred on 0,0 with radius 1 (scaled by the template)."""
    return {
        "circle": '<circle r="1"/>',
        "square": '<rect x="-0.85" y="-0.85" width="1.7" height="1.7"/>',
        "diamond": '<path d="M0-1.2L1.2 0 0 1.2-1.2 0z"/>',
        "triangle": '<path d="M0-1.25L1.15 0.85H-1.15z"/>',
        "star": '<path d="M0-1.3L.38-.4 1.25-.4 .55 .15 .8 1.05 0 .5-.8 1.05-.55 .15-1.25-.4-.38-.4z"/>',
        "hexagon": '<path d="M1 0L.5 .87-.5 .87-1 0-.5-.87.5-.87z"/>',
    }


@cache
def _script() -> str:
    return files("om_graph.features.maps").joinpath("geo_script.js").read_text(encoding="utf-8")


@cache
def _template():
    env = page_environment()
    env.globals["symbols"] = marker_fill_symbols()
    return env.get_template("geo_template.html")
