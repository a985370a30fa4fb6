"""Statistics of the network of networks on small hand-made landscapes, and the betweenness they rest on."""

from __future__ import annotations

import igraph
import networkx as nx
import pytest

from om_graph.engines.embedded import EmbeddedEngine
from om_graph.dataset.model import Cooperation, Dataset, Membership, Network, Organisation
from om_graph.features.network.betweenness import MIN_SOURCES, betweenness, error_bound, sources_for
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


# name: edges of a small graph (letters are nodes; a lone letter is an isolated node)
BETWEENNESS_CASES = {
    "path": ["ab", "bc", "cd"],
    "star": ["ab", "ac", "ad", "ae"],
    "cycle of five": ["ab", "bc", "cd", "de", "ea"],
    "two triangles and a bridge": ["ab", "bc", "ca", "cd", "de", "ef", "fd"],
    "square with a diagonal": ["ab", "bc", "cd", "da", "ac"],
    "complete on four": ["ab", "ac", "ad", "bc", "bd", "cd"],
    "two components and an isolated node": ["ab", "bc", "de", "ef", "eg", "h"],
    "bipartite membership": ["1a", "1b", "2b", "2c", "3c", "3a", "4c", "4d", "5d"],
}


def as_graphs(edges: list[str]) -> tuple[nx.Graph, igraph.Graph, list[str]]:
    nodes = sorted({node for edge in edges for node in edge})
    index = {node: i for i, node in enumerate(nodes)}
    reference = nx.Graph()
    reference.add_nodes_from(nodes)
    reference.add_edges_from(tuple(edge) for edge in edges if len(edge) == 2)
    ours = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in reference.edges])
    return reference, ours, nodes


@pytest.mark.parametrize("name", BETWEENNESS_CASES)
def test_exact_betweenness_equals_networkx(name: str) -> None:
    reference, graph, nodes = as_graphs(BETWEENNESS_CASES[name])
    values, estimate = betweenness(graph)
    assert estimate.method == "exact" and estimate.bound == 0.0
    assert dict(zip(nodes, values)) == pytest.approx(nx.betweenness_centrality(reference, normalized=True), abs=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_random_graphs_match_networkx_exactly(seed: int) -> None:
    reference = nx.gnm_random_graph(60, 110, seed=seed)
    graph = igraph.Graph(n=60, edges=list(reference.edges))
    values, _ = betweenness(graph)
    assert values == pytest.approx([nx.betweenness_centrality(reference)[v] for v in range(60)], abs=1e-12)


def test_a_sample_is_repeatable_and_within_its_stated_bound() -> None:
    reference = nx.barabasi_albert_graph(400, 2, seed=1)
    graph = igraph.Graph(n=400, edges=list(reference.edges))
    exact, _ = betweenness(graph)
    first, estimate = betweenness(graph, work=200 * (400 + 2 * graph.ecount()), seed=7)
    again, _ = betweenness(graph, work=200 * (400 + 2 * graph.ecount()), seed=7)
    assert first == again and estimate.sources == 200
    assert estimate.method == f"sampled k=200/400 seed=7 ±{estimate.bound:.2g} (95%)"
    assert max(abs(a - b) for a, b in zip(first, exact)) <= estimate.bound
    hubs = sorted(range(400), key=exact.__getitem__, reverse=True)[:3]
    assert set(hubs) <= set(sorted(range(400), key=first.__getitem__, reverse=True)[:10])


def test_the_work_never_jumps_as_a_graph_grows() -> None:
    # Graphs of one density (edges = 3 x nodes), from all sources exact to sampled: the steps
    # (sources x (nodes + 2 edges)) rise to the budget and stay there, never dropping by more than one source.
    work = 1_000_000
    steps = [sources_for(n, 3 * n, work) * (n + 6 * n) for n in range(10, 3000, 7)]
    assert steps[0] < work and max(steps) <= work
    assert all(later >= earlier - 7 * n for n, earlier, later in zip(range(10, 3000, 7), steps, steps[1:]))
    assert sources_for(10**6, 4 * 10**6, work) == MIN_SOURCES


def test_the_bound_shrinks_with_more_sources_and_is_zero_when_exact() -> None:
    bounds = [error_bound(50_000, k) for k in (20, 50, 500, 5000, 49_999)]
    assert bounds == sorted(bounds, reverse=True) and error_bound(50_000, 50_000) == 0.0


def test_organisation_betweenness_equals_networkx_on_the_membership_graph() -> None:
    members = {"o1": "ab", "o2": "bc", "o3": "bc", "o4": "a", "o5": "cd", "o6": "de", "o7": "ae"}
    stats = network_stats(EmbeddedEngine(landscape("abcde", members)))
    reference = nx.Graph((("Organisation", o), ("Network", n)) for o, nets in members.items() for n in nets)
    expected = nx.betweenness_centrality(reference)
    assert {o.id: o.betweenness for o in stats.organisations} == pytest.approx(
        {o: round(expected[("Organisation", o)], 6) for o in members}, abs=1e-9)
    assert stats.summary["betweenness"] == {"networks": "exact", "organisations": "exact"}


@pytest.mark.neo4j
def test_statistics_agree_on_both_engines(load_into_neo4j) -> None:
    dataset = example_dataset()
    assert network_stats(load_into_neo4j(dataset)) == network_stats(EmbeddedEngine(dataset))
