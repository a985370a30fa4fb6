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


# -- read back with networkx and compared with the graph model, property by property ---------------
def _model_value(value, joined: bool):
    """A graph-model value as an export holds it: enums by value, dates ISO, lists sorted (joined for XML)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        items = sorted(str(v) for v in value)
        return "; ".join(items) if joined else items
    return getattr(value, "value", value)


def _model(joined: bool) -> tuple[dict, list]:
    """Every node's properties by ``Label:id`` and every relationship as (source, target, type, properties)."""
    rows = graph_rows(example_dataset())
    nodes = {
        f"{label}:{props['id']}": {k: _model_value(v, joined) for k, v in props.items() if k != "id"}
        for label, records in rows.nodes.items()
        for props in records
    }
    edges = sorted(
        repr((f"{spec.start_label}:{s}", f"{spec.end_label}:{e}", spec.type,
              sorted((k, _model_value(v, joined)) for k, v in props.items())))
        for spec, rels in rows.rels.items()
        for s, e, props in rels
    )
    return nodes, edges


AUDIT_KEYS = {"label", "type", "om_id", "stage", "findings", "errors", "warnings", "ambassador_covered", "x", "y"}


def _read_back(fmt: str, path) -> tuple[dict, list]:
    """Nodes' attributes and edges as (source, target, type, properties) as each format's reader sees them."""
    if fmt == "json":
        data = json.loads(path.read_text(encoding="utf-8"))
        nodes = {e["id"]: {k: v for k, v in e.items() if k != "id"} for e in data["elements"]}
        edge_data = [(c["from"], c["to"], {k: v for k, v in c.items() if k not in ("id", "from", "to", "direction")})
                     for c in data["connections"]]
    else:
        graph = READERS[fmt](path)
        nodes = {n: dict(d) for n, d in graph.nodes(data=True)}
        skip = {"id", "label"} if fmt == "gexf" else {"id"}  # GEXF's own edge id and label (the type again)
        edge_data = [(u, v, {k: x for k, x in d.items() if k not in skip}) for u, v, d in graph.edges(data=True)]
    edges = sorted(repr((u, v, d["type"], sorted((k, x) for k, x in d.items() if k != "type"))) for u, v, d in edge_data)
    return nodes, edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_every_node_and_relationship_reads_back_with_the_graph_models_properties(tmp_path, fmt: str, audit) -> None:
    expected_nodes, expected_edges = _model(joined=fmt != "json")
    nodes, edges = _read_back(fmt, export(tmp_path, fmt))
    assert edges == expected_edges
    assert set(nodes) == set(expected_nodes)
    for key, props in expected_nodes.items():
        node = nodes[key]
        label, _, oid = key.partition(":")
        assert (node["type"], node["om_id"]) == (label, oid)
        own = {k: v for k, v in node.items() if k not in AUDIT_KEYS and k != "viz"}
        assert own == props, key
    networks = {s.network_id for s in audit.stages}
    assert {k for k, n in nodes.items() if "stage" in n} == {f"Network:{n}" for n in networks}


NAMES = ['Netz <Nord> & "Süd" \'West\'', "A&B <GmbH> ]]> &amp;", "Tab\tund\nZeile"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_names_with_markup_characters_are_escaped_and_read_back_as_they_are(tmp_path, fmt: str) -> None:
    from om_graph.dataset.model import Dataset, Membership, Network, Organisation
    from om_graph.features.export import from_dataset, write_export

    dataset = Dataset(
        networks=[Network(id="n&1", name=NAMES[0], kind="regional")],
        organisations=[Organisation(id=f"o{i}", name=name, kind="company") for i, name in enumerate(NAMES[1:])],
        memberships=[Membership(organisation_id="o0", network_id="n&1")],
    )
    out = tmp_path / f"names.{fmt}"
    write_export(from_dataset(dataset, as_of=EXAMPLE_AS_OF), fmt, out)
    raw = out.read_text(encoding="utf-8")
    if fmt != "json":
        assert "<Nord>" not in raw and "<GmbH>" not in raw, "no name becomes markup"
    nodes, edges = _read_back(fmt, out)
    # GEXF holds the label in an XML attribute: the tab and line feed survive only as &#09; and &#10;
    assert {key: node["label"] for key, node in nodes.items()} == {
        "Network:n&1": NAMES[0], "Organisation:o0": NAMES[1], "Organisation:o1": NAMES[2]
    }
    assert edges == [repr(("Organisation:o0", "Network:n&1", "MEMBER_OF", [("named_consent", True)]))]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_the_same_graph_gives_the_same_bytes_whatever_the_order_of_its_rows(tmp_path, fmt: str) -> None:
    from om_graph.features.export import from_dataset, write_export

    dataset = example_dataset()
    shuffled = dataset.model_copy(update={sheet: list(reversed(getattr(dataset, sheet))) for sheet in type(dataset).model_fields
                                          if sheet not in ("meta", "activities", "criticisms")})
    first, again, reordered = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}", tmp_path / f"c.{fmt}"
    write_export(from_dataset(dataset, as_of=EXAMPLE_AS_OF), fmt, first)
    write_export(from_dataset(example_dataset(), as_of=EXAMPLE_AS_OF), fmt, again)
    write_export(from_dataset(shuffled, as_of=EXAMPLE_AS_OF), fmt, reordered)
    assert first.read_bytes() == again.read_bytes() == reordered.read_bytes()
    assert first.read_bytes() == export(tmp_path, fmt, "--as-of", EXAMPLE_AS_OF.isoformat()).read_bytes(), "the CLI writes the same"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_a_failure_while_streaming_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch, fmt: str) -> None:
    import om_graph.features.export as exporting
    from om_graph.errors import OmGraphError

    old = tmp_path / f"old.{fmt}"
    old.write_text("the previous export\n", encoding="utf-8")

    def failing(graph, out):
        out.write("<partial>" * 100_000)
        raise OmGraphError("disk gone")

    monkeypatch.setitem(exporting._WRITERS, fmt, failing)
    for target in (old, tmp_path / f"new.{fmt}"):
        result = runner.invoke(app, ["export", "--example", "--format", fmt, "--output", str(target)])
        assert result.exit_code == OmGraphError.exit_code and "disk gone" in result.output
    assert old.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"old.{fmt}"], "no new file, no temporary left behind"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_one_id_with_markup_among_thousands_of_plain_ones_is_escaped_and_the_rest_read_back(tmp_path, fmt: str) -> None:
    """Writers escape only what needs it, a chunk of edges at a time: the one odd id must not slip through its chunk."""
    import datetime as dt

    from om_graph.dataset.model import Dataset, Membership, Network, Organisation
    from om_graph.features.export import from_dataset, write_export

    odd = 'o"7<b>&x'
    ids = [f"o{i:04d}" for i in range(2_500)] + [odd]
    dataset = Dataset(
        networks=[Network(id="n1", name="Netz Nord", kind="regional"), Network(id="n2", name="Netz Süd", kind="regional")],
        organisations=[Organisation(id=oid, name=f"Betrieb {oid}", kind="company") for oid in ids],
        memberships=[Membership(organisation_id=oid, network_id=net, since=dt.date(2020, 1, 2))
                     for oid in ids for net in ("n1", "n2")],
    )
    out = tmp_path / f"many.{fmt}"
    write_export(from_dataset(dataset, as_of=EXAMPLE_AS_OF), fmt, out)
    if fmt != "json":
        assert "<b>" not in out.read_text(encoding="utf-8"), "no id becomes markup"
    nodes, edges = _read_back(fmt, out)
    assert nodes[f"Organisation:{odd}"]["om_id"] == odd
    assert len(edges) == 2 * len(ids)
    assert repr((f"Organisation:{odd}", "Network:n2", "MEMBER_OF", [("named_consent", True), ("since", "2020-01-02")])) in edges
