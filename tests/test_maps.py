"""The maps as files: the data they embed, their words, their privacy, and the command that writes them."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from markupsafe import escape
from typer.testing import CliRunner

from om_graph.queries.registry import run_query
from om_graph.cli import app
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.i18n import t
from om_graph.features.maps import ambassadors_map, audit_map, networks_map, render_html
from om_graph.features.maps.build import PHYSICS_LIMIT, Map
from om_graph.features.network.stats import network_stats
from om_graph.privacy import pseudonym, pseudonymous_email, pseudonymous_id, redacting
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset

KINDS = ("networks", "ambassadors", "audit")
DATA = re.compile(r'<script id="om-data" type="application/json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def engine() -> EmbeddedEngine:
    return EmbeddedEngine(example_dataset())


def draw(kind: str, engine, lang: str = "en", redact: bool = False) -> Map:
    """A map of ``kind``; with ``redact``, drawn from a redacting engine, as --redact-persons does."""
    if redact:
        engine = redacting(engine)
    if kind == "networks":
        return networks_map(engine, lang=lang, redacted=redact)
    if kind == "ambassadors":
        return ambassadors_map(engine, as_of=EXAMPLE_AS_OF, lang=lang, redacted=redact)
    return audit_map(engine, as_of=EXAMPLE_AS_OF, lang=lang, redacted=redact)


def embedded_data(html: str) -> dict:
    (text,) = DATA.findall(html)
    return json.loads(text)


def expected_counts(kind: str, engine) -> tuple[int, int]:
    """Nodes and edges a map must show, counted from the analyses it is drawn from."""
    links = run_query(engine, "network/links")
    if kind == "audit":
        return len(run_query(engine, "network/networks")), len(links)
    if kind == "networks":
        bridging = {o.id for o in network_stats(engine).organisations if o.bridging}
        memberships = [m for m in run_query(engine, "network/memberships") if m["organisation_id"] in bridging]
        return len(run_query(engine, "network/networks")) + len(bridging), len(links) + len(memberships)
    regions = run_query(engine, "coverage/regions", {"level": "state"})
    ambassadors = run_query(engine, "coverage/ambassadors")
    in_region = {
        (r["element_id"], r["region_id"])
        for r in run_query(engine, "coverage/elements", {"level": "state"})
        if r["element_kind"] == "network"
    }
    networks = {n for n, _ in in_region} | {n for a in ambassadors for n in a["network_ids"]}
    served = sum(len(r["ambassador_ids"]) for r in regions)
    active = sum(len(a["network_ids"]) for a in ambassadors)
    return len(regions) + len(ambassadors) + len(networks), len(in_region) + served + active


@pytest.mark.parametrize("kind", KINDS)
def test_embedded_nodes_and_edges_match_the_data(kind: str, engine) -> None:
    data = embedded_data(render_html(draw(kind, engine)))
    assert (len(data["nodes"]), len(data["edges"])) == expected_counts(kind, engine)
    ids = {n["id"] for n in data["nodes"]}
    assert len(ids) == len(data["nodes"]), "node ids are unique"
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"]), "every edge joins two drawn nodes"


@pytest.mark.parametrize("kind", KINDS)
def test_every_node_and_edge_belongs_to_a_legend_entry(kind: str, engine) -> None:
    drawn = draw(kind, engine)
    legend = {(entry.target, entry.category) for entry in drawn.legend}
    assert {("node", n["category"]) for n in drawn.nodes} <= legend
    assert {("edge", e["category"]) for e in drawn.edges} <= legend


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
    assert t("map.legend", lang) in html and t("map.search", lang) in html


def test_german_maps_use_the_official_terms(engine) -> None:
    assert "Botschafter" in render_html(draw("ambassadors", engine, "de"))
    assert "Umsetzungsstadium 1" in render_html(draw("audit", engine, "de"))


def test_tooltips_are_plain_text_with_newlines(engine) -> None:
    for kind in KINDS:
        for node in draw(kind, engine).nodes:
            assert "\n" in node["title"] and "<" not in node["title"], node


def test_audit_map_lists_each_networks_findings_and_stage(engine) -> None:
    from om_graph.audit.run import run_audit

    result = run_audit(engine, as_of=EXAMPLE_AS_OF)
    nodes = {n["id"]: n for n in draw("audit", engine).nodes}
    for stage in result.stages:
        node = nodes[f"network:{stage.network_id}"]
        assert node["category"] == f"stage{stage.stage}"
        codes = sorted(f.code for f in result.findings if f.subject_kind == "network" and f.subject_id == stage.network_id)
        assert sorted(re.findall(r"• (OM\d{3})", node["title"])) == codes


def test_ambassador_map_marks_white_spots_and_regions_without_ambassador(engine) -> None:
    from om_graph.audit.run import run_audit

    findings = run_audit(engine, as_of=EXAMPLE_AS_OF, rules="OM401,OM404").findings
    marked = defaultdict(set)
    for node in draw("ambassadors", engine).nodes:
        marked[node["category"]].add(node["id"])
    assert marked["white_spot"] == {f"region:{f.subject_id}" for f in findings if f.code == "OM404"}
    without = {f"region:{f.subject_id}" for f in findings if f.code == "OM401"} - marked["white_spot"]
    assert marked["without_ambassador"] == without and without


@pytest.mark.parametrize("kind", KINDS)
def test_html_names_no_url(kind: str, engine) -> None:
    html = render_html(draw(kind, engine))
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assert not re.search(r"""(src|href)\s*=\s*["'](?!data:)""", html), "nothing is loaded from elsewhere"


@pytest.mark.parametrize("kind", ["ambassadors", "audit"])
def test_redaction_removes_every_name_email_and_person_id(kind: str, engine) -> None:
    persons = example_dataset().persons
    plain = render_html(draw(kind, engine))
    redacted = render_html(draw(kind, engine, redact=True))
    shown = [p for p in persons if p.name in plain or re.search(rf"(?<![\w-]){re.escape(p.id)}(?![\w-])", plain)]
    assert shown, "the unredacted map names people, so the test can fail"
    for person in persons:
        assert person.name not in redacted and person.id not in redacted
        assert not person.email or person.email not in redacted
    # Every person shown is there under the pseudonymous id of every redacted output (the
    # ambassador map shows their pseudonymous name too; the audit map's findings name ids).
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


runner = CliRunner()


@pytest.mark.parametrize("kind", KINDS)
def test_command_writes_one_html_file(kind: str, tmp_path: Path) -> None:
    out = tmp_path / f"{kind}.html"
    result = runner.invoke(app, ["map", kind, "--example", "--lang", "de", "--redact-persons", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


@pytest.mark.parametrize(
    "args",
    [
        ["map", "audit", "--example", "--as-of", "yesterday"],
        ["map", "ambassadors", "--example", "--level", "county"],
        ["map", "networks", "my-data.yaml", "--neo4j"],
        ["map", "networks"],
    ],
    ids=["bad-date", "bad-level", "path-and-neo4j", "no-input"],
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
