"""om-graph audit: every network against the OM criteria, and its implementation stage."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, FailOn, FailOnOpt, Lang, LangOpt, OutputOpt, ProfileOpt, RedactOpt, report_lang
from om_graph.cli.progress import deliver, with_progress, wrote
from om_graph.cli.source import Source, takes_source
from om_graph.i18n import t
from om_graph.cli.commands.history import SaveOpt, check_history_folder, source_fingerprint, source_label


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    csv_de = "csv-de"
    xlsx = "xlsx"


class Per(StrEnum):
    """What one row of the audit's csv, csv-de and json is about."""

    finding = "finding"
    network = "network"


@takes_source()
def audit(
    source: Source,
    profile: ProfileOpt = None,
    as_of: AsOfOpt = None,
    rules: Annotated[
        Optional[str], typer.Option("--rules", help="Only these rules, e.g. 'OM1*,OM302'.", show_default=False)
    ] = None,
    lang: LangOpt = Lang.en,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help="Report format (csv-de: German Excel's CSV; xlsx: a workbook, needs --output)."),
    ] = ReportFormat.table,
    output: OutputOpt = None,
    per: Annotated[
        Per, typer.Option("--per", help="One row per finding or per network (every network, with its stage) in csv, csv-de and json.")
    ] = Per.finding,
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
    from om_graph.audit.render.places import network_places
    from om_graph.audit.run import run_audit
    from om_graph.queries.rules import Severity, select_rules
    from om_graph.features.history import audit_record, save as keep

    with reported_errors():
        if per == Per.network and fmt in (ReportFormat.table, ReportFormat.markdown):
            from om_graph.errors import UsageError

            raise UsageError(f"--per network writes csv, csv-de, json or xlsx; the {fmt.value} report shows every network already")
        if fmt == ReportFormat.xlsx and output is None:  # refused before the audit runs (and is saved)
            from om_graph.errors import UsageError

            raise UsageError(t("output.binary_to_stdout", lang.value))
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
                    lang=report_lang(fmt, lang),
                    progress=advance and (lambda code: advance(1)),
                ),
                total=total,
                label="auditing",
            )
            if write_back:
                source.write_back(engine, result)
            places = network_places(engine) if fmt == ReportFormat.xlsx or per == Per.network else None
            record = audit_record(engine, result, chosen_profile, source=source_label(source),
                                  fingerprint=source_fingerprint(source, engine)) if save else None
        if record is not None:
            wrote(keep(save, record), t("progress.saved_audit", result.lang))
        deliver(render(result, fmt.value, per.value, places, source_label(source, result.lang)), output, lang=result.lang)
    if not result.stages:  # an audit of no network is not a clean bill of health: say so
        typer.echo(t("audit.no_networks", lang.value), err=True)
    worst = result.worst_severity()
    if fail_on != FailOn.never and worst is not None and worst.rank <= Severity(fail_on.value).rank:
        raise typer.Exit(1)
