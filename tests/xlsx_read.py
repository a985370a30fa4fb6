"""Reading back what the workbook writer wrote, as Excel reads it."""

from __future__ import annotations

from typing import Any


def column_width(ws: Any, column: int) -> float | None:
    """The width Excel shows column ``column`` (1-based) at: a ``<col>`` entry may span several columns,
    which openpyxl files under the first one's letter only."""
    for dimension in ws.column_dimensions.values():
        if dimension.customWidth and dimension.min <= column <= dimension.max:
            return dimension.width
    return None
