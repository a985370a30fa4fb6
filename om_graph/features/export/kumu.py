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

from om_graph.features.export.model import UNDIRECTED, Attrs, EdgeGroup, ExportGraph, NodeGroup, plain_value
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
        elements = _Elements(graph, group)
        records = iter(group.records)
        while batch := list(islice(records, CHUNK)):
            first = _write(elements.render(batch), first, out)
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
        if not fields and not suffix:  # most patterns: one template, filled with the two ids
            return [f'{{{direction}, {source}{s}", {key}{s}{arrow}{e}", {target}{e}", {kind}}}' for s, e, _ in batch], quotes
        items = []
        for s, e, props in batch:
            cells = []
            if props:
                for name, prefix in fields:
                    v = props.get(name)
                    if v is None:
                        continue
                    cell = _plain_cell(prefix, v)
                    if cell is None:
                        return items, None
                    cells.append(cell[0])
                    quotes += cell[1]
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


class _Elements:
    """The elements of one label as JSON objects with sorted keys.

    An element the audit and the map add nothing to is filled into its label's keys (sorted once),
    unescaped; a chunk is kept so when it holds exactly the quotes of its keys and values and no
    backslash or control character (no value needs escaping), else every element is encoded as a dict.
    """

    def __init__(self, graph: ExportGraph, group: NodeGroup) -> None:
        self.graph, self.group = graph, group
        self.annotated = graph.annotated_ids(group.label)
        fixed = ("id", "label", "om_id", "type")
        keys = sorted([(attr, name, -1) for name, attr in group.fields] + [(key, "", i) for i, key in enumerate(fixed)])
        #: (``"key": ``, property, index of a fixed key or -1) in the order of the keys
        self.slots = [(f"{_encode(attr)}: ", name, index) for attr, name, index in keys]
        self.label = _encode(group.label)[1:-1]

    def render(self, batch: list[Attrs]) -> list[str]:
        """A chunk of elements, each encoded."""
        items, quotes = self._fast(batch)
        if quotes is not None and _special(items) == quotes:
            return items
        return [self._encoded(props) for props in batch]

    def _encoded(self, props: Attrs) -> str:
        return _encode({**self.graph.node_attrs(self.group, props), "id": f"{self.group.label}:{props['id']}"})

    def _fast(self, batch: list[Attrs]) -> tuple[list[str], int | None]:
        """The chunk, elements without annotations from the template and unescaped, and how many quotes, backslashes
        and control characters it holds if no value adds any (None when a value is not text, a date, a boolean or an
        integer)."""
        label, slots, annotated = self.label, self.slots, self.annotated
        kind_text = f'"{label}"'
        items = []
        quotes = 0
        for props in batch:
            oid = props["id"]
            if oid in annotated or type(oid) is not str:
                item = self._encoded(props)
                quotes += _special([item])
                items.append(item)
                continue
            fixed = (f'"{label}:{oid}"', f'"{props.get("name") or props.get("title") or oid}"', f'"{oid}"', kind_text)
            cells = []
            quotes += 16
            for prefix, name, index in slots:
                if index >= 0:
                    cells.append(prefix + fixed[index])
                    continue
                v = props.get(name)
                if v is None:
                    continue
                cell = _plain_cell(prefix, v)
                if cell is None:
                    return items, None
                cells.append(cell[0])
                quotes += cell[1]
            items.append("{" + ", ".join(cells) + "}")
        return items, quotes


def _special(items: list[str]) -> int:
    """How many quotes, backslashes and control characters ``items`` hold (what JSON may escape), in one pass."""
    data = "".join(items).encode("ascii", "replace")
    return len(data) - len(data.translate(None, _JSON_SPECIAL))


def _plain_cell(prefix: str, value: Any) -> tuple[str, int] | None:
    """``prefix`` and ``value`` as JSON, with the quote characters the escaping check counts; None for a value other
    than text, a date, a boolean or an integer (its item is then encoded in full)."""
    kind = type(value)
    if kind is str:
        return f'{prefix}"{value}"', 4
    if kind is dt.date:
        return f'{prefix}"{value.isoformat()}"', 4
    if kind is bool:
        return prefix + ("true" if value else "false"), 2
    if kind is int:
        return f"{prefix}{value}", 2
    return None
