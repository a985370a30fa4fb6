"""Positions for maps too large for the browser's physics, computed once in Python.

vis-network's physics costs about a tenth of a second per iteration at 4,000 nodes in a
headless browser, so a large map would spend a minute arranging itself. Instead the nodes are
grouped into Louvain communities (networkx, seeded: the same data gives the same picture);
each community is a disc with its best-connected nodes in the middle (a sunflower spiral),
and the discs are packed in rows, largest first. Linear in the map's size besides Louvain,
and pure Python (no numpy).

>>> pos = precomputed_positions(["a", "b", "c"], [("a", "b")])
>>> sorted(pos) == ["a", "b", "c"] and pos == precomputed_positions(["a", "b", "c"], [("a", "b")])
True
"""

from __future__ import annotations

import math
from typing import Hashable, Iterable

import networkx as nx

#: Room per node, in pixels of the vis-network canvas.
SPACING = 40
SEED = 7
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Point = tuple[float, float]


def precomputed_positions(ids: Iterable[Hashable], links: Iterable[tuple[Hashable, Hashable]]) -> dict[Hashable, Point]:
    """Node id -> (x, y) for every id, deterministic for the same ids and links."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(ids, key=str))
    graph.add_edges_from((a, b) for a, b in links if a != b)
    communities = nx.community.louvain_communities(graph, seed=SEED)
    discs = sorted(
        (sorted(group, key=lambda n: (-graph.degree(n), str(n))) for group in communities),
        key=lambda members: (-len(members), str(members[0])),
    )
    positions: dict[Hashable, Point] = {}
    for (cx, cy), members in zip(_packed([_radius(len(m)) for m in discs]), discs):
        for i, node in enumerate(members):
            x, y = _sunflower(i)
            positions[node] = (cx + x, cy + y)
    return positions


def _radius(count: int) -> float:
    return SPACING * (math.sqrt(count) + 1)


def _sunflower(i: int) -> Point:
    """The i-th point of a sunflower spiral: even density, first points in the middle."""
    r = SPACING * math.sqrt(i)
    return r * math.cos(i * _GOLDEN_ANGLE), r * math.sin(i * _GOLDEN_ANGLE)


def _packed(radii: list[float]) -> list[Point]:
    """Centres for discs of ``radii`` (largest first) in rows about as wide as the whole is tall."""
    width = math.sqrt(sum((2 * r) ** 2 for r in radii)) * 1.3
    centres: list[Point] = []
    x = y = row_height = 0.0
    for r in radii:
        if x > 0 and x + 2 * r > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centres.append((x + r, y + r))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return centres
