"""The maps in a real browser, offline: they render, request nothing, show Germany where it is, and read well.

Needs Chromium and Playwright (skipped on a laptop without them, required in CI). Screenshots
land in each test's ``tmp_path``, and in ``test-output/`` when ``$OM_TEST_OUTPUT`` is set: every
map of the example and of a scale-10 landscape.
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import pytest

from browser import browser_or_skip
from om_graph.audit.run import run_audit
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.maps import ambassadors_map, audit_map, networks_map, render_html
from om_graph.privacy import redacting
from om_graph.synth.landscape import generate_landscape

pytestmark = pytest.mark.browser

DAY = dt.date(2025, 6, 30)
#: A map of a landscape ten times OM's size must be drawn and still within this time.
LARGE_MAP_SECONDS = 30


@pytest.fixture(scope="module")
def browser():
    opened = browser_or_skip()
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def engine() -> EmbeddedEngine:
    return EmbeddedEngine(example_dataset())


DRAW = {
    "networks": lambda engine, lang: networks_map(engine, lang=lang),
    "ambassadors": lambda engine, lang: ambassadors_map(redacting(engine), as_of=EXAMPLE_AS_OF, lang=lang, redacted=True,
                                                        plan_k=3),
    "ambassadors-district": lambda engine, lang: ambassadors_map(engine, level="district", as_of=EXAMPLE_AS_OF, lang=lang),
    "audit": lambda engine, lang: audit_map(redacting(engine), as_of=EXAMPLE_AS_OF, lang=lang, redacted=True),
    "audit-geo": lambda engine, lang: audit_map(engine, as_of=EXAMPLE_AS_OF, lang=lang, geo=True, level="district"),
}

#: Screen boxes of every visible label, for the overlap checks.
VISIBLE_LABELS = """() => Array.from(document.querySelectorAll('#om-labels text'))
  .filter(el => getComputedStyle(el).display !== 'none')
  .map(el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, el.textContent]; })"""


def write(drawn, folder: Path, name: str) -> Path:
    path = folder / f"{name}.html"
    path.write_text(render_html(drawn), encoding="utf-8")
    return path


def overlapping(boxes: list) -> list:
    """Pairs of boxes that overlap by more than a pixel each way (text halos may touch)."""
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a[0] + 1 < b[2] and b[0] + 1 < a[2] and a[1] + 1 < b[3] and b[1] + 1 < a[3]:
                found.append((a[4], b[4]))
    return found


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", sorted(DRAW))
def test_map_renders_offline_without_errors_or_requests(kind: str, lang: str, browser, engine, tmp_path: Path) -> None:
    drawn = DRAW[kind](engine, lang)
    report = browser.open(write(drawn, tmp_path, kind), tmp_path / f"map-{kind}-{lang}.png")
    assert (report.nodes, report.edges) == (len(drawn.nodes), len(drawn.edges))
    assert report.console_errors == []
    assert report.requests == []
    assert report.screenshot.stat().st_size > 10_000, "the screenshot shows a drawn map"


def test_germany_is_where_it_belongs_on_screen(browser, engine, tmp_path: Path) -> None:
    def centres(page) -> dict:
        return page.evaluate("""() => Object.fromEntries(['DE-BY', 'DE-NW', 'DE-SH', 'DE-SL'].map(code => {
            const r = document.getElementById('om-r-' + code).getBoundingClientRect();
            return [code, [r.left + r.width / 2, r.top + r.height / 2]]; }))""")

    report = browser.open(write(DRAW["ambassadors"](engine, "en"), tmp_path, "geo"), tmp_path / "map-geo.png", interact=centres)
    by, nw, sh, sl = (report.interaction[c] for c in ("DE-BY", "DE-NW", "DE-SH", "DE-SL"))
    assert by[0] > nw[0] and by[1] > nw[1], "Bayern lies south-east of Nordrhein-Westfalen"
    assert sh[1] < nw[1] < sl[1], "Schleswig-Holstein at the top, Saarland below Nordrhein-Westfalen"


def test_region_without_ambassador_has_the_legends_not_covered_fill(browser, engine, tmp_path: Path) -> None:
    drawn = DRAW["ambassadors"](engine, "en")
    (region,) = [r for r in drawn.regions if r.region_id == "DE-HE"]
    assert "ambassadors: -" in region.tip, "Hessen has no ambassador in the example"

    def fills(page) -> dict:
        return page.evaluate("""() => ({
            region: document.getElementById('om-r-DE-HE').getAttribute('fill'),
            legend: document.querySelector('#om-legend input[data-category="none"]').parentElement
                      .querySelector('svg rect').getAttribute('fill'),
            paint: getComputedStyle(document.getElementById('om-r-DE-HE')).fill})""")

    report = browser.open(write(drawn, tmp_path, "fill"), tmp_path / "map-fill.png", interact=fills)
    assert report.interaction["region"] == report.interaction["legend"]
    assert region.category == "none" and "url(" in report.interaction["paint"], "not covered: a pattern, not colour alone"


def test_gap_list_names_every_om401_and_om404_region_and_zooms_to_it(browser, engine, tmp_path: Path) -> None:
    findings = run_audit(engine, as_of=EXAMPLE_AS_OF, rules="OM401,OM404").findings
    names = {r.region_id: r.name for r in DRAW["ambassadors"](engine, "en").regions}
    wanted = {names[f.subject_id] for f in findings}

    def use_list(page) -> dict:
        listed = page.eval_on_selector_all("#om-gaps-list button", "bs => bs.map(b => b.textContent)")
        before = page.evaluate("() => omMap.view()")
        page.click('#om-gaps-list button[data-code="DE-SL"]')
        return {"listed": listed, "before": before, "after": page.evaluate("() => omMap.view()"),
                "details": page.text_content("#om-details")}

    report = browser.open(write(DRAW["ambassadors"](engine, "en"), tmp_path, "gaps"), tmp_path / "map-gaps.png",
                          interact=use_list)
    listed = {text.split(" · ", 1)[1] for text in report.interaction["listed"] if text.startswith("OM40")}
    assert listed == wanted, "every OM401 and OM404 region is listed, once"
    assert report.interaction["after"][2] < report.interaction["before"][2] / 3, "the view zooms to Saarland"
    assert "Saarland" in report.interaction["details"]


def test_plan_layer_shows_k_regions(browser, engine, tmp_path: Path) -> None:
    def layer(page) -> dict:
        return page.evaluate("""() => ({
            outlines: document.querySelectorAll('#om-plan path').length,
            badges: Array.from(document.querySelectorAll('#om-plan .om-plan-step'))
                      .filter(g => g.getBoundingClientRect().width > 4).map(g => g.textContent.trim())})""")

    report = browser.open(write(DRAW["ambassadors"](engine, "en"), tmp_path, "plan"), tmp_path / "map-plan.png", interact=layer)
    assert report.interaction["outlines"] == 3
    assert sorted(report.interaction["badges"]) == ["1", "2", "3"]


@pytest.mark.parametrize("kind", ["ambassadors-district", "audit-geo"])
def test_labels_do_not_overlap_and_filters_refit(kind: str, browser, engine, tmp_path: Path) -> None:
    category = "full" if kind.startswith("ambassadors") else "stage4"

    def check(page) -> dict:
        first = page.evaluate(VISIBLE_LABELS)
        before = page.evaluate("() => omMap.view()")
        page.uncheck(f'#om-legend input[data-category="{category}"]')
        return {"first": first, "before": before, "after": page.evaluate("() => omMap.view()"),
                "then": page.evaluate(VISIBLE_LABELS)}

    report = browser.open(write(DRAW[kind](engine, "en"), tmp_path, kind), tmp_path / f"map-{kind}-labels.png", interact=check)
    assert len(report.interaction["first"]) > 20
    assert overlapping(report.interaction["first"]) == []
    assert report.interaction["after"] != report.interaction["before"], "unticking re-fits the view"
    assert overlapping(report.interaction["then"]) == []


def test_search_selects_legend_filters_and_refits_the_graph(browser, engine, tmp_path: Path) -> None:
    drawn = networks_map(engine)
    target = next(n for n in drawn.nodes if n["category"] == "thematic")
    regional = sum(n["category"] == "regional" for n in drawn.nodes)

    def interact(page) -> dict:
        page.fill("#om-search", target["label"])
        selected = page.evaluate("() => omMap.network.getSelectedNodes()")
        details = page.text_content("#om-details")
        page.fill("#om-search", "")
        page.click("#om-reset")
        before = page.evaluate("() => omMap.network.getViewPosition()")
        page.uncheck('#om-legend input[data-category="regional"]')
        page.uncheck('#om-legend input[data-category="isolated"]')
        hidden = page.evaluate("() => omMap.nodes.get({filter: n => n.hidden}).map(n => n.category)")
        inside = page.evaluate("""() => {
            const box = document.querySelector('#om-graph canvas').getBoundingClientRect();
            const ids = omMap.nodes.getIds({filter: n => !n.hidden});
            const at = omMap.network.getPositions(ids);
            return ids.every(id => { const p = omMap.network.canvasToDOM(at[id]);
                return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height; }); }""")
        return {"selected": selected, "details": details, "hidden": hidden, "before": before, "inside": inside,
                "after": page.evaluate("() => omMap.network.getViewPosition()")}

    report = browser.open(write(drawn, tmp_path, "networks"), tmp_path / "map-search.png", interact=interact)
    assert report.interaction["selected"] == [target["id"]]
    assert report.interaction["details"] == target["title"]
    assert sorted(report.interaction["hidden"]).count("regional") == regional
    assert report.interaction["after"] != report.interaction["before"], "what is left is fitted into view again"
    assert report.interaction["inside"]
    assert report.console_errors == [] and report.requests == []


def test_isolated_networks_are_set_apart_to_the_right(browser, engine, tmp_path: Path) -> None:
    def positions(page) -> dict:
        return page.evaluate("""() => {
            const all = omMap.network.getPositions();
            const nodes = omMap.nodes.get();
            return {apart: nodes.filter(n => n.apart).map(n => all[n.id].x),
                    rest: nodes.filter(n => !n.apart).map(n => all[n.id].x)}; }""")

    report = browser.open(write(networks_map(engine), tmp_path, "isolated"), tmp_path / "map-isolated.png", interact=positions)
    assert report.interaction["apart"] and min(report.interaction["apart"]) > max(report.interaction["rest"])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_first_view_shows_every_isolated_network_by_name_and_all_of_the_map(lang: str, browser, engine, tmp_path: Path) -> None:
    """Long names side by side in the grid of isolated networks keep their labels; nothing, heading included,
    lies outside the view before anyone zooms."""
    def first_view(page) -> dict:
        return page.evaluate("""() => {
            const net = omMap.network, box = document.querySelector('#om-graph canvas').getBoundingClientRect();
            const nodes = omMap.nodes.get();
            const out = nodes.filter(n => {
                const b = net.getBoundingBox(n.id), a = net.canvasToDOM({x: b.left, y: b.top}), z = net.canvasToDOM({x: b.right, y: b.bottom});
                return a.x < 0 || a.y < 0 || z.x > box.width || z.y > box.height; }).map(n => n.id);
            const hidden = nodes.filter(n => n.apart && !n.heading && n.font && n.font.color === 'rgba(0,0,0,0)').map(n => n.label);
            return {out: out, hidden: hidden, apart: nodes.filter(n => n.apart && !n.heading).length}; }""")

    report = browser.open(write(networks_map(engine, lang=lang), tmp_path, f"first-{lang}"), tmp_path / f"map-first-{lang}.png",
                          interact=first_view)
    assert report.interaction["apart"] >= 3
    assert report.interaction["hidden"] == [], "an isolated network's label is hidden by its neighbour's"
    assert report.interaction["out"] == []


@pytest.mark.parametrize("kind", ["ambassadors", "networks"])
def test_reset_view_and_save_as_png(kind: str, browser, engine, tmp_path: Path) -> None:
    def buttons(page) -> dict:
        png = page.evaluate("() => omMap.toPng()")
        page.click("#om-reset")
        return {"png": png}

    report = browser.open(write(DRAW[kind](engine, "en"), tmp_path, kind), tmp_path / f"map-{kind}-png.png", interact=buttons)
    prefix = "data:image/png;base64,"
    assert report.interaction["png"].startswith(prefix)
    image = base64.b64decode(report.interaction["png"][len(prefix):])
    assert image[:8] == b"\x89PNG\r\n\x1a\n" and len(image) > 10_000
    out = tmp_path / f"saved-{kind}.png"
    out.write_bytes(image)
    from browser import keep_screenshot

    keep_screenshot(out)
    assert report.console_errors == []


@pytest.fixture(scope="module")
def scale10() -> EmbeddedEngine:
    return EmbeddedEngine(generate_landscape(10, 1))


LARGE = {
    "networks-scale10": lambda e: networks_map(e, as_of=DAY),
    "audit-scale10": lambda e: audit_map(e, as_of=DAY),
    "audit-geo-scale10": lambda e: audit_map(e, as_of=DAY, geo=True, level="district"),
    "ambassadors-district-scale10": lambda e: ambassadors_map(e, level="district", as_of=DAY, plan_k=10),
    # The same landscape above the aggregation limit (400 networks, --max-nodes 100): the rule of maps at scale 100.
    "audit-aggregated-scale10": lambda e: audit_map(e, as_of=DAY, max_nodes=100),
    "audit-geo-aggregated-scale10": lambda e: audit_map(e, as_of=DAY, geo=True, level="district", max_nodes=100),
    "ambassadors-aggregated-scale10": lambda e: ambassadors_map(e, level="district", as_of=DAY, plan_k=10, max_nodes=100),
}


@pytest.mark.parametrize("name", sorted(LARGE))
def test_large_map_settles_within_bounded_time(name: str, browser, scale10, tmp_path: Path) -> None:
    drawn = LARGE[name](scale10)
    report = browser.open(write(drawn, tmp_path, name), tmp_path / f"map-{name}.png", timeout_s=LARGE_MAP_SECONDS)
    assert (report.nodes, report.edges) == (len(drawn.nodes), len(drawn.edges))
    assert report.stabilized_after_ms < LARGE_MAP_SECONDS * 1000
    assert report.console_errors == [] and report.requests == []


def test_click_on_an_aggregated_node_lists_its_networks(browser, engine, tmp_path: Path) -> None:
    drawn = audit_map(engine, as_of=EXAMPLE_AS_OF, max_nodes=5)
    biggest = max(drawn.nodes, key=lambda n: (n["value"], n["id"]))

    def click(page) -> dict:
        at = page.evaluate("""id => { const p = omMap.network.canvasToDOM(omMap.network.getPositions([id])[id]);
            const box = document.querySelector('#om-graph canvas').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""", biggest["id"])
        page.mouse.click(*at)
        return {"selected": page.evaluate("() => omMap.network.getSelectedNodes()"), "details": page.text_content("#om-details"),
                "subtitle": page.text_content("#om-subtitle")}

    report = browser.open(write(drawn, tmp_path, "aggregated"), tmp_path / "map-aggregated.png", interact=click)
    assert report.interaction["selected"] == [biggest["id"]]
    assert report.interaction["details"] == biggest["details"], "the click lists the node's networks"
    assert report.interaction["subtitle"].startswith(drawn.subtitle), "the page says what it aggregates"
