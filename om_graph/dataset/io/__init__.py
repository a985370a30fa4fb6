"""Reading and writing datasets: a folder of CSV files, an Excel workbook, YAML or JSON.

Every reader delivers raw rows with their location (:mod:`om_graph.dataset.io.raw`); one
validation (:mod:`om_graph.dataset.io.validate`) turns them into a :class:`Dataset` and
reports every problem as ``LOCATION:FIELD: message``, whatever the format.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from om_graph.dataset.bulk import paused_gc
from om_graph.errors import InputError, UsageError, ValidationFailed
from om_graph.output import OutputError
from om_graph.dataset.io.csv_folder import DIALECTS, read_csv_folder, write_csv_folder
from om_graph.dataset.io.mapping import read_mapping_file, write_json, write_yaml
from om_graph.dataset.io.raw import RawInput
from om_graph.dataset.io.validate import build_dataset
from om_graph.dataset.model import Dataset

__all__ = ["FORMATS", "OutputError", "format_for", "read_as_of", "read_dataset", "write_dataset"]

#: Output formats of :func:`write_dataset`; ``csv-de`` is what German Excel opens directly.
FORMATS: tuple[str, ...] = ("csv", "csv-de", "xlsx", "yaml", "json")

_SUFFIX_FORMATS = {".xlsx": "xlsx", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}
_SUPPORTED = "a folder of CSV files, .xlsx, .yaml, .yml or .json"


#: Link sheets whose rows may also be written as a list in a cell of another sheet (a network's ``regions``, an
#: ambassador's ``networks``), spread into them when the dataset is made: reading one means reading that one too.
LISTED_IN = {"network_regions": "networks", "ambassador_networks": "ambassadors"}


def read_dataset(path: Path | str, sheets: frozenset[str] | None = None) -> Dataset:
    """Read and validate a dataset; raises :class:`InputError` or ``ValidationFailed``.

    ``sheets``: read and check these sheets only (what a command needs), and those whose lists spread into
    them (:data:`LISTED_IN`); the dataset holds only them.
    """
    if sheets is not None:
        sheets = sheets | {LISTED_IN[sheet] for sheet in sheets & LISTED_IN.keys()}
    with paused_gc():
        return build_dataset(read_raw(Path(path), sheets), sheets)


def read_raw(path: Path, only: frozenset[str] | None = None) -> RawInput:
    """The rows of ``path`` as found, before validation (dispatch on folder or suffix); ``only``: of these sheets."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        return read_csv_folder(path, only)
    fmt = _SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt == "xlsx":
        from om_graph.dataset.io.excel import read_workbook  # openpyxl (and numpy) load only for a workbook

        return read_workbook(path, only)
    if fmt in ("yaml", "json"):
        raw = read_mapping_file(path)
        if only is not None:
            raw.sheets = [sheet for sheet in raw.sheets if sheet.name in only]
        return raw
    hint = {
        ".csv": "; give the folder that holds the CSV files, one per sheet",
        ".xls": "; save it as .xlsx (Excel Workbook)",
    }.get(path.suffix.lower(), "")
    raise InputError(f"{path}: unsupported input '{path.suffix or path.name}' (use {_SUPPORTED}){hint}")


def read_as_of(path: Path | str) -> dt.date | None:
    """The day a dataset says it describes (its ``meta`` sheet), reading nothing else.

    None when it says nothing, or when its ``meta`` sheet cannot be read: reading the whole
    dataset reports that, with every other problem.
    """
    try:
        return build_dataset(read_raw(Path(path), frozenset({"meta"}))).as_of
    except (InputError, ValidationFailed):
        return None


def format_for(path: Path | str) -> str:
    """The output format a path implies: its suffix, else a CSV folder."""
    return _SUFFIX_FORMATS.get(Path(path).suffix.lower(), "csv")


def write_dataset(dataset: Dataset, path: Path | str, fmt: str | None = None) -> None:
    """Write ``dataset`` as ``fmt`` (one of :data:`FORMATS`; by default from the path).

    All or nothing: on failure (:class:`OutputError`) existing output is left unchanged.
    """
    path = Path(path)
    fmt = fmt or format_for(path)
    if fmt in DIALECTS:
        write_csv_folder(dataset, path, fmt)
    elif fmt == "xlsx":
        from om_graph.dataset.io.excel import write_workbook

        write_workbook(dataset, path)
    elif fmt == "yaml":
        write_yaml(dataset, path)
    elif fmt == "json":
        write_json(dataset, path)
    else:
        raise UsageError(f"unknown format '{fmt}'; use one of: {', '.join(FORMATS)}")
