"""om-graph audit: every network against the OM criteria, and its implementation stage."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, FailOn, FailOnOpt, Lang, LangOpt, OutputOpt, ProfileOpt, RedactOpt
from om_graph.cli.progress import deliver, with_progress
from om_graph.cli.source import Source, takes_source


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@takes_source()
def audit(
    source: Source,
    profile: ProfileOpt = None,
    as_of: AsOfOpt = None,
    rules: Annotated[
        Optional[str], typer.Option("--rules", help="Only these rules, e.g. 'OM1*,OM302'.", show_default=False)
    ] = None,
    lang: LangOpt = Lang.en,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.table,
    output: OutputOpt = None,
    fail_on: FailOnOpt = FailOn.error,
    redact_persons: RedactOpt = False,
) -> None:
    """Audit every network against the OM criteria and classify its implementation stage.

    The embedded engine audits PATH in memory; with --neo4j or --uri, the Cypher rules run in
    the database, on what `om-graph load` put there.
    """
    from om_graph.audit.profile import load_profile
    from om_graph.audit.render import render
    from om_graph.audit.run import run_audit
    from om_graph.queries.rules import Severity, select_rules

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = source.audit_date(as_of)
        total = len(select_rules(rules))
        with source.open(redact=redact_persons) as engine:
            result = with_progress(
                lambda advance: run_audit(
                    engine,
                    as_of=day,
                    profile=chosen_profile,
                    rules=rules,
                    lang=lang.value,
                    progress=advance and (lambda code: advance(1)),
                ),
                total=total,
                label="auditing",
            )
        deliver(render(result, fmt.value), output)
    worst = result.worst_severity()
    if fail_on != FailOn.never and worst is not None and worst.rank <= Severity(fail_on.value).rank:
        raise typer.Exit(1)
