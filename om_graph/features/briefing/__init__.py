"""The Leitungskreis briefing: what to decide today, and what changed since last time.

``build`` gathers it from an engine (:func:`build_briefing`), ``html`` renders the page (with
``chart`` and ``germany`` for its pictures), ``workbook`` the same content as xlsx, ``pdf``
prints the page with headless Chromium. :func:`render_briefing` picks by the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

from om_graph.errors import UsageError
from om_graph.features.briefing.build import Briefing, build_briefing, dataset_meta
from om_graph.features.briefing.html import render_briefing_html
from om_graph.features.briefing.pdf import html_to_pdf
from om_graph.features.briefing.workbook import render_briefing_xlsx
from om_graph.i18n import t

#: File suffixes the briefing is written as.
SUFFIXES = (".html", ".xlsx", ".pdf")


def check_output(path: Path | None, lang: str = "en") -> str:
    """The format ``path`` asks for (``html``, ``xlsx`` or ``pdf``); a usage error for anything else."""
    if path is None:
        raise UsageError(t("briefing.output.required", lang))
    suffix = path.suffix.lower()
    if suffix == ".htm":
        return "html"
    if suffix not in SUFFIXES:
        raise UsageError(t("briefing.output.suffix", lang, path=path))
    return suffix[1:]


def render_briefing(briefing: Briefing, fmt: str) -> bytes:
    """The briefing as the bytes of an ``html``, ``xlsx`` or ``pdf`` file."""
    if fmt == "xlsx":
        return render_briefing_xlsx(briefing)
    html = render_briefing_html(briefing)
    if fmt == "pdf":
        return html_to_pdf(html, briefing.lang)
    return html.encode("utf-8")


__all__ = ["SUFFIXES", "Briefing", "build_briefing", "check_output", "dataset_meta", "render_briefing", "render_briefing_html",
           "render_briefing_xlsx"]
