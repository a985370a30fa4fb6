"""Offline interactive maps (vis-network): the network of networks, ambassador coverage, audit stages.

Each map is one self-contained HTML file that makes no network request; see :mod:`.build`.
"""

from .ambassadors import ambassadors_map
from .audit import audit_map
from .build import Map, render_html
from .networks import networks_map

__all__ = ["Map", "ambassadors_map", "audit_map", "networks_map", "render_html"]
