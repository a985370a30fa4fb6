"""Where a CSV file goes wrong: the cell a quote opened in, the cell that holds a stray byte.

A quote that is never closed makes a CSV reader swallow every following line into one cell:
468 records become 435 and nothing says so. Files are therefore parsed strictly, and when
the parser stops, the record it was in is scanned to name the cell where the quote opened.
Rows are counted as the sheet's rows (records), as validation and spreadsheets count them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from om_graph.dataset.io.table import column_letter

#: The longest cell read (the csv module's own limit): a longer one is nearly always a quote
#: that was never closed, and a megabyte-long name is a mistake either way.
MAX_CELL = csv.field_size_limit()


class CsvProblem(ValueError):
    """The file stops being CSV at ``row`` (a record number), in column ``column`` (0-based) if known."""

    def __init__(self, message: str, row: int, column: int | None) -> None:
        super().__init__(message)
        self.row = row
        self.column = column


class CountingReader:
    """A strict CSV reader over ``text`` that knows which record it is in and where that record starts."""

    def __init__(self, text: str, delimiter: str) -> None:
        self.text = text
        self.delimiter = delimiter
        self.records = 0
        self._start_line = 1  # the line the next record starts on

    def all_rows(self) -> list[list[str]] | None:
        """Every record at once (the csv module's loop, in C), or None where the file stops being CSV:
        then iterating reports where (:class:`CsvProblem`)."""
        try:
            rows = list(csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True))
        except csv.Error:
            return None
        self.records = len(rows)
        return rows

    def __iter__(self) -> Iterator[list[str]]:
        self._reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter, strict=True)
        while True:
            self._start_line = self._reader.line_num + 1
            try:
                record = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise self._problem(str(error)) from None
            self.records += 1
            yield record

    def _problem(self, error: str) -> CsvProblem:
        row = self.records + 1
        rest = "".join(list(io.StringIO(self.text, newline=""))[self._start_line - 1 :])  # lines as csv counts them
        opened = _quote_opened(rest, self.delimiter)
        if opened is not None:
            column, closed = opened
            if closed:
                message = ("a quote opens this cell and closes before its end; inside a quoted cell write a quote "
                           'twice ("")')
            else:
                message = "a quote opens this cell and is never closed; the rest of the file would be read into it"
            return CsvProblem(message, row, column)
        if "field larger than field limit" in error:
            return CsvProblem(f"a cell longer than {MAX_CELL:,} characters (the most om-graph reads)", row, None)
        return CsvProblem(f"not readable as CSV ({error})", row, None)


def _quote_opened(text: str, delimiter: str) -> tuple[int, bool] | None:
    """The column of the first cell in ``text``'s first record whose opening quote does not end the cell.

    Returns (column, closed): ``closed`` False when the quote is never closed at all.

    >>> _quote_opened('n1,"OM Nord,regional\\nn2,"Süd",x\\n', ",")
    (1, True)
    >>> _quote_opened('n1,"OM Nord,regional\\nn2,Süd\\n', ",")
    (1, False)
    >>> _quote_opened('n1,"ok ""x"" y",z\\n', ",") is None
    True
    """
    column, i, end = 0, 0, len(text)
    while i < end:
        if text[i] == '"':
            j = i + 1
            while True:
                k = text.find('"', j)
                if k == -1:
                    return column, False
                if text.startswith('""', k):
                    j = k + 2
                    continue
                break
            if text[k + 1 : k + 2] not in (delimiter, "\r", "\n", ""):
                return column, True
            i = k + 1
        else:
            while i < end and text[i] not in (delimiter, "\r", "\n"):
                i += 1
        if i >= end or text[i] in "\r\n":
            return None  # the record ended: its quotes are fine
        column += 1  # a delimiter
        i += 1
    return None


def cell_with(text: str, delimiter: str, mark: str) -> tuple[int, int] | None:
    """(row, column) of the first cell holding ``mark``, parsing leniently; None if no cell does.

    >>> cell_with("id;name\\nn1;M\\ufffdnchen\\n", ";", "\\ufffd")
    (2, 1)
    """
    for row, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
        for column, cell in enumerate(record):
            if mark in cell:
                return row, column
    return None


def header_of(text: str, delimiter: str) -> list[str]:
    """The first record, read leniently: the column names, to name a cell in a problem."""
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])


def column_name(header: Sequence[str] | None, column: int | None) -> str | None:
    """The field a column holds: its header name, else its letter (``E``)."""
    if column is None:
        return None
    if header and column < len(header) and header[column].strip():
        return header[column].strip()
    return column_letter(column)
