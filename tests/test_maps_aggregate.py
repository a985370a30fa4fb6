"""Maps with more networks than a page can draw one by one: the stated aggregation, its numbers, and bounded size."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

import pytest
from markupsafe import escape

from om_graph.audit.run import run_audit
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.maps import GeoMap, ambassadors_map, audit_map, networks_map, render_html
from om_graph.features.maps import networks as networks_module
from om_graph.features.maps.aggregate import LIST_LIMIT, group_links, listing
from om_graph.features.maps.networks import NATIONWIDE, home_states
from om_graph.features.network.stats import network_stats
from om_graph.i18n import t
from om_graph.queries.registry import run_query
from om_graph.synth.landscape import generate_landscape

DAY = dt.date(2025, 6, 30)
DATA = re.compile(r'<script id="om-data" type="application/json">(.*?)</script>', re.S)
#: Issue 14's budget for every graph map and map of Germany; the district ambassador map's own.
BUDGET_BYTES = 5_000_000
DISTRICT_BUDGET_BYTES = 1_500_000


@pytest.fixture(scope="module")
def example() -> EmbeddedEngine:
    return EmbeddedEngine(example_dataset())


@pytest.fixture(scope="module")
def small() -> EmbeddedEngine:
    return EmbeddedEngine(generate_landscape(2, 1))


@pytest.fixture(scope="module")
def large() -> EmbeddedEngine:
    return EmbeddedEngine(generate_landscape(8, 1))


def size(drawn) -> int:
    return len(render_html(drawn).encode("utf-8"))


@pytest.mark.parametrize("fixture", ["example", "small"])
def test_links_per_land_are_those_network_links_lists(fixture: str, request) -> None:
    engine = request.getfixturevalue(fixture)
    home = home_states(engine)
    group_of = {r["id"]: home.get(r["id"], NATIONWIDE) for r in run_query(engine, "network/networks")}
    counted = group_links([(r["organisation_id"], r["network_id"]) for r in run_query(engine, "network/memberships")],
                          [(r["source_id"], r["target_id"]) for r in run_query(engine, "network/cooperations")], group_of)
    links = run_query(engine, "network/links")
    inside, between, shared = Counter(), Counter(), Counter()
    for link in links:
        a, b = sorted((group_of[link["source_id"]], group_of[link["target_id"]]))
        if a == b:
            inside[a] += 1
        else:
            between[(a, b)] += 1
            shared[(a, b)] += link["shared_partners"]
    assert counted.linked == {end for link in links for end in (link["source_id"], link["target_id"])}
    assert +counted.inside == inside
    assert {k: v[0] for k, v in counted.between.items() if v[0]} == dict(between)
    assert {k: v[1] for k, v in counted.between.items() if v[1]} == {k: v for k, v in shared.items() if v}
    assert any(link["cooperation"] for link in links) or fixture == "small"


def test_many_isolated_networks_are_counted_in_their_land(example, monkeypatch) -> None:
    isolated = sorted(n.name for n in network_stats(example).networks if n.isolated)
    assert len(isolated) >= 2
    monkeypatch.setattr(networks_module, "MAX_APART", 1)
    drawn = networks_map(example, max_nodes=5)
    assert not any(n["category"] == "isolated" for n in drawn.nodes), "no isolated network drawn one by one"
    assert t("map.aggregate.isolated.counted", "en", count=len(isolated), limit=1) in drawn.subtitle
    tips = "\n".join(n["title"] for n in drawn.nodes)
    assert all(name in tips for name in isolated), "each is named in its Land's tooltip"


def test_audit_graph_aggregates_per_land_and_stage_and_says_so(example) -> None:
    result = run_audit(example, as_of=EXAMPLE_AS_OF)
    drawn = audit_map(example, as_of=EXAMPLE_AS_OF, max_nodes=5)
    assert drawn.subtitle == t("map.aggregate.audit", "en", networks=len(result.stages), max_nodes=5)
    assert sum(n["value"] for n in drawn.nodes) == len(result.stages), "every network counted once"
    per_stage = Counter(s.stage for s in result.stages)
    for stage, count in per_stage.items():
        assert sum(n["value"] for n in drawn.nodes if n["category"] == f"stage{stage}") == count
    home = home_states(example)
    bavarian = [s for s in result.stages if home.get(s.network_id) == "DE-BY"]
    (node,) = [n for n in drawn.nodes if n["id"] == f"group:DE-BY:{bavarian[0].stage}"]
    assert bavarian[0].network_name in node["details"], "a click lists the Land's networks of that stage"
    assert drawn.edges == []
    html = render_html(drawn)
    assert str(escape(t("map.aggregate.audit", "en", networks=len(result.stages), max_nodes=5))) in html


def test_lists_name_at_most_the_limit_and_count_the_rest() -> None:
    lines = [f"<Netzwerk {i}>" for i in range(LIST_LIMIT + 7)]
    shown = listing(lines, "de").split("\n")
    assert shown[:LIST_LIMIT] == lines[:LIST_LIMIT] and shown[LIST_LIMIT:] == [t("map.aggregate.more", "de", count=7)]
    assert listing(lines[:3], "en") == "\n".join(lines[:3])


@pytest.mark.parametrize("kind", ["audit-geo", "ambassadors"])
def test_maps_of_germany_cluster_close_networks_and_count_them(kind: str, small) -> None:
    if kind == "audit-geo":
        def draw(limit):
            return audit_map(small, as_of=DAY, geo=True, level="district", max_nodes=limit)
    else:
        def draw(limit):
            return ambassadors_map(small, as_of=DAY, level="district", max_nodes=limit)
    each, grouped = draw(10_000), draw(5)
    assert isinstance(grouped, GeoMap)
    networks = [m for m in each.markers if m.id.startswith("network:")]
    clusters = [m for m in grouped.markers if m.id.startswith("cluster:") and m.category != "ambassador"]
    assert len(clusters) < len(networks), "close networks share a marker"

    def count(marker) -> int:
        found = re.match(r"(\d+) ", marker.label)
        return int(found.group(1)) if found and marker.label == t("map.aggregate.networks", "en", count=found.group(1)) else 1

    assert sum(count(m) for m in clusters) == len(networks), "every network placed is counted once"
    assert Counter(m.category for m in networks) == sum((Counter({m.category: count(m)}) for m in clusters), Counter())
    assert "km" in grouped.subtitle and "--max-nodes" in grouped.subtitle, "the map says what it aggregates"
    if kind == "ambassadors":
        people = [m for m in each.markers if m.category == "ambassador"]
        stars = [m for m in grouped.markers if m.category == "ambassador"]
        counted = sum(int(m.label.split()[0]) if m.label == t("map.aggregate.ambassadors", "en", count=m.label.split()[0])
                      else 1 for m in stars)
        assert counted == len(people) and len(stars) <= len(people), "ambassadors are counted the same way"
    assert all(m.details.count("\n") <= LIST_LIMIT + 3 for m in clusters), "a click lists a bounded number"


def test_aggregated_maps_stay_within_budget_as_networks_grow(small, large) -> None:
    """Drawn with the same limit, a landscape four times larger gives a page of about the same size."""
    draws = {
        "networks": lambda e: networks_map(e, max_nodes=20),
        "audit": lambda e: audit_map(e, as_of=DAY, max_nodes=20),
        "audit-geo": lambda e: audit_map(e, as_of=DAY, geo=True, level="district", max_nodes=20),
        "ambassadors-district": lambda e: ambassadors_map(e, as_of=DAY, level="district", max_nodes=20, plan_k=5),
    }
    for name, draw in draws.items():
        few, many = size(draw(small)), size(draw(large))
        budget = DISTRICT_BUDGET_BYTES if name.startswith("ambassadors") else BUDGET_BYTES
        assert many < budget, name
        assert many < few * 1.5, f"{name}: {few} bytes for 80 networks, {many} for 320"


def test_names_in_aggregated_lists_are_data_not_markup(example) -> None:
    hostile = "</script><b>Netzwerk & Co</b>"
    data = example_dataset().to_plain()
    data["networks"][0]["name"] = hostile
    from om_graph.dataset.model import Dataset

    engine = EmbeddedEngine(Dataset.model_validate(data))
    for drawn in (audit_map(engine, as_of=EXAMPLE_AS_OF, max_nodes=5),
                  audit_map(engine, as_of=EXAMPLE_AS_OF, max_nodes=5, geo=True)):
        html = render_html(drawn)
        assert hostile not in html
        assert hostile in html.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&") or \
            "&lt;/script&gt;&lt;b&gt;Netzwerk &amp; Co&lt;/b&gt;" in html
    (text,) = DATA.findall(render_html(audit_map(engine, as_of=EXAMPLE_AS_OF, max_nodes=5)))
    assert any(hostile in n.get("details", "") for n in json.loads(text)["nodes"])


@pytest.mark.neo4j
def test_neo4j_draws_the_same_aggregated_maps(load_into_neo4j, example) -> None:
    on_neo4j = load_into_neo4j(example_dataset())
    for draw in (lambda e: networks_map(e, max_nodes=5), lambda e: audit_map(e, as_of=EXAMPLE_AS_OF, max_nodes=5),
                 lambda e: audit_map(e, as_of=EXAMPLE_AS_OF, geo=True, level="district", max_nodes=5),
                 lambda e: ambassadors_map(e, as_of=EXAMPLE_AS_OF, level="district", max_nodes=5)):
        assert render_html(draw(on_neo4j)) == render_html(draw(example))
