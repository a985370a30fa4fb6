"""How the command line ends: every library error becomes one line on stderr and an exit code.

Exit codes: 0 clean; 1 findings at or above ``--fail-on`` (``om-graph audit``); 2 bad input
or usage; 3 Neo4j unreachable; 4 Neo4j refused the credentials. The codes are the
exceptions' own (:mod:`om_graph.errors`); this is the one place that turns them into exits.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer

from om_graph.errors import OmGraphError, ValidationFailed
from om_graph.i18n import t


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
