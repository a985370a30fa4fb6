"""The rows a worksheet holds, read as stored: only rows that exist, and cells Excel could not give a value.

openpyxl pads every row to the sheet's used range, so one stray cell at ``XFD1048576``
makes a sheet of 17 billion cells. This reads the sheet's XML once, streaming, and
hands on only the rows in it, each as long as its last value. A cell whose formula
Excel never calculated (no saved value) or that holds an error value (``#N/A``) becomes
an :class:`~om_graph.dataset.io.raw.UnreadableCell`, which validation reports at its
sheet, row and column instead of reading a blank or the text ``#N/A``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from om_graph.dataset.io.raw import UnreadableCell

#: Excel's last row and column (XFD1048576): a reference beyond them is a damaged file.
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384


class DamagedSheet(ValueError):
    """The sheet's XML names a cell no workbook can hold."""


class _CellParser(WorkSheetParser):
    """openpyxl's sheet parser, telling a formula without a saved value from a blank cell."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["data_type"] = "uncalculated"
        return cell


def worksheet_rows(worksheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) of every row of a read-only worksheet that holds a value.

    ``worksheet`` comes from ``openpyxl.load_workbook(..., read_only=True, data_only=True)``;
    its parser and source are openpyxl's own (``_get_source``, ``_shared_strings``).
    """
    workbook = worksheet.parent
    with worksheet._get_source() as source:
        parser = _CellParser(
            source,
            worksheet._shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            values = {}
            for cell in cells:
                value = _value(cell)
                if value is not None:
                    values[cell["column"]] = value
            if not values:
                continue
            if number > MAX_ROW or max(values) > MAX_COLUMN:
                raise DamagedSheet(f"a cell beyond Excel's last one (XFD{MAX_ROW}) in row {number}")
            row: list[Any] = [None] * max(values)
            for column, value in values.items():
                row[column - 1] = value
            yield number, row


def _value(cell: dict[str, Any]) -> Any:
    where = f"{get_column_letter(min(cell['column'], MAX_COLUMN))}{cell['row']}"
    if cell["data_type"] == "uncalculated":
        return UnreadableCell(
            f"cell {where} holds a formula without a saved value; open the workbook in Excel and save it again"
        )
    if cell["data_type"] == "e":
        return UnreadableCell(f"cell {where} holds the Excel error {cell['value']}")
    return cell["value"]
