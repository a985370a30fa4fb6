"""om-graph cypher list|show|run: the Cypher behind every query, or a user's own query file on Neo4j."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import OutputOpt, RowFormat
from om_graph.cli.progress import deliver
from om_graph.cli.source import CONNECTION, Source, takes_source

app = typer.Typer(help="List and show the Cypher behind every query, or run your own query file.", no_args_is_help=True)


def query_files() -> list[str]:
    """Every Cypher file om-graph runs, relative to cypher/ (the schema first)."""
    from om_graph.engines.cypher import cypher_root

    found: list[str] = []

    def walk(node, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(".cypher"):
                found.append(prefix + child.name)

    walk(cypher_root(), "")
    return sorted(found, key=lambda f: (f != "schema.cypher", f.count("/") == 0, f))


@app.command("list")
def list_files() -> None:
    """List every Cypher file (schema, rules, stages, gaps, network, coverage) with what it answers."""
    from om_graph.engines.cypher import read_query

    with reported_errors():
        files = query_files()
        width = max(map(len, files))
        lines = []
        for name in files:
            text = read_query(name)
            first = text.splitlines()[0].removeprefix("//").strip() if text else ""
            lines.append(f"{name.ljust(width)}  {first}".rstrip())
        deliver("\n".join(lines) + "\n", None)


@app.command("show")
def show(
    name: Annotated[
        str,
        typer.Argument(help="Rule code (OM104), query name (gaps/unlinked_overlap, stages), 'schema', or a file of 'cypher list'."),
    ],
) -> None:
    """Print a query's Cypher file, ready for Neo4j Browser or cypher-shell."""
    from om_graph.engines.cypher import read_query
    from om_graph.queries.registry import get_query
    from om_graph.queries.rules import get_rule

    with reported_errors():
        files = query_files()
        relative = name.removeprefix("cypher/")
        if relative in files or f"{relative}.cypher" in files:
            text = read_query(relative if relative in files else f"{relative}.cypher")
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
        Optional[list[str]],
        typer.Option(
            "--param",
            "-p",
            help="name=value of a parameter the file declares (repeatable); typed like its default: 4, 0.5, true, 2025-12-31, a,b.",
            show_default=False,
        ),
    ] = None,
    param_json: Annotated[
        Optional[list[str]],
        typer.Option("--param-json", help="name=JSON for any other value (a map, nested lists).", show_default=False),
    ] = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")] = RowFormat.table,
    output: OutputOpt = None,
) -> None:
    """Run a Cypher file against Neo4j and print its rows."""
    from om_graph.engines.neo4j.connect import connect
    from om_graph.dataset.io.text import read_utf8
    from om_graph.engines.neo4j.runner import render_rows, run_query_file

    with reported_errors():
        text = read_utf8(file, "query file")  # not UTF-8: one line naming the line
        settings = source.settings()
        with connect(settings) as driver:
            columns, rows, notes = _query_errors(
                lambda: run_query_file(
                    driver, settings.database, text, param or [], param_json or [], timeout=settings.timeout
                ),
                file,
            )
        for note in notes:  # a query that matches nothing says why: an unknown label, a Cartesian product
            typer.echo(f"warning: {file}: {note}", err=True)
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
