"""om-graph export: the whole property graph for Gephi, yEd, Cytoscape or Kumu."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from om_graph.cli.app import ExampleOpt, PathArg, RedactOpt, app, reported_errors


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


@app.command("export")
def export(
    path: PathArg = None,
    example: ExampleOpt = False,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="graphml (yEd, Cytoscape, Gephi), gexf (Gephi) or json (Kumu blueprint).")
    ] = ...,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write (all or nothing).")] = ...,
    redact_persons: RedactOpt = False,
) -> None:
    """Export the whole property graph of PATH: every node as Label:id with its properties, every relationship.

    Reads PATH with the embedded engine (not Neo4j): the export is the graph `om-graph load` would write.
    """
    from om_graph.features.export import export_graph
    from om_graph.output import write_atomic
    from om_graph.dataset.sources import load_dataset

    with reported_errors():
        data = export_graph(load_dataset(path, example), fmt.value, redact_persons)
        write_atomic(output, data)
    typer.echo(f"wrote {output}")
