"""Where a command's graph comes from: one :class:`Source` built from one bundle of options.

Every command that reads the graph takes the same options, added by :func:`takes_source`:
PATH or ``--example`` for the embedded engine, or ``--neo4j`` (implied by ``--uri``) with
``--user``, ``--password`` and ``--database`` for what ``om-graph load`` put in Neo4j. They
mean the same everywhere:

* PATH with ``--neo4j`` is refused: the database holds what was loaded, not PATH;
* ``--example`` with ``--neo4j`` says the database holds the example, so dates default to
  the example's own (:meth:`Source.audit_date`), as they do for ``--example`` alone.

:meth:`Source.open` is the one place an engine is opened, and with ``--redact-persons`` the
one place it is wrapped so that no person is named (:func:`om_graph.privacy.redacting`).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from om_graph.cli.options import DatabaseOpt, ExampleOpt, ForceOpt, Neo4jOpt, PasswordOpt, PathArg, TimeoutOpt, UriOpt, UserOpt
from om_graph.cli.errors import reported_errors
from om_graph.cli.progress import spinner
from om_graph.cli.target import check_output
from om_graph.errors import UsageError

if TYPE_CHECKING:
    from om_graph.dataset.model import Dataset
    from om_graph.engines.contract import Engine
    from om_graph.engines.neo4j.connect import Neo4jSettings

NEO4J_READS_LOADED = "with --neo4j the command reads what om-graph load put in the database: leave out PATH"


@dataclass(frozen=True)
class Source:
    """The dataset (PATH or the example) or the Neo4j database a command reads."""

    path: Path | None = None
    example: bool = False
    neo4j: bool = False
    uri: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    database: str | None = None
    timeout: float | None = None

    def describe(self) -> str:
        """The data as a report names it: the file or folder, the bundled example, or the database."""
        if self.in_neo4j:
            settings = self.settings()
            return f"Neo4j {settings.uri} ({settings.database})"
        return "example" if self.path is None else str(self.path)

    @property
    def in_neo4j(self) -> bool:
        """Does the command read Neo4j (``--neo4j`` or ``--uri``)?"""
        return self.neo4j or self.uri is not None

    def audit_date(self, as_of: str | None) -> dt.date:
        """``--as-of`` if given, else the day the data says it describes (its ``meta`` sheet: PATH's, or
        the example's with ``--example``, on Neo4j too), else today."""
        if as_of is not None:
            return parse_date(as_of, dt.date.today())
        from om_graph.dataset.sources import recorded_as_of

        return recorded_as_of(None if self.in_neo4j else self.path, self.example) or dt.date.today()

    def dataset(self, sheets: frozenset[str] | None = None) -> "Dataset":
        """The dataset of PATH or ``--example``, validated; of the ``sheets`` given only, if any."""
        from om_graph.dataset.sources import load_dataset

        return load_dataset(self.path, self.example, sheets)

    def settings(self) -> "Neo4jSettings":
        """The Neo4j connection: the options, else OM_GRAPH_NEO4J_* or NEO4J_*, else om-graph.toml."""
        from om_graph.cli.config import load_config
        from om_graph.engines.neo4j.connect import Neo4jSettings

        config = load_config()

        def kept(option: str | None, key: str) -> str | None:
            found = config.env_or_file(key)
            return option or (found[0] if found else None)

        return Neo4jSettings.from_env(
            kept(self.uri, "neo4j.uri"), kept(self.user, "neo4j.user"), self.password, kept(self.database, "neo4j.database"),
            timeout=self.timeout,
        )

    @contextmanager
    def open(self, *, redact: bool = False, status: str | None = None, sheets: frozenset[str] | None = None) -> Iterator["Engine"]:
        """The engine to read: Neo4j, or the embedded graph of the dataset; pseudonymising with ``redact``.

        With ``status``, a spinner with that text shows on a terminal while the command works. ``sheets``: the
        sheets the command's queries read; the embedded graph is built from those alone (read and checked
        among themselves), and a query reading another label fails. Neo4j holds what was loaded.
        """
        if self.in_neo4j and self.path is not None:
            raise UsageError(NEO4J_READS_LOADED)
        with spinner(status), self._engine(sheets) as engine:
            if redact:
                from om_graph.privacy import redacting

                engine = redacting(engine)
            yield engine

    def check_write_back(self, write_back: bool, redact: bool) -> None:
        """``--write-back`` stores the audit in the database it read: Neo4j only, people by their own ids."""
        if write_back and not self.in_neo4j:
            raise UsageError("--write-back stores the audit in Neo4j: give --neo4j (after om-graph load)")
        if write_back and redact:
            raise UsageError("--write-back stores findings as the database holds them: leave out --redact-persons")

    def write_back(self, engine: "Engine", result: Any) -> None:
        """Store an audit's stages and findings in the Neo4j database ``engine`` read, replacing the last one."""
        import typer

        stages = [{"id": s.network_id, "stage": s.stage} for s in result.stages]
        findings = [f.as_dict() for f in result.findings]
        done = engine.write_back(result.as_of, result.profile, stages, findings)  # type: ignore[attr-defined]
        typer.echo(f"wrote back {done.stages} stages and {done.findings} findings to {self.settings().uri}", err=True)

    @contextmanager
    def _engine(self, sheets: frozenset[str] | None = None) -> Iterator["Engine"]:
        if self.in_neo4j:
            from om_graph.engines.neo4j.connect import connect
            from om_graph.engines.neo4j.engine import Neo4jEngine

            settings = self.settings()
            with connect(settings) as driver:
                engine = Neo4jEngine(driver, settings.database, settings.timeout)
                # An empty or never-loaded database would audit to "no findings": refused instead.
                engine.require_loaded(settings.uri)
                yield engine
        else:
            from om_graph.engines.embedded import EmbeddedEngine

            yield EmbeddedEngine(self.dataset(sheets))


def parse_date(value: str | None, default: dt.date) -> dt.date:
    """An ``--as-of`` value (``2025-12-31`` or ``31.12.2025``), or ``default`` when there is none."""
    if value is None:
        return default
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if not AS_OF_RANGE[0] <= day <= AS_OF_RANGE[1]:
            raise UsageError(f"--as-of: {value} is outside {AS_OF_RANGE[0]} to {AS_OF_RANGE[1]}")
        return day
    raise UsageError(f"--as-of: not a date: {value!r} (use 2025-12-31 or 31.12.2025)")


#: Audit dates om-graph computes with: windows of up to 100 years (a profile's limit) reach back
#: from them without leaving the calendar (``--as-of 0001-01-01`` would).
AS_OF_RANGE = (dt.date(1900, 1, 1), dt.date(2999, 12, 31))


# -- the bundle of options ------------------------------------------------------------------------
#: Each source option: its annotated type and default.
_OPTIONS: dict[str, tuple[Any, Any]] = {
    "path": (PathArg, None),
    "example": (ExampleOpt, False),
    "neo4j": (Neo4jOpt, False),
    "uri": (UriOpt, None),
    "user": (UserOpt, None),
    "password": (PasswordOpt, None),
    "database": (DatabaseOpt, None),
    "timeout": (TimeoutOpt, None),
}
#: A graph: PATH, the example or Neo4j.
GRAPH = ("path", "example", "neo4j", "uri", "user", "password", "database", "timeout")
#: A dataset only: PATH or the example (validate, export).
DATASET = ("path", "example")
#: The Neo4j connection alone (cypher run).
CONNECTION = ("uri", "user", "password", "database", "timeout")
#: A dataset and the Neo4j database to load it into.
DATASET_TO_NEO4J = DATASET + CONNECTION
_FIRST = ("path", "example")


def takes_source(options: tuple[str, ...] = GRAPH) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the source ``options`` (PATH and ``--example`` first, the connection last).

    The command declares ``source: Source`` and gets one built from them; its own parameters
    keep their place in between. A command that writes (an ``output`` parameter) also gets
    ``--force``, and its ``-o`` is checked before it runs (:func:`om_graph.cli.target.check_output`).
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        own = inspect.signature(command, eval_str=True)
        if "source" not in own.parameters:
            raise TypeError(f"{command.__name__} takes no 'source' parameter")

        def parameter(name: str) -> inspect.Parameter:
            annotation, default = _OPTIONS[name]
            return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)

        writes = "output" in own.parameters  # its -o is checked before any work, and --force overrides that
        own_force = "force" in own.parameters
        force = inspect.Parameter("force", inspect.Parameter.KEYWORD_ONLY, annotation=ForceOpt, default=False)
        parameters = [
            *(parameter(n) for n in options if n in _FIRST),
            *(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for n, p in own.parameters.items() if n != "source"),
            *([force] if writes and not own_force else []),
            *(parameter(n) for n in options if n not in _FIRST),
        ]

        @functools.wraps(command)
        def with_source(**values: Any) -> Any:
            forced = values.get("force", False) if own_force else values.pop("force", False)
            source = Source(**{name: values.pop(name) for name in options})
            if writes:
                with reported_errors():
                    check_output(values, source.path, forced)
            return command(source=source, **values)

        del with_source.__wrapped__  # typer reads the signature below, not the command's
        with_source.__signature__ = own.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_source.__annotations__ = {p.name: p.annotation for p in parameters}
        return with_source

    return decorate
