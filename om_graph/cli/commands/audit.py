"""om-graph audit: every network against the OM criteria, and its implementation stage."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, FailOn, FailOnOpt, Lang, LangOpt, OutputOpt, ProfileOpt, RedactOpt
from om_graph.cli.progress import deliver, with_progress, wrote
from om_graph.cli.source import Source, takes_source
from om_graph.i18n import t
from om_graph.cli.commands.history import SaveOpt, check_history_folder, source_fingerprint, source_label


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
    save: SaveOpt = None,
    write_back: Annotated[
        bool,
        typer.Option("--write-back", help="With --neo4j: store each network's stage and every finding in the graph."),
    ] = False,
) -> None:
    """Audit every network against the OM criteria and classify its implementation stage.

    The embedded engine audits PATH in memory; with --neo4j or --uri, the Cypher rules run in
    the database, on what `om-graph load` put there.
    """
    from om_graph.audit.profile import load_profile
    from om_graph.audit.render import render
    from om_graph.audit.run import run_audit
    from om_graph.queries.rules import Severity, select_rules
    from om_graph.features.history import audit_record, save as keep

    with reported_errors():
        check_history_folder(save)
        chosen_profile = load_profile(profile)
        day = source.audit_date(as_of)
        total = len(select_rules(rules))
        source.check_write_back(write_back, redact_persons)
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
            if write_back:
                source.write_back(engine, result)
            record = audit_record(engine, result, chosen_profile, source=source_label(source),
                                  fingerprint=source_fingerprint(source, engine)) if save else None
        if record is not None:
            wrote(keep(save, record), "saved audit")
        deliver(render(result, fmt.value), output)
    if not result.stages:  # an audit of no network is not a clean bill of health: say so
        typer.echo(t("audit.no_networks", lang.value), err=True)
    worst = result.worst_severity()
    if fail_on != FailOn.never and worst is not None and worst.rank <= Severity(fail_on.value).rank:
        raise typer.Exit(1)
