"""Open a generated map in a real headless Chromium, cut off from the network, and report what it did.

Playwright drives the system's Chromium (``/usr/bin/chromium``, or ``$OM_CHROMIUM``); its own
browser downloads are never used. The context is offline and every request other than the map
file itself is recorded and aborted, so a map that reaches for a CDN, a font or an image fails
its test instead of quietly loading it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("OM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
]
VIEWPORT = {"width": 1400, "height": 900}


@dataclass
class PageReport:
    """What a map did in the browser."""

    nodes: int
    edges: int
    stabilized_after_ms: float
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    screenshot: Path | None = None
    interaction: Any = None


class MapBrowser:
    """One Chromium for a test module; :meth:`open` loads one map file in a fresh offline context."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()

    def open(
        self, html: Path, screenshot: Path, *, timeout_s: float = 15, interact: Callable[[Any], Any] | None = None
    ) -> PageReport:
        """Load ``html``, wait until its layout has stabilised and physics stopped, screenshot it.

        ``interact(page)``, if given, runs on the settled map before the screenshot; its result
        is the report's ``interaction``.
        """
        url = html.resolve().as_uri()
        context = self._browser.new_context(offline=True, viewport=VIEWPORT, service_workers="block")
        try:
            page = context.new_page()
            requests: list[str] = []
            errors: list[str] = []

            def intercept(route) -> None:
                if route.request.url == url:
                    route.continue_()
                else:
                    requests.append(route.request.url)
                    route.abort()

            context.route("**/*", intercept)
            page.on("request", lambda r: r.url != url and not r.url.startswith("data:") and requests.append(r.url))
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(url)
            page.wait_for_function("window.omMap && window.omMap.stabilized", timeout=timeout_s * 1000)
            counts = page.evaluate("() => omMap.summary()")
            assert counts["physics"] is False, "physics still running after stabilisation"
            interaction = interact(page) if interact else None
            page.screenshot(path=str(screenshot))
            keep_screenshot(screenshot)
            return PageReport(
                counts["nodes"], counts["edges"], counts["ms"], errors, sorted(set(requests)), screenshot, interaction
            )
        finally:
            context.close()


def keep_screenshot(path: Path) -> None:
    """Copy a screenshot to ``test-output/`` in the repository when ``$OM_TEST_OUTPUT`` is set (CI artefacts)."""
    if os.environ.get("OM_TEST_OUTPUT"):
        target = ROOT / "test-output"
        target.mkdir(exist_ok=True)
        shutil.copyfile(path, target / path.name)


def browser_or_skip() -> MapBrowser:
    """A browser, or a skip on a laptop without Chromium or Playwright; in CI (``$CI``) a failure."""
    missing = None
    if not CHROMIUM:
        missing = "no chromium on PATH (apt-get install chromium)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            missing = "playwright is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI requires the browser tests: {missing}")
        pytest.skip(f"browser tests need Chromium and Playwright: {missing}")
    return MapBrowser()
