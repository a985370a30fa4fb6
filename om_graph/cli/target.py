"""Where a command writes: the format a file name implies, and never over the data it reads.

Checked before any work is done, so a refused ``--output`` costs nothing and writes nothing:

* a file's extension names its format: with no ``--format``, ``-o gaps.xlsx`` writes a workbook;
  ``--format xlsx -o gaps.csv`` (a workbook under a CSV name) is refused;
* ``-o`` naming the input dataset, or a ``.csv`` file in its folder (read as a sheet next time),
  is refused unless ``--force``;
* ``om-graph example`` and ``generate`` refuse a target that holds a dataset unless ``--force``.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from om_graph.errors import UsageError

F = TypeVar("F", bound=Enum)

#: What a file's extension says it holds. Text (``.txt``) says nothing: any text format fits.
SUFFIX_FORMATS = {
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".gexf": "gexf",
    ".graphml": "graphml",
}
#: Formats that are text for people: a table in a ``.md`` file is still readable.
_TEXT = {"markdown"}
#: The sheets of a CSV dataset are the ``.csv`` files of its folder.
_SHEET_SUFFIX = ".csv"


def format_for_output(fmt: F, output: Path | None, given: bool) -> F:
    """The format to write: ``--format`` if ``given`` (refused when the extension says otherwise), else the extension's.

    >>> from om_graph.cli.options import RowFormat
    >>> format_for_output(RowFormat.table, Path("stats.csv"), given=False).value
    'csv'
    """
    if output is None:
        return fmt
    suffix = output.suffix.lower()
    implied = SUFFIX_FORMATS.get(suffix)
    choices = [member.value for member in type(fmt)]
    if implied is None or (implied in _TEXT and implied not in choices):
        return fmt
    if implied == fmt.value or (implied == "csv" and fmt.value == "csv-de"):  # German Excel's CSV is a .csv file too
        return fmt
    if not given and implied in choices:
        return type(fmt)(implied)
    wanted = f"--format {fmt.value}" if given else f"the default format ({fmt.value})"
    fix = f"give --format {implied}" if implied in choices else f"the formats here are {', '.join(choices)}"
    raise UsageError(f"{output}: a {suffix} file cannot hold {wanted}; {fix}, or a file name that matches")


def format_given(name: str = "fmt") -> bool:
    """Did the user choose option ``name`` (on the command line, a variable or the config), rather than its default?"""
    context = _current_context()
    if context is None:
        return True
    source = context.get_parameter_source(name)
    return source is not None and source.name != "DEFAULT"


def _current_context() -> Any:
    try:
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import get_current_context
    return get_current_context(silent=True)


def refuse_input_as_output(output: Path | None, source: Path | None, force: bool) -> None:
    """``-o`` may not replace the dataset being read (the file, or a sheet file of the folder) unless ``--force``."""
    if output is None or source is None or force:
        return
    out, given = Path(os.path.realpath(output)), Path(os.path.realpath(source))
    if out == given:
        raise UsageError(f"{output}: is the input {source}; writing the report there would replace your data "
                         "(give another file, or --force)")
    if given.is_dir() and out.parent == given and out.suffix.lower() == _SHEET_SUFFIX:
        raise UsageError(f"{output}: is in the input folder {source}, where it would be read as a sheet next time "
                         "(give another folder, or --force)")


def check_output(values: dict[str, Any], source: Path | None, force: bool) -> None:
    """A command's ``--output`` before it runs: its format (``values['fmt']``, updated) and not over ``source``."""
    output = values.get("output")
    if output is None:
        return
    refuse_input_as_output(output, source, force)
    if isinstance(values.get("fmt"), Enum):
        values["fmt"] = format_for_output(values["fmt"], output, format_given())


def holds_dataset(target: Path) -> str | None:
    """What at ``target`` a new dataset would replace: an existing file, or a folder's sheet files."""
    if target.is_file() or (target.exists() and not target.is_dir()):
        return f"{target} exists"
    if target.is_dir():
        sheets = sorted(p.name for p in target.iterdir() if p.suffix.lower() == _SHEET_SUFFIX)
        if sheets:
            shown = ", ".join(sheets[:3]) + (f" and {len(sheets) - 3} more" if len(sheets) > 3 else "")
            return f"{target} holds a dataset ({shown})"
    return None
