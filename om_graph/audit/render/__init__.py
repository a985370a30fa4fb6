"""Audit reports: a table for people, JSON and CSV for machines, Markdown for documents."""

from __future__ import annotations

from om_graph.audit.run import AuditResult
from om_graph.audit.render.data import render_csv, render_json
from om_graph.audit.render.markdown import render_markdown
from om_graph.audit.render.table import render_table

RENDERERS = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}
FORMATS = tuple(RENDERERS)


def render(result: AuditResult, fmt: str) -> str:
    return RENDERERS[fmt](result)
