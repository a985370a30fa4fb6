"""om-graph export: the whole property graph for Gephi, yEd, Cytoscape or Kumu."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, OutputFileOpt, RedactOpt
from om_graph.cli.progress import deliver
from om_graph.cli.source import DATASET, Source, takes_source


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


@takes_source(DATASET)
def export(
    source: Source,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="graphml (yEd, Cytoscape, Gephi), gexf (Gephi) or json (Kumu blueprint).")
    ],
    output: OutputFileOpt,
    redact_persons: RedactOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """Export the whole property graph of PATH: every node as Label:id with its properties, every relationship.

    Reads PATH with the embedded engine (not Neo4j): the export is the graph `om-graph load` would write,
    with each network's stage and finding counts as of --as-of, ambassador coverage and map coordinates.
    """
    from om_graph.features.export import export_graph

    with reported_errors():
        deliver(export_graph(source.dataset(), fmt.value, redact_persons, as_of=source.audit_date(as_of)), output)
