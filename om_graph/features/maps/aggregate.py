"""The stated rule for maps with more networks than a page can draw one by one, and its arithmetic.

Above ``max_nodes`` networks (default :data:`.readable.MAX_NODES`) every map aggregates, and its
subtitle says how:

* **networks**: one node per Land at its place, the links between Länder; isolated networks one by
  one up to :data:`MAX_APART`, above that counted in their Land (:mod:`.networks`);
* **audit**: one node per Land and stage, its size the number of networks; a click lists them,
  worst first (:mod:`.audit`);
* **maps of Germany**: networks of one legend category within :data:`CLUSTER_KM` of each other
  are one marker with their number; a click lists them (:func:`clustered`).

Lists on a click name at most :data:`LIST_LIMIT` networks and count the rest, so a page stays
within its size budget at any scale. Links per Land come from the memberships and the recorded
cooperations (:func:`group_links`), not from ``network/links``, whose pairs grow with the square
of a partner's networks.

>>> g = group_links([("o1", "a"), ("o1", "b"), ("o1", "c"), ("o2", "a"), ("o2", "b")], [("c", "d")],
...                 {"a": "X", "b": "X", "c": "Y", "d": "Y", "e": "Y"})
>>> sorted(g.linked), sorted(g.inside.items()), {k: tuple(v) for k, v in g.between.items()}
(['a', 'b', 'c', 'd'], [('X', 1), ('Y', 1)], {('X', 'Y'): (2, 2)})
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Hashable, Iterable, Sequence

import numpy as np

from om_graph.i18n import t

#: A click lists at most this many networks; the rest are counted.
LIST_LIMIT = 40
#: Above this many isolated networks, a Länder map counts them per Land instead of drawing each.
MAX_APART = 300
#: Networks of one category closer than this are one marker on a map of Germany with many networks.
CLUSTER_KM = 25
#: Map units (tenths of a km) per km.
UNITS_PER_KM = 10


@dataclass
class GroupLinks:
    """Links between groups of networks: distinct linked pairs inside a group and between two, and shared partners."""

    linked: set[str] = field(default_factory=set)
    inside: Counter = field(default_factory=Counter)
    #: (group a, group b), a < b -> [distinct links, shared partners summed over them]
    between: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


def group_links(memberships: Iterable[tuple[str, str]], cooperations: Iterable[tuple[str, str]],
                group_of: dict[str, str]) -> GroupLinks:
    """Per group of networks (``group_of``), the links ``network/links`` would list, counted without listing them.

    ``memberships`` are (organisation, network) pairs, ``cooperations`` (network, network) pairs.
    Two networks are linked by a shared partner or a cooperation, as in ``network/links``. Pairs
    are integers in arrays (``a * n + b``), made and counted by numpy: a partner of many networks
    makes many pairs.
    """
    ids = sorted(group_of)
    index = {network: i for i, network in enumerate(ids)}
    n = len(ids)
    names = sorted(set(group_of.values()))
    rank = {name: i for i, name in enumerate(names)}
    group = np.fromiter((rank[group_of[network]] for network in ids), dtype=np.int64, count=n)
    organisations: dict[str, int] = {}
    member = np.fromiter(
        (organisations.setdefault(organisation, len(organisations)) * n + index[network] for organisation, network in memberships),
        dtype=np.int64,
    )
    member = _distinct(member)[0]  # sorted by organisation, then network; each membership once
    left, right = _pairs_within(member // n, member % n) if len(member) else (member, member)
    out = GroupLinks()
    # Shared partners between two groups: every pair of a partner's networks across them.
    low, high = np.minimum(group[left], group[right]), np.maximum(group[left], group[right])
    across = low != high
    width = max(len(names), 1)
    for code, count in zip(*_distinct(low[across] * width + high[across])):
        out.between[(names[code // width], names[code % width])][1] += int(count)
    pairs = [left * n + right]
    links = [sorted((index[a], index[b])) for a, b in cooperations]
    links = [i * n + j for i, j in links if i != j]
    if links:
        pairs.append(np.array(links, dtype=np.int64))
    distinct = _distinct(np.concatenate(pairs))[0]
    first, second = distinct // n, distinct % n
    out.linked = {ids[i] for i in _distinct(np.concatenate([first, second]))[0].tolist()}
    low, high = np.minimum(group[first], group[second]), np.maximum(group[first], group[second])
    for code, count in zip(*_distinct(low * width + high)):
        a, b = names[code // width], names[code % width]
        if a == b:
            out.inside[a] += int(count)
        else:
            out.between[(a, b)][0] += int(count)
    return out


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values, sorted, and how often each occurs (``np.unique``'s answer, by one sort)."""
    values = np.sort(values)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.zeros(0, dtype=np.int64)
    return values[starts], np.diff(np.r_[starts, len(values)])


def _pairs_within(organisation: np.ndarray, network: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of networks (smaller index first) of each organisation, from memberships sorted by organisation and
    network: each membership is paired with those after it of the same organisation."""
    size = len(organisation)
    starts = np.flatnonzero(np.r_[True, organisation[1:] != organisation[:-1]])
    ends = np.r_[starts[1:], size]
    end_of = np.repeat(ends, ends - starts)
    after = end_of - np.arange(size) - 1
    total = int(after.sum())
    left = np.repeat(np.arange(size), after)
    offsets = np.arange(total) - np.repeat(np.cumsum(after) - after, after)
    return network[left], network[left + 1 + offsets]


def listing(lines: Sequence[str], lang: str, limit: int = LIST_LIMIT) -> str:
    """``lines`` one per line, at most ``limit`` of them and the number left out.

    >>> print(listing(["a", "b", "c"], "en", limit=2))
    a
    b
    … and 1 more
    """
    shown = "\n".join(lines[:limit])
    return shown + ("\n" + t("map.aggregate.more", lang, count=len(lines) - limit) if len(lines) > limit else "")


def clustered(points: dict[Hashable, tuple[float, float]], category_of: dict[Hashable, str],
              km: float = CLUSTER_KM) -> list[tuple[str, tuple[float, float], list[Any]]]:
    """Points of one category in the same square of ``km`` (map units are tenths of a km), grouped.

    Returns (category, mean point, member keys in the given order) for each group, largest first.

    >>> clustered({"a": (0, 0), "b": (100, 50), "c": (0, 10), "d": (900, 0)}, {"a": "x", "b": "x", "c": "y", "d": "x"})
    [('x', (50.0, 25.0), ['a', 'b']), ('x', (900.0, 0.0), ['d']), ('y', (0.0, 10.0), ['c'])]
    """
    cell = km * UNITS_PER_KM
    groups: dict[tuple[str, int, int], list[Any]] = defaultdict(list)
    for key, (x, y) in points.items():
        groups[(category_of[key], int(x // cell), int(y // cell))].append(key)
    out = []
    for (category, _, _), keys in groups.items():
        mx = sum(points[k][0] for k in keys) / len(keys)
        my = sum(points[k][1] for k in keys) / len(keys)
        out.append((category, (mx, my), keys))
    out.sort(key=lambda g: (-len(g[2]), g[0], g[1]))
    return out
