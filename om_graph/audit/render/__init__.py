"""Audit reports: a table for people, JSON and CSV for machines, Markdown for documents, xlsx and csv-de for Excel."""

from __future__ import annotations

from om_graph.audit.run import AuditResult
from om_graph.audit.render.data import render_csv, render_json, render_networks_csv, render_networks_json
from om_graph.audit.render.places import NetworkPlace
from om_graph.audit.render.workbook import render_audit_csv_de, render_audit_xlsx
from om_graph.errors import UsageError
from om_graph.audit.render.markdown import render_markdown
from om_graph.audit.render.table import render_table

RENDERERS = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}
#: Formats people open in Excel (:mod:`.workbook`), and the units a row of the tabular formats can be.
OFFICE_FORMATS = ("csv-de", "xlsx")
FORMATS = (*RENDERERS, *OFFICE_FORMATS)
PER = ("finding", "network")


def render(result: AuditResult, fmt: str, per: str = "finding", places: dict[str, NetworkPlace] | None = None,
           source: str | None = None) -> str | bytes:
    """The audit in ``fmt``; ``per`` ``network`` writes one row per network (csv, csv-de, json; xlsx has both).

    ``places`` (:func:`.places.network_places`) names each network's federal states and status
    where the rows show them; ``source`` says in a workbook where the data came from.
    """
    if fmt == "xlsx":
        return render_audit_xlsx(result, places, source)
    if fmt == "csv-de":
        return render_audit_csv_de(result, per, places)
    if per == "network":
        if fmt == "csv":
            return render_networks_csv(result, places)
        if fmt == "json":
            return render_networks_json(result, places)
        raise UsageError(f"--per network writes csv, csv-de, json or xlsx; the {fmt} report shows every network already")
    return RENDERERS[fmt](result)
