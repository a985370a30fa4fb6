"""One map as one self-contained HTML file: vis-network inlined, data embedded, no request leaves it.

Up to ``PHYSICS_LIMIT`` nodes, vis-network's physics arranges the map and stops once stable;
larger maps come with positions computed in Python. pyvis ships vis-network 9.1.2, but its templates load scripts and styles from CDNs even in
"local" mode, and its ``add_edge`` checks every edge against all others (quadratic at a few
thousand nodes). So a map is plain data (:class:`Map`) rendered through our own template,
which inlines pyvis's copy of ``vis-network.min.js`` and ``vis-network.css``. The URLs in the
library's licence comments and strings are written ``http:\\/\\/``, which means the same to
JavaScript, so the file contains no ``http://`` at all.

>>> html = render_html(Map(title="T <1>", subtitle="", lang="en", legend=[], nodes=[], edges=[]))
>>> "T &lt;1&gt;" in html and "http://" not in html and "https://" not in html
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from jinja2 import Environment, FunctionLoader

from om_graph.i18n import t
from om_graph.features.maps.layout import precomputed_positions
from om_graph.features.maps.readable import CELL, extent, grid_apart

#: Above this many nodes vis-network's "improved layout" (Kamada-Kawai on clusters) takes minutes.
IMPROVED_LAYOUT_LIMIT = 150
#: Above this many nodes the layout is computed in Python (:mod:`.layout`) and the browser runs no physics.
PHYSICS_LIMIT = 1000

_VIS = ("lib", "vis-9.1.2")
_URL_SCHEME = re.compile(r"\b(https?):/{2}")


@dataclass(frozen=True)
class LegendEntry:
    """One line of the legend, and a filter: unticking it hides the nodes or edges of ``category``."""

    category: str
    label: str
    color: str
    target: Literal["node", "edge"] = "node"
    shape: str = "dot"
    dashes: bool = False
    border: str | None = None


@dataclass
class Map:
    """What a map shows: vis-network nodes and edges (plain-text ``title`` tooltips) and its legend.

    Every node and edge carries a ``category`` naming its legend entry.
    """

    title: str
    subtitle: str
    lang: str
    legend: list[LegendEntry]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    redacted: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def render_html(chosen: Map) -> str:
    """The map as one HTML document that needs nothing but a browser."""
    edges = [{"id": f"e{i}", **edge} for i, edge in enumerate(chosen.edges)]
    nodes, options = chosen.nodes, _merge(default_options(len(chosen.nodes)), chosen.options)
    placed = [n for n in nodes if not n.get("apart")]
    apart = [n for n in nodes if n.get("apart")]
    physics = options["physics"]["enabled"]
    if len(placed) > PHYSICS_LIMIT and physics:
        positions = precomputed_positions((n["id"] for n in placed), ((e["from"], e["to"]) for e in edges))
        placed = [{**n, "x": round(positions[n["id"]][0], 1), "y": round(positions[n["id"]][1], 1)} for n in placed]
        options = _merge(options, {"physics": {"enabled": False}})
    nodes = placed + _set_apart(apart, placed, physics and len(placed) <= PHYSICS_LIMIT)
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "cell": CELL,
        "words": {
            "matches": t("map.search.matches", chosen.lang, count="{count}"),
            "counts": t("map.counts", chosen.lang, nodes=len(chosen.nodes), edges=len(edges)),
            "layout": t("map.layout.running", chosen.lang),
        },
    }
    lang = chosen.lang
    return _template().render(
        map=chosen,
        words=page_words(lang),
        vis_css=_vis_asset("vis-network.css"),
        vis_js=_vis_asset("vis-network.min.js"),
        data_json=embedded_json(data),
    )


def _set_apart(apart: list[dict[str, Any]], placed: list[dict[str, Any]], physics: bool) -> list[dict[str, Any]]:
    """Nodes marked ``apart`` (isolated networks and their heading) in a grid to the right of the others, fixed."""
    if not apart:
        return []
    if physics or not placed:
        reach = extent(len(placed))
        right, top = reach, -reach
    else:
        right = max(n["x"] for n in placed) + 2 * CELL
        top = min(n["y"] for n in placed)
    headings = [n for n in apart if n.get("heading")]
    grid = grid_apart([n["id"] for n in apart if not n.get("heading")], right, top + CELL)
    out = [{**n, "x": right, "y": top, "fixed": True, "physics": False, "font": {**n.get("font", {}), "align": "left"}}
           for n in headings]
    out += [{**n, "x": grid[n["id"]][0], "y": grid[n["id"]][1], "fixed": True, "physics": False}
            for n in apart if not n.get("heading")]
    return out


def default_options(node_count: int) -> dict[str, Any]:
    """vis-network options: physics runs a bounded stabilisation, then the template switches it off."""
    big = node_count > IMPROVED_LAYOUT_LIMIT
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        "nodes": {
            "font": {"face": "sans-serif", "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
            "scaling": {"min": 8, "max": 40, "label": {"enabled": True, "min": 11, "max": 18, "drawThreshold": 6}},
            "borderWidth": 1,
        },
        "edges": {
            "smooth": False,
            "color": {"inherit": False, "opacity": 0.7},
            "scaling": {"min": 1, "max": 10},
            "selectionWidth": 2,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 140, "avoidOverlap": 0.6},
            "stabilization": {"enabled": True, "iterations": 150 if big else 400, "updateInterval": 25, "fit": True},
        },
    }


def embedded_json(data: Any) -> str:
    """JSON that can sit inside ``<script>``: no ``</script>``, ``<!--`` or line separators survive.

    >>> embedded_json({"t": "</script><!--"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def without_urls(script: str) -> str:
    r"""JavaScript with every ``http://``/``https://`` written ``http:\/\/``: the same string to JS, no URL to a scanner.

    ``\/`` is ``/`` in JavaScript strings, template literals and regular expressions, and
    inert in comments, where vis-network's licence header keeps its links readable.

    >>> without_urls('"http://www.w3.org/2000/svg"')
    '"http:\\/\\/www.w3.org/2000/svg"'
    """
    return _URL_SCHEME.sub(r"\1:\\/\\/", script).replace("</script", "<\\/script")


@cache
def _vis_asset(name: str) -> str:
    text = files("pyvis").joinpath(*_VIS, name).read_text(encoding="utf-8")
    return without_urls(text) if name.endswith(".js") else text


@cache
def page_css() -> str:
    """The styles both kinds of map share (page.css): header, side bar, legend, details, print."""
    return files("om_graph.features.maps").joinpath("page.css").read_text(encoding="utf-8").rstrip("\n")


def page_environment() -> Environment:
    """Jinja for both kinds of map: their templates and shared parts (page_header.html) from this package, page.css."""
    folder = files("om_graph.features.maps")
    env = Environment(
        loader=FunctionLoader(lambda name: folder.joinpath(name).read_text(encoding="utf-8")),
        autoescape=True,
        keep_trailing_newline=True,
    )
    env.globals["page_css"] = page_css()
    return env


def page_words(lang: str) -> dict[str, str]:
    """The words of the page around either kind of map (page_header.html and the details box)."""
    return {
        "search": t("map.search", lang),
        "search.hint": t("map.search.hint", lang),
        "legend": t("map.legend", lang),
        "filter.hint": t("map.filter.hint", lang),
        "details": t("map.details", lang),
        "details.hint": t("map.details.hint", lang),
        "redacted": t("map.redacted", lang),
        "reset": t("map.reset", lang),
        "save_png": t("map.save_png", lang),
    }


@cache
def _template():
    return page_environment().get_template("template.html")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out
