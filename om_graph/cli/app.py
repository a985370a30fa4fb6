"""The command line: the root Typer app, and the commands registered on it.

Each command is a plain function in a module of :mod:`om_graph.cli.commands` that parses its
options, calls library functions and prints; command groups (``cypher``, ``ambassadors``,
``map``, ``network``) are Typer apps built in their module. No command module imports this
one. Shared options are defined once in :mod:`om_graph.cli.options`, where the graph comes
from in :mod:`om_graph.cli.source`, and every library error becomes one line on stderr and
an exit code in :mod:`om_graph.cli.errors`: 0 clean, 1 findings at or above ``--fail-on``,
2 bad input or usage, 3 Neo4j unreachable, 4 Neo4j refused the credentials.
"""

from __future__ import annotations

from typing import Annotated

import typer

from om_graph.cli.commands import settings
from om_graph.cli.errors import OneLineErrors
from om_graph.cli.commands import ambassadors, audit, cypher, dataset, export, gaps, load, maps, network, reference, regions
from om_graph.cli.commands import briefing, history

app = typer.Typer(
    name="om-graph",
    cls=OneLineErrors,  # usage errors in one line, as every other error
    help="Audit Offensive Mittelstand networks against the OM criteria, as a property graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from om_graph import __version__

        typer.echo(f"om-graph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print om-graph's version and exit.")
    ] = False,
) -> None:
    """Audit Offensive Mittelstand networks against the OM criteria, as a property graph.

    Defaults that stick (language, profile, audit date, Neo4j connection) come from
    om-graph.toml or OM_GRAPH_* variables: see `om-graph config`.
    """
    from om_graph.cli.config import default_map, load_config
    from om_graph.cli.errors import reported_errors

    with reported_errors():
        ctx.default_map = default_map(ctx.command, load_config())


app.command("audit")(audit.audit)
app.command("validate")(dataset.validate)
app.command("rules")(reference.rules)
app.command("schema")(reference.schema)
app.command("config")(settings.config)
app.command("example")(dataset.example)
app.command("generate")(dataset.generate)
app.command("load")(load.load)
app.add_typer(cypher.app, name="cypher")
app.add_typer(ambassadors.app, name="ambassadors")
app.command("export")(export.export)
app.command("gaps")(gaps.gaps)
app.add_typer(maps.app, name="map")
app.add_typer(network.app, name="network")
app.add_typer(regions.app, name="regions")
app.command("history")(history.history)
app.command("diff")(history.diff)
app.command("briefing")(briefing.briefing)
