"""om-graph load: validate a dataset and make om-graph's part of a Neo4j database equal to it, in one transaction."""

from __future__ import annotations

from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.language import ui_lang
from om_graph.cli.progress import with_progress
from om_graph.cli.source import DATASET_TO_NEO4J, Source, takes_source
from om_graph.engines.neo4j.load import DEFAULT_BATCH_SIZE
from om_graph.i18n import FALLBACK, t


@takes_source(DATASET_TO_NEO4J)
def load(
    source: Source,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Only add and update: keep om-graph data whose rows are gone from the dataset."),
    ] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="The default (kept for scripts): the dataset replaces om-graph's data.", hidden=True)
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per UNWIND batch.")] = DEFAULT_BATCH_SIZE,
) -> None:
    """Validate a dataset and make om-graph's data in Neo4j equal to it, in one transaction (all or nothing).

    Rows gone from the dataset are deleted from the graph (unless --merge); other applications'
    nodes, relationships and properties are never touched.
    """
    from om_graph.dataset.graph import graph_rows
    from om_graph.engines.neo4j.connect import connect
    from om_graph.engines.neo4j.limits import LoadTooLarge
    from om_graph.engines.neo4j.load import load_rows, memory_hint
    from om_graph.errors import DatabaseOutOfMemory, UsageError

    with reported_errors():
        if merge and replace:
            raise UsageError("--merge and --replace contradict each other: choose one")
        settings = source.settings()
        rows = graph_rows(source.dataset())
        nodes, rels = rows.counts()
        try:
            with connect(settings) as driver:
                summary = with_progress(
                    lambda progress: load_rows(
                        driver,
                        settings.database,
                        rows,
                        merge=merge,
                        batch_size=batch_size,
                        progress=progress,
                        timeout=settings.timeout,
                    ),
                    total=nodes + rels,
                    label="loading",
                )
        except LoadTooLarge as exc:  # refused before writing: the message has the heap it needs
            raise LoadTooLarge(f"Neo4j at {settings.uri}: {exc}") from None
        except DatabaseOutOfMemory as exc:
            raise DatabaseOutOfMemory(f"{exc}; {memory_hint(nodes + rels)}") from None
    lang = ui_lang()
    counts = dict(nodes=summary.nodes, relationships=summary.relationships, uri=settings.uri, database=settings.database)
    typer.echo(t("load.done_merged", lang, **counts) if merge else t("load.done", lang, **counts))
    typer.echo(summary_table(summary, lang))


def summary_table(summary, lang: str = FALLBACK) -> str:
    """created / updated / deleted (released, adopted when any) per label and relationship type; only those that changed.

    Labels and relationship types stay as the graph spells them: analysts type them in Cypher.
    """
    changed = {name: change for name, change in summary.changes.items() if change}
    if not changed:
        return t("load.unchanged", lang)
    extra = [column for column in ("released", "adopted") if any(getattr(c, column) for c in changed.values())]
    lines = [["", *(t(f"load.column.{column}", lang) for column in ("created", "updated", "deleted", *extra))]]
    for name, c in changed.items():
        lines.append([name, str(c.created), str(c.updated), str(c.deleted), *(str(getattr(c, column)) for column in extra)])
    width = max(len(line[0]) for line in lines)
    return "\n".join(
        "  ".join([line[0].ljust(width), *(cell.rjust(8) for cell in line[1:])]).rstrip() for line in lines
    )
