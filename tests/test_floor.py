"""scripts/floor.py: the dict floor an embedded audit is held against must hold the data as the model does.

The timing itself is printed by the script, not tested; this keeps what it times honest: every row of
every CSV file, typed like the records (dates, yes/no, lists), with every field of the sheet's model.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from om_graph.dataset.io import read_dataset, write_dataset
from om_graph.dataset.sources import example_dataset

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "floor.py"


def _floor():
    spec = importlib.util.spec_from_file_location("floor", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_floor_holds_every_row_typed_as_the_records(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_dataset(example_dataset(), folder, "csv")
    dataset = read_dataset(folder)
    plain = _floor().read_plain(folder, _floor().column_kinds())
    for sheet in ("organisations", "memberships", "activities", "ratings"):
        records = [dict(r.__dict__) for r in dataset.records(sheet)]
        assert records and plain[sheet] == records, sheet


def test_measure_floor_reports_seconds_and_bytes_of_a_fresh_process(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_dataset(example_dataset(), folder, "csv")
    seconds, peak = _floor().measure_floor(folder)
    assert 0 < seconds < 60 and 5 * 2**20 < peak < 2**30
