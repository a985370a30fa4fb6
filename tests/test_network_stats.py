"""Statistics of the network of networks on small hand-made landscapes, and the betweenness they rest on."""

from __future__ import annotations

import networkx as nx
import pytest

from om_graph.engines.embedded import EmbeddedEngine
from om_graph.dataset.model import Cooperation, Dataset, Membership, Network, Organisation
from om_graph.features.network.betweenness import betweenness
from om_graph.features.network.stats import network_stats
from om_graph.dataset.sources import example_dataset


def landscape(networks: str, members: dict[str, str], cooperations: tuple[str, ...] = ()) -> Dataset:
    """Networks named by letters; ``members`` maps an organisation to the networks it belongs to ("ab")."""
    return Dataset(
        networks=[Network(id=n, name=f"Netzwerk {n.upper()}", kind="regional") for n in networks],
        organisations=[Organisation(id=o, name=f"Organisation {o}", kind="company") for o in members],
        memberships=[Membership(organisation_id=o, network_id=n) for o, nets in members.items() for n in nets],
        cooperations=[Cooperation(network_id=pair[0], partner_network_id=pair[1]) for pair in cooperations],
    )


# name, landscape, expected per network: (degree, weighted_degree, component, isolated)
CASES = {
    "chain of three": (
        landscape("abc", {"o1": "ab", "o2": "bc", "o3": "a"}),
        {"a": (1, 1, 1, False), "b": (2, 2, 1, False), "c": (1, 1, 1, False)},
    ),
    "two components and an isolated network": (
        landscape("abcde", {"o1": "ab", "o2": "ab", "o3": "cd"}),
        {"a": (1, 2, 1, False), "b": (1, 2, 1, False), "c": (1, 1, 2, False), "d": (1, 1, 2, False), "e": (0, 0, 3, True)},
    ),
    "cooperation only weighs one": (
        landscape("ab", {"o1": "a", "o2": "b"}, cooperations=("ba",)),
        {"a": (1, 1, 1, False), "b": (1, 1, 1, False)},
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_degree_weight_component_and_isolation(name: str) -> None:
    dataset, expected = CASES[name]
    stats = network_stats(EmbeddedEngine(dataset))
    got = {n.id: (n.degree, n.weighted_degree, n.component, n.isolated) for n in stats.networks}
    assert got == expected
    assert stats.summary["components"] == len({c for _, _, c, _ in expected.values()})
    assert stats.summary["isolated_networks"] == sum(i for *_, i in expected.values())


def test_the_middle_of_a_chain_is_the_most_central_network() -> None:
    stats = network_stats(EmbeddedEngine(landscape("abc", {"o1": "ab", "o2": "bc"})))
    by_id = {n.id: n.betweenness for n in stats.networks}
    assert by_id["b"] == 1.0 and by_id["a"] == by_id["c"] == 0.0


def test_an_organisation_is_bridging_when_its_networks_have_no_other_path() -> None:
    # o1 alone joins a and b; o2 and o3 both join b and c, so neither is indispensable.
    stats = network_stats(EmbeddedEngine(landscape("abc", {"o1": "ab", "o2": "bc", "o3": "bc", "o4": "a"})))
    orgs = {o.id: o for o in stats.organisations}
    assert {o for o in orgs if orgs[o].bridging} == {"o1"}
    assert orgs["o1"].betweenness > orgs["o2"].betweenness > 0 == orgs["o4"].betweenness
    assert [orgs[o].networks for o in ("o1", "o2", "o4")] == [2, 2, 1]
    assert stats.summary["bridging_organisations"] == 1


def test_a_shared_partner_and_a_cooperation_make_one_link() -> None:
    stats = network_stats(EmbeddedEngine(landscape("ab", {"o1": "ab", "o2": "ab"}, cooperations=("ab", "ba"))))
    assert [(link.source_id, link.target_id, link.shared_partners, link.cooperation) for link in stats.links] == [("a", "b", 2, True)]


def test_communities_are_numbered_by_their_smallest_member() -> None:
    # Two triangles joined by one weak link: two communities, the one holding "a" first.
    members = {"x1": "ab", "x2": "ab", "x3": "bc", "x4": "bc", "x5": "ac", "x6": "ac", "y": "cd",
               "z1": "de", "z2": "de", "z3": "ef", "z4": "ef", "z5": "df", "z6": "df"}
    stats = network_stats(EmbeddedEngine(landscape("abcdef", members)))
    assert {n.id: n.community for n in stats.networks} == {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2}
    assert stats.summary["communities"] == 2 and stats.summary["modularity"] > 0.3


def test_empty_landscape_has_empty_statistics() -> None:
    stats = network_stats(EmbeddedEngine(Dataset()))
    assert (stats.networks, stats.organisations, stats.links) == ([], [], [])
    assert stats.summary["modularity"] == 0.0


def test_example_statistics_are_the_same_on_every_run() -> None:
    assert network_stats(EmbeddedEngine(example_dataset())) == network_stats(EmbeddedEngine(example_dataset()))


@pytest.mark.parametrize("seed", range(5))
def test_exact_betweenness_equals_networkx(seed: int) -> None:
    graph = nx.gnm_random_graph(40, 70, seed=seed)
    graph.add_node("alone")
    ours, method = betweenness(graph)
    theirs = nx.betweenness_centrality(graph, normalized=True)
    assert method == "exact"
    assert ours == pytest.approx(theirs)


def test_large_graphs_are_sampled_with_a_fixed_seed() -> None:
    graph = nx.barabasi_albert_graph(300, 2, seed=1)
    first, method = betweenness(graph, exact_up_to=100, sources=60, seed=7)
    again, _ = betweenness(graph, exact_up_to=100, sources=60, seed=7)
    exact, _ = betweenness(graph)
    assert method == "sampled k=60 seed=7" and first == again
    hubs = sorted(exact, key=exact.get, reverse=True)[:3]
    assert set(hubs) <= set(sorted(first, key=first.get, reverse=True)[:10])


@pytest.mark.neo4j
def test_statistics_agree_on_both_engines(load_into_neo4j) -> None:
    dataset = example_dataset()
    assert network_stats(load_into_neo4j(dataset)) == network_stats(EmbeddedEngine(dataset))
