"""What the statistics read: the networks, who is a member where (as integer codes), the members' names, the
recorded cooperations; from an engine's queries, or from a validated dataset without building the embedded graph.

An engine answers ``network/partner_ids``, ``network/member_names`` and ``network/cooperations``
(:func:`engine_reads`). On a dataset (:func:`dataset_reads`), building the embedded graph to answer
them costs more than the rest of reading it (about a second at scale 100) and holds every
organisation's properties, while the answers need only ids, the members' names and the pairs of
two link sheets. A validated dataset has unique ids and no reference to a missing row, so the
graph's answers are exactly these:

- each network (by id) with its name, kind and status, and the distinct ids of its members;
- each organisation with at least one membership, by id, with its name;
- each pair of networks with a cooperation on record in either direction, the smaller id first.

Values come in the plain form of the queries' rows (:func:`~om_graph.engines.contract.canonical_value`);
tests/test_network_reads.py holds the two to each other on the example and generated landscapes.

>>> from om_graph.dataset.model import Cooperation, Dataset, Membership, Network, Organisation
>>> reads = dataset_reads(Dataset(
...     organisations=[Organisation(id="o1", name="IHK Beispiel", kind="chamber_of_commerce")],
...     networks=[Network(id="n2", name="OM Zwei", kind="thematic"), Network(id="n1", name="OM Eins", kind="regional")],
...     memberships=[Membership(organisation_id="o1", network_id="n1")],
...     cooperations=[Cooperation(network_id="n2", partner_network_id="n1")]))
>>> [(row["id"], row["partners"]) for row in reads.networks], reads.members(), reads.names, list(reads.cooperations())
([('n1', 1), ('n2', 0)], [('o1', 'n1')], {'o1': 'IHK Beispiel'}, [{'source_id': 'n1', 'target_id': 'n2'}])
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, Callable, Iterable

from om_graph.dataset.model import Dataset
from om_graph.engines.contract import Engine, canonical_value
from om_graph.queries.registry import run_query


@dataclass
class Reads:
    """The networks sorted by id (``id, name, kind, status, partners``: the rows of ``network/networks``); each
    membership once as ``organisation[i]`` (an index into ``organisations``, the sorted member ids) and ``network[i]``
    (an index into ``networks``), sorted by network, then organisation; each member's name; and the rows of
    ``network/cooperations``, asked for when called (on a server, once the membership graph is being measured)."""

    networks: list[dict[str, Any]]
    organisations: list[str]
    organisation: Any  # numpy int64 array
    network: Any  # numpy int64 array
    names: dict[str, Any]
    cooperations: Callable[[], Iterable[dict[str, Any]]]

    def members(self) -> list[tuple[str, str]]:
        """Each membership as (organisation id, network id), in order: for tests and examples."""
        return [(self.organisations[o], self.networks[n]["id"]) for o, n in zip(self.organisation.tolist(), self.network.tolist())]


def engine_reads(engine: Engine) -> Reads:
    """What the statistics read of ``engine`` (embedded or Neo4j), through its queries."""
    import numpy as np

    networks = sorted(run_query(engine, "network/partner_ids"), key=itemgetter("id"))
    names = {organisation: name for row in run_query(engine, "network/member_names") for organisation, name in row["organisations"]}
    code = {organisation_id: i for i, organisation_id in enumerate(sorted(names))}
    sizes = [len(row["partner_ids"]) for row in networks]
    organisation = np.fromiter(map(code.__getitem__, chain.from_iterable(row["partner_ids"] for row in networks)), np.int64, sum(sizes))
    network = np.repeat(np.arange(len(networks), dtype=np.int64), sizes)
    rows = [{"id": row["id"], "name": row["name"], "kind": row["kind"], "status": row["status"], "partners": size}
            for row, size in zip(networks, sizes)]
    return Reads(rows, list(code), organisation, network, names, lambda: run_query(engine, "network/cooperations"))


def membership_codes(index: dict[str, int], organisation_ids: list[str], network_ids: list[str]) -> tuple[list[str], Any, Any]:
    """The memberships given as two columns of ids, as :class:`Reads` holds them: the sorted member ids, and each
    membership once as an organisation code and a network index (``index``: network id -> its index), sorted by
    network, then organisation; an id not in ``index`` is a ``KeyError``."""
    import numpy as np

    organisations = sorted(set(organisation_ids))
    code = dict(zip(organisations, range(len(organisations))))
    width = max(len(organisations), 1)
    # (network index) * width + (organisation code), sorted and each once: by network, then organisation id.
    keys = np.fromiter(map(index.__getitem__, network_ids), np.int64, len(network_ids)) * width
    keys += np.fromiter(map(code.__getitem__, organisation_ids), np.int64, len(organisation_ids))
    keys.sort()
    keys = keys[np.concatenate([[True], keys[1:] != keys[:-1]])] if len(keys) else keys
    network, organisation = np.divmod(keys, width)
    return organisations, organisation, network


def dataset_reads(dataset: Dataset) -> Reads:
    """What the statistics read, as the embedded engine over ``dataset`` answers it, from the validated rows: each
    membership coded as two integers and the distinct pairs sorted by numpy, no set or list per network."""
    import numpy as np

    records = sorted(dataset.records("networks"), key=attrgetter("id"))
    index = {row.id: i for i, row in enumerate(records)}
    memberships = dataset.records("memberships")
    organisation_ids = list(map(attrgetter("organisation_id"), memberships))
    network_ids = list(map(attrgetter("network_id"), memberships))
    if None in organisation_ids or None in network_ids:  # the graph draws no edge to a blank reference
        kept = [(o, n) for o, n in zip(organisation_ids, network_ids) if o is not None and n is not None]
        organisation_ids, network_ids = (list(column) for column in zip(*kept)) if kept else ([], [])
    organisations, organisation, network = membership_codes(index, organisation_ids, network_ids)
    code = dict.fromkeys(organisations)
    partners = np.bincount(network, minlength=len(records)).tolist()
    networks = [{"id": row.id, "name": canonical_value(row.name), "kind": canonical_value(row.kind),
                 "status": canonical_value(row.status), "partners": count} for row, count in zip(records, partners)]
    organisation_rows = dataset.records("organisations")
    names = {organisation_id: name for organisation_id, name in zip(map(attrgetter("id"), organisation_rows),
                                                                 map(attrgetter("name"), organisation_rows)) if organisation_id in code}
    if not set(map(type, names.values())) <= {str}:  # names are text; anything else in the plain form of a query's rows
        names = {organisation_id: canonical_value(name) for organisation_id, name in names.items()}
    cooperating = set()
    for row in dataset.records("cooperations"):
        source, target = row.network_id, row.partner_network_id
        if source is not None and target is not None and source != target:
            cooperating.add((source, target) if source < target else (target, source))
    cooperations = [{"source_id": source, "target_id": target} for source, target in sorted(cooperating)]
    return Reads(networks, organisations, organisation, network, names, lambda: cooperations)
