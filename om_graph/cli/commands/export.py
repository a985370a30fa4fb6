"""om-graph export: the whole property graph for Gephi, yEd, Cytoscape or Kumu, from a dataset or from Neo4j."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, OutputFileOpt, RedactOpt
from om_graph.cli.progress import spinner, wrote
from om_graph.cli.source import GRAPH, Source, takes_source


class ExportFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


@takes_source(GRAPH)
def export(
    source: Source,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="graphml (yEd, Cytoscape, Gephi), gexf (Gephi) or json (Kumu blueprint).")
    ],
    output: OutputFileOpt,
    redact_persons: RedactOpt = False,
    as_of: AsOfOpt = None,
) -> None:
    """Export the whole property graph of PATH, or of om-graph's data in Neo4j: every node as Label:id with its properties, every relationship.

    The export is the graph `om-graph load` writes, with each network's stage and finding counts as of
    --as-of, ambassador coverage and map coordinates. With --neo4j it is read from the database (only
    om-graph's nodes, relationships and properties) and audited there. The file is written as a stream
    and appears only when complete.
    """
    from om_graph.features.export import dataset_rows, from_neo4j, from_rows, write_export

    with reported_errors():
        day = source.audit_date(as_of)
        if source.in_neo4j:
            with source.open(status="reading the graph from Neo4j") as engine:
                graph = from_neo4j(engine, redact_persons=redact_persons, as_of=day)
        else:
            with spinner("reading and auditing the dataset"):
                # the dataset's records are freed once its rows are made, before the audit needs memory
                graph = from_rows(dataset_rows(source.dataset()), redact_persons=redact_persons, as_of=day)
        with spinner(f"writing {output}"):
            write_export(graph, fmt.value, output)
    wrote(output)
