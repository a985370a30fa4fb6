"""An Excel workbook with one worksheet per sheet, named by its sheet key (``networks``).

Written for people: bold frozen header, real date cells, columns wide enough to read,
and every sheet present (empty ones with their header) so the file is also a template.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
from enum import Enum
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException

from om_graph.errors import InputError
from om_graph.output import OutputError, atomic_file, looks_like_formula
from om_graph.dataset.io.raw import RawInput
from om_graph.dataset.io.table import read_numbered_table
from om_graph.dataset.io.worksheet import worksheet_rows
from om_graph.dataset.model import RECORD_TYPES, Dataset

MIN_WIDTH, MAX_WIDTH = 8, 60


def read_workbook(path: Path, only: frozenset[str] | None = None) -> RawInput:
    """Every worksheet, or those of the sheets ``only``; locations read ``om.xlsx[networks]:3`` with Excel's row numbers.

    The workbook is streamed (read-only) and only the rows it holds are read (:mod:`.worksheet`);
    the values are those Excel last calculated. Any damage (not a zip, broken XML, a text the
    workbook does not hold, an entity-expansion bomb) is one :class:`InputError`.
    """
    tables: list[tuple[str, list[tuple[int, list[Any]]]]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on features it skips are not the user's problem
            workbook = openpyxl.load_workbook(path, data_only=True, read_only=True)
            try:
                for worksheet in workbook.worksheets:
                    name = worksheet.title.strip()
                    if only is None or name in only:
                        tables.append((name, list(worksheet_rows(worksheet))))
            finally:
                workbook.close()
    except MemoryError:
        raise
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    except Exception as error:  # noqa: BLE001 - whatever is broken inside the zip, it is the file's problem
        raise InputError(f"{path}: not a readable Excel workbook (.xlsx): {_damage(error)}") from None
    raw = RawInput()
    for name, rows in tables:
        sheet, problems = read_numbered_table(name, f"{path}[{name}]", rows)
        raw.sheets.append(sheet)
        raw.problems.extend(problems)
    return raw


def _damage(error: Exception) -> str:
    """What is wrong with a workbook, in one line."""
    if isinstance(error, (InvalidFileException, zipfile.BadZipFile)):
        return f"not an .xlsx file ({_first_line(error)})"
    if isinstance(error, ParseError) or type(error).__name__ == "ParseError":
        return f"damaged XML inside ({_first_line(error)})"
    if isinstance(error, IndexError):
        return "a cell refers to a text the workbook does not hold (damaged shared strings)"
    if isinstance(error, KeyError):
        return f"a part is missing ({_first_line(error)})"
    return _first_line(error) or type(error).__name__


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [""])[0][:200]


def write_workbook(dataset: Dataset, path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for record_type in RECORD_TYPES:
        worksheet = workbook.create_sheet(record_type.sheet)
        fields = list(record_type.model_fields)
        worksheet.append(fields)
        for cell in worksheet[1]:
            cell.font = bold
        worksheet.freeze_panes = "A2"
        widths = [len(f) for f in fields]
        for number, record in enumerate(dataset.records(record_type.sheet), start=2):
            for column, field in enumerate(fields, start=1):
                value = getattr(record, field)
                _set_cell(worksheet, number, column, value, f"{path}[{record_type.sheet}]:{number}:{field}")
                widths[column - 1] = max(widths[column - 1], _display_width(value))
        for column, width in enumerate(widths, start=1):
            worksheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    with atomic_file(path) as tmp:
        workbook.save(tmp)


def _set_cell(worksheet: Any, row: int, column: int, value: Any, location: str) -> None:
    if value is None:
        return
    if isinstance(value, list):  # a list cell, as people write it
        value = "; ".join(str(v) for v in value)
    if isinstance(value, Enum):
        value = value.value
    try:
        cell = worksheet.cell(row=row, column=column, value=value)
    except IllegalCharacterError:
        raise OutputError(f"{location}: contains a control character Excel cannot store") from None
    if looks_like_formula(value):
        cell.data_type = "s"  # text that merely looks like a formula stays text, also once edited in Excel
        cell.quotePrefix = True
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return max((len(line) for line in str(value).splitlines()), default=0)
