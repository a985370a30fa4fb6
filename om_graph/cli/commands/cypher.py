"""om-graph cypher show|run: the Cypher behind a query, or a user's own query file on Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import OutputOpt, RowFormat
from om_graph.cli.progress import deliver
from om_graph.cli.source import CONNECTION, Source, takes_source

app = typer.Typer(help="Show the Cypher behind a rule, or run your own query file.", no_args_is_help=True)


@app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="Rule code (OM104), query name (gaps/unlinked_overlap, stages) or 'schema'.")],
) -> None:
    """Print a query's Cypher file, ready for Neo4j Browser or cypher-shell."""
    from om_graph.engines.cypher import read_query
    from om_graph.queries.registry import get_query
    from om_graph.queries.rules import get_rule

    with reported_errors():
        if name.lower() == "schema":
            text = read_query("schema.cypher")
        elif name.upper().startswith("OM"):
            text = read_query(get_rule(name).query().cypher_file)
        else:
            text = read_query(get_query(name.lower()).cypher_file)
        deliver(text, None)


@app.command("run")
@takes_source(CONNECTION)
def run(
    source: Source,
    file: Annotated[Path, typer.Argument(help="A .cypher file; its '// :param' header lines give defaults.")],
    param: Annotated[
        Optional[list[str]], typer.Option("--param", "-p", help="Query parameter name=value (repeatable).", show_default=False)
    ] = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")] = RowFormat.table,
    output: OutputOpt = None,
) -> None:
    """Run a Cypher file against Neo4j and print its rows."""
    from om_graph.engines.neo4j.connect import connect
    from om_graph.engines.neo4j.runner import parse_params, render_rows, run_query_file
    from om_graph.errors import InputError

    with reported_errors():
        params = parse_params(param or [])
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{file}: cannot read: {exc.strerror}") from None
        settings = source.settings()
        with connect(settings) as driver:
            columns, rows = _query_errors(lambda: run_query_file(driver, settings.database, text, params), file)
        deliver(render_rows(columns, rows, fmt.value), output)


def _query_errors(work, file: Path):
    """A Cypher error in a user's file is bad input: one line naming the file."""
    from neo4j.exceptions import ClientError

    from om_graph.errors import InputError

    try:
        return work()
    except ClientError as exc:
        message = (exc.message or str(exc)).strip().splitlines()[0]
        raise InputError(f"{file}: {message}") from None
