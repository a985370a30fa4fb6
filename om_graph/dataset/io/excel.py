"""An Excel workbook with one worksheet per sheet, named by its sheet key (``networks``).

Written for people: bold frozen header, real date cells, columns wide enough to read,
and every sheet present (empty ones with their header) so the file is also a template.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from enum import Enum
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError, InvalidFileException

from om_graph.errors import InputError
from om_graph.output import OutputError, atomic_file
from om_graph.dataset.io.raw import RawInput
from om_graph.dataset.io.table import read_table
from om_graph.dataset.model import RECORD_TYPES, Dataset

MIN_WIDTH, MAX_WIDTH = 8, 60


def read_workbook(path: Path) -> RawInput:
    """Every worksheet; locations read ``om.xlsx[networks]:3`` with Excel's row numbers."""
    try:
        # data_only: the values Excel last calculated, not the formulas behind them.
        workbook = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputError(f"{path}: not a readable Excel workbook (.xlsx): {error}") from None
    raw = RawInput()
    for worksheet in workbook.worksheets:
        name = worksheet.title.strip()
        sheet, problems = read_table(name, f"{path}[{name}]", worksheet.iter_rows(values_only=True))
        raw.sheets.append(sheet)
        raw.problems.extend(problems)
    workbook.close()
    return raw


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
    if isinstance(value, Enum):
        value = value.value
    try:
        cell = worksheet.cell(row=row, column=column, value=value)
    except IllegalCharacterError:
        raise OutputError(f"{location}: contains a control character Excel cannot store") from None
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text that merely looks like a formula stays text
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)
