"""om-graph export: each format reads back as its tool reads it, carries the audit, and --redact-persons hides every person.

The formats' documentation, checked here: GraphML keys declare ``attr.name``/``attr.type`` and
Gephi takes the node attribute named ``label`` for the label; yEd reads labels from its
``nodegraphics`` extension (``y:ShapeNode/y:NodeLabel``, namespace
``http://www.yworks.com/xml/graphml``); GEXF 1.2 has a ``label`` on each node and positions in the
``viz`` namespace; a Kumu blueprint is ``{"elements": [...], "connections": [...]}`` with
elements carrying ``label``, ``type`` and an ``id`` unique across elements and connections, and
connections ``from``/``to`` by those ids with ``direction`` one of undirected, directed, mutual.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import networkx as nx
import pytest
from typer.testing import CliRunner

from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.geo import load_germany
from om_graph.dataset.graph import graph_rows
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.privacy import pseudonym

runner = CliRunner()
READERS = {
    "graphml": lambda path: nx.read_graphml(path, force_multigraph=True),
    "gexf": nx.read_gexf,
}
YED = "{http://www.yworks.com/xml/graphml}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def export(tmp_path, fmt: str, *extra: str):
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--example", "--format", fmt, "--output", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def audit():
    return run_audit(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_reads_back_with_as_many_nodes_and_edges_as_the_graph(tmp_path, fmt: str) -> None:
    nodes, rels = graph_rows(example_dataset()).counts()
    graph = READERS[fmt](export(tmp_path, fmt))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, rels)
    network = graph.nodes["Network:by-bayern"]
    assert network["om_id"] == "by-bayern" and network["status"] == "recognised" and network["type"] == "Network"
    assert network["label"] == "Offensive Mittelstand Bayern", "the label a viewer shows is the name"
    types = {data["type"] for *_, data in graph.edges(data=True)}
    assert {"MEMBER_OF", "COVERS", "CONTACT_FOR"} <= types


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_networks_carry_stage_findings_coverage_and_coordinates(tmp_path, fmt: str, audit) -> None:
    graph = READERS[fmt](export(tmp_path, fmt))
    for stage in audit.stages:
        node = graph.nodes[f"Network:{stage.network_id}"]
        mine = [f for f in audit.findings if f.subject_kind == "network" and f.subject_id == stage.network_id]
        assert int(node["stage"]) == stage.stage
        assert int(node["findings"]) == len(mine)
        assert int(node["errors"]) == sum(f.severity == "error" for f in mine)
    assert str(graph.nodes["Network:by-bayern"]["ambassador_covered"]).lower() == "true"
    bayern = load_germany().states["DE-BY"]
    region = graph.nodes["Region:DE-BY"]
    assert (float(region["x"]), float(region["y"])) == (bayern.label[0] / 10, bayern.label[1] / 10)


def test_graphml_declares_label_first_and_yed_labels_every_node(tmp_path) -> None:
    root = ET.parse(export(tmp_path, "graphml")).getroot()
    keys = root.findall(f"{GRAPHML}key")
    assert keys[0].get("attr.name") == "label" and keys[0].get("for") == "node"
    assert all(k.get("attr.type") in ("string", "boolean", "long", "double") for k in keys if k.get("attr.name"))
    assert [k for k in keys if k.get("yfiles.type") == "nodegraphics"], "yEd's extension key is declared"
    label_key = keys[0].get("id")
    for node in root.iter(f"{GRAPHML}node"):
        label = next(d.text for d in node.findall(f"{GRAPHML}data") if d.get("key") == label_key)
        assert node.find(f".//{YED}ShapeNode/{YED}NodeLabel").text == label
    bayern = root.find(f".//{GRAPHML}node[@id='Network:by-bayern']")
    assert bayern.find(f".//{YED}NodeLabel").text == "Offensive Mittelstand Bayern"


def test_igraph_keeps_node_ids_and_typed_attributes(tmp_path) -> None:
    igraph = pytest.importorskip("igraph")
    graph = igraph.Graph.Read_GraphML(str(export(tmp_path, "graphml")))
    nodes, rels = graph_rows(example_dataset()).counts()
    assert (graph.vcount(), graph.ecount()) == (nodes, rels)
    ids = set(graph.vs["id"])
    assert "Network:by-bayern" in ids and len(ids) == nodes
    bayern = graph.vs.find(id="Network:by-bayern")
    assert bayern["label"] == "Offensive Mittelstand Bayern" and bayern["om_id"] == "by-bayern"
    assert isinstance(bayern["stage"], float) and bayern["stage"] >= 1, "stage is numeric"
    assert isinstance(graph.vs.find(id="Region:DE-BY")["x"], float)


def test_gexf_gives_labels_and_positions(tmp_path) -> None:
    graph = nx.read_gexf(export(tmp_path, "gexf"))
    bayern = graph.nodes["Region:DE-BY"]
    assert bayern["label"] == "Bayern"
    shape = load_germany().states["DE-BY"]
    assert bayern["viz"]["position"]["x"] == shape.label[0] / 10
    assert bayern["viz"]["position"]["y"] == -shape.label[1] / 10, "GEXF's y points up"


def test_graphml_keeps_iso_dates(tmp_path) -> None:
    graph = READERS["graphml"](export(tmp_path, "graphml"))
    assert {data["type"] for _, data in graph.nodes(data=True)} == set(graph_rows(example_dataset()).nodes)
    activity = next(data for _, data in graph.nodes(data=True) if data["type"] == "Activity")
    assert len(activity["date"]) == 10 and activity["date"][4] == "-"


def test_json_is_a_kumu_blueprint(tmp_path) -> None:
    data = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    assert set(data) == {"elements", "connections"}
    nodes, rels = graph_rows(example_dataset()).counts()
    assert (len(data["elements"]), len(data["connections"])) == (nodes, rels)
    ids = [e["id"] for e in data["elements"]]
    connection_ids = [c["id"] for c in data["connections"]]
    assert len(set(ids + connection_ids)) == len(ids) + len(connection_ids), "ids unique across elements and connections"
    assert all({"id", "label", "type"} <= set(e) and "_id" not in e and "attributes" not in e for e in data["elements"])
    assert all(c["from"] in set(ids) and c["to"] in set(ids) for c in data["connections"])
    assert {c["direction"] for c in data["connections"]} <= {"undirected", "directed", "mutual"}
    member = next(c for c in data["connections"] if c["type"] == "MEMBER_OF")
    assert member["from"].startswith("Organisation:") and member["direction"] == "directed"
    border = next(c for c in data["connections"] if c["type"] == "BORDERS")
    assert border["direction"] == "undirected"
    bayern = next(e for e in data["elements"] if e["id"] == "Network:by-bayern")
    assert bayern["label"] == "Offensive Mittelstand Bayern" and bayern["type"] == "Network" and bayern["stage"] >= 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_redacted_export_names_no_person(tmp_path, fmt: str) -> None:
    persons = example_dataset().persons
    text = export(tmp_path, fmt, "--redact-persons").read_text(encoding="utf-8")
    for person in persons:
        assert person.name not in text
        if person.email:
            assert person.email not in text
    assert pseudonym(persons[0].id) in text
    assert text == export(tmp_path, fmt, "--redact-persons").read_text(encoding="utf-8")


def test_unredacted_export_does_hold_the_names(tmp_path) -> None:
    """The redaction test above would pass vacuously if persons were never exported."""
    text = export(tmp_path, "json").read_text(encoding="utf-8")
    assert example_dataset().persons[0].name in text


@pytest.mark.parametrize(
    "args",
    [["export", "--example", "--format", "json"], ["export", "--example", "--format", "pdf", "-o", "x.pdf"],
     ["export", "missing.yaml", "--format", "json", "-o", "{out}"]],
    ids=["no output", "unknown format", "missing input"],
)
def test_usage_errors_exit_2_and_write_nothing(tmp_path, args: list[str]) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(app, [a.replace("{out}", str(out)) for a in args])
    assert result.exit_code == 2
    assert not out.exists()
