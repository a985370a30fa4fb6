"""How the command line ends: every library error becomes one line on stderr and an exit code.

Exit codes: 0 clean; 1 findings at or above ``--fail-on`` (``om-graph audit``); 2 bad input
or usage; 3 Neo4j unreachable; 4 Neo4j refused the credentials. The codes are the
exceptions' own (:mod:`om_graph.errors`); this is the one place that turns them into exits.
Usage errors that typer finds itself (``--format pdf``, a missing argument) are one line too:
:class:`OneLineErrors` is the root command's class.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import typer
from typer.core import TyperGroup

from om_graph.errors import OmGraphError, ValidationFailed
from om_graph.i18n import t
from om_graph.output import terminal_safe

try:  # typer >= 0.20 carries its own copy of click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import exceptions as click_exceptions


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn library errors into one clear line (or one line per problem) and an exit code."""
    try:
        yield
    except ValidationFailed as exc:
        for problem in exc.problems:
            typer.echo(terminal_safe(problem), err=True)
        typer.echo(t("validate.problems", "en", count=exc.total), err=True)
        raise typer.Exit(exc.exit_code) from None
    except OmGraphError as exc:
        typer.echo(terminal_safe(f"error: {exc}"), err=True)
        raise typer.Exit(exc.exit_code) from None


#: The exit code of an unexpected failure (a bug): 2, as for anything the run could not do.
INTERNAL_ERROR = 2


class OneLineErrors(TyperGroup):
    """The root command: a usage error is ``error: ...`` on one line and exit 2, not a box of usage text.

    Help asked for by giving no arguments still shows the help.
    """

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click_exceptions.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click_exceptions.UsageError as exc:
            typer.echo(terminal_safe(f"error: {usage_message(exc)}"), err=True)
            sys.exit(exc.exit_code)
        except click_exceptions.ClickException as exc:
            typer.echo(terminal_safe(f"error: {exc.format_message()}"), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            sys.exit(1)
        except OmGraphError as exc:  # raised where no command caught it (a callback, an option's check)
            typer.echo(terminal_safe(f"error: {exc}"), err=True)
            sys.exit(exc.exit_code)
        except Exception as exc:  # noqa: BLE001 - the last net: a bug is one line too, not a traceback
            if os.environ.get("OM_GRAPH_DEBUG"):
                raise
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            typer.echo(terminal_safe(f"error: internal error ({type(exc).__name__}: {first}); this is a bug in "
                                     "om-graph, please report it (OM_GRAPH_DEBUG=1 shows where)"), err=True)
            sys.exit(INTERNAL_ERROR)
        # Without standalone mode the command's exit code comes back as the result (None: success).
        sys.exit(code if isinstance(code, int) else 0)


def usage_message(exc: Any) -> str:
    """Click's message in one line, with the command whose ``--help`` explains it."""
    message = " ".join(exc.format_message().split()).replace("Value error, ", "")
    command = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else None
    return f"{message} (see: {command} --help)" if command else message
