"""``om-graph config``: where om-graph looks for its defaults, and which ones are in force."""

from __future__ import annotations

import typer

from om_graph.cli.config import SETTINGS, candidate_paths, load_config
from om_graph.cli.errors import reported_errors
from om_graph.cli.language import ui_lang
from om_graph.i18n import t


def config() -> None:
    """Show the configuration file om-graph reads and the defaults in force (option > environment > file > built-in)."""
    with reported_errors():
        found = load_config()
    lang = ui_lang()
    for path in candidate_paths():
        mark = "*" if path == found.path else " "
        typer.echo(f"{mark} {path}{'' if path.is_file() else '  (' + t('cli.config.none', lang) + ')'}")
    typer.echo("")
    for key, setting in SETTINGS.items():
        value = found.env_or_file(key)
        shown = f"{value[0]}  ({value[1]})" if value else f"-  ({t('cli.config.built_in', lang)})"
        typer.echo(f"{key:<15} {shown}")
