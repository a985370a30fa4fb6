"""om-graph ambassadors coverage|plan: who the ambassadors (Botschafter) cover, and where new ones would cover most."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import (
    AsOfOpt,
    Lang,
    LangOpt,
    LevelOpt,
    OutputOpt,
    ProfileOpt,
    RedactOpt,
    TableFormat,
    report_lang,
)
from om_graph.cli.progress import deliver
from om_graph.cli.source import Source, takes_source
from om_graph.cli.commands.history import source_label

app = typer.Typer(
    help="Ambassador (Botschafter) coverage by region, network and institution kind, and a plan for new ones.",
    no_args_is_help=True,
)

FormatOpt = Annotated[
    TableFormat, typer.Option("--format", "-f", help="Output format (csv-de: German Excel's CSV; xlsx: a workbook, needs --output).")
]


class PlanMethod(StrEnum):
    """How ``ambassadors plan`` chooses: the exact optimum, or one region at a time."""

    exact = "exact"
    greedy = "greedy"


def _report(source: Source, profile, level, as_of, lang: str, redact: bool, fmt: TableFormat, output=None):
    """The coverage report, and for the people's formats (xlsx, csv-de) every region's path by name."""
    from om_graph.audit.profile import load_profile
    from om_graph.audit.render.places import region_trails
    from om_graph.features.coverage.report import SHEETS, coverage_report

    if fmt == TableFormat.xlsx and output is None:  # refused before the work is done
        from om_graph.errors import UsageError
        from om_graph.i18n import t

        raise UsageError(t("output.binary_to_stdout", lang))
    chosen = load_profile(profile)
    day = source.audit_date(as_of)
    with source.open(redact=redact, status="working out ambassador coverage", sheets=SHEETS) as engine:
        report = coverage_report(engine, chosen, level and level.value, as_of=day, lang=lang)
        trails = region_trails(engine) if fmt in (TableFormat.xlsx, TableFormat.csv_de) else None
    return report, trails


@app.command("coverage")
@takes_source()
def coverage(
    source: Source,
    level: LevelOpt = None,
    profile: ProfileOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = TableFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    redact_persons: RedactOpt = False,
) -> None:
    """What existing ambassadors cover: per region of the level, per network, per institution kind.

    Also lists ambassadors active in more networks than the profile's max_networks, and the
    OM401-OM404 findings at the same level.
    """
    from om_graph.features.coverage.render import render_coverage

    with reported_errors():
        words = report_lang(fmt, lang)
        report, trails = _report(source, profile, level, as_of, words, redact_persons, fmt, output)
        deliver(render_coverage(report, fmt.value, words, trails, source_label(source, words)), output, lang=words)


@app.command("plan")
@takes_source()
def plan(
    source: Source,
    add: Annotated[
        Optional[str], typer.Option("--add", metavar="K", help="How many new ambassadors to place (at least 1).", show_default=False)
    ] = None,
    level: LevelOpt = None,
    profile: ProfileOpt = None,
    as_of: AsOfOpt = None,
    fmt: FormatOpt = TableFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    redact_persons: RedactOpt = False,
    method: Annotated[
        PlanMethod, typer.Option("--method", help="exact: the best K (integer program, HiGHS), greedy if it runs out of time; greedy: one at a time.")
    ] = PlanMethod.exact,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.01, help="Seconds the exact planner may take before greedy is used.")
    ] = 30.0,
) -> None:
    """Where K new ambassadors would cover the most uncovered weight: solved exactly, or greedy (within 1 - 1/e of the best)."""
    from om_graph.features.coverage.exact import best_plan
    from om_graph.features.coverage.render import render_plan
    from om_graph.features.coverage.report import coverage_instance

    with reported_errors():
        k = _count(add)
        words = report_lang(fmt, lang)
        report, trails = _report(source, profile, level, as_of, words, redact_persons, fmt, output)
        chosen = best_plan(coverage_instance(report), k, time_limit, exact=method == PlanMethod.exact)
        deliver(render_plan(chosen, report, fmt.value, words, trails, source_label(source, words)), output, lang=words)


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
