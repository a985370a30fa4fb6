"""Does a load fit the server's transaction memory? Asked before anything is written.

A load is one transaction, which Neo4j holds on its heap and caps by its settings: per
transaction (``db.memory.transaction.max``), for all transactions of the database
(``db.memory.transaction.total.max``) and of the server (``dbms.memory.transaction.total.max``,
by default 70 % of the heap). ``0B`` means no cap. The load reads these with ``SHOW
SETTINGS`` (``dbms.listConfig`` on servers without it); when it fits under none of them it
is refused at once, with the heap it needs, rather than failing after minutes of work. A
server that does not show its settings (a user without the privilege) is loaded as before.

>>> parse_size("2.80GiB"), parse_size("10m"), parse_size("0B"), parse_size("1024")
(3006477107, 10485760, 0, 1024)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from om_graph.errors import DatabaseOutOfMemory

#: The settings that cap a transaction's memory, the tightest first when equal.
TRANSACTION_SETTINGS = (
    "db.memory.transaction.max",
    "db.memory.transaction.total.max",
    "dbms.memory.transaction.total.max",
)
HEAP_SETTING = "server.memory.heap.max_size"
_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 2**10, "kib": 2**10, "m": 2**20, "mb": 2**20, "mib": 2**20,
          "g": 2**30, "gb": 2**30, "gib": 2**30, "t": 2**40, "tb": 2**40, "tib": 2**40}
_SIZE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)\s*$")


#: Transaction memory per row of a load (nodes and relationships), measured on Neo4j 5.26 as the
#: peak of SHOW TRANSACTIONS' estimatedUsedHeapMemory while loading generated landscapes into an
#: empty database: scale 50 (406,882 rows) 812 MiB, scale 100 (817,557 rows) 1,625 MiB, both
#: about 2,090 bytes a row; each loaded with the heap :func:`heap_needed_gib` gives (2 and 3 GiB).
#: Neo4j holds a whole transaction on the heap and caps all transactions together at 70 % of it.
BYTES_PER_ROW = 2_100
TRANSACTION_SHARE = 0.7
#: Heap the server needs beside the transaction (its own caches and buffers).
BASE_HEAP_MIB = 512


def heap_needed_gib(rows: int) -> int:
    """The heap (whole GiB) a Neo4j server needs to take a load of ``rows`` in one transaction.

    >>> heap_needed_gib(2_000), heap_needed_gib(406_882), heap_needed_gib(817_557)
    (1, 2, 3)
    """
    mib = BASE_HEAP_MIB + rows * BYTES_PER_ROW / TRANSACTION_SHARE / 2**20
    return max(1, -(-int(mib) // 1024))


def heap_for_dataset(path: str) -> str:
    """The heap to start Neo4j with for loading the dataset at ``path`` (``scripts/neo4j start --for``)."""
    from pathlib import Path

    from om_graph.dataset.graph import graph_rows
    from om_graph.dataset.io import read_dataset

    return f"{heap_needed_gib(sum(graph_rows(read_dataset(Path(path))).counts()))}g"


def memory_hint(rows: int) -> str:
    """What to tell a user whose load did not fit: the heap it needs and how to give it."""
    gib = heap_needed_gib(rows)
    return (
        f"a load of {rows:,} rows needs about {gib} GiB of Neo4j heap: "
        f"OM_NEO4J_HEAP={gib}g scripts/neo4j start (or server.memory.heap.max_size={gib}g in neo4j.conf)"
    )


class LoadTooLarge(DatabaseOutOfMemory):
    """The server's limits were read before the load and it would not fit: nothing was written."""


@dataclass(frozen=True)
class Limit:
    """The tightest cap on one transaction's memory, and the setting it comes from."""

    bytes: int
    setting: str


def parse_size(text: str | None) -> int | None:
    """A Neo4j memory setting's value (``2.80GiB``, ``10m``, ``0B``) in bytes; None if it is not one."""
    found = _SIZE.match(text or "")
    if not found or found.group(2).lower() not in _UNITS:
        return None
    return int(float(found.group(1)) * _UNITS[found.group(2).lower()])


def tightest(values: dict[str, str | None]) -> Limit | None:
    """The smallest positive cap among the settings' values (0 or blank: no cap); None when none caps.

    >>> tightest({"db.memory.transaction.max": "0B", "dbms.memory.transaction.total.max": "700.00MiB"})
    Limit(bytes=734003200, setting='dbms.memory.transaction.total.max')
    >>> tightest({"dbms.memory.transaction.total.max": "0B"}) is None
    True
    """
    caps = [
        Limit(size, name)
        for name in TRANSACTION_SETTINGS
        if (size := parse_size(values.get(name))) is not None and size > 0
    ]
    return min(caps, key=lambda cap: cap.bytes) if caps else None


def read_settings(driver: Any, database: str) -> dict[str, str | None] | None:
    """The memory settings the server shows this user, or None when it shows none."""
    from neo4j.exceptions import Neo4jError

    names = [*TRANSACTION_SETTINGS, HEAP_SETTING]
    for query in (
        "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
        "CALL dbms.listConfig() YIELD name, value WHERE name IN $names RETURN name, value",
    ):
        try:
            with driver.session(database=database) as session:
                found = {record["name"]: record["value"] for record in session.run(query, names=names)}
        except Neo4jError:  # no privilege, or no such command on this server
            continue
        if found:
            return found
    return None


def check_fits(driver: Any, database: str, rows: int, needed: int, hint: str) -> Limit | None:
    """Refuse (:class:`LoadTooLarge`) a load of ``rows`` needing ``needed`` bytes that no setting allows.

    Returns the binding limit (None: unknown or uncapped). ``hint`` says which heap to start with.
    """
    values = read_settings(driver, database)
    limit = tightest(values) if values else None
    if limit is None and values and (heap := parse_size(values.get(HEAP_SETTING))):
        limit = Limit(heap, HEAP_SETTING)
    if limit is not None and needed > limit.bytes:
        raise LoadTooLarge(
            f"this load needs about {needed / 2**20:,.0f} MiB of transaction memory, more than the server allows "
            f"({limit.setting} = {limit.bytes / 2**20:,.0f} MiB); nothing was written: {hint}"
            + ("" if limit.setting in (HEAP_SETTING, TRANSACTION_SETTINGS[-1]) else f", and raise {limit.setting}")
        )
    return limit
