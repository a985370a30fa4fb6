"""om-graph gaps: where networks and partners could cooperate but, on record, do not."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import Lang, LangOpt, OutputOpt, RedactOpt, report_lang
from om_graph.cli.progress import deliver
from om_graph.cli.source import Source, takes_source


class GapFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    csv_de = "csv-de"


@takes_source()
def gaps(
    source: Source,
    kind: Annotated[
        Optional[list[str]],
        typer.Option("--kind", "-k", help="Only this gap kind (repeatable); see docs/gaps.md.", show_default=False),
    ] = None,
    region: Annotated[
        Optional[str],
        typer.Option("--region", help="Only gaps in this region or a region inside it (region id).", show_default=False),
    ] = None,
    fmt: Annotated[GapFormat, typer.Option("--format", "-f", help="Output format (csv-de: German Excel's CSV; xlsx: a workbook, needs --output).")] = GapFormat.table,
    output: OutputOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
) -> None:
    """List collaboration gaps: unlinked overlapping or neighbouring networks, isolated networks,
    intermediaries outside their region's networks, partners who could pool networks.
    """
    from om_graph.features.gaps.find import SHEETS, find_gaps, get_kind
    from om_graph.features.gaps.render import refuse_xlsx_to_stdout, render_gaps
    from om_graph.features.gaps.workbook import gap_names
    from om_graph.cli.commands.history import source_label

    with reported_errors():
        for code in kind or ():
            get_kind(code)
        refuse_xlsx_to_stdout(fmt.value, output, lang.value)
        words = report_lang(fmt, lang)
        people = fmt in (GapFormat.xlsx, GapFormat.csv_de)
        with source.open(redact=redact_persons, status="finding collaboration gaps", sheets=SHEETS) as engine:
            found = find_gaps(engine, kinds=kind, region=region)
            names = gap_names(engine) if people or fmt == GapFormat.table else None
        deliver(render_gaps(found, fmt.value, words, kinds=kind, names=names, as_of=source.audit_date(None) if people else None,
                            source=source_label(source, words)), output, lang=words)
