"""om-graph gaps: where networks and partners could cooperate but, on record, do not."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

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


class GapFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


@app.command("gaps")
def gaps_command(
    path: PathArg = None,
    example: ExampleOpt = False,
    kind: Annotated[
        Optional[list[str]],
        typer.Option("--kind", "-k", help="Only this gap kind (repeatable); see docs/gaps.md.", show_default=False),
    ] = None,
    region: Annotated[
        Optional[str],
        typer.Option("--region", help="Only gaps in this region or a region inside it (region id).", show_default=False),
    ] = None,
    fmt: Annotated[GapFormat, typer.Option("--format", "-f", help="Output format (xlsx needs --output).")] = GapFormat.table,
    output: OutputOpt = None,
    lang: LangOpt = Lang.en,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """List collaboration gaps: unlinked overlapping or neighbouring networks, isolated networks,
    intermediaries outside their region's networks, partners who could pool networks.
    """
    from om_graph.features.gaps.find import find_gaps, get_kind
    from om_graph.features.gaps.render import refuse_xlsx_to_stdout, render_gaps
    from om_graph.output import emit, write_atomic

    with reported_errors():
        for code in kind or ():
            get_kind(code)
        refuse_xlsx_to_stdout(fmt.value, output, lang.value)
        with opened_engine(path, example, neo4j, uri, user, password, database, status="finding collaboration gaps") as engine:
            found = find_gaps(engine, kinds=kind, region=region)
        rendered = render_gaps(found, fmt.value, lang.value, kinds=kind)
        if isinstance(rendered, bytes):
            write_atomic(output, rendered)
        else:
            emit(rendered, output)
