"""The membership graph measured from the CSV files while the dataset is read: used only when it read the very
memberships the dataset holds, and the statistics are the same with it, without it, and when it is dropped."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.io import read_dataset, write_dataset
from om_graph.features.network import early as early_module
from om_graph.features.network.early import measured_early
from om_graph.features.network.reads import dataset_reads
from om_graph.features.network.render import render_stats
from om_graph.features.network.stats import SHEETS, Memberships, dataset_network_stats, organisation_graph_metrics
from om_graph.synth.landscape import generate_landscape

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform: nothing starts early")


@pytest.fixture()
def always_early(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(early_module, "EARLY_BYTES", 0)


def folder_of(tmp_path, seed: int, fmt: str = "csv"):
    folder = tmp_path / f"landscape-{seed}-{fmt}"
    write_dataset(generate_landscape(0.3, seed), folder, fmt)
    return folder


@pytest.mark.parametrize("fmt", ["csv", "csv-de"])
def test_the_child_measures_what_the_dataset_holds(tmp_path, always_early: None, fmt: str) -> None:
    folder = folder_of(tmp_path, 1, fmt)
    with measured_early(folder) as early:
        assert early is not None
        reads = dataset_reads(read_dataset(folder, SHEETS))
        found = early.metrics(reads)
    members = Memberships(reads.organisations, reads.organisation.tolist(), reads.network.tolist())
    assert found is not None and found == organisation_graph_metrics(len(reads.networks), members)


def test_other_memberships_are_not_used_and_the_statistics_are_the_same(tmp_path, always_early: None) -> None:
    one, other = folder_of(tmp_path, 1), folder_of(tmp_path, 2)
    dataset = read_dataset(one, SHEETS)
    with measured_early(other) as early:
        assert early is not None and early.metrics(dataset_reads(dataset)) is None
    with measured_early(other) as early:
        dropped = dataset_network_stats(dataset, early)
    with measured_early(one) as early:
        used = dataset_network_stats(dataset, early)
    assert render_stats(dropped, "json") == render_stats(used, "json") == render_stats(dataset_network_stats(dataset), "json")


def test_small_files_a_workbook_or_the_example_start_nothing(tmp_path) -> None:
    for path in (folder_of(tmp_path, 1), tmp_path / "landscape.xlsx", None):
        with measured_early(path) as early:
            assert early is None


def test_with_one_core_nothing_starts_early(tmp_path, always_early: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Measured in this process the head start would only read the files twice."""
    import om_graph.forked as forking

    monkeypatch.setattr(forking, "_second_core", lambda: False)
    with measured_early(folder_of(tmp_path, 1)) as early:
        assert early is None


def test_a_child_not_waited_for_is_stopped(tmp_path, always_early: None) -> None:
    with measured_early(folder_of(tmp_path, 1)) as early:
        assert early is not None
        pid = early._job._pid
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no such child any more


def test_a_dataset_that_fails_its_checks_is_reported_as_without_a_head_start(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = folder_of(tmp_path, 1)
    networks = folder / "networks.csv"
    lines = networks.read_text(encoding="utf-8").splitlines()
    networks.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")  # a network twice
    out = tmp_path / "stats.json"
    results = []
    for early_bytes in (0, 1 << 60):  # with a child started early, and without
        monkeypatch.setattr(early_module, "EARLY_BYTES", early_bytes)
        results.append(CliRunner().invoke(app, ["network", "stats", str(folder), "-f", "json", "-o", str(out)]))
        assert not out.exists()
    early, late = results
    assert early.exit_code == late.exit_code != 0 and early.stderr == late.stderr
    assert "networks.csv" in early.stderr and "Traceback" not in early.output
