"""The language of what the command line itself says: help, errors, progress and ``wrote FILE``.

Reports take ``--lang``; the rest follows the same choice where it can: the running command's
``--lang``, else ``OM_GRAPH_LANG``, else the configuration file's ``lang``, else English. Help is
printed before options are parsed, so it follows the variable or the file only.

The command line's texts stay English in the code (typer reads them there); their words in
another language are catalogue entries whose English value is that text, gettext's idea of
the source text as the key: :func:`worded` finds them. A text without an entry stays English,
and ``tests/test_german_everywhere.py`` fails on it.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from typing import Any

from om_graph.i18n import FALLBACK, catalogue, languages, t


def default_lang() -> str:
    """``OM_GRAPH_LANG``, else the configuration file's ``lang``, else English (a broken file: English, it says so later)."""
    from om_graph.cli.config import load_config
    from om_graph.errors import OmGraphError

    env = os.environ.get("OM_GRAPH_LANG")
    if env in languages():
        return env
    try:
        lang = load_config().values.get("lang")
    except OmGraphError:
        return FALLBACK
    return lang if lang in languages() else FALLBACK


def ui_lang() -> str:
    """The running command's ``--lang``, else :func:`default_lang`."""
    try:
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import get_current_context
    ctx = get_current_context(silent=True)
    early = ctx.meta.get(ARGV_LANG) if ctx is not None else None
    while ctx is not None:
        value = ctx.params.get("lang")
        if value:
            return str(value)
        ctx = ctx.parent
    return early or default_lang()


#: ``ctx.meta`` key of the ``--lang`` on the command line, for errors before the command's options are
#: parsed (the root's callback reads the configuration file); set by cli.errors.OneLineErrors.
ARGV_LANG = "om_graph.argv_lang"


def argv_lang(argv: Any) -> str | None:
    """``--lang X`` from the command line, for the errors found before the options are parsed."""
    words = [str(w) for w in (sys.argv[1:] if argv is None else argv)]
    for i, word in enumerate(words):
        value = word.removeprefix("--lang=") if word.startswith("--lang=") else (
            words[i + 1] if word == "--lang" and i + 1 < len(words) else None)
        if value in ("en", "de"):
            return value
    return None


@cache
def _keys(section: str) -> dict[str, str]:
    """English text -> key suffix, for the catalogue keys under ``section.``."""
    prefix = f"{section}."
    return {
        text.replace("{{", "{").replace("}}", "}"): key.removeprefix(prefix)  # as t() gives it
        for key, text in catalogue(FALLBACK).items()
        if key.startswith(prefix)
    }


def worded(text: str, lang: str, section: str = "help") -> str:
    """``text`` (an English help or status text of the command line) in ``lang``, if the catalogue has it."""
    if lang == FALLBACK or not text:
        return text
    slug = _keys(section).get(" ".join(text.split()))
    if slug is None:
        return text
    return t(f"help.{slug}", lang) if section == "help" else t(f"progress.{slug}", lang)


def translate_help(command: Any, lang: str) -> None:
    """Word ``command``'s and its subcommands' help in ``lang``, in place, before click prints any.

    Besides the commands' and options' own help: typer's panel titles and ``[default: ...]``
    marks (module settings, so they are set for every call, English ones included), the help
    option's "Show this message and exit." and the "Usage:" line.
    """
    _typer_words(lang)
    if lang == FALLBACK:
        return
    _translate(command, lang)


def _translate(command: Any, lang: str) -> None:
    if getattr(command, "help", None):
        command.help = worded(command.help, lang)
        command.short_help = None
    for param in getattr(command, "params", ()):
        if getattr(param, "help", None):
            param.help = worded(param.help, lang)
    _word_help_option(command, lang)
    _word_usage(command, lang)
    for sub in getattr(command, "commands", {}).values():
        _translate(sub, lang)


def _word_help_option(command: Any, lang: str) -> None:
    """``--help``'s own help ("Show this message and exit."), made by click when the help is asked for."""
    made = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = made(ctx)
        if option is not None and option.help:
            option.help = worded(option.help, lang)
        return option

    command.get_help_option = get_help_option


def _word_usage(command: Any, lang: str) -> None:
    """The "Usage:" line's first word."""

    def format_usage(ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)), prefix=worded("Usage:", lang) + " ")

    command.format_usage = format_usage


#: typer's words in its help panels (module settings of ``typer.rich_utils``), as typer has them.
_TYPER_WORDS = ("ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE", "DEFAULT_STRING",
                "ENVVAR_STRING", "REQUIRED_LONG_STRING")
_typer_english: dict[str, str] = {}


def _typer_words(lang: str) -> None:
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich prints plain help
        return
    for name in _TYPER_WORDS:
        english = _typer_english.setdefault(name, getattr(rich_utils, name))
        setattr(rich_utils, name, worded(english, lang))
