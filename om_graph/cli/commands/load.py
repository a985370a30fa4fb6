"""om-graph load: validate a dataset and write it into Neo4j in one transaction."""

from __future__ import annotations

from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.progress import with_progress
from om_graph.cli.source import DATASET_TO_NEO4J, Source, takes_source
from om_graph.engines.neo4j.load import DEFAULT_BATCH_SIZE


@takes_source(DATASET_TO_NEO4J)
def load(
    source: Source,
    replace: Annotated[
        bool, typer.Option("--replace", help="Swap the database's previous om-graph contents for this dataset.")
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per UNWIND batch.")] = DEFAULT_BATCH_SIZE,
) -> None:
    """Validate a dataset and load it into Neo4j in one transaction (all or nothing)."""
    from om_graph.dataset.graph import graph_rows
    from om_graph.engines.neo4j.connect import connect
    from om_graph.engines.neo4j.load import load_dataset as load_into

    with reported_errors():
        settings = source.settings()
        dataset = source.dataset()
        nodes, rels = graph_rows(dataset).counts()
        with connect(settings) as driver:
            summary = with_progress(
                lambda progress: load_into(
                    driver, settings.database, dataset, replace=replace, batch_size=batch_size, progress=progress
                ),
                total=nodes + rels,
                label="loading",
            )
    typer.echo(f"loaded {summary.nodes} nodes and {summary.relationships} relationships into {settings.uri} ({settings.database})")
