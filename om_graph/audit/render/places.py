"""Where things are, as people read it: region paths top-down with names, each network's federal states.

Machine formats keep ids (``region_path`` as ids, ``states`` as ids); workbooks and ``csv-de``
show ``Deutschland › Niedersachsen › Region Hannover`` and ``Bayern, Hessen``.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.dataset.model import Dataset, Region
>>> engine = EmbeddedEngine(Dataset(regions=[Region(id="DE", name="Deutschland", level="country"),
...     Region(id="DE-NI", name="Niedersachsen", level="state", parent_id="DE"),
...     Region(id="03241", name="Region Hannover", level="district", parent_id="DE-NI")]))
>>> region_trails(engine)["03241"]
'Deutschland › Niedersachsen › Region Hannover'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from om_graph.engines.contract import Engine
from om_graph.queries.registry import run_query

SEPARATOR = " › "


def region_trails(engine: Engine) -> dict[str, str]:
    """Every region's path from the top (the country) down to itself, by name."""
    rows = run_query(engine, "places/regions")
    parent = {r["region_id"]: r["parent_id"] for r in rows}
    name = {r["region_id"]: r["region_name"] or r["region_id"] for r in rows}

    def trail(region_id: str) -> str:
        chain: list[str] = []
        current: str | None = region_id
        while current is not None and current not in chain:  # a cycle in bad data ends the walk
            chain.append(current)
            current = parent.get(current)
        return SEPARATOR.join(name.get(r, r) for r in reversed(chain))

    return {region_id: trail(region_id) for region_id in name}


@dataclass(frozen=True)
class NetworkPlace:
    """A network's status and the federal states its regions lie in (ids and names, in name order)."""

    status: str | None = None
    kind: str | None = None
    state_ids: tuple[str, ...] = ()
    state_names: tuple[str, ...] = field(default_factory=tuple)


def network_places(engine: Engine) -> dict[str, NetworkPlace]:
    """Every network's status, kind and federal states, from the ``network/networks`` and ``network/regions`` queries."""
    states: dict[str, dict[str, str]] = {}
    for row in run_query(engine, "network/regions"):
        if row["state_id"] is not None:
            states.setdefault(row["network_id"], {})[row["state_id"]] = row["state_name"] or row["state_id"]
    places = {}
    for row in run_query(engine, "network/networks"):
        mine = sorted(states.get(row["id"], {}).items(), key=lambda item: (item[1], item[0]))
        places[row["id"]] = NetworkPlace(row.get("status"), row.get("kind"), tuple(i for i, _ in mine), tuple(n for _, n in mine))
    return places
