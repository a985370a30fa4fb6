"""GraphML and GEXF written as a stream: one node or edge at a time, every name escaped.

The keys (GraphML) or attributes (GEXF) are declared first, from the model's types
(:func:`~om_graph.features.export.model.node_types`), then the nodes and edges follow as the
graph yields them, so memory does not grow with the document. The layout is the one
ElementTree's ``indent`` gives (two spaces a level), so a file reads and diffs well.

Text goes through :func:`text` and attribute values through :func:`attribute`: ``&``, ``<``,
in text ``>``, in attributes ``"`` and the whitespace a parser would fold become references, and
characters XML 1.0 cannot hold at all (most control characters) become U+FFFD, so a name can
never break the document or add markup to it.

>>> attribute('Netz "Nord" & <Süd>\\n'), text("a < b & c\\x01")
('Netz &quot;Nord&quot; &amp; &lt;Süd>&#10;', 'a &lt; b &amp; c\ufffd')
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import islice
from typing import Any, Callable, Iterable, TextIO

from om_graph.features.export.model import Attrs, ExportGraph, NodeGroup, edge_types, node_types, plain_value
from om_graph.features.export.spool import spooled

GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"
#: Nodes or edges written per call of the file's ``write``.
CHUNK = 2_000

_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
#: Characters XML 1.0 does not allow in a document (and lone surrogates, which UTF-8 cannot hold).
_NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
_TEXT_SPECIAL = re.compile(f"[&<>\r{_NOT_XML}]")
#: ``>`` needs no reference in an attribute value (edge ids hold ``->``); tab and line breaks do, or a parser folds them.
_ATTRIBUTE_SPECIAL = re.compile(f'[&<"\r\n\t{_NOT_XML}]')
#: What either of the two escapes, to tell at once that a node's values need neither.
_ANY_SPECIAL = re.compile(f'[&<>"\r\n\t{_NOT_XML}]')
#: The ASCII characters either escape touches (the control characters with them): a chunk of
#: ASCII text holding no more of them than its templates needs no escaping.
_ESCAPED_BYTES = bytes(range(32)) + b'&<>"'
_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _replace(match: re.Match[str]) -> str:
    return _REFERENCES.get(match[0], "\ufffd")


def text(value: str) -> str:
    """``value`` as element text."""
    return value if _TEXT_SPECIAL.search(value) is None else _TEXT_SPECIAL.sub(_replace, value)


def attribute(value: str) -> str:
    """``value`` inside a double-quoted attribute."""
    return value if _ATTRIBUTE_SPECIAL.search(value) is None else _ATTRIBUTE_SPECIAL.sub(_replace, value)


def scalar(value: Any) -> str:
    """A value as XML text, unescaped: booleans as ``true``/``false``, lists joined with ``"; "``."""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


def _text_of(value: Any) -> str:
    """:func:`scalar` of the value as an export holds it (:func:`~.model.plain_value`), the common types first."""
    kind = type(value)
    if kind is str:
        return value
    if kind is bool:
        return "true" if value else "false"
    if kind is int or kind is float:
        return str(value)
    if kind is dt.date:
        return value.isoformat()
    return scalar(plain_value(value))


def _same(value: str) -> str:
    return value


@dataclass(frozen=True)
class _Layout:
    """Where an XML format puts nodes, edges and their values (``cell`` + value + ``cell_end``).

    Values are escaped by ``cell_escape`` (:func:`attribute` in GEXF's ``value="..."``,
    :func:`text` in GraphML's ``<data>``), ids always by :func:`attribute`.
    """

    node_cell: dict[str, str]
    edge_cell: dict[str, str]
    cell_end: str
    cell_escape: Callable[[str], str]
    #: Is the label one of a node's cells (GraphML) or only its ``label="..."`` (GEXF)?
    label_cell: bool
    #: (key, label, cells, attributes of an annotated node, escape) -> the node
    node: Callable[[str, str, str, "Attrs | None", Callable[[str], str]], str]
    edge_open: str
    #: relationship type -> what follows the edge's target, up to its cells
    edge_after: Callable[[str], str]
    edge_close: str


def _write_body(graph: ExportGraph, layout: _Layout, out: TextIO, between: str) -> None:
    """The nodes, ``between``, then the edges.

    While the networks' audit is computed elsewhere (:mod:`.pending`), the nodes before the networks
    are written, then what follows the networks to a spool, then the networks (waiting for their
    audit only now) and the spool copied after them: the same bytes, the audit done meanwhile.
    """
    waiting = graph.waiting()
    groups = list(graph.node_groups())
    held = [group for group in groups if group.label == waiting]
    if not held:
        _write_nodes(graph, groups, layout, out)
        out.write(between)
        _write_edges(graph, layout, out)
        return
    cut = groups.index(held[0])
    _write_nodes(graph, groups[:cut], layout, out)
    with spooled(out) as tail:
        _write_nodes(graph, groups[cut + 1:], layout, tail)
        tail.write(between)
        _write_edges(graph, layout, tail)
        _write_nodes(graph, held, layout, out)


def _write_nodes(graph: ExportGraph, groups: Iterable[NodeGroup], layout: _Layout, out: TextIO) -> None:
    """The nodes of ``groups``, label by label, a chunk written at a time; whether a node needs escaping is one search."""
    cell, end, escape, render = layout.node_cell, layout.cell_end, layout.cell_escape, layout.node
    first = 0 if layout.label_cell else 1
    label_cell = cell["label"] if layout.label_cell else None
    parts: list[str] = []
    for group in groups:
        label = group.label
        prefix = f"{attribute(label)}:"
        fields = [(name, cell[attr]) for name, attr in group.fields]
        known = f"{cell['type']}{layout.cell_escape(label)}{end}{cell['om_id']}"
        annotated = graph.annotated_ids(label)
        for props in group.records:
            if len(parts) >= CHUNK:
                out.write("".join(parts))
                parts.clear()
            oid = props["id"]
            if oid not in annotated:
                shown = str(props.get("name") or props.get("title") or oid)
                values = [shown, oid]
                cells = [f"{label_cell}{shown}{end}{known}{oid}{end}" if label_cell else f"{known}{oid}{end}"]
                for name, pre in fields:
                    v = props.get(name)
                    if v is not None:
                        kind = type(v)
                        if kind is not str:
                            v = v.isoformat() if kind is dt.date else ("true" if v else "false") if kind is bool else _text_of(v)
                        values.append(v)
                        cells.append(f"{pre}{v}{end}")
                if _ANY_SPECIAL.search("".join(values)) is None:
                    parts.append(render(prefix + oid, shown, "".join(cells), None, _same))
                    continue
            attrs = graph.node_attrs(group, props)
            names = list(attrs)
            values = [_text_of(v) for v in attrs.values()]
            if _ANY_SPECIAL.search("".join(values)) is None:
                cells = "".join([f"{cell[k]}{v}{end}" for k, v in zip(names[first:], values[first:])])
                parts.append(render(prefix + oid, values[0], cells, attrs, _same))
            else:
                cells = "".join([f"{cell[k]}{escape(v)}{end}" for k, v in zip(names[first:], values[first:])])
                parts.append(render(prefix + attribute(oid), values[0], cells, attrs, escape))
    out.write("".join(parts))


def _write_edges(graph: ExportGraph, layout: _Layout, out: TextIO) -> None:
    """Every edge, pattern by pattern from one template, a chunk written at a time.

    A chunk is first rendered unescaped. It is written so when its values hold nothing to escape:
    then it is ASCII (or UTF-8 is checked the slow way) and holds no ``&``, tab, carriage return
    or other control character and exactly as many ``<``, ``>``, ``"`` and line feeds as its
    templates (one pass over its bytes counts them all). Any other chunk is rendered again with
    every id and value escaped.
    """
    cell, end = layout.edge_cell, layout.cell_end
    for group in graph.edge_groups():
        start_label, end_label = attribute(group.start_label), attribute(group.end_label)
        template = _EdgeTemplate(
            head=f"{layout.edge_open}{attribute(group.type)}:{start_label}:",
            between=f"->{end_label}:",
            source=f'" source="{start_label}:',
            target=f'" target="{end_label}:',
            after=layout.edge_after(group.type),
            close=layout.edge_close,
            fields=[(name, cell[attr]) for name, attr in group.fields],
            end=end,
            suffix=group.suffix if group.merge_keys else None,
        )
        per_edge = _markup(template.head + template.between + template.source + template.target + template.after
                           + template.close)
        per_cell = {_markup(pre + end) for _, pre in template.fields} or {0}
        uniform = len(per_cell) == 1
        per_cell_count = max(per_cell)
        rels = group.rels()
        while batch := list(islice(rels, CHUNK)):
            chunk, cells = template.fast(batch)
            if not (uniform and chunk.isascii() and _markup(chunk) == per_edge * len(batch) + per_cell_count * cells):
                chunk = template.escaped(batch, attribute, layout.cell_escape)
            out.write(chunk)


def _markup(template: str) -> int:
    """How many characters of ``template`` are ones a value may need escaped (ASCII text only).

    One pass: the length lost when they are deleted from its bytes.
    """
    data = template.encode("ascii", "replace")
    return len(data) - len(data.translate(None, _ESCAPED_BYTES))


@dataclass(frozen=True)
class _EdgeTemplate:
    """The edges of one pattern: ``head`` key ``source`` start ``target`` end ``after`` cells ``close``."""

    head: str
    between: str
    source: str
    target: str
    after: str
    close: str
    fields: list[tuple[str, str]]
    end: str
    suffix: Callable[[Attrs], str] | None

    def fast(self, batch: list[tuple[str, str, Attrs]]) -> tuple[str, int]:
        """A chunk of edges, nothing escaped; and how many cells it holds."""
        head, between, source, target, after, close, end = (
            self.head, self.between, self.source, self.target, self.after, self.close, self.end)
        fields, suffix = self.fields, self.suffix
        if not fields and not suffix:
            tail = after + close
            return "".join([f"{head}{s}{between}{e}{source}{s}{target}{e}{tail}" for s, e, _ in batch]), 0
        parts = []
        count = 0
        for s, e, props in batch:
            key = f"{s}{between}{e}{suffix(props)}" if suffix else f"{s}{between}{e}"
            cells = ""
            if props:
                for name, pre in fields:
                    v = props.get(name)
                    if v is not None:
                        kind = type(v)
                        if kind is not str:
                            v = v.isoformat() if kind is dt.date else ("true" if v else "false") if kind is bool else _text_of(v)
                        cells += f"{pre}{v}{end}"
                        count += 1
            parts.append(f"{head}{key}{source}{s}{target}{e}{after}{cells}{close}")
        return "".join(parts), count

    def escaped(self, batch: list[tuple[str, str, Attrs]], ids: Callable[[str], str], values: Callable[[str], str]) -> str:
        """A chunk of edges, ids passed through ``ids`` and values through ``values``."""
        parts = []
        for start, finish, props in batch:
            s, e = ids(start), ids(finish)
            key = f"{s}{self.between}{e}{ids(self.suffix(props)) if self.suffix else ''}"
            cells = ""
            if props:
                cells = "".join([f"{pre}{values(_text_of(v))}{self.end}"
                                 for name, pre in self.fields if (v := props.get(name)) is not None])
            parts.append(f"{self.head}{key}{self.source}{s}{self.target}{e}{self.after}{cells}{self.close}")
        return "".join(parts)


def write_graphml(graph: ExportGraph, out: TextIO) -> None:
    """GraphML with typed keys (``label`` first, Gephi's node label) and yEd's label extension."""
    out.write(DECLARATION)
    out.write(f'<graphml xmlns="{GRAPHML_NS}" xmlns:y="{YED_NS}">\n')
    node_keys = _graphml_keys(out, "node", node_types(), "n")
    edge_keys = _graphml_keys(out, "edge", edge_types(), "e")
    out.write('  <key for="node" id="yed_node" yfiles.type="nodegraphics" />\n')
    out.write('  <graph id="om-graph" edgedefault="directed">\n')

    def node(key: str, label: str, cells: str, attrs: Attrs | None, escape: Callable[[str], str]) -> str:
        geometry = ""
        if attrs is not None and "x" in attrs:
            geometry = f'          <y:Geometry x="{attrs["x"]}" y="{attrs["y"]}" width="30" height="30" />\n'
        return (
            f'    <node id="{key}">\n{cells}      <data key="yed_node">\n        <y:ShapeNode>\n{geometry}'
            f"          <y:NodeLabel>{escape(label)}</y:NodeLabel>\n        </y:ShapeNode>\n      </data>\n    </node>\n"
        )

    layout = _Layout(
        node_cell={k: f'      <data key="{v}">' for k, v in node_keys.items()},
        edge_cell={k: f'      <data key="{v}">' for k, v in edge_keys.items()},
        cell_end="</data>\n",
        cell_escape=text,
        label_cell=True,
        node=node,
        edge_open='    <edge id="',
        edge_after=lambda rtype: f'">\n      <data key="{edge_keys["type"]}">{text(rtype)}</data>\n',
        edge_close="    </edge>\n",
    )
    _write_body(graph, layout, out, "")
    out.write("  </graph>\n</graphml>\n")


def _graphml_keys(out: TextIO, kind: str, types: dict[str, type], prefix: str) -> dict[str, str]:
    """Declare one key per attribute (``label`` first); their ids by attribute name."""
    ids = {}
    for i, name in enumerate(sorted(types, key=lambda name: (name != "label", name))):
        ids[name] = f"{prefix}{i}"
        out.write(
            f'  <key id="{ids[name]}" for="{kind}" attr.name="{attribute(name)}" attr.type="{_TYPES[types[name]]}" />\n'
        )
    return ids


def write_gexf(graph: ExportGraph, out: TextIO) -> None:
    """GEXF 1.2 with each node's ``label`` and ``viz:position`` (networkx's writer would take ``label`` and ``type`` for its own)."""
    out.write(DECLARATION)
    out.write(f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.2">\n')
    out.write('  <graph defaultedgetype="directed" mode="static">\n')
    node_ids = _gexf_attributes(out, "node", {k: v for k, v in node_types().items() if k != "label"})
    edge_ids = _gexf_attributes(out, "edge", edge_types())

    def node(key: str, label: str, cells: str, attrs: Attrs | None, escape: Callable[[str], str]) -> str:
        position = ""
        if attrs is not None and "x" in attrs:  # GEXF's y grows upwards, the map's southwards
            position = f'        <viz:position x="{attrs["x"]}" y="{-attrs["y"]}" z="0.0" />\n'
        # a node always has cells (its type and om_id)
        return (
            f'      <node id="{key}" label="{escape(label)}">\n        <attvalues>\n{cells}'
            f"        </attvalues>\n{position}      </node>\n"
        )

    layout = _Layout(
        node_cell={k: f'          <attvalue for="{v}" value="' for k, v in node_ids.items()},
        edge_cell={k: f'          <attvalue for="{v}" value="' for k, v in edge_ids.items()},
        cell_end='" />\n',
        cell_escape=attribute,
        label_cell=False,
        node=node,
        edge_open='      <edge id="',
        edge_after=lambda rtype: (f'" label="{attribute(rtype)}">\n        <attvalues>\n'
                                  f'          <attvalue for="{edge_ids["type"]}" value="{attribute(rtype)}" />\n'),
        edge_close="        </attvalues>\n      </edge>\n",
    )
    out.write("    <nodes>\n")
    _write_body(graph, layout, out, "    </nodes>\n    <edges>\n")
    out.write("    </edges>\n  </graph>\n</gexf>\n")


def _gexf_attributes(out: TextIO, kind: str, types: dict[str, type]) -> dict[str, str]:
    """Declare one attribute per name, numbered in name order; their ids by name."""
    out.write(f'    <attributes class="{kind}">\n')
    ids = {}
    for i, name in enumerate(sorted(types)):
        ids[name] = str(i)
        out.write(f'      <attribute id="{i}" title="{attribute(name)}" type="{_TYPES[types[name]]}" />\n')
    out.write("    </attributes>\n")
    return ids
