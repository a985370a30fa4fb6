"""The whole property graph as GraphML, GEXF or a Kumu blueprint, for Gephi, yEd, Cytoscape, igraph or Kumu.

Nodes and relationships are exactly the graph model's rows (:func:`om_graph.dataset.graph.graph_rows`):
a node's id is ``Label:id`` (unique across labels); it carries ``label`` (what a viewer shows:
the name, else the title, else the id), ``type`` (its graph label), ``om_id`` (its own id) and
every property; a relationship carries ``type`` and its properties. Networks also carry what the
audit says of them (``stage``, ``findings``, ``errors``, ``warnings``) and whether an ambassador
covers them (``ambassador_covered``); regions whose ``code`` is a Land or Kreis, and networks at
such regions, carry map coordinates ``x`` and ``y`` (kilometres east and south of the middle of
Germany, as the maps draw them). GraphML and GEXF hold scalars only: dates become ISO strings,
lists are joined with ``"; "``, and blank values are left out (as in the graph).

Each format follows its reader: GraphML declares ``label`` as a key (Gephi's label) and adds
yEd's ``nodegraphics`` extension (``y:ShapeNode/y:NodeLabel``), so yEd shows names too; GEXF
1.2 gives ``label`` and ``viz:position``; the JSON is Kumu's blueprint (elements with ``id``,
``label``, ``type`` and fields, connections with ``id``, ``from``, ``to``, ``type`` and
``direction``). With ``redact_persons`` every Person's id, name and e-mail are replaced by the
pseudonyms of :mod:`om_graph.privacy`, in nodes and relationships.

>>> from om_graph.dataset.model import Dataset, Network
>>> data = export_graph(Dataset(networks=[Network(id="n1", name="OM Net", kind="regional")]), "json")
>>> {k: json.loads(data)["elements"][0][k] for k in ("id", "label", "type")}
{'id': 'Network:n1', 'label': 'OM Net', 'type': 'Network'}
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from enum import Enum
from typing import Any
from xml.etree import ElementTree as ET

from om_graph.audit.run import run_audit
from om_graph.errors import UsageError
from om_graph.dataset.graph import graph_rows
from om_graph.dataset.model import Dataset
from om_graph.privacy import pseudonymous_id, redact_person
from om_graph.queries.registry import run_query

FORMATS = ("graphml", "gexf", "json")
#: Relationships stored in one direction that mean the same both ways.
UNDIRECTED = frozenset({"BORDERS", "COOPERATES_WITH"})
GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
#: Keys a viewer reads on its own: a property of the same name is written as ``<name>_property``.
RESERVED = ("label", "type", "om_id", "x", "y")


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


def export_graph(dataset: Dataset, fmt: str, redact_persons: bool = False, as_of: dt.date | None = None) -> bytes:
    """The dataset's property graph in ``fmt`` (graphml, gexf or json), as bytes ready to write.

    ``as_of`` (default today) is the audit date of the networks' stages and findings.
    """
    if fmt not in FORMATS:
        raise UsageError(f"--format: choose one of {', '.join(FORMATS)}")
    nodes, edges = export_rows(dataset, redact_persons)
    nodes = enriched(nodes, dataset, as_of or dt.date.today())
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
            plain = {(f"{k}_property" if k in RESERVED else k): v for k, v in _plain(props).items() if k != "id"}
            nodes.append(ExportNode(f"{label}:{props['id']}", {"label": _shown(props), "type": label,
                                                                "om_id": props["id"], **plain}))
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
            plain = {(f"{k}_property" if k in RESERVED else k): v for k, v in _plain(props).items()}
            edges.append(ExportEdge(key, source, target, {"type": spec.type, **plain}))
    return sorted(nodes, key=lambda x: x.key), sorted(edges, key=lambda x: x.key)


def _shown(props: dict[str, Any]) -> str:
    """What a viewer shows on the node: its name, else its title (activities), else its id."""
    return str(props.get("name") or props.get("title") or props["id"])


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


def enriched(nodes: list[ExportNode], dataset: Dataset, as_of: dt.date) -> list[ExportNode]:
    """Nodes with the audit's stage and finding counts, ambassador coverage and map coordinates added."""
    from om_graph.dataset.geo import load_germany
    from om_graph.engines.embedded import EmbeddedEngine

    engine = EmbeddedEngine(dataset)
    result = run_audit(engine, as_of=as_of)
    counts: dict[str, dict[str, int]] = {}
    for finding in result.findings:
        if finding.subject_kind == "network":
            tally = counts.setdefault(finding.subject_id, {"findings": 0, "errors": 0, "warnings": 0})
            tally["findings"] += 1
            tally["errors"] += finding.severity == "error"
            tally["warnings"] += finding.severity == "warning"
    stages = {s.network_id: s.stage for s in result.stages}
    covered = {row["network_id"]: bool(row["active_ambassador_ids"] or row["regional_ambassador_ids"])
               for row in run_query(engine, "coverage/networks")}
    germany = load_germany()
    regions = {r.id: r for r in dataset.regions}
    points: dict[str, tuple[float, float]] = {}
    for region in dataset.regions:
        shape = germany.shape(region.code)
        if shape is not None:
            points[region.id] = (shape.label[0] / germany.units_per_km, shape.label[1] / germany.units_per_km)
    at: dict[str, list[tuple[float, float]]] = {}
    for row in dataset.network_regions:
        region = regions.get(row.region_id)
        while region is not None and region.id not in points:
            region = regions.get(region.parent_id) if region.parent_id else None
        if region is not None:
            at.setdefault(row.network_id, []).append(points[region.id])
    out = []
    for node in nodes:
        extra: dict[str, Any] = {}
        kind, oid = node.attrs["type"], node.attrs["om_id"]
        if kind == "Network":
            if oid in stages:
                extra = {"stage": stages[oid], **counts.get(oid, {"findings": 0, "errors": 0, "warnings": 0}),
                         "ambassador_covered": covered.get(oid, False)}
            spots = at.get(oid)
            if spots:
                extra.update(x=round(sum(p[0] for p in spots) / len(spots), 1), y=round(sum(p[1] for p in spots) / len(spots), 1))
        elif kind == "Region" and oid in points:
            extra.update(x=round(points[oid][0], 1), y=round(points[oid][1], 1))
        out.append(ExportNode(node.key, {**node.attrs, **extra}) if extra else node)
    return out


_GRAPHML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _graphml(nodes: list[ExportNode], edges: list[ExportEdge]) -> bytes:
    """GraphML with typed keys (``label`` first, Gephi's node label) and yEd's label extension."""
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", YED_NS)
    g = f"{{{GRAPHML_NS}}}"
    root = ET.Element(f"{g}graphml")
    node_keys = _graphml_keys(root, "node", [n.attrs for n in nodes], "n")
    edge_keys = _graphml_keys(root, "edge", [e.attrs for e in edges], "e")
    ET.SubElement(root, f"{g}key", {"for": "node", "id": "yed_node", "yfiles.type": "nodegraphics"})
    graph = ET.SubElement(root, f"{g}graph", id="om-graph", edgedefault="directed")
    for node in nodes:
        element = ET.SubElement(graph, f"{g}node", id=node.key)
        for k, v in node.attrs.items():
            ET.SubElement(element, f"{g}data", key=node_keys[k]).text = _text(v)
        shape = ET.SubElement(ET.SubElement(element, f"{g}data", key="yed_node"), f"{{{YED_NS}}}ShapeNode")
        if "x" in node.attrs:
            ET.SubElement(shape, f"{{{YED_NS}}}Geometry", x=str(node.attrs["x"]), y=str(node.attrs["y"]), width="30", height="30")
        ET.SubElement(shape, f"{{{YED_NS}}}NodeLabel").text = str(node.attrs["label"])
    for edge in edges:
        element = ET.SubElement(graph, f"{g}edge", id=edge.key, source=edge.source, target=edge.target)
        for k, v in edge.attrs.items():
            ET.SubElement(element, f"{g}data", key=edge_keys[k]).text = _text(v)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _graphml_keys(root: ET.Element, kind: str, all_attrs: list[dict[str, Any]], prefix: str) -> dict[str, str]:
    types: dict[str, type] = {}
    for attrs in all_attrs:
        for k, v in attrs.items():
            types.setdefault(k, type(v))
    names = sorted(types, key=lambda name: (name != "label", name))
    ids = {}
    for i, name in enumerate(names):
        ids[name] = f"{prefix}{i}"
        ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": ids[name], "for": kind, "attr.name": name,
                                                     "attr.type": _GRAPHML_TYPES[types[name]]})
    return ids


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


_GEXF_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def _gexf(nodes: list[ExportNode], edges: list[ExportEdge]) -> bytes:
    """GEXF 1.2 written directly: networkx's writer would take the ``id``, ``label`` and ``type`` properties for its own."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    root = ET.Element(f"{{{GEXF_NS}}}gexf", version="1.2")
    graph = ET.SubElement(root, f"{{{GEXF_NS}}}graph", defaultedgetype="directed", mode="static")
    node_ids = _declare(graph, "node", [_without_label(n.attrs) for n in nodes])
    edge_ids = _declare(graph, "edge", [e.attrs for e in edges])
    node_list = ET.SubElement(graph, f"{{{GEXF_NS}}}nodes")
    for node in nodes:
        element = ET.SubElement(node_list, f"{{{GEXF_NS}}}node", id=node.key, label=str(node.attrs["label"]))
        _values(element, _without_label(node.attrs), node_ids)
        if "x" in node.attrs:  # GEXF's y grows upwards, the map's southwards
            ET.SubElement(element, f"{{{VIZ_NS}}}position", x=str(node.attrs["x"]), y=str(-node.attrs["y"]), z="0.0")
    edge_list = ET.SubElement(graph, f"{{{GEXF_NS}}}edges")
    for edge in edges:
        element = ET.SubElement(
            edge_list, f"{{{GEXF_NS}}}edge", id=edge.key, source=edge.source, target=edge.target, label=edge.attrs["type"]
        )
        _values(element, edge.attrs, edge_ids)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _without_label(attrs: dict[str, Any]) -> dict[str, Any]:
    """GEXF has the label as the node's own attribute, not as an attribute value."""
    return {k: v for k, v in attrs.items() if k != "label"}


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
        ET.SubElement(values, f"{{{GEXF_NS}}}attvalue", {"for": ids[k], "value": _text(v)})


def _kumu_json(nodes: list[ExportNode], edges: list[ExportEdge]) -> str:
    """Kumu's blueprint: elements (``id``, ``label``, ``type``, then fields) and connections (``from``/``to`` by id)."""
    elements = [{**n.attrs, "id": n.key} for n in nodes]
    connections = [
        {
            **{k: v for k, v in e.attrs.items() if k not in ("id", "from", "to", "direction")},
            "id": e.key,
            "from": e.source,
            "to": e.target,
            "direction": "undirected" if e.attrs["type"] in UNDIRECTED else "directed",
        }
        for e in edges
    ]
    return json.dumps({"elements": elements, "connections": connections}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
