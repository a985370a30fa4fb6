"""How the command line ends: every library error becomes one line on stderr and an exit code.

Exit codes: 0 clean; 1 findings at or above ``--fail-on`` (``om-graph audit``); 2 bad input
or usage; 3 Neo4j unreachable; 4 Neo4j refused the credentials. The codes are the
exceptions' own (:mod:`om_graph.errors`); this is the one place that turns them into exits.
Usage errors that typer finds itself (``--format pdf``, a missing argument) are one line too:
:class:`OneLineErrors` is the root command's class.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from typing import Any, Iterator

import typer
from typer.core import TyperGroup

from om_graph.errors import OmGraphError, ValidationFailed
from om_graph.cli.language import ARGV_LANG, argv_lang, default_lang, translate_help, ui_lang
from om_graph.cli.messages import worded_error, worded_problem
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
        lang = ui_lang()
        for problem in exc.problems:
            typer.echo(terminal_safe(worded_problem(problem, lang)), err=True)
        typer.echo(t("validate.problems", lang, count=exc.total), err=True)
        raise typer.Exit(exc.exit_code) from None
    except OmGraphError as exc:
        typer.echo(error_line(str(exc)), err=True)
        raise typer.Exit(exc.exit_code) from None


def error_line(message: str, lang: str | None = None) -> str:
    """``error: message`` (``Fehler: ...``), one line, safe for a terminal."""
    lang = lang or ui_lang()
    return terminal_safe(t("cli.error", lang, message=worded_error(message, lang)))


#: The exit code of an unexpected failure (a bug): 2, as for anything the run could not do.
INTERNAL_ERROR = 2


class OneLineErrors(TyperGroup):
    """The root command: a usage error is ``error: ...`` on one line and exit 2, not a box of usage text.

    Help asked for by giving no arguments still shows the help.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[ARGV_LANG] = argv_lang(args)
        return super().parse_args(ctx, args)

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        lang = argv_lang(kwargs.get("args", args[0] if args else None)) or default_lang()
        translate_help(self, default_lang())  # help is printed before any option is parsed
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click_exceptions.NoArgsIsHelpError as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click_exceptions.UsageError as exc:
            typer.echo(error_line(usage_message(exc, lang), lang), err=True)
            sys.exit(exc.exit_code)
        except click_exceptions.ClickException as exc:
            typer.echo(error_line(exc.format_message(), lang), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo(error_line(t("cli.aborted", lang), lang), err=True)
            sys.exit(1)
        except OmGraphError as exc:  # raised where no command caught it (a callback, an option's check)
            typer.echo(error_line(str(exc), lang), err=True)
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


def usage_message(exc: Any, lang: str = "en") -> str:
    """Click's message in one line (its common sentences worded in ``lang``), with the command whose ``--help`` explains it."""
    message = " ".join(exc.format_message().split()).replace("Value error, ", "")
    message = message.replace("(env var: ", t("cli.click.env_var", lang))
    for pattern, key in _CLICK_MESSAGES:
        if match := pattern.fullmatch(message):
            message = t(f"cli.click.{key}", lang, **match.groupdict())
            break
    command = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else None
    return t("cli.see_help", lang, message=message, command=command) if command else message


#: Click's usage errors, worded from the catalogue (``cli.click.*``) in the user's language.
_CLICK_MESSAGES = [
    (re.compile(r"Invalid value for (?P<option>.+?): (?P<value>.+?) is not one of (?P<choices>.+?)\.?"), "choice"),
    (re.compile(r"Invalid value for (?P<option>.+?): (?P<problem>.+)"), "invalid"),
    (re.compile(r"No such option: (?P<option>\S+) \(Possible options: (?P<options>.+)\)"), "no_option_hint"),
    (re.compile(r"No such option: (?P<option>\S+)"), "no_option"),
    (re.compile(r"No such command '(?P<command>.+?)'\. Did you mean '(?P<similar>.+?)'\?"), "no_command_hint"),
    (re.compile(r"No such command '(?P<command>.+?)'\.?"), "no_command"),
    (re.compile(r"Missing argument '(?P<argument>.+?)'\.?"), "missing_argument"),
    (re.compile(r"Missing option '(?P<option>.+?)'\.?"), "missing_option"),
    (re.compile(r"Option '(?P<option>.+?)' requires an argument\.?"), "needs_value"),
    (re.compile(r"Got unexpected extra arguments? \((?P<arguments>.+)\)"), "extra"),
]
