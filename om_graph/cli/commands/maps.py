"""om-graph map: offline interactive maps (networks, ambassadors, audit), one self-contained HTML file each."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from om_graph.cli.app import (
    DatabaseOpt,
    ExampleOpt,
    Lang,
    LangOpt,
    Neo4jFlag,
    PasswordOpt,
    PathArg,
    ProfileOpt,
    RedactOpt,
    UriOpt,
    UserOpt,
    audit_date,
    app,
    opened_engine,
    reported_errors,
)

map_app = typer.Typer(
    help="Draw an interactive map as one HTML file that works offline: networks, ambassadors or audit.",
    no_args_is_help=True,
)
app.add_typer(map_app, name="map")


class Level(StrEnum):
    state = "state"
    district = "district"


MapOutput = Annotated[
    Path, typer.Option("--output", "-o", help="The HTML file to write (self-contained, no network access needed).")
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option("--as-of", help="Audit date (default today; the example's own date with --example).", show_default=False),
]
LevelOpt = Annotated[Level, typer.Option("--level", help="Region level the map shows: state or district.")]


@map_app.command("networks")
def map_networks(
    output: MapOutput,
    path: PathArg = None,
    example: ExampleOpt = False,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """The network of networks: networks sized by partners, links by shared partners, bridging organisations.

    The map names organisations only, so --redact-persons changes nothing but the subtitle.
    """
    from om_graph.features.maps import networks_map

    with reported_errors():
        with opened_engine(path, example, neo4j, uri, user, password, database, status="drawing the map") as engine:
            drawn = networks_map(engine, lang=lang.value)
        drawn.redacted = redact_persons
        _write(drawn, output)


@map_app.command("ambassadors")
def map_ambassadors(
    output: MapOutput,
    path: PathArg = None,
    example: ExampleOpt = False,
    level: LevelOpt = Level.state,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Ambassadors (Botschafter): regions coloured by coverage, gaps (OM401, OM404) marked, what each one covers."""
    from om_graph.features.maps import ambassadors_map

    with reported_errors():
        day = audit_date(as_of, example)
        with opened_engine(path, example, neo4j, uri, user, password, database, status="drawing the map") as engine:
            drawn = ambassadors_map(engine, level=level.value, as_of=day, lang=lang.value, redact=redact_persons)
        _write(drawn, output)


@map_app.command("audit")
def map_audit(
    output: MapOutput,
    path: PathArg = None,
    example: ExampleOpt = False,
    as_of: AsOfOpt = None,
    profile: ProfileOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """The audit: networks coloured by implementation stage (1-4), each with its findings."""
    from om_graph.features.maps import audit_map
    from om_graph.audit.profile import load_profile

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = audit_date(as_of, example)
        with opened_engine(path, example, neo4j, uri, user, password, database, status="drawing the map") as engine:
            drawn = audit_map(engine, as_of=day, lang=lang.value, redact=redact_persons, profile=chosen_profile)
        _write(drawn, output)


def _write(drawn, output: Path) -> None:
    from om_graph.features.maps import render_html
    from om_graph.output import emit

    emit(render_html(drawn), output)
    typer.echo(f"wrote {output}: {len(drawn.nodes)} nodes, {len(drawn.edges)} edges")
