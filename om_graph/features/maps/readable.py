"""What keeps a graph map readable at any size: fewer links, isolated networks apart, Länder for many networks.

* **Links**: ``--min-shared N`` keeps links with at least N shared partners (and every recorded
  cooperation). Without it, a dense map (more than ``DENSE_LINKS_PER_NODE`` links per network)
  keeps each network's ``STRONGEST`` strongest links: a link stays if it is among the strongest
  of either end, so every linked network keeps at least one link.
* **Isolated networks** (no link at all) are placed apart, in a labelled grid beside the rest,
  so the gaps a planner looks for do not hide under other networks' edges.
* **Aggregation**: above ``max_nodes`` networks a map shows one node per Land at its place on the
  map of Germany, and the links between Länder (see :mod:`.networks`); every other map has its
  own form of the rule (:mod:`.aggregate`).

>>> links = [("a", "b", 5), ("a", "c", 1), ("b", "c", 1), ("c", "d", 2)]
>>> sorted(strongest(links, per_node=1))
[('a', 'b', 5), ('c', 'd', 2)]
"""

from __future__ import annotations

import math
from typing import Hashable, Iterable, Sequence, TypeVar

#: Links kept per network on a dense map.
STRONGEST = 3
#: A map is dense above this many links per network: then only the strongest links are drawn.
DENSE_LINKS_PER_NODE = 4
#: Above this many networks every map aggregates them, as its subtitle says (:mod:`.aggregate`).
MAX_NODES = 1000
#: Grid cell of the isolated networks, in vis-network canvas pixels.
CELL = 260

L = TypeVar("L", bound=Sequence)


def strongest(links: Iterable[L], per_node: int = STRONGEST) -> list[L]:
    """Links ``(a, b, weight, ...)`` among the ``per_node`` strongest of either end (ties: the order given)."""
    links = list(links)
    ranked: dict[Hashable, list[int]] = {}
    for i, link in enumerate(links):
        ranked.setdefault(link[0], []).append(i)
        ranked.setdefault(link[1], []).append(i)
    keep: set[int] = set()
    for indices in ranked.values():
        keep.update(sorted(indices, key=lambda i: -links[i][2])[:per_node])
    return [link for i, link in enumerate(links) if i in keep]


def thin(links: list[L], node_count: int, min_shared: int | None) -> tuple[list[L], str]:
    """The links to draw and why: ``all``, ``min_shared`` or ``strongest``.

    A link is ``(source, target, weight, cooperation)``: cooperations always stay with ``min_shared``.
    """
    if min_shared is not None:
        return [link for link in links if link[2] >= min_shared or link[3]], "min_shared"
    if len(links) > DENSE_LINKS_PER_NODE * max(node_count, 1):
        return strongest(links), "strongest"
    return links, "all"


def grid_apart(ids: list[str], beside: float, top: float) -> dict[str, tuple[float, float]]:
    """Positions for ``ids`` in a square-ish grid whose left edge is at x = ``beside``, starting at y = ``top``."""
    columns = max(1, math.ceil(math.sqrt(len(ids))))
    return {node: (beside + CELL * (i % columns), top + CELL * (i // columns)) for i, node in enumerate(ids)}


def extent(node_count: int, spacing: float = 60.0) -> float:
    """About how far from the centre a force layout of ``node_count`` nodes reaches (canvas pixels)."""
    return spacing * math.sqrt(max(node_count, 1)) * 1.4 + 200
