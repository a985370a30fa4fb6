"""The links network stats derives from the memberships are the rows of ``network/links``, and its JSON is json's own."""

from __future__ import annotations

import json
import math
import random
from dataclasses import asdict

import pytest

from om_graph.dataset.model import Cooperation, Dataset, Membership, Network, Organisation
from om_graph.dataset.sources import example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.network.links import Link, Links, derived_links
from om_graph.features.network.render import render_stats
from om_graph.features.network.stats import NetworkMetrics, NetworkStats, OrganisationMetrics, network_stats
from om_graph.queries.registry import run_query


def random_landscape(seed: int, networks: int = 12, organisations: int = 30) -> Dataset:
    """Networks and organisations with random memberships (some recorded twice) and cooperations (either way)."""
    rng = random.Random(seed)
    ids = [f"n{i:02d}" for i in range(networks)]
    memberships = [
        Membership(organisation_id=f"o{o:02d}", network_id=network)
        for o in range(organisations)
        for network in rng.sample(ids, rng.choice([0, 1, 1, 2, 3, 5]))
    ]
    memberships += rng.sample(memberships, len(memberships) // 10)  # recorded twice
    pairs = {tuple(rng.sample(ids, 2)) for _ in range(networks // 2)}
    return Dataset(
        networks=[Network(id=n, name=f"Netzwerk {n}", kind="regional") for n in ids],
        organisations=[Organisation(id=f"o{o:02d}", name=f"Organisation {o}", kind="company") for o in range(organisations)],
        memberships=memberships,
        cooperations=[Cooperation(network_id=a, partner_network_id=b) for a, b in pairs],
    )


def links_query(engine) -> list[Link]:
    return [Link(**row) for row in run_query(engine, "network/links")]


@pytest.mark.parametrize("seed", range(8))
def test_derived_links_are_the_links_query(seed: int) -> None:
    engine = EmbeddedEngine(random_landscape(seed))
    expected = links_query(engine)
    assert expected, "the landscape has links"
    assert network_stats(engine).links == expected


def test_the_example_links_are_the_links_query() -> None:
    engine = EmbeddedEngine(example_dataset())
    assert list(network_stats(engine).links) == links_query(engine)


def test_links_read_as_rows_are_the_derived_ones() -> None:
    engine = EmbeddedEngine(random_landscape(1))
    ids = sorted(row["id"] for row in run_query(engine, "network/networks"))
    pairs = [(r["organisation_id"], r["network_id"]) for r in run_query(engine, "network/memberships")]
    derived = derived_links(ids, pairs, run_query(engine, "network/cooperations"))
    from_rows = Links.from_rows(ids, run_query(engine, "network/links"))
    assert derived == from_rows and len(derived) == len(from_rows) and derived[-1] == from_rows[-1]
    assert derived[1:3] == list(from_rows)[1:3]


def test_no_memberships_and_no_cooperations_no_links() -> None:
    assert list(derived_links(["a", "b"], [], [])) == [] and derived_links([], [], []) == []


def odd_stats(links: Links | list[Link]) -> NetworkStats:
    """Values at the edges of what JSON writes: quotes, escapes, non-ASCII, no name, tiny and large numbers."""
    networks = [
        NetworkMetrics("a", 'Netz "A" \\ Süd\n\t\x01', "regional", "recognised", 3, 1, 2, 1e-06, 1, 1, False),
        NetworkMetrics("b", "Verbund 🚀 ü\u2028", "thematic", None, 0, 0, 0, 0.0, 2, 2, True),  # type: ignore[arg-type]
    ]
    organisations = [OrganisationMetrics("o1", None, 2, 0.123457, True), OrganisationMetrics("o\u00e9", "=SUM(A1)", 10**12, 1.0, False)]  # type: ignore[arg-type]
    summary = {"networks": 2, "modularity": math.nan, "betweenness": {"networks": "exact", "organisations": "sampled k=2/3 seed=1 ±0.5 (95%)"}}
    return NetworkStats(networks, organisations, links, summary)


@pytest.mark.parametrize("kind", ["Links", "list", "empty"])
def test_json_is_byte_for_byte_what_json_dumps_writes(kind: str) -> None:
    links = Links(["a", "b"], [0], [1], [3], [True])
    stats = odd_stats({"Links": links, "list": list(links), "empty": []}[kind])
    plain = {**asdict(stats), "links": [asdict(link) for link in stats.links]}
    assert render_stats(stats, "json") == json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_example_json_is_what_json_dumps_writes() -> None:
    stats = network_stats(EmbeddedEngine(example_dataset()))
    plain = {**asdict(stats), "links": [asdict(link) for link in stats.links]}
    assert render_stats(stats, "json") == json.dumps(plain, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@pytest.mark.neo4j
def test_derived_links_are_the_links_query_on_neo4j(load_into_neo4j) -> None:
    engine = load_into_neo4j(random_landscape(3))
    assert network_stats(engine).links == links_query(engine)
