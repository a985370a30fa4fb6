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

from om_graph.cli.options import DatabaseOpt, ExampleOpt, Neo4jOpt, PasswordOpt, PathArg, TimeoutOpt, UriOpt, UserOpt
from om_graph.cli.progress import spinner
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

    @property
    def in_neo4j(self) -> bool:
        """Does the command read Neo4j (``--neo4j`` or ``--uri``)?"""
        return self.neo4j or self.uri is not None

    def audit_date(self, as_of: str | None) -> dt.date:
        """``--as-of`` if given, else the example's own date with ``--example`` (on Neo4j too), else today."""
        from om_graph.dataset.sources import EXAMPLE_AS_OF

        return parse_date(as_of, EXAMPLE_AS_OF if self.example else dt.date.today())

    def dataset(self) -> "Dataset":
        """The dataset of PATH or ``--example``, validated."""
        from om_graph.dataset.sources import load_dataset

        return load_dataset(self.path, self.example)

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
    def open(self, *, redact: bool = False, status: str | None = None) -> Iterator["Engine"]:
        """The engine to read: Neo4j, or the embedded graph of the dataset; pseudonymising with ``redact``.

        With ``status``, a spinner with that text shows on a terminal while the command works.
        """
        if self.in_neo4j and self.path is not None:
            raise UsageError(NEO4J_READS_LOADED)
        with spinner(status), self._engine() as engine:
            if redact:
                from om_graph.privacy import redacting

                engine = redacting(engine)
            yield engine

    @contextmanager
    def _engine(self) -> Iterator["Engine"]:
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

            yield EmbeddedEngine(self.dataset())


def parse_date(value: str | None, default: dt.date) -> dt.date:
    """An ``--as-of`` value (``2025-12-31`` or ``31.12.2025``), or ``default`` when there is none."""
    if value is None:
        return default
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise UsageError(f"--as-of: not a date: {value!r} (use 2025-12-31 or 31.12.2025)")


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
    keep their place in between.
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        own = inspect.signature(command, eval_str=True)
        if "source" not in own.parameters:
            raise TypeError(f"{command.__name__} takes no 'source' parameter")

        def parameter(name: str) -> inspect.Parameter:
            annotation, default = _OPTIONS[name]
            return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)

        parameters = [
            *(parameter(n) for n in options if n in _FIRST),
            *(p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for n, p in own.parameters.items() if n != "source"),
            *(parameter(n) for n in options if n not in _FIRST),
        ]

        @functools.wraps(command)
        def with_source(**values: Any) -> Any:
            source = Source(**{name: values.pop(name) for name in options})
            return command(source=source, **values)

        del with_source.__wrapped__  # typer reads the signature below, not the command's
        with_source.__signature__ = own.replace(parameters=parameters)  # type: ignore[attr-defined]
        with_source.__annotations__ = {p.name: p.annotation for p in parameters}
        return with_source

    return decorate
