"""Synthetic landscapes of German business-support networks, for demos, tests and benchmarks.

:func:`generate_landscape` invents a whole :class:`~om_graph.dataset.model.Dataset`: Germany with
its 16 federal states and 400 districts (real names, ISO 3166-2 codes and district keys,
from ``data/regions_de.yaml``), and on top of it invented organisations, people and
networks with the skew of the real world:

* network sizes are heavy-tailed (lognormal: a few large state-wide networks, many small
  local ones); organisations take part in several networks (a few hubs in very many, some
  in none); regional networks overlap and border each other; thematic networks share topics;
* most networks are plausible and well run, and a realistic minority fails a criterion: the
  defects each rule declares (``Rule.planted``), planted as :mod:`om_graph.synth.defects`
  knows how. At scale 1 every rule OM101-OM504 fires somewhere and every implementation
  stage 1-4 occurs when audited as of :data:`REFERENCE_DATE` (checked for 40 seeds at scales
  1 and 2; at 0.5, 36 of 40 seeds; smaller landscapes may miss a rule or a stage).

At scale 1 the landscape is about the size of the Offensive Mittelstand today: 40 networks,
500 organisations, about 2,000 memberships, 100 persons, 15 ambassadors, 50
self-declarations (``PER_SCALE``). Everything except the regions and the Praxis-Check
catalogue grows linearly with the scale, and so does the time to generate it (about 2 s and
0.4 GB at scale 100).

Larger scales are the wider landscape of German business support, shaped as it is in
reality: the 400 districts do not grow, and neither do the few state-wide networks and the
clusters of districts; growth goes into local and thematic networks, OM networks stay one
per region or topic, and most co-located ones record their consensus, so audits cost about
linearly in the scale (see :mod:`om_graph.synth.networks`).

The same ``(scale, seed)`` always gives the same dataset: all randomness comes from one
``random.Random(seed)``, nothing iterates over a hash-ordered collection, and every date is
relative to :data:`REFERENCE_DATE` (audit with ``as_of=REFERENCE_DATE`` to reproduce the
findings). People and organisations are invented (placeholder surnames, invented place
names, e-mail addresses and homepages on example.org); region names and codes are real.

The steps of :func:`build_landscape` run in a fixed order, one module each: regions
(:mod:`~om_graph.synth.geography`), the Praxis-Check catalogue, networks with their
weaknesses, places, names and sizes (:mod:`~om_graph.synth.networks`,
:mod:`~om_graph.synth.defects`), organisations, memberships, contacts
(:mod:`~om_graph.synth.people`), activities and relations between networks
(:mod:`~om_graph.synth.activities`), ambassadors, self-declarations
(:mod:`~om_graph.synth.declarations`), and last the records of networks, organisations and
persons, whose names come from :mod:`~om_graph.synth.words`.

>>> ds = generate_landscape(0.25, seed=7)
>>> len(ds.networks), len(ds.regions)
(10, 417)
>>> generate_landscape(0.25, seed=7) == ds
True
"""

from __future__ import annotations

import math

from om_graph.dataset.bulk import paused_gc
from om_graph.dataset.model import Dataset
from om_graph.errors import UsageError
from om_graph.synth.activities import make_activities, make_relations
from om_graph.synth.ambassadors import make_ambassadors
from om_graph.synth.declarations import check_items, make_declarations
from om_graph.synth.defects import Rates, planted_rates
from om_graph.synth.geography import region_records
from om_graph.synth.memberships import make_memberships
from om_graph.synth.networks import network_records, plan_networks
from om_graph.synth.organisations import make_organisations, organisation_records
from om_graph.synth.people import make_contacts, person_records
from om_graph.synth.state import REFERENCE_DATE, State

__all__ = ["REFERENCE_DATE", "build_landscape", "generate_landscape"]


def generate_landscape(scale: float, seed: int) -> Dataset:
    """A synthetic, valid landscape of German business-support networks.

    ``scale`` 1 is about the Offensive Mittelstand today (40 networks, 500 organisations,
    about 2,000 memberships); counts grow linearly with it (0.1 .. 1000 and beyond).
    ``seed`` makes it reproducible: the same arguments give the same dataset.
    """
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not math.isfinite(scale) or scale <= 0:
        raise UsageError(f"scale must be a positive number, not {scale!r}")
    rates = planted_rates()
    # Millions of small records and no reference cycles: the cyclic garbage collector would
    # only rescan them again and again (a third of the time at scale 100), so it pauses.
    with paused_gc():
        return build_landscape(State(float(scale), int(seed)), rates)


def build_landscape(st: State, rates: Rates) -> Dataset:
    """Build the landscape of ``st`` with the defects of ``rates``: compact indexes first, then the records.

    Every step draws from ``st.rng``, so their order is part of every landscape.
    """
    st.sheets["regions"], st.sheets["borders"] = region_records(st.geo)
    st.sheets["check_items"] = check_items()
    plan_networks(st, rates.networks)
    make_organisations(st)
    make_memberships(st)
    make_contacts(st)
    make_activities(st)
    make_relations(st)
    make_ambassadors(st)
    make_declarations(st, rates.declarations)
    network_records(st)
    organisation_records(st)
    person_records(st)
    st.sheets["activities"] = st.activities
    return Dataset(**st.sheets)
