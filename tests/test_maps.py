"""The maps as files: the data they embed, their geography, their words, their privacy, and the command that writes them."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from markupsafe import escape
from typer.testing import CliRunner

from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.geo import load_germany
from om_graph.dataset.model import Dataset, Region
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.coverage.planner import plan
from om_graph.features.coverage.report import coverage_instance, coverage_report
from om_graph.features.maps import GeoMap, ambassadors_map, audit_map, networks_map, render_html
from om_graph.features.maps.ambassadors import coverage_class
from om_graph.features.maps.build import PHYSICS_LIMIT, Map
from om_graph.features.maps.palette import COVERAGE, fill
from om_graph.features.network.stats import network_stats
from om_graph.i18n import t
from om_graph.privacy import pseudonym, pseudonymous_email, pseudonymous_id, redacting
from om_graph.queries.registry import run_query

KINDS = ("networks", "ambassadors", "audit", "audit-geo")
DATA = re.compile(r'<script id="om-data" type="application/json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def engine() -> EmbeddedEngine:
    return EmbeddedEngine(example_dataset())


def draw(kind: str, engine, lang: str = "en", redact: bool = False, **options):
    """A map of ``kind``; with ``redact``, drawn from a redacting engine, as --redact-persons does."""
    if redact:
        engine = redacting(engine)
    if kind == "networks":
        return networks_map(engine, lang=lang, redacted=redact, **options)
    if kind == "ambassadors":
        return ambassadors_map(engine, as_of=EXAMPLE_AS_OF, lang=lang, redacted=redact, **options)
    return audit_map(engine, as_of=EXAMPLE_AS_OF, lang=lang, redacted=redact, geo=kind == "audit-geo", **options)


def embedded_data(html: str) -> dict:
    (text,) = DATA.findall(html)
    return json.loads(text)


def test_graph_maps_embed_every_network_and_link(engine) -> None:
    networks = run_query(engine, "network/networks")
    links = run_query(engine, "network/links")
    data = embedded_data(render_html(draw("audit", engine)))
    stages = run_audit(engine, as_of=EXAMPLE_AS_OF).stages
    assert {n["id"] for n in data["nodes"] if not n.get("heading")} == {f"network:{s.network_id}" for s in stages}
    assert len(data["edges"]) == len(links), "a sparse map draws every link"
    stats = network_stats(engine)
    bridging = {o.id for o in stats.organisations if o.bridging}
    drawn = draw("networks", engine)
    ids = {n["id"] for n in drawn.nodes}
    assert ids == {f"network:{n['id']}" for n in networks} | {f"organisation:{o}" for o in bridging} | {"heading:isolated"}
    assert all(e["from"] in ids and e["to"] in ids for e in drawn.edges), "every edge joins two drawn nodes"


@pytest.mark.parametrize("kind", KINDS)
def test_every_node_region_and_edge_belongs_to_a_legend_entry(kind: str, engine) -> None:
    drawn = draw(kind, engine)
    legend = {(entry.target, entry.category) for entry in drawn.legend}
    if isinstance(drawn, GeoMap):
        assert {("node", r.category) for r in drawn.regions} | {("node", m.category) for m in drawn.markers} <= legend
        assert {("node", r.gap) for r in drawn.regions if r.gap} <= legend
    else:
        assert {("node", n["category"]) for n in drawn.nodes} <= legend
        assert {("edge", e["category"]) for e in drawn.edges} <= legend


@pytest.mark.parametrize("level", ["state", "district"])
def test_ambassador_map_draws_every_region_of_germany_filled_by_coverage(level: str, engine) -> None:
    drawn = ambassadors_map(engine, level=level, as_of=EXAMPLE_AS_OF)
    germany = load_germany()
    shapes = germany.states if level == "state" else germany.districts
    assert sorted(r.code for r in drawn.regions) == sorted(shapes)
    report = coverage_report(engine, level=level, as_of=EXAMPLE_AS_OF)
    by_id = {r.region_id: r for r in drawn.regions if r.region_id}
    assert set(by_id) == {r.region_id for r in report.regions}, "every region of the dataset is on the map"
    for region in report.regions:
        expected = coverage_class(region.weight.covered, region.weight.total)
        assert by_id[region.region_id].category == expected
        assert by_id[region.region_id].fill == fill(COVERAGE[expected][1], COVERAGE[expected][0])
    assert {r.category for r in drawn.regions} >= {"full", "none"}, "the example has covered and uncovered regions"


def test_ambassador_map_outlines_and_lists_every_om401_and_om404_region(engine) -> None:
    findings = run_audit(engine, as_of=EXAMPLE_AS_OF, rules="OM401,OM404").findings
    drawn = draw("ambassadors", engine)
    marked = defaultdict(set)
    for region in drawn.regions:
        marked[region.gap].add(region.region_id)
    assert marked["OM404"] == {f.subject_id for f in findings if f.code == "OM404"}
    without = {f.subject_id for f in findings if f.code == "OM401"} - marked["OM404"]
    assert marked["OM401"] == without and without
    (gap_list,) = [items for list_id, _, items in drawn.lists if list_id == "om-gaps-list"]
    codes = {r.region_id: r.code for r in drawn.regions}
    listed = {item.code for item in gap_list if item.kind in ("OM401", "OM404")}
    assert listed == {codes[r] for r in marked["OM401"] | marked["OM404"]}


def test_plan_layer_holds_the_planners_regions_in_order(engine) -> None:
    drawn = ambassadors_map(engine, level="district", as_of=EXAMPLE_AS_OF, plan_k=3)
    report = coverage_report(engine, level="district", as_of=EXAMPLE_AS_OF)
    steps = plan(coverage_instance(report), 3).steps
    assert [s.region_id for s in steps] == sorted(drawn.plan, key=drawn.plan.get)  # district ids are their codes
    assert sorted(drawn.plan.values()) == [1, 2, 3]
    html = render_html(drawn)
    assert html.count('class="om-plan-step"') == 3


def test_regions_without_a_known_code_are_listed_with_the_reason() -> None:
    data = example_dataset().to_plain()
    data["regions"] += [
        {"id": "x-nocode", "name": "Region Ohnecode", "level": "state", "parent_id": "DE"},
        {"id": "x-bad", "name": "Region Falschcode", "level": "state", "parent_id": "DE", "code": "DE-XX"},
    ]
    engine = EmbeddedEngine(Dataset.model_validate(data))
    drawn = ambassadors_map(engine, as_of=EXAMPLE_AS_OF)
    (items,) = [items for list_id, _, items in drawn.lists if list_id == "om-unplaced-list"]
    texts = [item.text for item in items]
    assert texts == [
        t("map.unplaced.unknown_code", "en", name="Region Falschcode", id="x-bad", code="DE-XX"),
        t("map.unplaced.no_code", "en", name="Region Ohnecode", id="x-nocode", code=""),
    ]


def test_audit_map_on_germany_places_networks_at_their_regions(engine) -> None:
    drawn = draw("audit-geo", engine, level="district")
    germany = load_germany()
    markers = {m.id: m for m in drawn.markers}
    muenchen = markers["network:by-lkr-muenchen"]
    assert (muenchen.x, muenchen.y) == germany.districts["09184"].label
    result = run_audit(engine, as_of=EXAMPLE_AS_OF)
    for stage in result.stages:
        if f"network:{stage.network_id}" in markers:
            assert markers[f"network:{stage.network_id}"].category == f"stage{stage.stage}"
    listed = [item.text for _, _, items in drawn.lists for item in items]
    assert len(markers) + len(listed) == len(result.stages), "every network is on the map or listed beside it"


def test_networks_map_sets_isolated_networks_apart_and_labels_them(engine) -> None:
    drawn = draw("networks", engine)
    isolated = {f"network:{n.id}" for n in network_stats(engine).networks if n.isolated}
    apart = {n["id"] for n in drawn.nodes if n.get("apart") and not n.get("heading")}
    assert apart == isolated and isolated
    heading = next(n for n in drawn.nodes if n.get("heading"))
    assert heading["label"] == t("map.isolated.heading", "en", count=len(isolated))
    data = embedded_data(render_html(drawn))
    placed = {n["id"]: n for n in data["nodes"]}
    assert all(placed[i]["fixed"] and placed[i]["physics"] is False for i in apart)


def test_min_shared_keeps_strong_links_and_cooperations(engine) -> None:
    links = run_query(engine, "network/links")
    drawn = draw("networks", engine, min_shared=2)
    shown = {(e["from"], e["to"]) for e in drawn.edges if e["category"] in ("shared", "cooperation")}
    expected = {(f"network:{k['source_id']}", f"network:{k['target_id']}") for k in links
                if k["shared_partners"] >= 2 or k["cooperation"]}
    assert shown == expected and len(expected) < len(links)
    assert "2" in drawn.subtitle


def test_dense_maps_keep_each_networks_strongest_links() -> None:
    from om_graph.features.maps.readable import STRONGEST, strongest, thin

    links = [(f"n{a}", f"n{b}", (a * 7 + b) % 5 + 1, False) for a in range(20) for b in range(a + 1, 20)]
    kept, why = thin(links, 20, None)
    assert why == "strongest" and kept == strongest(links, STRONGEST) and len(kept) < len(links)
    for node in {x for link in links for x in link[:2]}:
        mine = sorted((k for k in links if node in k[:2]), key=lambda k: -k[2])
        assert mine[0] in kept, "every network keeps its strongest link"


def test_many_networks_are_drawn_per_land_at_its_place(engine) -> None:
    drawn = draw("networks", engine, max_nodes=5)
    germany = load_germany()
    states = {n["id"]: n for n in drawn.nodes if n["category"] == "state_group"}
    assert "state:DE-BY" in states and "state:DE-NI" in states
    by, ni = states["state:DE-BY"], states["state:DE-NI"]
    assert by["y"] > ni["y"], "Bayern lies south of Niedersachsen"
    assert (by["x"], by["y"]) == tuple(round(v * 0.12) for v in germany.states["DE-BY"].label)
    isolated = {f"network:{n.id}" for n in network_stats(engine).networks if n.isolated}
    assert {n["id"] for n in drawn.nodes if n["category"] == "isolated" and not n.get("heading")} == isolated


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", KINDS)
def test_title_and_legend_are_in_the_chosen_language(kind: str, lang: str, engine) -> None:
    drawn = draw(kind, engine, lang)
    html = render_html(drawn)
    other = draw(kind, engine, "de" if lang == "en" else "en")
    assert f'<html lang="{lang}">' in html
    assert f"<title>{escape(drawn.title)}</title>" in html and drawn.title != other.title
    for entry, translated in zip(drawn.legend, other.legend):
        assert f"<span>{escape(entry.label)}</span>" in html
        assert entry.label != translated.label or entry.label.startswith("OM4")
    assert t("map.legend", lang) in html and t("map.reset", lang) in html and t("map.save_png", lang) in html


def test_german_maps_use_the_official_terms(engine) -> None:
    assert "Botschafter" in render_html(draw("ambassadors", engine, "de"))
    assert "Umsetzungsstadium 1" in render_html(draw("audit", engine, "de"))


@pytest.mark.parametrize("kind", ["ambassadors", "audit-geo"])
def test_maps_of_germany_carry_the_attribution(kind: str, engine) -> None:
    html = render_html(draw(kind, engine))
    assert html.count(load_germany().attribution) >= 2, "on the map (and so in a PNG) and in the footer"
    assert "Datenlizenz Deutschland" in html


def test_tooltips_are_plain_text_with_newlines(engine) -> None:
    for kind in KINDS:
        drawn = draw(kind, engine)
        tips = [m.tip for m in drawn.markers] if isinstance(drawn, GeoMap) else [n["title"] for n in drawn.nodes]
        for tip in tips:
            assert "<" not in tip, tip
        assert any("\n" in tip for tip in tips)


def test_audit_map_lists_each_networks_findings_and_stage(engine) -> None:
    result = run_audit(engine, as_of=EXAMPLE_AS_OF)
    nodes = {n["id"]: n for n in draw("audit", engine).nodes}
    linked = {end for k in run_query(engine, "network/links") for end in (k["source_id"], k["target_id"])}
    for stage in result.stages:
        node = nodes[f"network:{stage.network_id}"]
        assert node["category"] == f"stage{stage.stage}"
        assert bool(node.get("apart")) == (stage.network_id not in linked), "isolated networks are set apart"
        codes = sorted(f.code for f in result.findings if f.subject_kind == "network" and f.subject_id == stage.network_id)
        assert sorted(re.findall(r"• (OM\d{3})", node["title"])) == codes


@pytest.mark.parametrize("kind", KINDS)
def test_html_loads_nothing_from_elsewhere(kind: str, engine) -> None:
    html = render_html(draw(kind, engine))
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    links = re.findall(r"https://[^\"'\s<]*", html)
    assert set(links) <= {"https://www.bkg.bund.de"}, "the only address is the source note the licence asks for"
    assert not re.search(r"""\ssrc\s*=\s*["'](?!data:)""", html), "nothing is loaded from elsewhere"
    assert set(re.findall(r"""<(?!a\s)\w+[^>]*\shref\s*=\s*["']([^"'#])""", html)) == set(), "only in-page references"


def test_district_map_stays_small(engine) -> None:
    html = render_html(ambassadors_map(engine, level="district", as_of=EXAMPLE_AS_OF, plan_k=5))
    assert len(html.encode("utf-8")) < 1_500_000


@pytest.mark.parametrize("kind", ["ambassadors", "audit", "audit-geo"])
def test_redaction_removes_every_name_email_and_person_id(kind: str, engine) -> None:
    persons = example_dataset().persons
    plain = render_html(draw(kind, engine))
    redacted = render_html(draw(kind, engine, redact=True))
    shown = [p for p in persons if p.name in plain or re.search(rf"(?<![\w-]){re.escape(p.id)}(?![\w-])", plain)]
    assert shown, "the unredacted map names people, so the test can fail"
    for person in persons:
        assert person.name not in redacted and person.id not in redacted
        assert not person.email or person.email not in redacted
    assert all(pseudonymous_id(p.id) in redacted for p in shown)
    if kind == "ambassadors":
        assert all(pseudonym(p.id) in redacted for p in shown)
    assert redacted == render_html(draw(kind, engine, redact=True)), "pseudonyms are stable"
    assert pseudonymous_email(persons[0].id) not in plain


def test_data_cannot_close_the_script_element() -> None:
    hostile = "</script><script>alert(1)</script><!--"
    drawn = Map("t", "", "en", [], [{"id": hostile, "label": hostile, "title": hostile, "category": "x"}], [])
    html = render_html(drawn)
    assert hostile not in html
    assert embedded_data(html)["nodes"][0]["label"] == hostile


def test_region_names_are_escaped_on_the_map() -> None:
    hostile = "<b>Kreis & Co</b>"
    data = example_dataset().to_plain()
    for region in data["regions"]:
        if region["id"] == "DE-BY":
            region["name"] = hostile
    html = render_html(ambassadors_map(EmbeddedEngine(Dataset.model_validate(data)), as_of=EXAMPLE_AS_OF))
    assert hostile not in html and str(escape(hostile)) in html


def test_large_maps_come_with_positions_and_no_physics() -> None:
    count = PHYSICS_LIMIT + 1
    nodes = [{"id": f"n{i}", "label": f"n{i}", "title": "n", "category": "x"} for i in range(count)]
    edges = [{"from": f"n{i}", "to": f"n{(i * 7) % count}", "category": "y"} for i in range(count)]
    data = embedded_data(render_html(Map("t", "", "en", [], nodes, edges)))
    assert data["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == count, "no two nodes on the same spot"
    small = embedded_data(render_html(Map("t", "", "en", [], nodes[:10], [])))
    assert small["options"]["physics"]["enabled"] is True and "x" not in small["nodes"][0]


def test_region_codes_resolve_on_the_map() -> None:
    regions = [Region(id="by", name="Bayern", level="state", code="DE-BY")]
    drawn = ambassadors_map(EmbeddedEngine(Dataset(regions=regions)), as_of=EXAMPLE_AS_OF)
    (bayern,) = [r for r in drawn.regions if r.region_id == "by"]
    assert bayern.code == "DE-BY" and bayern.category == "empty"


runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [["networks"], ["networks", "--min-shared", "2"], ["ambassadors", "--plan", "2", "--level", "district"], ["audit"],
     ["audit", "--geo"]],
    ids=lambda a: "-".join(a).replace("--", ""),
)
def test_command_writes_one_html_file(args: list[str], tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    result = runner.invoke(app, ["map", *args, "--example", "--lang", "de", "--redact-persons", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize(
    "args",
    [
        ["map", "audit", "--example", "--as-of", "yesterday"],
        ["map", "ambassadors", "--example", "--level", "county"],
        ["map", "ambassadors", "--example", "--plan", "-1"],
        ["map", "networks", "--example", "--min-shared", "0"],
        ["map", "networks", "my-data.yaml", "--neo4j"],
        ["map", "networks"],
    ],
    ids=["bad-date", "bad-level", "bad-plan", "bad-min-shared", "path-and-neo4j", "no-input"],
)
def test_bad_usage_is_exit_2_and_writes_nothing(args: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "map.html")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.neo4j
@pytest.mark.parametrize("kind", KINDS)
def test_neo4j_draws_the_same_map(kind: str, load_into_neo4j, engine) -> None:
    on_neo4j = load_into_neo4j(example_dataset())
    assert render_html(draw(kind, on_neo4j, redact=True)) == render_html(draw(kind, engine, redact=True))


@pytest.mark.parametrize("geo", [False, True])
def test_map_titles_write_the_as_of_date_in_the_readers_language(geo):
    """A German reader sees "Stand 30.06.2025" in the title; English keeps ISO."""
    engine = EmbeddedEngine(example_dataset())
    german = audit_map(engine, as_of=EXAMPLE_AS_OF, lang="de", geo=geo).title
    english = audit_map(engine, as_of=EXAMPLE_AS_OF, lang="en", geo=geo).title
    assert german.endswith("Stand 30.06.2025") and english.endswith("2025-06-30")
    assert networks_map(engine, as_of=EXAMPLE_AS_OF, lang="de").title.endswith("(30.06.2025)")
