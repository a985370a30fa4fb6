"""Defaults that stick: ``om-graph.toml`` and ``OM_GRAPH_*`` variables, so nobody repeats ``--lang de``.

Precedence, highest first: the option on the command line, the environment variable, the
configuration file, the built-in default. The file is the first of
``$OM_GRAPH_CONFIG``, ``./om-graph.toml`` and ``<user config folder>/om-graph/om-graph.toml``
that exists (``om-graph config`` shows which). It may hold::

    lang = "de"
    profile = "profiles/bayern.yaml"     # relative to the file's folder
    as_of = "2025-12-31"

    [neo4j]
    uri = "bolt://localhost:7687"
    user = "neo4j"
    database = "neo4j"

A password never goes in the file (``NEO4J_PASSWORD`` or ``--password``): the file is refused
if it holds one.

>>> sorted(SETTINGS)
['as_of', 'lang', 'neo4j.database', 'neo4j.uri', 'neo4j.user', 'profile']
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from om_graph.errors import InputError

FILE_NAME = "om-graph.toml"


@dataclass(frozen=True)
class Setting:
    """A default a user may keep: the option it fills and the variable that sets it."""

    option: str
    env: str
    help: str


#: Every setting the file and the environment may hold, by its key in the file.
SETTINGS: dict[str, Setting] = {
    "lang": Setting("lang", "OM_GRAPH_LANG", "language of the output: en or de"),
    "profile": Setting("profile", "OM_GRAPH_PROFILE", "YAML profile with your own thresholds"),
    "as_of": Setting("as_of", "OM_GRAPH_AS_OF", "audit date of time-based rules"),
    "neo4j.uri": Setting("uri", "OM_GRAPH_NEO4J_URI", "Neo4j URI (NEO4J_URI works too)"),
    "neo4j.user": Setting("user", "OM_GRAPH_NEO4J_USER", "Neo4j user (NEO4J_USERNAME works too)"),
    "neo4j.database": Setting("database", "OM_GRAPH_NEO4J_DATABASE", "Neo4j database (NEO4J_DATABASE works too)"),
}
#: Neo4j's own variables, read after om-graph's: the same names Neo4j's tools use.
NEO4J_ENV = {"neo4j.uri": "NEO4J_URI", "neo4j.user": "NEO4J_USERNAME", "neo4j.database": "NEO4J_DATABASE"}


def candidate_paths() -> list[Path]:
    """Where om-graph looks for its file, in order."""
    if explicit := os.environ.get("OM_GRAPH_CONFIG"):
        return [Path(explicit)]
    user_dir = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return [Path.cwd() / FILE_NAME, user_dir / "om-graph" / FILE_NAME]


@dataclass(frozen=True)
class Config:
    """The file found (if any) and its settings, by key."""

    path: Path | None
    values: dict[str, Any]

    def env_or_file(self, key: str) -> tuple[Any, str] | None:
        """The value of ``key`` from the environment or the file, with where it came from."""
        for name in (SETTINGS[key].env, NEO4J_ENV.get(key)):
            if name and os.environ.get(name):
                return os.environ[name], f"${name}"
        if key in self.values:
            return self.values[key], str(self.path)
        return None


def load_config() -> Config:
    """The first configuration file that exists, checked: unknown keys and passwords are refused."""
    for path in candidate_paths():
        if path.is_file():
            return Config(path, _read(path))
    if os.environ.get("OM_GRAPH_CONFIG"):
        raise InputError(f"{os.environ['OM_GRAPH_CONFIG']}: no such configuration file (set by OM_GRAPH_CONFIG)")
    return Config(None, {})


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not TOML: {exc}") from None
    flat: dict[str, Any] = {}
    for key, value in doc.items():
        if isinstance(value, dict):
            flat.update({f"{key}.{inner}": v for inner, v in value.items()})
        else:
            flat[key] = value
    for key, value in flat.items():
        if key.endswith("password"):
            raise InputError(f"{path}: {key}: a password never goes in the file; set NEO4J_PASSWORD or use --password")
        if key not in SETTINGS:
            raise InputError(f"{path}: {key}: unknown setting; known: {', '.join(sorted(SETTINGS))}")
        if not isinstance(value, str):
            raise InputError(f"{path}: {key}: expected text, got {value!r}")
    if flat.get("lang", "en") not in ("en", "de"):
        raise InputError(f"{path}: lang: expected en or de, got {flat['lang']!r}")
    if "profile" in flat:
        flat["profile"] = str((path.parent / flat["profile"]).resolve())
    return flat


def default_map(command: Any, config: Config) -> dict[str, Any]:
    """Click's ``default_map`` for ``command`` and its subcommands from the file's settings.

    Click ranks the command line over the environment over the default map over the
    declared default, which is the precedence above; the environment variables are declared
    on the options themselves (:mod:`om_graph.cli.options`). Neo4j's settings are not given
    to click: ``--uri`` from a file must not switch a command to Neo4j
    (see :meth:`om_graph.cli.source.Source.settings`).
    """
    values = {SETTINGS[k].option: v for k, v in config.values.items() if not k.startswith("neo4j.")}
    subcommands = getattr(command, "commands", None)  # a group (typer's own click types)
    if subcommands is not None:
        return {name: default_map(sub, config) for name, sub in subcommands.items()}
    return {p.name: values[p.name] for p in command.params if p.name in values}
