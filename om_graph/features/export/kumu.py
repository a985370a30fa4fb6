"""Kumu's JSON blueprint written as a stream: one element or connection a line.

``{"connections": [...], "elements": [...]}``: elements carry ``id``, ``label``, ``type`` and
their fields, connections ``id``, ``from``, ``to``, ``type``, ``direction`` and their fields.
Each object is one line with sorted keys, so the file is a valid JSON document that also
diffs line by line; nothing but the current chunk of objects is held in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect
from itertools import islice
from operator import itemgetter
from typing import Any, Iterator, TextIO

from om_graph.features.export.model import UNDIRECTED, Attrs, EdgeGroup, ExportGraph, plain_value
from om_graph.features.export.xml import CHUNK

_encoder = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
#: One C encoder for every object, made as ``_encoder.encode`` makes one on each call (without its
#: check for circular references: an export's objects are flat).
_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_c_encode = _make_encoder and _make_encoder(
    None, _encoder.default, json.encoder.encode_basestring, None, ": ", ", ", True, False, True
)
#: Names of a connection that Kumu reads itself: a relationship property of that name is left out.
_CONNECTION_OWN = ("id", "from", "to", "direction")
#: The keys every connection holds, sorted: a property's key sorts into one of the slots around them.
_FIXED = ("direction", "from", "id", "to", "type")
#: What JSON escapes in a string, as bytes (any other character is written as it is).
_JSON_SPECIAL = bytes(range(32)) + b'"\\'


def _encode(item: dict[str, Any]) -> str:
    return "".join(_c_encode(item, 0)) if _c_encode else _encoder.encode(item)


def write_kumu(graph: ExportGraph, out: TextIO) -> None:
    """The blueprint of ``graph`` to ``out``."""
    out.write('{\n  "connections": [')
    first = True
    for group in graph.edge_groups():
        template = _Connections(group)
        rels = group.rels()
        while batch := list(islice(rels, CHUNK)):
            first = _write(template.render(batch), first, out)
    out.write(("" if first else "\n  ") + '],\n  "elements": [')
    first = True
    for group in graph.node_groups():
        records = iter(group.records)
        while batch := list(islice(records, CHUNK)):
            items = [_encode({**graph.node_attrs(group, props), "id": f"{group.label}:{props['id']}"}) for props in batch]
            first = _write(items, first, out)
    out.write(("" if first else "\n  ") + "]\n}\n")


def _write(items: list[str], first: bool, out: TextIO) -> bool:
    """Objects one a line after those already written (unless ``first``); whether still none is written."""
    if items:
        out.write(("\n    " if first else ",\n    ") + ",\n    ".join(items))
    return first and not items


class _Connections:
    """The connections of one pattern (:class:`~.model.EdgeGroup`) as JSON objects with sorted keys.

    Kumu's own keys (``direction``, ``from``, ``id``, ``to``) and ``type`` are in every object;
    when the properties' keys all sort between the same two of them, each object is one template
    filled with its ids and properties, unescaped. A chunk is kept so when it holds no control
    character or backslash and exactly the quotes of its templates (no value needs escaping);
    otherwise, and for other patterns, each object is encoded as a dict.
    """

    def __init__(self, group: EdgeGroup) -> None:
        self.group = group
        self.direction = "undirected" if group.type in UNDIRECTED else "directed"
        self.fields = [(name, attr) for name, attr in group.fields if attr not in _CONNECTION_OWN]
        self.prefixes = (f"{group.start_label}:", f"{group.end_label}:", f"{group.type}:{group.start_label}:")
        slots = {bisect(_FIXED, attr) for _, attr in self.fields}
        #: where the properties go among the fixed keys, None when they do not all go to the same place
        self.slot = slots.pop() if len(slots) == 1 else (0 if not slots else None)
        start, end, rtype = (_encode(x)[1:-1] for x in (group.start_label, group.end_label, group.type))
        self.texts = (f'"direction": "{self.direction}"', f'"from": "{start}:', f'"id": "{rtype}:{start}:', f"->{end}:",
                      f'"to": "{end}:', f'"type": {_encode(group.type)}')
        direction, source, key, arrow, target, kind = self.texts
        self.per_item = _special(["{" + ", ".join([direction, f'{source}"', f'{key}{arrow}"', f'{target}"', kind]) + "}"])

    def render(self, batch: list[tuple[str, str, Attrs]]) -> list[str]:
        """A chunk of connections, each encoded."""
        if self.slot is not None:
            items, quotes = self._fast(batch)
            if quotes is not None and _special(items) == quotes:
                return items
        return [_encode(item) for item in self._dicts(batch)]

    def _fast(self, batch: list[tuple[str, str, Attrs]]) -> tuple[list[str], int | None]:
        """The chunk from the template, nothing escaped, and how many quotes, backslashes and control characters
        it holds if no value adds any (None when a value is not text, a date, a boolean or an integer)."""
        direction, source, key, arrow, target, kind = self.texts
        suffix = self.group.suffix if self.group.merge_keys else None
        slot = self.slot
        fields = [(name, f"{_encode(attr)}: ") for name, attr in sorted(self.fields, key=itemgetter(1))]
        quotes = self.per_item * len(batch)
        items = []
        for s, e, props in batch:
            cells = []
            if props:
                for name, prefix in fields:
                    v = props.get(name)
                    if v is None:
                        continue
                    kind_of = type(v)
                    if kind_of is str:
                        cells.append(f'{prefix}"{v}"')
                        quotes += 4
                    elif kind_of is dt.date:
                        cells.append(f'{prefix}"{v.isoformat()}"')
                        quotes += 4
                    elif kind_of is bool:
                        cells.append(f"{prefix}{'true' if v else 'false'}")
                        quotes += 2
                    elif kind_of is int:
                        cells.append(f"{prefix}{v}")
                        quotes += 2
                    else:
                        return items, None
            parts = [direction, f'{source}{s}"', f'{key}{s}{arrow}{e}{suffix(props) if suffix else ""}"', f'{target}{e}"', kind]
            if cells:
                parts[slot:slot] = cells
            items.append("{" + ", ".join(parts) + "}")
        return items, quotes

    def _dicts(self, batch: list[tuple[str, str, Attrs]]) -> Iterator[dict[str, Any]]:
        group = self.group
        source_of, target_of, key_of = self.prefixes
        suffix = group.suffix if group.merge_keys else None
        for start, end, props in batch:
            key = f"{key_of}{start}->{target_of}{end}{suffix(props) if suffix else ''}"
            item = {"type": group.type}
            if props:
                for name, attr in self.fields:
                    v = props.get(name)
                    if v is not None:
                        item[attr] = v if type(v) is str else plain_value(v)
            item["id"], item["from"], item["to"], item["direction"] = key, source_of + start, target_of + end, self.direction
            yield item


def _special(items: list[str]) -> int:
    """How many quotes, backslashes and control characters ``items`` hold (what JSON may escape), in one pass."""
    data = "".join(items).encode("ascii", "replace")
    return len(data) - len(data.translate(None, _JSON_SPECIAL))
