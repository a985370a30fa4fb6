"""The export's audit in a forked child while the file is written: the same bytes as audited in one process, whatever the child does."""

from __future__ import annotations

import datetime as dt
import os

import pytest

import om_graph.features.export as exporting
from om_graph.dataset.graph import graph_rows
from om_graph.dataset.model import RECORD_BY_SHEET
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.features.export import AUDIT_SHEETS, dataset_rows, export_graph, from_rows, of_sheets, pending, write_export
from om_graph.features.export import spool as spooling
from om_graph.features.export.annotate import audited_networks
from om_graph.features.export.pending import Pending
from om_graph.synth.landscape import generate_landscape

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform: everything runs in one process")
FORMATS = ["graphml", "gexf", "json"]


def test_the_child_computes_the_mapping() -> None:
    parent = os.getpid()
    value = Pending(lambda: {"pid": os.getpid()})
    assert value.computing and value["pid"] != parent and not value.computing


def test_a_child_that_sends_nothing_leaves_the_work_to_the_caller() -> None:
    parent = os.getpid()

    def dies_in_the_child() -> dict[str, int]:
        if os.getpid() != parent:
            os._exit(3)
        return {"n1": 7}

    assert dict(Pending(dies_in_the_child)) == {"n1": 7}


def test_a_failure_in_the_child_is_raised_here() -> None:
    def fails() -> dict[str, int]:
        raise ValueError("no audit")

    with pytest.raises(ValueError, match="no audit"):
        len(Pending(fails))


def test_not_forked_it_runs_here_when_first_read() -> None:
    calls: list[int] = []
    value = Pending(lambda: calls.append(os.getpid()) or {"n": len(calls)}, fork=False)
    assert calls == [] and not value.computing
    assert value["n"] == 1 and "n" in value and calls == [os.getpid()]


def test_only_a_large_graph_is_audited_in_a_child() -> None:
    large = pending.FORK_ELEMENTS
    assert pending.worth_forking(large) and not pending.worth_forking(large - 1)


@pytest.fixture(scope="module")
def landscape():
    return generate_landscape(1, 3)


def _exports(rows, tmp_path, name: str) -> dict[str, bytes]:
    """Each format written to a file (the spool a file beside it) and made in memory (the spool in memory)."""
    found = {}
    for fmt in FORMATS:
        path = tmp_path / f"{name}.{fmt}"
        write_export(from_rows(rows, as_of=EXAMPLE_AS_OF), fmt, path)
        found[fmt] = path.read_bytes()
        assert export_graph(from_rows(rows, as_of=EXAMPLE_AS_OF), fmt) == found[fmt]
    return found


@pytest.mark.parametrize("source", ["example", "landscape"])
def test_the_same_bytes_audited_in_a_child_or_here(tmp_path, monkeypatch, landscape, source: str) -> None:
    dataset = example_dataset() if source == "example" else landscape
    rows = dataset_rows(dataset)
    forks = []
    real = Pending.__init__

    def spy(self, work, fork: bool = True) -> None:  # type: ignore[no-untyped-def]
        forks.append(fork)
        real(self, work, fork)

    monkeypatch.setattr(Pending, "__init__", spy)
    monkeypatch.setattr(pending, "worth_forking", lambda elements: False)
    here = _exports(rows, tmp_path, "here")
    monkeypatch.setattr(pending, "worth_forking", lambda elements: True)
    in_a_child = _exports(rows, tmp_path, "child")
    assert set(forks) == {True, False}
    assert in_a_child == here
    assert b"Network:" in here["graphml"] and sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}.{fmt}" for name in ("here", "child") for fmt in FORMATS), "no spool left behind"


def test_the_spool_is_copied_without_the_kernels_copy_too(tmp_path, monkeypatch) -> None:
    rows = dataset_rows(example_dataset())
    monkeypatch.setattr(pending, "worth_forking", lambda elements: True)
    expected = {fmt: export_graph(from_rows(rows, as_of=EXAMPLE_AS_OF), fmt) for fmt in FORMATS}

    def unsupported(*args: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(spooling.os, "copy_file_range", unsupported)
    for fmt in FORMATS:
        path = tmp_path / f"copied.{fmt}"
        write_export(from_rows(rows, as_of=EXAMPLE_AS_OF), fmt, path)
        assert path.read_bytes() == expected[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_audit_that_fails_while_the_file_is_written_leaves_no_file(tmp_path, monkeypatch, fmt: str) -> None:
    monkeypatch.setattr(pending, "worth_forking", lambda elements: True)

    def fails(rows, as_of):  # type: ignore[no-untyped-def]
        raise RuntimeError("the audit broke")

    monkeypatch.setattr(exporting, "_audited_rows", fails)
    with pytest.raises(RuntimeError, match="the audit broke"):
        write_export(from_rows(dataset_rows(example_dataset()), as_of=EXAMPLE_AS_OF), fmt, tmp_path / f"out.{fmt}")
    assert list(tmp_path.iterdir()) == [], "no file, no temporary, no spool"


@pytest.mark.parametrize("source", ["example", "landscape"])
def test_the_audit_reads_only_its_sheets_and_says_what_the_audit_of_every_row_says(landscape, source: str) -> None:
    """AUDIT_SHEETS holds every sheet the network rules and coverage read: the graph of those alone fails on any other."""
    rows = graph_rows(example_dataset() if source == "example" else landscape)
    day = EXAMPLE_AS_OF if source == "example" else dt.date(2025, 6, 30)
    part = of_sheets(rows, AUDIT_SHEETS)
    assert AUDIT_SHEETS < set(RECORD_BY_SHEET) and sum(part.counts()) < sum(rows.counts())
    whole = audited_networks(exporting._EmbeddedRows(rows), day)
    assert audited_networks(exporting._EmbeddedRows(part), day) == whole  # no LookupError: no other sheet read
    assert exporting._audited_rows(rows, day) == whole and whole
