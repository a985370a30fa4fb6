"""The briefing in a real headless Chromium, offline: its sections, its stage-1 networks under stage 1's decision,
and a print layout that fits A4 (pages of the printed PDF, their size, nothing wider than the page).

Needs Chromium and Playwright (skipped on a laptop without them, required in CI).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from browser import browser_or_skip, keep_screenshot
from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine

pytestmark = pytest.mark.browser

#: A4 in PDF points, and the page's printable width in CSS pixels (210 mm less the 2 x 12 mm margins of the stylesheet).
A4_POINTS = (595.28, 841.89)
PRINTABLE_PX = round((210 - 24) / 25.4 * 96)
SECTIONS = ["cover", "landscape", "decisions", "decision-stage-1", "decision-stage-2", "decision-stage-3",
            "decision-stage-4", "outside", "conflicts", "together", "ambassadors", "annex"]


@pytest.fixture(scope="module")
def browser():
    opened = browser_or_skip()
    yield opened._browser  # the Chromium of the map tests; the briefing has no map object to wait for
    opened.close()


@pytest.fixture(scope="module")
def briefings(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("briefing")
    out = {}
    for lang in ("en", "de"):
        out[lang] = folder / f"briefing-{lang}.html"
        result = CliRunner().invoke(app, ["briefing", "--example", "--lang", lang, "-o", str(out[lang])])
        assert result.exit_code == 0, result.output
    return out


def open_offline(browser, html: Path, **context):
    page_url = html.resolve().as_uri()
    context = browser.new_context(offline=True, service_workers="block", **context)
    requests, errors = [], []

    def intercept(route) -> None:
        if route.request.url == page_url:
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    context.route("**/*", intercept)
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(page_url)
    return context, page, requests, errors


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sections_and_stage_one_networks_in_the_browser(browser, briefings, lang: str, tmp_path: Path) -> None:
    context, page, requests, errors = open_offline(browser, briefings[lang], viewport={"width": 1200, "height": 900})
    try:
        ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
        assert [s for s in SECTIONS if s in ids] == SECTIONS
        audit = run_audit(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF)
        stage_one = sorted(s.network_id for s in audit.stages if s.stage == 1)
        assert stage_one, "the example has stage-1 networks"
        shown = page.eval_on_selector_all("#decision-stage-1 tr[data-network]", "rows => rows.map(r => r.dataset.network)")
        assert sorted(shown) == stage_one
        assert page.text_content("#decision-stage-1 .question").strip(), "stage 1 asks its question"
        assert page.eval_on_selector_all("#decision-stage-1 ol.options li", "lis => lis.length") >= 2
        bars = page.eval_on_selector_all("svg.om-bars rect[data-count]", "rs => rs.map(r => r.getBoundingClientRect().width)")
        assert bars and all(width > 0 for width in bars), "the stacked bars are drawn"
        page.screenshot(path=str(tmp_path / f"briefing-{lang}.png"), full_page=True)
        keep_screenshot(tmp_path / f"briefing-{lang}.png")
        assert requests == [] and errors == []
    finally:
        context.close()


def test_print_layout_is_no_wider_than_a4(browser, briefings) -> None:
    context, page, requests, errors = open_offline(browser, briefings["de"], viewport={"width": PRINTABLE_PX, "height": 1100})
    try:
        page.emulate_media(media="print")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PRINTABLE_PX, f"the printed page is {width} px wide, A4 holds {PRINTABLE_PX}"
        pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
        assert_a4(pdf)
        assert requests == [] and errors == []
    finally:
        context.close()


def test_cli_pdf_is_printed_on_a4_pages(browser, tmp_path: Path) -> None:
    """om-graph's own print (headless Chromium's print-to-PDF); the fixture skips it without Chromium."""
    out = tmp_path / "briefing.pdf"
    result = CliRunner().invoke(app, ["briefing", "--example", "--lang", "de", "-o", str(out)])
    assert result.exit_code == 0, result.output
    pdf = PdfReader(out)
    assert_a4(pdf)
    # Cover, landscape, decisions, conflicts follow on, together, Botschafter and the annex each start a page.
    assert len(pdf.pages) >= 6
    text = " ".join(p.extract_text() or "" for p in pdf.pages)
    assert "Vorlage für den Leitungskreis" in text and "Umsetzungsstadium 1" in text and "Anhang" in text


def assert_a4(pdf: PdfReader) -> None:
    assert len(pdf.pages) >= 1
    for number, page in enumerate(pdf.pages, 1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1.5), f"page {number} is {size} pt, not A4"
