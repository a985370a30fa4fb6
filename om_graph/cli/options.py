"""Every option more than one command takes, defined once: the same name, type and help everywhere.

The options that say where the graph comes from (PATH, ``--example``, ``--neo4j`` and the
connection) are one bundle, added to a command by :func:`om_graph.cli.source.takes_source`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Lang(StrEnum):
    en = "en"
    de = "de"


class Level(StrEnum):
    """The region level of ambassador coverage, plans and maps."""

    state = "state"
    district = "district"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class RowFormat(StrEnum):
    """Formats of commands whose output is rows: a table for people, json and csv for machines, csv-de for German Excel."""

    table = "table"
    json = "json"
    csv = "csv"
    csv_de = "csv-de"


class TableFormat(StrEnum):
    """Formats of reports whose output is rows: a table for people, json and csv for machines,
    csv-de (German Excel's CSV) and xlsx (a workbook, needs --output) for the office."""

    table = "table"
    json = "json"
    csv = "csv"
    csv_de = "csv-de"
    xlsx = "xlsx"


def report_lang(fmt: StrEnum, lang: Lang) -> str:
    """The language of a report: ``--format csv-de`` is German Excel's, so German unless ``--lang`` is given."""
    from om_graph.cli.target import format_given

    return "de" if fmt.value == "csv-de" and not format_given("lang") else lang.value


LangOpt = Annotated[Lang, typer.Option("--lang", envvar="OM_GRAPH_LANG", help="Language of the output: en or de.")]
OutputOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Write to this file (all or nothing) instead of stdout.", show_default=False),
]
#: ``--output`` of the commands that always write a file (maps, exports).
OutputFileOpt = Annotated[Path, typer.Option("--output", "-o", help="The file to write (all or nothing).")]
#: ``--force`` of every command that writes: the one way past the refusal to replace a dataset (om_graph.cli.target).
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Write even where that replaces a dataset: the input, or a folder or file holding one.")
]
ProfileOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--profile",
        envvar="OM_GRAPH_PROFILE",
        help="YAML profile: rule thresholds, and in its 'ambassadors' section level, max_networks and weights.",
        show_default=False,
    ),
]
AsOfOpt = Annotated[
    Optional[str],
    typer.Option(
        "--as-of",
        envvar="OM_GRAPH_AS_OF",
        help="Audit date, 2025-12-31 or 31.12.2025 (default today; with --example, the example's own date).",
        show_default=False,
    ),
]
RedactOpt = Annotated[
    bool,
    typer.Option("--redact-persons", help="Show people under stable pseudonyms, never by id, name or e-mail address."),
]
LevelOpt = Annotated[
    Optional[Level],
    typer.Option("--level", help="Region level: state or district (default: the profile's, else state).", show_default=False),
]
FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 when a finding has this severity or worse.")]

# -- where the graph comes from (see om_graph.cli.source) ----------------------------------
PathArg = Annotated[
    Optional[Path],
    typer.Argument(help="Dataset: an .xlsx workbook, a folder of CSV files, or a .yaml/.json file.", show_default=False),
]
ExampleOpt = Annotated[bool, typer.Option("--example", help="Use the bundled example dataset instead of PATH.")]
Neo4jOpt = Annotated[
    bool,
    typer.Option(
        "--neo4j",
        help="Read the graph loaded in Neo4j instead of PATH (implied by --uri); "
        "with --example, the database holds the example: dates default to the example's.",
    ),
]
UriOpt = Annotated[
    Optional[str],
    typer.Option("--uri", help="Neo4j URI (bolt://, neo4j://, +s for TLS); default $NEO4J_URI.", show_default=False),
]
UserOpt = Annotated[Optional[str], typer.Option("--user", help="Neo4j user; default $NEO4J_USERNAME or neo4j.", show_default=False)]
PasswordOpt = Annotated[
    Optional[str], typer.Option("--password", help="Neo4j password; default $NEO4J_PASSWORD.", show_default=False)
]
DatabaseOpt = Annotated[
    Optional[str], typer.Option("--database", help="Neo4j database; default $NEO4J_DATABASE or neo4j.", show_default=False)
]
TimeoutOpt = Annotated[
    Optional[float],
    typer.Option(
        "--timeout",
        help="Seconds a Neo4j query or load may take (default 300); connecting gives up after at most 15.",
        show_default=False,
    ),
]
