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

import re
from typing import Any, Callable, TextIO

from om_graph.features.export.model import ExportGraph, edge_types, node_types

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


def _cells(key: str, attrs: dict[str, Any], *ends: str) -> tuple[str, list[tuple[str, str]], tuple[str, ...], bool]:
    """``key`` and ``ends`` escaped for attributes, the attributes as text, and whether those need escaping.

    One search over all of an item's ids, and one over all its values, instead of one per
    string: most need no escaping at all.
    """
    cells = [(k, scalar(v)) for k, v in attrs.items()]
    if _ATTRIBUTE_SPECIAL.search("".join([key, *ends])) is not None:
        key, ends = attribute(key), tuple(attribute(e) for e in ends)
    return key, cells, ends, _ANY_SPECIAL.search("".join([v for _, v in cells])) is not None


def _chunked(items: Any, render: Callable[..., str], out: TextIO) -> None:
    parts: list[str] = []
    for item in items:
        parts.append(render(*item))
        if len(parts) == CHUNK:
            out.write("".join(parts))
            parts.clear()
    out.write("".join(parts))


def write_graphml(graph: ExportGraph, out: TextIO) -> None:
    """GraphML with typed keys (``label`` first, Gephi's node label) and yEd's label extension."""
    out.write(DECLARATION)
    out.write(f'<graphml xmlns="{GRAPHML_NS}" xmlns:y="{YED_NS}">\n')
    node_keys = _graphml_keys(out, "node", node_types(), "n")
    edge_keys = _graphml_keys(out, "edge", edge_types(), "e")
    out.write('  <key for="node" id="yed_node" yfiles.type="nodegraphics" />\n')
    out.write('  <graph id="om-graph" edgedefault="directed">\n')

    def node(key: str, attrs: dict[str, Any]) -> str:
        key, cells, _, escape = _cells(key, attrs)
        label = text(attrs["label"]) if escape else attrs["label"]
        data = "".join(
            [f'      <data key="{node_keys[k]}">{text(v) if escape else v}</data>\n' for k, v in cells]
        )
        geometry = ""
        if "x" in attrs:
            geometry = f'          <y:Geometry x="{attrs["x"]}" y="{attrs["y"]}" width="30" height="30" />\n'
        return (
            f'    <node id="{key}">\n{data}      <data key="yed_node">\n        <y:ShapeNode>\n{geometry}'
            f"          <y:NodeLabel>{label}</y:NodeLabel>\n        </y:ShapeNode>\n      </data>\n    </node>\n"
        )

    def edge(key: str, source: str, target: str, attrs: dict[str, Any]) -> str:
        key, cells, (source, target), escape = _cells(key, attrs, source, target)
        data = "".join(
            [f'      <data key="{edge_keys[k]}">{text(v) if escape else v}</data>\n' for k, v in cells]
        )
        return f'    <edge id="{key}" source="{source}" target="{target}">\n{data}    </edge>\n'

    _chunked(graph.nodes(), node, out)
    _chunked(graph.edges(), edge, out)
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

    def values(cells: list[tuple[str, str]], ids: dict[str, str], escape: bool) -> str:
        rows = [f'          <attvalue for="{ids[k]}" value="{attribute(v) if escape else v}" />\n' for k, v in cells]
        return "        <attvalues>\n" + "".join(rows) + "        </attvalues>\n" if rows else ""

    def node(key: str, attrs: dict[str, Any]) -> str:
        key, cells, _, escape = _cells(key, attrs)
        label = cells[0][1]  # the label comes first (:meth:`ExportGraph.nodes`)
        position = ""
        if "x" in attrs:  # GEXF's y grows upwards, the map's southwards
            position = f'        <viz:position x="{attrs["x"]}" y="{-attrs["y"]}" z="0.0" />\n'
        return (
            f'      <node id="{key}" label="{attribute(label) if escape else label}">\n'
            f"{values(cells[1:], node_ids, escape)}{position}      </node>\n"
        )

    def edge(key: str, source: str, target: str, attrs: dict[str, Any]) -> str:
        key, cells, (source, target), escape = _cells(key, attrs, source, target)
        kind = cells[0][1]  # the type comes first (:meth:`ExportGraph.edges`)
        return (
            f'      <edge id="{key}" source="{source}" target="{target}" label="{attribute(kind) if escape else kind}">\n'
            f"{values(cells, edge_ids, escape)}      </edge>\n"
        )

    out.write("    <nodes>\n")
    _chunked(graph.nodes(), node, out)
    out.write("    </nodes>\n    <edges>\n")
    _chunked(graph.edges(), edge, out)
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
