"""Offline interactive maps (vis-network): the network of networks, ambassador coverage, audit stages.

Each map is one self-contained HTML file that makes no network request; see :mod:`.build`.
"""

from om_graph.features.maps.ambassadors import ambassadors_map
from om_graph.features.maps.audit import audit_map
from om_graph.features.maps.build import Map, render_html
from om_graph.features.maps.networks import networks_map

__all__ = ["Map", "ambassadors_map", "audit_map", "networks_map", "render_html"]
