"""Offline interactive maps: the network of networks, ambassador coverage on a map of Germany, audit stages.

Each map is one self-contained HTML file that makes no network request: graphs are drawn by an
inlined vis-network (:mod:`.build`), maps of Germany as inline SVG (:mod:`.geo`).
"""

from __future__ import annotations

from om_graph.features.maps.ambassadors import ambassadors_map
from om_graph.features.maps.audit import audit_map
from om_graph.features.maps.build import Map
from om_graph.features.maps.build import render_html as render_graph_html
from om_graph.features.maps.geo import GeoMap, render_geo_html
from om_graph.features.maps.networks import networks_map

__all__ = ["GeoMap", "Map", "ambassadors_map", "audit_map", "networks_map", "render_html"]


def render_html(chosen: Map | GeoMap) -> str:
    """The map as one HTML document that needs nothing but a browser."""
    return render_geo_html(chosen) if isinstance(chosen, GeoMap) else render_graph_html(chosen)
