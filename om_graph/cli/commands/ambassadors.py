"""om-graph ambassadors: who the ambassadors (Botschafter) cover, and where new ones would cover most."""

from __future__ import annotations

from pathlib import Path
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
    RedactOpt,
    RowFormat,
    UriOpt,
    UserOpt,
    app,
    audit_date,
    opened_engine,
    reported_errors,
)

ambassadors_app = typer.Typer(
    help="Ambassador (Botschafter) coverage by region, network and institution kind, and a plan for new ones.",
    no_args_is_help=True,
)
app.add_typer(ambassadors_app, name="ambassadors")

LevelOpt = Annotated[
    Optional[str],
    typer.Option("--level", help="Region level: state or district (default: the profile's, else state).", show_default=False),
]
ProfileOpt = Annotated[
    Optional[Path],
    typer.Option("--profile", help="YAML profile; its 'ambassadors' section sets level, max_networks and weights.", show_default=False),
]
FormatOpt = Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")]


def _report(path, example, profile, level, lang, redact, neo4j, uri, user, password, database):
    from om_graph.features.coverage.report import check_level, coverage_report, redacted
    from om_graph.audit.profile import load_profile

    chosen = load_profile(profile)
    if level is not None:
        check_level(level)
    as_of = audit_date(None, example)
    with opened_engine(path, example, neo4j, uri, user, password, database, status="working out ambassador coverage") as engine:
        report = coverage_report(engine, chosen, level, as_of=as_of, lang=lang.value)
    return redacted(report, lang.value, chosen) if redact else report


@ambassadors_app.command("coverage")
def coverage(
    path: PathArg = None,
    example: ExampleOpt = False,
    level: LevelOpt = None,
    profile: ProfileOpt = None,
    fmt: FormatOpt = RowFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    redact_persons: RedactOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """What existing ambassadors cover: per region of the level, per network, per institution kind.

    Also lists ambassadors active in more networks than the profile's max_networks, and the
    OM401-OM404 findings at the same level.
    """
    from om_graph.features.coverage.render import render_coverage
    from om_graph.output import emit

    with reported_errors():
        report = _report(path, example, profile, level, lang, redact_persons, neo4j, uri, user, password, database)
        emit(render_coverage(report, fmt.value, lang.value), output)


@ambassadors_app.command("plan")
def plan_cmd(
    path: PathArg = None,
    example: ExampleOpt = False,
    add: Annotated[
        Optional[str], typer.Option("--add", metavar="K", help="How many new ambassadors to place (at least 1).", show_default=False)
    ] = None,
    level: LevelOpt = None,
    profile: ProfileOpt = None,
    fmt: FormatOpt = RowFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    redact_persons: RedactOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Where K new ambassadors would cover the most uncovered weight (greedy, within 1 - 1/e of the best)."""
    from om_graph.features.coverage.planner import plan
    from om_graph.features.coverage.render import render_plan
    from om_graph.features.coverage.report import coverage_instance
    from om_graph.output import emit

    with reported_errors():
        k = _count(add)
        report = _report(path, example, profile, level, lang, redact_persons, neo4j, uri, user, password, database)
        emit(render_plan(plan(coverage_instance(report), k), report, fmt.value, lang.value), output)


def _count(text: str | None) -> int:
    """``--add K`` as a whole number of at least 1 (parsed here, so a bad K is one line, not a usage box)."""
    from om_graph.errors import UsageError

    if text is None:
        raise UsageError("--add K is required: how many new ambassadors to place")
    try:
        k = int(text)
    except ValueError:
        raise UsageError(f"--add: not a whole number: {text!r}") from None
    if k < 1:
        raise UsageError(f"--add: need at least 1 new ambassador, got {k}")
    return k
