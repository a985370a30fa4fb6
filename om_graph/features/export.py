"""The whole property graph as GraphML, GEXF or Kumu-style JSON, for Gephi, yEd, Cytoscape or Kumu.

Nodes and relationships are exactly the graph model's rows (:func:`om_graph.dataset.graph.graph_rows`):
a node's key is ``Label:id`` (unique across labels) and it carries ``label`` (its graph
label), ``id`` and every property; a relationship carries ``type`` and its properties.
GraphML and GEXF hold scalars only: dates become ISO strings, lists are joined with ``"; "``,
and blank values are left out (as in the graph). With ``redact_persons`` every Person's id, name
and e-mail are replaced by the pseudonyms of :mod:`om_graph.privacy`, in nodes and relationships.

>>> from om_graph.dataset.model import Dataset, Network
>>> data = export_graph(Dataset(networks=[Network(id="n1", name="OM Net", kind="regional")]), "json")
>>> json.loads(data)["elements"][0]["_id"]
'Network:n1'
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from enum import Enum
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx

from om_graph.errors import UsageError
from om_graph.dataset.graph import graph_rows
from om_graph.dataset.model import Dataset
from om_graph.privacy import pseudonymous_id, redact_person

FORMATS = ("graphml", "gexf", "json")
#: Relationships stored in one direction that mean the same both ways.
UNDIRECTED = frozenset({"BORDERS", "COOPERATES_WITH"})
GEXF_NS = "http://www.gexf.net/1.2draft"


@dataclass(frozen=True)
class ExportNode:
    key: str
    attrs: dict[str, Any]


@dataclass(frozen=True)
class ExportEdge:
    key: str
    source: str
    target: str
    attrs: dict[str, Any]


def export_graph(dataset: Dataset, fmt: str, redact_persons: bool = False) -> bytes:
    """The dataset's property graph in ``fmt`` (graphml, gexf or json), as bytes ready to write."""
    if fmt not in FORMATS:
        raise UsageError(f"--format: choose one of {', '.join(FORMATS)}")
    nodes, edges = export_rows(dataset, redact_persons)
    if fmt == "json":
        return _kumu_json(nodes, edges).encode("utf-8")
    nodes, edges = _scalar_only(nodes, edges)
    return _graphml(nodes, edges) if fmt == "graphml" else _gexf(nodes, edges)


def export_rows(dataset: Dataset, redact_persons: bool = False) -> tuple[list[ExportNode], list[ExportEdge]]:
    """Nodes and edges of the graph model with their keys, sorted by key."""
    rows = graph_rows(dataset)
    person = pseudonymous_id if redact_persons else (lambda person_id: person_id)
    nodes = []
    for label, records in rows.nodes.items():
        for props in records:
            if redact_persons and label == "Person":
                props = redact_person(props)
            nodes.append(ExportNode(f"{label}:{props['id']}", {"label": label, **_plain(props)}))
    edges: list[ExportEdge] = []
    seen: set[str] = set()
    for spec, rels in rows.rels.items():
        for start, end, props in rels:
            if spec.start_label == "Person":
                start = person(start)
            if spec.end_label == "Person":
                end = person(end)
            source, target = f"{spec.start_label}:{start}", f"{spec.end_label}:{end}"
            key = f"{spec.type}:{source}->{target}"
            for name in spec.merge_keys:
                key += f":{_plain_value(props.get(name))}"
            base, n = key, 1
            while key in seen:  # the same pair drawn twice (e.g. HELD as host and as partner network)
                n += 1
                key = f"{base}#{n}"
            seen.add(key)
            edges.append(ExportEdge(key, source, target, {"type": spec.type, **_plain(props)}))
    return sorted(nodes, key=lambda x: x.key), sorted(edges, key=lambda x: x.key)


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain_value(v) for k, v in sorted(props.items()) if v is not None}


def _plain_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(_plain_value(v) for v in value)
    return value


def _scalar_only(nodes: list[ExportNode], edges: list[ExportEdge]) -> tuple[list[ExportNode], list[ExportEdge]]:
    """Lists joined; an attribute with values of several types becomes text everywhere, so it has one declared type."""

    def flatten(items):
        joined = [{k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in item.attrs.items()} for item in items]
        kinds: dict[str, set[type]] = {}
        for attrs in joined:
            for k, v in attrs.items():
                kinds.setdefault(k, set()).add(type(v))
        mixed = {k for k, t in kinds.items() if len(t) > 1}
        return [{k: str(v) if k in mixed else v for k, v in attrs.items()} for attrs in joined]

    node_attrs, edge_attrs = flatten(nodes), flatten(edges)
    return (
        [ExportNode(n.key, a) for n, a in zip(nodes, node_attrs)],
        [ExportEdge(e.key, e.source, e.target, a) for e, a in zip(edges, edge_attrs)],
    )


def _graphml(nodes: list[ExportNode], edges: list[ExportEdge]) -> bytes:
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node.key, **node.attrs)
    for edge in edges:
        graph.add_edge(edge.source, edge.target, key=edge.key, **edge.attrs)
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue()


_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _gexf(nodes: list[ExportNode], edges: list[ExportEdge]) -> bytes:
    """GEXF 1.2 written directly: networkx's writer would take the ``id``, ``label`` and ``type`` properties for its own."""
    ET.register_namespace("", GEXF_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", version="1.2")
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="directed", mode="static")
    node_ids = _declare(graph, "node", [n.attrs for n in nodes])
    edge_ids = _declare(graph, "edge", [e.attrs for e in edges])
    node_list = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for node in nodes:
        element = ET.SubElement(node_list, f"{{{GEXF_NS}}}node", id=node.key, label=_shown(node))
        _values(element, node.attrs, node_ids)
    edge_list = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for edge in edges:
        element = ET.SubElement(
            edge_list, f"{{{GEXF_NS}}}edge", id=edge.key, source=edge.source, target=edge.target, label=edge.attrs["type"]
        )
        _values(element, edge.attrs, edge_ids)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _shown(node: ExportNode) -> str:
    """What a viewer shows on the node: its name, else its title (activities), else its id."""
    return str(node.attrs.get("name", node.attrs.get("title", node.attrs["id"])))


def _declare(graph: ET.Element, kind: str, all_attrs: list[dict[str, Any]]) -> dict[str, str]:
    types: dict[str, type] = {}
    for attrs in all_attrs:
        for k, v in attrs.items():
            types.setdefault(k, type(v))
    block = ET.SubElement(graph, f"{{{GEXF_NS}}}attributes", {"class": kind})
    ids = {}
    for i, name in enumerate(sorted(types)):
        ids[name] = str(i)
        ET.SubElement(block, f"{{{GEXF_NS}}}attribute", id=str(i), title=name, type=_GEXF_TYPES[types[name]])
    return ids


def _values(element: ET.Element, attrs: dict[str, Any], ids: dict[str, str]) -> None:
    values = ET.SubElement(element, f"{{{GEXF_NS}}}attvalues")
    for k, v in attrs.items():
        text = str(v).lower() if isinstance(v, bool) else str(v)
        ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": ids[k], "value": text})


def _kumu_json(nodes: list[ExportNode], edges: list[ExportEdge]) -> str:
    """Kumu's blueprint shape: ``elements`` and ``connections``, linked by ``_id`` through ``from``/``to``."""
    elements = [
        {
            "_id": n.key,
            "label": _shown(n),
            "type": n.attrs["label"],
            "attributes": n.attrs,
        }
        for n in nodes
    ]
    connections = [
        {
            "_id": e.key,
            "from": e.source,
            "to": e.target,
            "type": e.attrs["type"],
            "direction": "undirected" if e.attrs["type"] in UNDIRECTED else "directed",
            "attributes": e.attrs,
        }
        for e in edges
    ]
    return json.dumps({"elements": elements, "connections": connections}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
