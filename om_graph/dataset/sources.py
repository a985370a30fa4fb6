"""Where a dataset comes from: a user's file or folder, or the bundled example."""

from __future__ import annotations

import datetime as dt
from importlib.resources import as_file, files
from pathlib import Path

from om_graph.errors import InputError, UsageError
from om_graph.dataset.model import Dataset

#: The date the bundled example describes (its ``meta`` sheet says so too); audits of it default
#: to this day, so they are reproducible.
EXAMPLE_AS_OF = dt.date(2025, 6, 30)
EXAMPLE_NAME = "example.yaml"


def example_dataset(sheets: frozenset[str] | None = None) -> Dataset:
    """The bundled example, read through the same reader and validation as a user's file (``sheets``: those only)."""
    from om_graph.dataset.io import read_dataset

    with as_file(files("om_graph.dataset") / "data" / EXAMPLE_NAME) as path:
        return read_dataset(Path(path), sheets)


def load_dataset(path: Path | None, example: bool, sheets: frozenset[str] | None = None) -> Dataset:
    """Read ``path``, or the bundled example when ``example`` is set; exactly one must be given.

    ``sheets``: read and check only these (what a command needs), see :func:`om_graph.dataset.io.read_dataset`.
    """
    from om_graph.dataset.io import read_dataset

    if example and path is not None:
        raise UsageError("give a PATH or --example, not both")
    if example:
        return example_dataset(sheets)
    if path is None:
        raise UsageError("no input: give a PATH (file or folder) or --example for the bundled example")
    dataset = read_dataset(path, sheets)
    if sheets is not None and not any(dataset.records(sheet) for sheet in dataset.sheets):
        dataset = read_dataset(path)  # none of these sheets has a row: whether any sheet has one decides, as below
    if not any(dataset.records(sheet) for sheet in dataset.sheets):
        # An empty folder, a 0-byte or comment-only file, {} or a workbook of empty sheets would
        # otherwise validate as "valid" and audit to "0 findings".
        raise InputError(f"{path}: holds no dataset (no sheet with a row); "
                         "see docs/data-format.md, or om-graph example to start from one")
    return dataset


def recorded_as_of(path: Path | None, example: bool) -> dt.date | None:
    """The day the dataset of ``path`` (or the bundled example) says it describes, if it says.

    Only its ``meta`` sheet is read: the audit date is settled before the data is.
    """
    from om_graph.dataset.io import read_as_of

    if example:
        with as_file(files("om_graph.dataset") / "data" / EXAMPLE_NAME) as bundled:
            return read_as_of(Path(bundled))
    return None if path is None else read_as_of(path)
