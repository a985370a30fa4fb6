"""What every reader hands to validation: rows as found, with where they were found.

Readers only know their format; validation only knows the model. This module is the
contract between them, so one validation serves CSV, Excel, YAML and JSON alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing a user must fix, shown as ``LOCATION:FIELD: message``.

    ``source`` names the file (``networks.csv``) or the file and sheet
    (``om.xlsx[networks]``); ``row`` and ``field`` are left out when they do not apply.

    >>> str(Problem("networks.csv", 3, "kind", "required"))
    'networks.csv:3:kind: required'
    >>> str(Problem("foo.csv", None, None, "unknown sheet 'foo'"))
    "foo.csv: unknown sheet 'foo'"
    """

    source: str
    row: int | None
    field: str | None
    message: str
    #: A cause others follow from (a sheet that could not be read): listed before everything else.
    cause: bool = False

    def __str__(self) -> str:
        location = self.source
        if self.row is not None:
            location += f":{self.row}"
        if self.field is not None:
            location += f":{self.field}"
        return f"{location}: {self.message}"

    @property
    def sort_key(self) -> tuple[bool, str, int]:
        """Causes first, then file and row; problems about a whole file come before its rows."""
        return (not self.cause, self.source, self.row or 0)


@dataclass(frozen=True)
class UnreadableCell:
    """A cell whose value the reader could not get (an Excel formula never calculated, an error value).

    Validation reports ``message`` at the cell's sheet, row and field, instead of reading a
    blank or the text ``#N/A``.
    """

    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class RawRow:
    """One row as read: values keyed by column name, not yet parsed."""

    row: int
    values: dict[str, Any]


@dataclass
class RawSheet:
    """One sheet as read from one place (a CSV file, a worksheet, a YAML key).

    Tabular sources give their ``header`` (column names, first of duplicates kept), so
    unknown columns are reported once at ``header_row`` rather than on every row.
    Mapping sources (YAML, JSON) have no header: each row names its own fields.
    """

    name: str
    source: str
    rows: list[RawRow] = field(default_factory=list)
    header: list[str] | None = None
    header_row: int = 1
    #: What the row numbers count, for messages such as "first at row 2".
    unit: str = "row"
    #: A table of text (a CSV file) whose columns are all named once keeps its rows here instead of in
    #: ``rows``: each row's cells in ``header`` order, as read (no longer than the header), and its number
    #: in ``numbers``. Validation reads them column by column, which costs a fraction of a dict per row.
    cells: list[list[str]] | None = None
    numbers: list[int] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        """The sheet's rows, in whichever form it holds them."""
        return len(self.rows) + (len(self.cells) if self.cells is not None else 0)


@dataclass
class RawInput:
    """Everything one reader found, plus the structural problems it noticed on the way."""

    sheets: list[RawSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Sheets that could not be read at all: references into them are not checked (each would be
    #: a follow-on problem of the one cause, already reported).
    unreadable: set[str] = field(default_factory=set)

    def cannot_read(self, sheet: str, problem: Problem) -> None:
        """Report why ``sheet`` could not be read, as a cause listed first."""
        self.problems.append(Problem(problem.source, problem.row, problem.field, problem.message, cause=True))
        self.unreadable.add(sheet)
