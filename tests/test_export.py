"""om-graph export: the whole graph reads back with networkx, and --redact-persons hides every person."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.graph import graph_rows
from om_graph.privacy import pseudonym
from om_graph.dataset.sources import example_dataset

runner = CliRunner()
READERS = {
    "graphml": lambda path: nx.read_graphml(path, force_multigraph=True),
    "gexf": nx.read_gexf,
}


def export(tmp_path, fmt: str, *extra: str):
    out = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--example", "--format", fmt, "--output", str(out), *extra])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_reads_back_with_as_many_nodes_and_edges_as_the_graph(tmp_path, fmt: str) -> None:
    nodes, rels = graph_rows(example_dataset()).counts()
    graph = READERS[fmt](export(tmp_path, fmt))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, rels)
    network = graph.nodes["Network:by-bayern"]
    assert network["id"] == "by-bayern" and network["status"] == "recognised"
    types = {data["type"] for *_, data in graph.edges(data=True)}
    assert {"MEMBER_OF", "COVERS", "CONTACT_FOR"} <= types


def test_graphml_keeps_label_and_iso_dates(tmp_path) -> None:
    graph = READERS["graphml"](export(tmp_path, "graphml"))
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert labels == set(graph_rows(example_dataset()).nodes)
    activity = next(data for _, data in graph.nodes(data=True) if data["label"] == "Activity")
    assert len(activity["date"]) == 10 and activity["date"][4] == "-"


def test_json_is_a_kumu_blueprint_with_unique_ids(tmp_path) -> None:
    data = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    nodes, rels = graph_rows(example_dataset()).counts()
    assert (len(data["elements"]), len(data["connections"])) == (nodes, rels)
    ids = [e["_id"] for e in data["elements"]]
    assert len(set(ids)) == len(ids) and ids == sorted(ids)
    assert all(c["from"] in set(ids) and c["to"] in set(ids) for c in data["connections"])
    member = next(c for c in data["connections"] if c["type"] == "MEMBER_OF")
    assert member["from"].startswith("Organisation:") and member["direction"] == "directed"


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
