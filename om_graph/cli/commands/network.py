"""om-graph network: the network of networks and its statistics."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from om_graph.cli.app import (
    DatabaseOpt,
    ExampleOpt,
    Lang,
    LangOpt,
    Neo4jFlag,
    OutputOpt,
    PasswordOpt,
    PathArg,
    UriOpt,
    UserOpt,
    app,
    opened_engine,
    reported_errors,
)

network_app = typer.Typer(help="The network of networks: shared partners, cooperations, statistics.", no_args_is_help=True)
app.add_typer(network_app, name="network")


class StatsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@network_app.command("stats")
def stats(
    path: PathArg = None,
    example: ExampleOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
    fmt: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="table: summary and top lists; json: everything; csv: one row per network.")
    ] = StatsFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows in each top list of the table.")] = 10,
) -> None:
    """Statistics of the network of networks: links, components, communities, central and bridging partners.

    Two networks are linked when they share a partner organisation or a cooperation is on
    record. Same result on the embedded engine (PATH) and on Neo4j (--neo4j).
    """
    from om_graph.features.network.report import render_stats
    from om_graph.features.network.stats import network_stats
    from om_graph.output import emit

    with reported_errors():
        with opened_engine(path, example, neo4j, uri, user, password, database, status="computing network statistics") as engine:
            result = network_stats(engine)
        emit(render_stats(result, fmt.value, lang.value, top), output)
