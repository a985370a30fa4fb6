"""Kumu's JSON blueprint written as a stream: one element or connection a line.

``{"connections": [...], "elements": [...]}``: elements carry ``id``, ``label``, ``type`` and
their fields, connections ``id``, ``from``, ``to``, ``type``, ``direction`` and their fields.
Each object is one line with sorted keys, so the file is a valid JSON document that also
diffs line by line; nothing but the current object is held in memory.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from om_graph.features.export.model import UNDIRECTED, ExportGraph
from om_graph.features.export.xml import CHUNK

_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
#: Names of a connection that Kumu reads itself: a relationship property of that name is left out.
_CONNECTION_OWN = ("id", "from", "to", "direction")


def write_kumu(graph: ExportGraph, out: TextIO) -> None:
    """The blueprint of ``graph`` to ``out``."""
    out.write('{\n  "connections": [')
    _items(
        (
            {
                **{k: v for k, v in attrs.items() if k not in _CONNECTION_OWN},
                "id": key,
                "from": source,
                "to": target,
                "direction": "undirected" if attrs["type"] in UNDIRECTED else "directed",
            }
            for key, source, target, attrs in graph.edges()
        ),
        out,
    )
    out.write('],\n  "elements": [')
    _items(({**attrs, "id": key} for key, attrs in graph.nodes()), out)
    out.write("]\n}\n")


def _items(items: Any, out: TextIO) -> None:
    parts: list[str] = []
    first = True
    for item in items:
        parts.append(("\n    " if first else ",\n    ") + _encode(item))
        first = False
        if len(parts) == CHUNK:
            out.write("".join(parts))
            parts.clear()
    out.write("".join(parts) + ("" if first else "\n  "))
