"""Rows of cells with a header row, as CSV files and worksheets both are.

Finds the header, keeps column names apart from their values and reports the
structural problems of a table (no header, duplicate column) once, at the header,
instead of on every row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from om_graph.dataset.io.cells import is_blank
from om_graph.dataset.io.raw import Problem, RawRow, RawSheet


def column_letter(index: int) -> str:
    """Spreadsheet column name for a 0-based index, as users see it in Excel.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


#: Columns without header named one by one; more are counted in one line.
_LISTED_COLUMNS = 5


def read_table(name: str, source: str, rows: Iterable[Sequence[Any]], text: bool = False) -> tuple[RawSheet, list[Problem]]:
    """Build a sheet from rows numbered from 1; the first non-blank row is the header.

    Blank rows are skipped but still counted, so row numbers match the spreadsheet. With ``text``
    (every cell is a ``str``, as in a CSV file) rows that fit the header are kept as cells
    (:attr:`RawSheet.cells`), not as a dict each.
    """
    if text and isinstance(rows, list):
        whole = _plain_text_table(name, source, rows)
        if whole is not None:
            return whole, []
    return read_numbered_table(name, source, enumerate(rows, start=1), text)


def _plain_text_table(name: str, source: str, rows: list[list[str]]) -> RawSheet | None:
    """The sheet of a text table as written (header in row 1, every column named once, every row as
    wide as the header, no blank row) in whole-list steps; None for any other table.

    It is the sheet :func:`read_numbered_table` builds for such a table (which then reports nothing),
    without a Python step per row.
    """
    if not rows or not "".join(rows[0]).strip():
        return None
    header = rows[0]
    names = [cell.strip() for cell in header]
    if not all(names) or len(set(names)) != len(names):
        return None
    data = rows[1:]
    if data and (set(map(len, data)) != {len(header)} or not all(map(str.strip, map("".join, data)))):
        return None
    sheet = RawSheet(name=name, source=source, header=names, cells=data)
    sheet.numbers = list(range(2, len(data) + 2))
    return sheet


def read_numbered_table(
    name: str, source: str, numbered: Iterable[tuple[int, Sequence[Any]]], text: bool = False
) -> tuple[RawSheet, list[Problem]]:
    """:func:`read_table` for rows that carry their own numbers (a workbook lists only the rows it holds)."""
    sheet = RawSheet(name=name, source=source, header=[])
    seen_header = False
    problems: list[Problem] = []
    columns: dict[int, str] = {}  # index of each usable column -> its name
    named: set[int] = set()  # every column with a header, duplicates included
    unnamed_with_values: set[int] = set()
    width = 0  # columns that have a header: cells beyond them need the slow check
    kept: list[list[str]] | None = None  # rows as cells (text tables whose columns are all named once)
    for number, cells in numbered:
        if text:
            if not "".join(cells).strip():  # every cell blank, in one step
                continue
        elif all(is_blank(c) for c in cells):
            continue
        if not seen_header:
            seen_header, sheet.header_row = True, number
            named = {i for i, c in enumerate(cells) if not is_blank(c)}
            columns = _header_columns(cells, source, number, problems)
            sheet.header = list(columns.values())
            width = len(cells)
            plain = len(columns) == width  # every column named once: values zip with the names
            names = [columns[i] for i in range(width)] if plain else []
            if text and plain:
                kept, sheet.cells = [], None
                numbers = sheet.numbers
            continue
        if kept is not None:
            if len(cells) == width:
                kept.append(cells)  # type: ignore[arg-type]
                numbers.append(number)
                continue
            if len(cells) < width:
                kept.append([*cells, *[""] * (width - len(cells))])  # missing cells are blank
                numbers.append(number)
                continue
            # A row longer than the header: from here on rows as dicts, the ones kept so far first.
            sheet.rows = [RawRow(n, dict(zip(names, c))) for n, c in zip(numbers, kept)]
            kept, sheet.numbers = None, []
        if plain and len(cells) <= width:
            # The common case (a CSV row as written): cells pair with the names, nothing unnamed.
            values = dict(zip(names, cells))
        else:
            values = {columns[i]: c for i, c in enumerate(cells) if i in columns}
            unnamed_with_values.update(i for i, c in enumerate(cells) if i not in named and not is_blank(c))
        # The row is not blank (checked above), but its values may all be in unnamed columns.
        if plain and len(cells) <= width or any(not is_blank(v) for v in values.values()):
            sheet.rows.append(RawRow(number, values))
    if kept is not None:
        sheet.cells = kept
    unnamed = sorted(unnamed_with_values)
    if len(unnamed) > _LISTED_COLUMNS:  # a row of 100,000 stray cells is one mistake: one line
        shown = ", ".join(column_letter(i) for i in unnamed[:_LISTED_COLUMNS])
        message = f"{len(unnamed):,} columns have values but no header ({shown}, ...)"
        problems.append(Problem(source, sheet.header_row, None, message))
        return sheet, problems
    for index in unnamed:
        problems.append(
            Problem(source, sheet.header_row, None, f"column {column_letter(index)} has values but no header")
        )
    return sheet, problems


def _header_columns(cells: Sequence[Any], source: str, row: int, problems: list[Problem]) -> dict[int, str]:
    """Usable columns by index; a repeated name is reported and its column ignored."""
    columns: dict[int, str] = {}
    first_at: dict[str, int] = {}
    for index, cell in enumerate(cells):
        if is_blank(cell):
            continue
        name = str(cell).strip()
        if name in first_at:
            problems.append(
                Problem(source, row, name, f"duplicate column (first in column {column_letter(first_at[name])})")
            )
            continue
        first_at[name] = index
        columns[index] = name
    return columns
