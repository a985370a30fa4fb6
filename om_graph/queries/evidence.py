"""The bound on the ids a finding or a gap lists, so evidence stays readable at any size.

Evidence names at most :data:`LISTED_IDS` subjects (the first by id) and counts them all,
so its size does not grow with the square of the landscape. The Cypher twins do the same
with ``ids[..10]`` of the sorted list.
"""

from __future__ import annotations

from typing import Iterable

LISTED_IDS = 10


def first_ids(ids: Iterable[str]) -> list[str]:
    """The first :data:`LISTED_IDS` ids in sorted order.

    >>> first_ids(f"n{i:02d}" for i in range(12, 0, -1))[-1]
    'n10'
    """
    return sorted(ids)[:LISTED_IDS]


def listed(key: str, ids: Iterable[str]) -> dict[str, list[str] | int]:
    """Evidence ``{key: the first ids, sorted, key_count: how many}``.

    >>> listed("networks", ["n3", "n1"])
    {'networks': ['n1', 'n3'], 'networks_count': 2}
    """
    ids = sorted(ids)
    return {key: ids[:LISTED_IDS], f"{key}_count": len(ids)}
