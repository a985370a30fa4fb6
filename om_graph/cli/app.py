"""The command line: parses options, calls library functions, prints. No logic of its own.

Every library error becomes one line on stderr and an exit code: 0 clean, 1 findings at or
above ``--fail-on``, 2 bad input or usage, 3 database unreachable or refused.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from om_graph.errors import OmGraphError, ValidationFailed
from om_graph.i18n import t
from om_graph.engines.neo4j.load import DEFAULT_BATCH_SIZE

app = typer.Typer(
    name="om-graph",
    help="Audit Offensive Mittelstand networks against the OM criteria, as a property graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(StrEnum):
    en = "en"
    de = "de"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class CatalogueFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class SchemaFormat(StrEnum):
    json = "json"
    markdown = "markdown"


class DataFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    yaml = "yaml"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


PathArg = Annotated[
    Optional[Path],
    typer.Argument(help="Dataset: an .xlsx workbook, a folder of CSV files, or a .yaml/.json file.", show_default=False),
]
ExampleOpt = Annotated[bool, typer.Option("--example", help="Use the bundled example dataset instead of PATH.")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of the report: en or de.")]
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
OutputOpt = Annotated[
    Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of stdout.", show_default=False)
]


ProfileOpt = Annotated[
    Optional[Path], typer.Option("--profile", help="YAML profile with your own thresholds.", show_default=False)
]
RedactOpt = Annotated[
    bool,
    typer.Option("--redact-persons", help="Show people under stable pseudonyms, never by id, name or e-mail address."),
]
Neo4jFlag = Annotated[
    bool, typer.Option("--neo4j", help="Read the graph loaded in Neo4j instead of PATH (implied by --uri).")
]


@contextmanager
def opened_engine(
    path: Path | None,
    example: bool,
    neo4j: bool = False,
    uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    database: str | None = None,
    status: str | None = None,
) -> Iterator:
    """The engine a command reads: the embedded graph of PATH, or Neo4j with --neo4j/--uri.

    With ``status``, a spinner with that text shows on a terminal while the command works.
    """
    with _spinner(status):
        with _engine(path, example, neo4j, uri, user, password, database) as engine:
            yield engine


@contextmanager
def _spinner(text: str | None) -> Iterator[None]:
    if text is None or not sys.stderr.isatty():
        yield
        return
    with _stderr_console().status(text):
        yield


@contextmanager
def _engine(path, example, neo4j, uri, user, password, database) -> Iterator:
    if neo4j or uri:
        from om_graph.errors import UsageError
        from om_graph.engines.neo4j.connect import Neo4jSettings, connect
        from om_graph.engines.neo4j.engine import Neo4jEngine

        if path is not None or example:
            raise UsageError("with --neo4j the command reads what om-graph load put in the database: leave out PATH and --example")
        settings = Neo4jSettings.from_env(uri, user, password, database)
        with connect(settings) as driver:
            yield Neo4jEngine(driver, settings.database)
    else:
        from om_graph.engines.embedded import EmbeddedEngine
        from om_graph.dataset.sources import load_dataset

        yield EmbeddedEngine(load_dataset(path, example))


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn library errors into one clear line (or one line per problem) and an exit code."""
    try:
        yield
    except ValidationFailed as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        typer.echo(t("validate.problems", "en", count=len(exc.problems)), err=True)
        raise typer.Exit(exc.exit_code) from None
    except OmGraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None


def audit_date(as_of: str | None, example: bool) -> dt.date:
    """The audit date: --as-of if given, else the example's own date with --example, else today."""
    from om_graph.dataset.sources import EXAMPLE_AS_OF

    return _parse_date(as_of, EXAMPLE_AS_OF if example else dt.date.today())


def _parse_date(value: str | None, default: dt.date) -> dt.date:
    from om_graph.errors import UsageError

    if value is None:
        return default
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise UsageError(f"--as-of: not a date: {value!r} (use 2025-12-31 or 31.12.2025)")


@app.command()
def audit(
    path: PathArg = None,
    example: ExampleOpt = False,
    profile: ProfileOpt = None,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="Audit date for time-based rules (default today; the example's own date with --example).", show_default=False),
    ] = None,
    rules: Annotated[
        Optional[str], typer.Option("--rules", help="Only these rules, e.g. 'OM1*,OM302'.", show_default=False)
    ] = None,
    lang: LangOpt = Lang.en,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.table,
    output: OutputOpt = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 when a finding has this severity or worse.")
    ] = FailOn.error,
    redact_persons: RedactOpt = False,
    neo4j: Neo4jFlag = False,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Audit every network against the OM criteria and classify its implementation stage.

    The embedded engine audits PATH in memory; with --neo4j or --uri, the Cypher rules run in
    the database, on what `om-graph load` put there.
    """
    from om_graph.audit.run import run_audit
    from om_graph.audit.profile import load_profile
    from om_graph.audit.report import render
    from om_graph.queries.rules import Severity

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = audit_date(as_of, example)
        total = len(_selected(rules))

        def audit_on(engine):
            return _with_progress(
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

        # With --neo4j, --example only picks the example's audit date: the database holds what was loaded.
        reads_example = example and not (neo4j or uri)
        with opened_engine(path, reads_example, neo4j, uri, user, password, database) as engine:
            result = audit_on(engine)
        if redact_persons:
            from om_graph.privacy import redact_audit

            result = redact_audit(result, chosen_profile)
        from om_graph.output import emit

        emit(render(result, fmt.value), output)
    worst = result.worst_severity()
    if fail_on != FailOn.never and worst is not None and worst.rank <= Severity(fail_on.value).rank:
        raise typer.Exit(1)


def _selected(rules: str | None) -> list:
    from om_graph.queries.rules import select_rules

    return select_rules(rules)


def _with_progress(work, total: int, label: str):
    """Run ``work(advance)`` with a progress bar on stderr when it is a terminal.

    ``advance(n)`` moves the bar by ``n`` steps; ``work`` gets ``None`` when nobody watches.
    """
    if not sys.stderr.isatty():
        return work(None)
    from rich.progress import Progress

    with Progress(transient=True, console=_stderr_console()) as bar:
        task = bar.add_task(label, total=total)
        return work(lambda n=1: bar.update(task, advance=n))


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def validate(path: PathArg = None, example: ExampleOpt = False, lang: LangOpt = Lang.en) -> None:
    """Check a dataset: types, required fields, unique ids and every reference. Reports all problems."""
    from om_graph.dataset.sources import load_dataset

    with reported_errors():
        dataset = load_dataset(path, example)
    records = sum(len(dataset.records(s)) for s in type(dataset).model_fields)
    sheets = sum(1 for s in type(dataset).model_fields if dataset.records(s))
    typer.echo(t("validate.ok", lang.value, path=path or "example", records=records, sheets=sheets))


@app.command("rules")
def rules_cmd(
    fmt: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="Output format.")] = CatalogueFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
) -> None:
    """List the rule catalogue: code, severity, clause cited and parameters."""
    from om_graph.audit.catalogue import render_rules
    from om_graph.output import emit

    with reported_errors():
        emit(render_rules(fmt.value, lang.value), output)


@app.command()
def schema(
    fmt: Annotated[SchemaFormat, typer.Option("--format", "-f", help="json = JSON Schema of the input; markdown = graph schema page.")] = SchemaFormat.json,
    output: OutputOpt = None,
) -> None:
    """Print the JSON Schema of the input data, or the graph schema as Markdown."""
    from om_graph.dataset.graph import schema_markdown
    from om_graph.dataset.model import Dataset
    from om_graph.output import emit

    with reported_errors():
        if fmt == SchemaFormat.json:
            text = json.dumps(Dataset.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
        else:
            text = schema_markdown()
        emit(text, output)


@app.command()
def example(
    target: Annotated[Path, typer.Argument(help="Folder (csv) or file (xlsx, yaml) to write the example to.")],
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", help="Format to write.")] = DataFormat.yaml,
) -> None:
    """Write the bundled example dataset, to start your own from it."""
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.sources import example_dataset

    with reported_errors():
        dest = target
        if fmt != DataFormat.csv and target.suffix == "":
            dest = target / f"om-example.{fmt.value}"
        write_dataset(example_dataset(), dest, fmt.value)
    typer.echo(f"wrote {dest}")


@app.command()
def generate(
    target: Annotated[Path, typer.Argument(help="Folder (csv) or file (xlsx, yaml) to write the landscape to.")],
    scale: Annotated[float, typer.Option("--scale", help="1 = OM's size today; everything but regions grows linearly.")] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same files.")] = 1,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", help="Format to write.")] = DataFormat.csv,
) -> None:
    """Write a synthetic, Germany-sized landscape of networks for trials and benchmarks."""
    from om_graph.synth.landscape import generate_landscape
    from om_graph.dataset.io import write_dataset

    with reported_errors():
        dataset = generate_landscape(scale, seed)
        write_dataset(dataset, target, fmt.value)
    typer.echo(f"wrote {target}: {len(dataset.networks)} networks, {len(dataset.organisations)} organisations, "
               f"{len(dataset.memberships)} memberships (scale {scale:g}, seed {seed})")


@app.command()
def load(
    path: PathArg = None,
    example: ExampleOpt = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="Swap the database's previous om-graph contents for this dataset.")
    ] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Rows per UNWIND batch.")] = DEFAULT_BATCH_SIZE,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Validate a dataset and load it into Neo4j in one transaction (all or nothing)."""
    from om_graph.dataset.graph import graph_rows
    from om_graph.engines.neo4j.load import load_dataset as load_into
    from om_graph.engines.neo4j.connect import Neo4jSettings, connect
    from om_graph.dataset.sources import load_dataset

    with reported_errors():
        settings = Neo4jSettings.from_env(uri, user, password, database)
        dataset = load_dataset(path, example)
        nodes, rels = graph_rows(dataset).counts()
        with connect(settings) as driver:
            summary = _with_progress(
                lambda progress: load_into(
                    driver, settings.database, dataset, replace=replace, batch_size=batch_size, progress=progress
                ),
                total=nodes + rels,
                label="loading",
            )
    typer.echo(f"loaded {summary.nodes} nodes and {summary.relationships} relationships into {settings.uri} ({settings.database})")


cypher_app = typer.Typer(help="Show the Cypher behind a rule, or run your own query file.", no_args_is_help=True)
app.add_typer(cypher_app, name="cypher")


class RowFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@cypher_app.command("show")
def cypher_show(
    name: Annotated[str, typer.Argument(help="Rule code (OM104), query name (gaps/unlinked_overlap, stages) or 'schema'.")],
) -> None:
    """Print a query's Cypher file, ready for Neo4j Browser or cypher-shell."""
    from om_graph.engines.cypher import read_query
    from om_graph.output import emit
    from om_graph.queries.registry import get_query
    from om_graph.queries.rules import get_rule

    with reported_errors():
        if name.lower() == "schema":
            text = read_query("schema.cypher")
        elif name.upper().startswith("OM"):
            text = read_query(get_rule(name).query().cypher_file)
        else:
            text = read_query(get_query(name.lower()).cypher_file)
        emit(text, None)


@cypher_app.command("run")
def cypher_run(
    file: Annotated[Path, typer.Argument(help="A .cypher file; its '// :param' header lines give defaults.")],
    param: Annotated[
        Optional[list[str]], typer.Option("--param", "-p", help="Query parameter name=value (repeatable).", show_default=False)
    ] = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="Output format.")] = RowFormat.table,
    output: OutputOpt = None,
    uri: UriOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Run a Cypher file against Neo4j and print its rows."""
    from om_graph.engines.neo4j.runner import parse_params, render_rows, run_query_file
    from om_graph.errors import InputError
    from om_graph.engines.neo4j.connect import Neo4jSettings, connect
    from om_graph.output import emit

    with reported_errors():
        params = parse_params(param or [])
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{file}: cannot read: {exc.strerror}") from None
        settings = Neo4jSettings.from_env(uri, user, password, database)
        with connect(settings) as driver:
            columns, rows = _query_errors(lambda: run_query_file(driver, settings.database, text, params), file)
        emit(render_rows(columns, rows, fmt.value), output)


def _query_errors(work, file: Path):
    """A Cypher error in a user's file is bad input: one line naming the file."""
    from neo4j.exceptions import ClientError

    from om_graph.errors import InputError

    try:
        return work()
    except ClientError as exc:
        message = (exc.message or str(exc)).strip().splitlines()[0]
        raise InputError(f"{file}: {message}") from None


# Command groups of their own modules register on ``app`` when imported.
from om_graph.cli.commands import ambassadors, export, gaps, maps, network  # noqa: E402,F401
