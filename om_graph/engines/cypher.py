"""Cypher kept as files (every query, the schema), read from the installed package.

A wheel carries the repository's ``cypher/`` folder as ``om_graph/cypher`` (see
pyproject.toml); an editable checkout reads the folder itself.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from om_graph.errors import UsageError

PARAM_LINE = re.compile(r"^//\s*:param\s+(\w+)\s*=>\s*(.+?);?\s*$")


@cache
def cypher_root() -> Traversable:
    packaged = files("om_graph") / "cypher"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "cypher"


def read_query(relative: str) -> str:
    """The text of ``cypher/<relative>``."""
    node = cypher_root()
    for part in relative.split("/"):
        node = node / part
    if not node.is_file():
        raise UsageError(f"no query file cypher/{relative}")
    return node.read_text(encoding="utf-8")


def header_params(query: str) -> dict[str, str]:
    """The ``// :param name => expression`` lines of a query's header, as Cypher expressions.

    >>> header_params("// :param asOf => date('2025-06-30');\\nMATCH (n) RETURN n")
    {'asOf': "date('2025-06-30')"}
    """
    params = {}
    for line in query.splitlines():
        if match := PARAM_LINE.match(line.strip()):
            params[match.group(1)] = match.group(2)
    return params


def camel(name: str) -> str:
    """Profile parameter names are snake_case; Cypher parameters are camelCase.

    >>> camel("min_partners")
    'minPartners'
    """
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def statements(script: str) -> list[str]:
    """Split a schema script into statements (``;`` at line ends), dropping comments."""
    body = "\n".join(line for line in script.splitlines() if not line.strip().startswith("//"))
    return [s.strip() for s in body.split(";") if s.strip()]
