"""The statistics read from a validated dataset are what the embedded engine's queries answer, and so are the statistics."""

from __future__ import annotations

import numpy as np
import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.io import read_dataset, write_dataset
from om_graph.dataset.model import Cooperation, Dataset, Membership, Network, Organisation
from om_graph.dataset.sources import example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.network.reads import Reads, dataset_reads, engine_reads
from om_graph.features.network.render import json_bytes, render_stats
from om_graph.features.network.stats import SHEETS, dataset_network_stats, network_stats
from om_graph.synth.landscape import generate_landscape


def same_reads(got: Reads, expected: Reads) -> None:
    assert got.networks == expected.networks
    assert got.organisations == expected.organisations
    assert np.array_equal(got.organisation, expected.organisation) and np.array_equal(got.network, expected.network)
    assert got.names == expected.names
    assert list(got.cooperations()) == list(expected.cooperations())


def landscapes() -> list[tuple[str, Dataset]]:
    return [("example", example_dataset()), ("generated-0.3-seed-1", generate_landscape(0.3, 1)),
            ("generated-0.3-seed-2", generate_landscape(0.3, 2))]


@pytest.mark.parametrize("name, dataset", landscapes(), ids=lambda v: v if isinstance(v, str) else "")
def test_reads_from_the_dataset_are_the_embedded_queries_answers(name: str, dataset: Dataset) -> None:
    reads = dataset_reads(dataset)
    same_reads(reads, engine_reads(EmbeddedEngine(dataset)))
    assert len(reads.organisation) > 0 and any(reads.cooperations())  # something to compare


@pytest.mark.parametrize("name, dataset", landscapes(), ids=lambda v: v if isinstance(v, str) else "")
def test_statistics_from_the_dataset_are_the_embedded_engines(name: str, dataset: Dataset) -> None:
    expected = network_stats(EmbeddedEngine(dataset))
    got = dataset_network_stats(dataset)
    assert got == expected
    assert render_stats(got, "json") == render_stats(expected, "json")


def test_unsorted_rows_members_of_none_and_cooperations_both_ways() -> None:
    dataset = Dataset(
        organisations=[Organisation(id=f"o{i}", name=f"Beispiel {i} GmbH", kind="company") for i in (3, 1, 2)],
        networks=[Network(id=n, name=f"OM {n}", kind="regional") for n in ("n3", "n1", "n2", "n4")],
        memberships=[Membership(organisation_id=o, network_id=n)
                     for o, n in (("o3", "n1"), ("o1", "n3"), ("o1", "n1"), ("o3", "n3"))],
        cooperations=[Cooperation(network_id="n2", partner_network_id="n1"), Cooperation(network_id="n1", partner_network_id="n2"),
                      Cooperation(network_id="n4", partner_network_id="n3")],
    )
    reads = dataset_reads(dataset)
    assert [(row["id"], row["partners"]) for row in reads.networks] == [("n1", 2), ("n2", 0), ("n3", 2), ("n4", 0)]
    assert reads.members() == [("o1", "n1"), ("o3", "n1"), ("o1", "n3"), ("o3", "n3")]
    assert reads.names == {"o1": "Beispiel 1 GmbH", "o3": "Beispiel 3 GmbH"}  # o2 is a member of nothing
    same_reads(reads, engine_reads(EmbeddedEngine(dataset)))
    assert dataset_network_stats(dataset) == network_stats(EmbeddedEngine(dataset))


def test_the_command_writes_what_the_embedded_engine_gives(tmp_path) -> None:
    write_dataset(generate_landscape(0.3, 1), tmp_path / "landscape")
    out = tmp_path / "stats.json"
    result = CliRunner().invoke(app, ["network", "stats", str(tmp_path / "landscape"), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    engine = EmbeddedEngine(read_dataset(tmp_path / "landscape", SHEETS))
    assert out.read_text(encoding="utf-8") == render_stats(network_stats(engine), "json")


@pytest.mark.parametrize("name, dataset", [*landscapes(), ("no links", Dataset(networks=[Network(id="n1", name="OM Eins", kind="regional")])),
                                           ("one link", Dataset(networks=[Network(id=n, name=f"OM {n}", kind="regional") for n in ("n1", "n2")],
                                                                cooperations=[Cooperation(network_id="n1", partner_network_id="n2")]))],
                         ids=lambda v: v if isinstance(v, str) else "")
def test_json_for_a_file_is_the_json_text_encoded(name: str, dataset: Dataset) -> None:
    stats = dataset_network_stats(dataset)
    assert json_bytes(stats) == render_stats(stats, "json").encode("utf-8")
