"""om-graph history and om-graph diff: the audits kept with audit --save, and what changed between two of them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import Lang, LangOpt, OutputOpt
from om_graph.cli.progress import deliver
from om_graph.cli.source import Source

if TYPE_CHECKING:
    from om_graph.engines.contract import Engine


class HistoryFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


class DiffFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    xlsx = "xlsx"


#: ``audit --save``: where the audit history is kept.
SaveOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--save",
        metavar="HISTORY",
        help="Also keep this audit (JSON report, as-of date, profile, data hash, version) as a new file in the folder "
        "HISTORY; nothing there is ever overwritten. List them with om-graph history HISTORY.",
        show_default=False,
    ),
]


def history(
    folder: Annotated[Path, typer.Argument(metavar="HISTORY", help="The folder audit --save wrote to.", show_default=False)],
    fmt: Annotated[HistoryFormat, typer.Option("--format", "-f", help="Output format.")] = HistoryFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
) -> None:
    """List the saved audits, oldest first, with the networks per stage over time and a hash of the data each read."""
    from om_graph.features.history import history as read_history
    from om_graph.features.history.render import render_history

    with reported_errors():
        deliver(render_history(read_history(folder), fmt.value, lang.value), output)


def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="A saved audit or an audit --format json report.", show_default=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later audit to compare with OLD.", show_default=False)],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format (xlsx needs --output).")] = DiffFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
) -> None:
    """What changed between two audits: networks that changed stage (with the reasons on both sides), networks new
    and gone, findings new, resolved and still open, and the stages per federal state."""
    from om_graph.errors import UsageError
    from om_graph.features.diff import diff as compare
    from om_graph.features.diff import render_diff, render_diff_xlsx
    from om_graph.features.history import load

    with reported_errors():
        if fmt == DiffFormat.xlsx and output is None:
            raise UsageError("--format xlsx writes a workbook: give --output FILE.xlsx")
        changes = compare(load(old), load(new))
        data = render_diff_xlsx(changes, lang.value) if fmt == DiffFormat.xlsx else render_diff(changes, fmt.value, lang.value)
        deliver(data, output)


def source_label(source: Source, lang: str = "en") -> str:
    """Where the data came from, for a saved audit and the briefing's cover: the path, the example, or the database."""
    from urllib.parse import urlsplit, urlunsplit

    from om_graph.i18n import t

    if source.in_neo4j:
        settings = source.settings()
        parts = urlsplit(settings.uri)
        uri = urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))) if parts.hostname else settings.uri
        return t("briefing.source.neo4j", lang, uri=uri, database=settings.database)
    if source.example:
        return t("briefing.source.example", lang)
    return str(source.path)


def source_fingerprint(source: Source, engine: "Engine") -> dict[str, str]:
    """The hash of the data: of its files for PATH and the example, of what om-graph reads of the graph on Neo4j."""
    from importlib.resources import as_file, files

    from om_graph.features.history import file_fingerprint, graph_fingerprint

    if source.in_neo4j:
        return graph_fingerprint(engine)
    if source.example:
        from om_graph.dataset.sources import EXAMPLE_NAME

        with as_file(files("om_graph.dataset") / "data" / EXAMPLE_NAME) as bundled:
            return file_fingerprint(Path(bundled))
    return file_fingerprint(Path(source.path))


def check_history_folder(folder: Path | None) -> None:
    """Refuse ``--save FILE`` before any work: the history is a folder."""
    from om_graph.output import OutputError

    if folder is not None and folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; --save needs a folder for the audit history")
