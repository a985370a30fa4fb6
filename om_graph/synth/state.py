"""The generator's state while it builds one landscape, and what every step of it shares.

A landscape is built in compact indexes first (networks are :class:`Net` s; organisations,
persons, districts and states are ints, organisations and persons kept in parallel lists),
then turned into records. Every step (:mod:`~om_graph.synth.networks`,
:mod:`~om_graph.synth.organisations`, ...) is a function of the one :class:`State`; all its
random draws come from ``State.rng``, so the steps run in a fixed order
(:func:`om_graph.synth.landscape.generate_landscape`) and no step may iterate over a
hash-ordered collection.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from typing import Any

from om_graph.dataset.dates import months_before
from om_graph.dataset.model import Activity
from om_graph.synth.geography import load_geo
from om_graph.synth.words import TOPICS

#: Every date of a generated landscape is relative to this day; audit as of it.
REFERENCE_DATE = dt.date(2025, 6, 30)

#: Counts at scale 1 (about the Offensive Mittelstand today); all grow linearly with the scale.
PER_SCALE = {
    "networks": 40,
    "organisations": 500,
    "persons": 100,
    "ambassadors": 15,
    "self_declarations": 50,
}

DAY = dt.timedelta(days=1)
REF = REFERENCE_DATE.toordinal()
CUTOFF_12 = months_before(REFERENCE_DATE, 12).toordinal()  # "last 12 months": after this day
CUTOFF_24 = months_before(REFERENCE_DATE, 24).toordinal()


class Net:
    """A network while it is being built (indexes, not records)."""

    __slots__ = (
        "anchors", "contacts", "covers", "defects", "demoted", "district_set", "districts", "earlier", "founded", "idx",
        "kind", "members", "name", "scope", "size", "state", "status", "topic",
    )

    def __init__(self, idx: int) -> None:
        self.idx = idx
        self.kind = "regional"
        self.scope = ""  # state | cluster | district | "" (thematic)
        self.status = "recognised"
        self.defects: frozenset[str] = frozenset()
        self.state = -1  # the state it works in (-1: nationwide)
        self.districts: list[int] = []  # districts it covers (all of them for a state network)
        self.district_set: frozenset[int] = frozenset()
        self.covers: list[str] = []  # region ids of its network_regions rows
        self.topic: str | None = None
        self.name = ""
        self.size = 0
        self.founded = REF
        self.anchors: list[int] = []
        self.members: list[int] = []
        self.contacts: list[tuple[int, str]] = []  # (person, role)
        self.earlier: list[int] = []  # OM networks placed before it that work where it works
        self.demoted = False  # an active partner network where OM networks already work

    @property
    def id(self) -> str:
        return f"net-{self.idx + 1:05d}"

    @property
    def om(self) -> bool:
        return self.status in ("applied", "recognised")


class State:
    """One landscape while it is built: its random source, the map, and the indexes of every step."""

    def __init__(self, scale: float, seed: int) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.geo = load_geo()
        rng, geo = self.rng, self.geo
        # Where organisations are: states by population, districts within them lognormal.
        raw = [rng.lognormvariate(0.0, 0.7) for _ in geo.district_ids]
        self.district_weight = [0.0] * len(raw)
        for s, members in enumerate(geo.state_districts):
            total = sum(raw[d] for d in members)
            for d in members:
                self.district_weight[d] = geo.state_population[s] * raw[d] / total
        # One small state stays a white spot: no regional OM network, no ambassador (OM404).
        small = [s for s, members in enumerate(geo.state_districts) if 2 <= len(members) <= 8]
        self.white_state = rng.choice(small)
        # Networks start in a district; a state's chance grows less than its population.
        self.home_districts = [d for d, s in enumerate(geo.district_state) if s != self.white_state]
        self.home_cum = cumulative(
            [
                self.district_weight[d] * geo.state_population[geo.district_state[d]] ** -0.4
                for d in self.home_districts
            ]
        )
        self.all_cum = cumulative(self.district_weight)
        self.topic_cum = cumulative([1.0 / math.sqrt(r + 1) for r in range(len(TOPICS))])
        self.topic_order = list(TOPICS)
        rng.shuffle(self.topic_order)
        # networks (see networks.py)
        self.nets: list[Net] = []
        self.used_names: dict[str, int] = {}
        self.district_first: dict[int, int] = {}  # district -> first local network there
        self.om_taken: list[int] = []  # districts where local OM networks work
        self.state_networks: list[list[int]] = [[] for _ in geo.state_ids]  # state-wide OM networks
        self.state_taken = [0 for _ in geo.state_ids]  # state-wide networks per state
        self.topics_taken: dict[str, list[int]] = {}  # topic -> its OM networks
        self.district_om: list[list[int]] = [[] for _ in geo.district_ids]  # OM networks on each district
        # organisations (parallel lists, see organisations.py)
        self.org_kind: list[str] = []
        self.org_district: list[int] = []
        self.org_parent: list[int] = []
        self.org_place: list[int] = []
        self.org_weight: list[float] = []
        self.org_pooled: list[bool] = []
        self.org_intermediary: list[bool] = []
        self.org_partner: list[bool] = []
        self.group_heads: set[int] = set()
        self.groups: dict[str, list[int]] = {}  # kind -> its group heads
        self.newcomers: list[list[int]] = [[] for _ in geo.state_ids]  # organisations in no network, by state
        # where members are drawn from: pooled organisations by district, by state, and all of them
        self.district_pool: list[list[int]] = []
        self.state_pool: list[list[int]] = []
        self.national: list[int] = []
        self.national_cum: list[float] = []
        # persons (see people.py)
        self.person_org: list[int] = []
        self.persons_of_org: dict[int, list[int]] = {}
        # records made so far, by sheet
        self.activities: list[Activity] = []
        self.sheets: dict[str, list[Any]] = {}

    def pick(self, cum: list[float]) -> int:
        """An index drawn with the weights whose running sums are ``cum``."""
        i = bisect.bisect_right(cum, self.rng.random() * cum[-1])
        return min(i, len(cum) - 1)

    def stratified(self, candidates: list[int], rate: float, guarantee: bool) -> list[int]:
        """A share ``rate`` of ``candidates`` (at least one if ``guarantee``), drawn without repetition."""
        if not candidates:
            return []
        k = round(rate * len(candidates))
        if guarantee:
            k = max(1, k)
        return self.rng.sample(candidates, min(k, len(candidates)))


def scaled(key: str, scale: float) -> int:
    """How many records of ``key`` (see ``PER_SCALE``) a landscape of ``scale`` has."""
    return max(1, round(PER_SCALE[key] * scale))


def to_date(ordinal: int) -> dt.date:
    """The day ``ordinal``, at the latest the reference date."""
    return dt.date.fromordinal(min(ordinal, REF))


def cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out or [0.0]


def org_id(index: int) -> str:
    return f"org-{index + 1:06d}"


def person_id(index: int) -> str:
    return f"per-{index + 1:06d}"
