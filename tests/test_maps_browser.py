"""The maps in a real browser, offline: they render, stay quiet, request nothing, and search and filter work.

Needs Chromium and Playwright (skipped on a laptop without them, required in CI). Screenshots
land in each test's ``tmp_path``, and in ``test-output/`` when ``$OM_TEST_OUTPUT`` is set.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from browser import browser_or_skip
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.synth.landscape import generate_landscape
from om_graph.features.maps import ambassadors_map, audit_map, networks_map, render_html
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.privacy import redacting

pytestmark = pytest.mark.browser

#: A map of a landscape many times OM's size must be still and usable within this time.
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
    "ambassadors": lambda engine, lang: ambassadors_map(redacting(engine), as_of=EXAMPLE_AS_OF, lang=lang, redacted=True),
    "audit": lambda engine, lang: audit_map(redacting(engine), as_of=EXAMPLE_AS_OF, lang=lang, redacted=True),
}


def write(drawn, folder: Path, name: str) -> Path:
    path = folder / f"{name}.html"
    path.write_text(render_html(drawn), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("kind", sorted(DRAW))
def test_map_renders_offline_without_errors_or_requests(kind: str, lang: str, browser, engine, tmp_path: Path) -> None:
    drawn = DRAW[kind](engine, lang)
    report = browser.open(write(drawn, tmp_path, kind), tmp_path / f"map-{kind}-{lang}.png")
    assert (report.nodes, report.edges) == (len(drawn.nodes), len(drawn.edges))
    assert report.console_errors == []
    assert report.requests == []
    assert report.screenshot.stat().st_size > 10_000, "the screenshot shows a drawn map"


def test_search_selects_and_legend_filters(browser, engine, tmp_path: Path) -> None:
    drawn = networks_map(engine)
    target = next(n for n in drawn.nodes if n["category"] == "thematic")
    regional = sum(n["category"] == "regional" for n in drawn.nodes)

    def interact(page) -> dict:
        page.fill("#om-search", target["label"])
        selected = page.evaluate("() => omMap.network.getSelectedNodes()")
        details = page.text_content("#om-details")
        page.fill("#om-search", "")
        page.uncheck('#om-legend input[data-category="regional"]')
        hidden = page.evaluate("() => omMap.nodes.get({filter: n => n.hidden}).map(n => n.category)")
        return {"selected": selected, "details": details, "hidden": hidden}

    report = browser.open(write(drawn, tmp_path, "networks"), tmp_path / "map-search.png", interact=interact)
    assert report.interaction["selected"] == [target["id"]]
    assert report.interaction["details"] == target["title"]
    assert report.interaction["hidden"] == ["regional"] * regional
    assert report.console_errors == [] and report.requests == []


LARGE = {
    # 400 networks, 24,500 links: vis-network's physics arranges it, then stops.
    "audit-scale10": (10, lambda e: audit_map(e, as_of=dt.date(2025, 6, 30))),
    # About 1,700 nodes: above PHYSICS_LIMIT, so positions come precomputed.
    "ambassadors-district-scale30": (30, lambda e: ambassadors_map(e, level="district", as_of=dt.date(2025, 6, 30))),
}


@pytest.mark.parametrize("name", sorted(LARGE))
def test_large_map_settles_within_bounded_time(name: str, browser, tmp_path: Path) -> None:
    scale, draw = LARGE[name]
    drawn = draw(EmbeddedEngine(generate_landscape(scale, 1)))
    report = browser.open(write(drawn, tmp_path, name), tmp_path / f"map-{name}.png", timeout_s=LARGE_MAP_SECONDS)
    assert (report.nodes, report.edges) == (len(drawn.nodes), len(drawn.edges))
    assert report.stabilized_after_ms < LARGE_MAP_SECONDS * 1000
    assert report.console_errors == [] and report.requests == []
