"""om-graph network stats: the network of networks and its statistics."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import Lang, LangOpt, OutputOpt, report_lang
from om_graph.cli.progress import deliver, spinner
from om_graph.cli.source import Source, takes_source

app = typer.Typer(help="The network of networks: shared partners, cooperations, statistics.", no_args_is_help=True)


class StatsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    csv_de = "csv-de"


@app.command("stats")
@takes_source()
def stats(
    source: Source,
    fmt: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="table: summary and top lists; json: everything; csv: one row per network (csv-de: for German Excel); xlsx: a workbook (needs --output).")
    ] = StatsFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
    top: Annotated[int, typer.Option("--top", min=1, help="Rows in each top list of the table.")] = 10,
) -> None:
    """Statistics of the network of networks: links, components, communities, central and bridging partners.

    Two networks are linked when they share a partner organisation or a cooperation is on
    record. Same result on the embedded engine (PATH) and on Neo4j (--neo4j).
    """
    from om_graph.features.network.render import render_stats
    from om_graph.features.network.stats import SHEETS, dataset_network_stats, network_stats

    with reported_errors():
        if source.in_neo4j:
            with source.open(status="computing network statistics", sheets=SHEETS) as engine:
                result = network_stats(engine)
        else:  # the embedded engine's statistics, from the validated rows without building its graph
            from om_graph.features.network.early import measured_early

            with measured_early(source.path) as early, spinner("computing network statistics"):  # forked before a spinner's thread
                result = dataset_network_stats(source.dataset(SHEETS), early)
        words = report_lang(fmt, lang)
        if fmt == StatsFormat.xlsx:
            from om_graph.cli.commands.history import source_label
            from om_graph.features.network.workbook import stats_workbook

            deliver(stats_workbook(result, words, source_label(source, words), source.audit_date(None)), output, lang=words)
        elif fmt == StatsFormat.csv_de:
            from om_graph.features.network.workbook import stats_csv_de

            deliver(stats_csv_de(result, words), output)
        elif fmt == StatsFormat.json and output is not None:  # a file: UTF-8 made from parts encoded once
            from om_graph.features.network.render import json_bytes

            deliver(json_bytes(result), output)
        else:
            deliver(render_stats(result, fmt.value, lang.value, top), output)
