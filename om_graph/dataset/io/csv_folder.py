"""A folder of CSV files, one per sheet (``networks.csv``), as Excel or any tool saves them.

The dialect is detected, not configured: German Excel saves semicolon-separated
Windows-1252 (or UTF-8 with a BOM), everything else mostly comma-separated UTF-8, some with a BOM.
Written files use om-graph's dialects (:data:`om_graph.output.CSV_DIALECTS`).
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from om_graph.errors import InputError
from om_graph.output import CSV_DIALECTS, CsvDialect, OutputError, atomic_folder, csv_value
from om_graph.dataset.io.csv_problems import CountingReader, CsvProblem, cell_with, column_name, header_of
from om_graph.dataset.io.raw import Problem, RawInput
from om_graph.dataset.io.text import NotText, decode_table
from om_graph.dataset.io.table import read_table
from om_graph.dataset.model import RECORD_TYPES, Dataset

DELIMITERS = (";", ",", "\t")
_SEP_HINT = re.compile(r"sep=(.)\r?\n", re.IGNORECASE)  # Excel's "sep=;" first line


def read_csv_folder(folder: Path, only: frozenset[str] | None = None) -> RawInput:
    """Every ``*.csv`` file in ``folder`` (not below it), or those of the sheets ``only``; locations use the bare file name.

    A file that cannot be read as a whole (a link to nothing, bytes that are not text, a quote
    never closed) is reported where it goes wrong, and its sheet is marked unreadable.
    """
    raw = RawInput()
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() != ".csv" or file.name.startswith((".", "~$")):
            continue  # hidden files and Excel's lock files are not data
        if only is not None and file.stem not in only:
            continue
        if not file.is_file():
            if file.is_symlink() and not file.exists():
                raw.cannot_read(file.stem, Problem(file.name, None, None, f"a link to {os.readlink(file)}, which does not exist"))
            continue
        try:
            data = file.read_bytes()
        except OSError as error:
            raise InputError(f"{file}: cannot read ({error.strerror})") from None
        _read_file(file, data, raw)
    return raw


def _read_file(file: Path, data: bytes, raw: RawInput) -> None:
    """One sheet file into ``raw``: its sheet and problems, or why it could not be read."""
    try:
        text = decode_table(data)
    except NotText as error:
        delimiter, lenient = detect_delimiter(data.decode("utf-8", errors="replace"))
        found = cell_with(lenient, delimiter, "\ufffd")
        row, column = found if found else (None, None)
        field = column_name(header_of(lenient, delimiter), column)
        raw.cannot_read(file.stem, Problem(file.name, row, field, f"line {error.line}: {error}"))
        return
    delimiter, text = detect_delimiter(text)
    reader = CountingReader(text, delimiter)
    rows = reader.all_rows()  # None: the file is not CSV somewhere, and reading it record by record says where
    try:
        sheet, problems = read_table(file.stem, file.name, reader if rows is None else rows, text=True)
    except CsvProblem as error:
        field = column_name(header_of(text, delimiter), error.column)
        raw.cannot_read(file.stem, Problem(file.name, error.row, field, str(error)))
        return
    raw.sheets.append(sheet)
    raw.problems.extend(problems)


def detect_delimiter(text: str) -> tuple[str, str]:
    """The delimiter among ``; , tab`` used most in the header line, and the text to parse.

    Column names never contain a delimiter, so counting in the header is reliable where
    sniffing data rows (full of commas in names) is not. Excel's ``sep=`` line wins.

    >>> detect_delimiter("id;name\\nn1;OM Nord, Süd\\n")[0]
    ';'
    >>> detect_delimiter("sep=,\\nid;name\\n")
    (',', 'id;name\\n')
    """
    if hint := _SEP_HINT.match(text):
        return hint[1], text[hint.end() :]
    header = _first_line(text)
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return (best if counts[best] else ","), text


def _first_line(text: str) -> str:
    """The first non-blank line of ``text`` as ``text.splitlines()`` has it, without splitting all of a large file."""
    size = 1 << 16
    while True:
        whole = size >= len(text)
        lines = text[:size].splitlines()
        for line in lines if whole else lines[:-1]:  # the last line of a slice may go on beyond it
            if line.strip():
                return line
        if whole:
            return ""
        size *= 16


#: The dialects a dataset is written in: om-graph's one definition of ``csv`` and ``csv-de`` (what
#: German Excel opens on a double click: semicolon, UTF-8 with BOM, decimal comma, 31.12.2025, ja/nein).
DIALECTS: dict[str, CsvDialect] = CSV_DIALECTS


def write_csv_folder(dataset: Dataset, folder: Path, fmt: str) -> None:
    """One file per sheet with rows, columns in model order; other sheets' files removed."""
    dialect = DIALECTS[fmt]
    with atomic_folder(folder, [f"{r.sheet}.csv" for r in RECORD_TYPES]) as tmp:
        for record_type in RECORD_TYPES:
            records = dataset.records(record_type.sheet)
            if not records:
                continue
            name = f"{record_type.sheet}.csv"
            fields = list(record_type.model_fields)
            rows = [fields]
            for number, record in enumerate(records, start=2):
                row = [csv_value(getattr(record, f), dialect) for f in fields]
                for field, text in zip(fields, row):
                    _check_encodable(text, dialect, f"{folder / name}:{number}:{field}")
                rows.append(row)
            with open(tmp / name, "w", encoding=dialect.encoding, newline="") as out:
                csv.writer(out, delimiter=dialect.delimiter).writerows(rows)


def _check_encodable(text: str, dialect: CsvDialect, location: str) -> None:
    try:
        text.encode(dialect.encoding)
    except UnicodeEncodeError as error:
        char = text[error.start]
        raise OutputError(
            f"{location}: {char!r} cannot be written in {dialect.encoding} (a lone surrogate is no character)"
        ) from None
