"""The links of the network of networks, derived from the memberships instead of listed pair by pair.

Two networks are linked when they share a partner organisation or a cooperation between them is
on record: the rows of ``network/links``. Those pairs grow with the square of a partner's networks
(535,228 rows at ``generate --scale 100``, about 5 s to answer and to put in canonical form on the
embedded engine, and more to read from Neo4j), while the statistics read every membership anyway. So
:func:`derived_links` counts the shared partners from the memberships (every pair of each
organisation's networks, generated and counted as numpy arrays) and adds the pairs of
``network/cooperations``: the same links in the same order as ``network/links``, which the tests
check on both engines.

:class:`Links` holds them as columns and makes a :class:`Link` only when one is asked for: the JSON
report writes half a million links without building an object for each.

>>> links = derived_links(["a", "b", "c"], [("o1", "a"), ("o1", "b"), ("o2", "a"), ("o2", "b")],
...                       [{"source_id": "b", "target_id": "c"}])
>>> list(links)
[Link(source_id='a', target_id='b', shared_partners=2, cooperation=False), Link(source_id='b', target_id='c', shared_partners=0, cooperation=True)]
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import starmap
from typing import Any, Iterable, Iterator, Sequence, overload


@dataclass(frozen=True)
class Link:
    """Two networks (``source_id`` < ``target_id``) that share partners or cooperate."""

    source_id: str
    target_id: str
    shared_partners: int
    cooperation: bool

    @property
    def weight(self) -> int:
        """Shared partners; a cooperation-only link counts as one."""
        return max(self.shared_partners, 1)


class Links(Sequence[Link]):
    """Links sorted by (``source_id``, ``target_id``), kept as columns over the sorted network ids.

    ``source`` and ``target`` index ``ids``; a :class:`Link` is made on access. Equal to any sequence
    of the same links, a list included.
    """

    __slots__ = ("ids", "source", "target", "shared", "cooperation")

    def __init__(self, ids: list[str], source: list[int], target: list[int], shared: list[int], cooperation: list[bool]) -> None:
        self.ids, self.source, self.target, self.shared, self.cooperation = ids, source, target, shared, cooperation

    @classmethod
    def from_rows(cls, ids: list[str], rows: Iterable[dict[str, Any]]) -> "Links":
        """The rows of ``network/links`` over the sorted network ``ids`` (an unknown id is a ``KeyError``)."""
        index = {network_id: i for i, network_id in enumerate(ids)}
        found = sorted((index[r["source_id"]], index[r["target_id"]], r["shared_partners"], r["cooperation"]) for r in rows)
        return cls(ids, *(list(column) for column in zip(*found))) if found else cls(ids, [], [], [], [])

    def __len__(self) -> int:
        return len(self.source)

    @overload
    def __getitem__(self, i: int) -> Link: ...
    @overload
    def __getitem__(self, i: slice) -> list[Link]: ...
    def __getitem__(self, i: int | slice) -> Link | list[Link]:
        if isinstance(i, slice):
            return list(starmap(Link, list(self.rows())[i]))
        return Link(self.ids[self.source[i]], self.ids[self.target[i]], self.shared[i], self.cooperation[i])

    def __iter__(self) -> Iterator[Link]:
        return starmap(Link, self.rows())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Links({len(self)} links)"

    def rows(self) -> Iterator[tuple[str, str, int, bool]]:
        """(source_id, target_id, shared_partners, cooperation) of each link, in order."""
        ids = self.ids
        return zip(map(ids.__getitem__, self.source), map(ids.__getitem__, self.target), self.shared, self.cooperation)

    def edges(self) -> list[tuple[int, int]]:
        """Each link as a pair of indexes into ``ids``."""
        return list(zip(self.source, self.target))

    def weights(self) -> list[int]:
        """Each link's weight: shared partners, a cooperation-only link one (see :attr:`Link.weight`)."""
        return [shared or 1 for shared in self.shared]


def derived_links(ids: list[str], memberships: Iterable[tuple[str, str]], cooperations: Iterable[dict[str, Any]]) -> Links:
    """The rows ``network/links`` would give, from the (organisation id, network id) pairs of the memberships and
    the rows of ``network/cooperations``.

    ``ids`` are the network ids, sorted. A membership recorded twice is one shared partner, as
    ``network/links`` counts distinct organisations.
    """
    import numpy as np

    index = {network_id: i for i, network_id in enumerate(ids)}
    pairs = list(memberships)
    organisations, networks = zip(*pairs) if pairs else ((), ())
    code = {organisation_id: i for i, organisation_id in enumerate(dict.fromkeys(organisations))}
    return coded_links(ids, np.array(list(map(code.__getitem__, organisations)), dtype=np.int64),
                       np.array(list(map(index.__getitem__, networks)), dtype=np.int64), cooperations)


def coded_links(ids: list[str], organisation: Any, network: Any, cooperations: Iterable[dict[str, Any]]) -> Links:
    """:func:`derived_links` of memberships given as two integer arrays: each one's organisation (any code) and
    network (its index in the sorted ``ids``)."""
    import numpy as np

    n = len(ids)
    index = {network_id: i for i, network_id in enumerate(ids)}
    # Each membership once, sorted by organisation, then network: (organisation code) * n + network index.
    member = _distinct(np.asarray(organisation, dtype=np.int64) * n + np.asarray(network, dtype=np.int64))
    organisation, network = np.divmod(member, n) if n else (member, member)
    # Every pair of networks within one organisation's (ascending) networks: each membership with each later one.
    starts = np.flatnonzero(np.concatenate([[True], organisation[1:] != organisation[:-1]])) if len(member) else member
    sizes = np.diff(np.append(starts, len(member)))
    later = np.repeat(starts + sizes, sizes) - np.arange(len(member)) - 1
    first = np.repeat(np.arange(len(member)), later)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later)
    shared_keys, shared = _distinct(network[first] * n + network[second], counts=True)
    ends = ((index[r["source_id"]], index[r["target_id"]]) for r in cooperations)
    cooperating = np.array(sorted({min(a, b) * n + max(a, b) for a, b in ends}), dtype=np.int64)
    keys = np.sort(np.concatenate([shared_keys, cooperating]))  # by (source, target): ids are sorted
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys
    counts, cooperation = np.zeros(len(keys), dtype=np.int64), np.zeros(len(keys), dtype=bool)
    counts[np.searchsorted(keys, shared_keys)] = shared
    cooperation[np.searchsorted(keys, cooperating)] = True
    source, target = np.divmod(keys, n) if n else (keys, keys)
    return Links(ids, source.tolist(), target.tolist(), counts.tolist(), cooperation.tolist())


def _distinct(keys: Any, counts: bool = False) -> Any:
    """``np.unique(keys)`` (with ``return_counts``) of an integer array, by a sort: numpy 2's hashing ``unique`` took
    0.17 s for the 219,755 membership keys of scale 100 that a sort orders in 5 ms."""
    import numpy as np

    keys = np.sort(keys)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if len(keys) else np.zeros(0, dtype=np.int64)
    if not counts:
        return keys[starts]
    return keys[starts], np.diff(np.append(starts, len(keys)))
