"""Turn raw rows from any reader into a Dataset, collecting every problem on the way.

A user fixing a spreadsheet wants the whole list at once, so nothing here stops at
the first problem: cells are parsed one by one, and ids, references and cycles are
checked on whatever parsed, even in rows that have other problems
(:mod:`om_graph.dataset.io.checks`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import TypeAdapter, ValidationError

from om_graph.errors import ValidationFailed
from om_graph.dataset.io import cells
from om_graph.dataset.io.checks import ParsedSheet, check_across_rows
from om_graph.dataset.io.columns import TEXT_CONVERTERS, parse_columns, parses_fully
from om_graph.dataset.io.raw import Problem, RawInput, RawRow, RawSheet
from om_graph.dataset.model import RECORD_BY_SHEET, RECORD_TYPES, Dataset, Record

_CONVERTERS = {
    r.sheet: {name: cells.converter(field.annotation) for name, field in r.model_fields.items()}
    for r in RECORD_TYPES
}
#: One validator per sheet for a whole list of rows: the same checks as ``model_validate`` on
#: each row, in one call (per-row calls were a third of reading a large dataset).
_LIST_ADAPTERS = {r.sheet: TypeAdapter(list[r]) for r in RECORD_TYPES}


def build_dataset(raw: RawInput, sheets: frozenset[str] | None = None) -> Dataset:
    """The dataset, or :class:`ValidationFailed` with every problem sorted by file then row.

    ``sheets``: the rows are of these sheets only (:func:`om_graph.dataset.io.read_raw` with ``only``), checked
    among themselves; references into the others are not looked up, and the dataset says what it holds.
    """
    problems = list(raw.problems)
    rows: dict[str, ParsedSheet] = {sheet: ParsedSheet() for sheet in RECORD_BY_SHEET}
    source_of: dict[str, str] = {}
    pool: dict[str, str] = {}  # ids and references as one string each, shared by all sheets
    for sheet in raw.sheets:
        if not sheet.row_count and not sheet.header:
            continue  # an empty sheet, e.g. Excel's default "Tabelle1", says nothing
        model = RECORD_BY_SHEET.get(sheet.name)
        if model is None:
            expected = ", ".join(RECORD_BY_SHEET)
            message = f"unknown sheet '{sheet.name}'; expected one of: {expected}"
            problems.append(Problem(sheet.source, None, None, message))
            continue
        if sheet.name in source_of:
            message = f"sheet '{sheet.name}' given twice (also {source_of[sheet.name]})"
            problems.append(Problem(sheet.source, None, None, message))
            continue
        source_of[sheet.name] = sheet.source
        missing_columns = _check_header(sheet, model, problems)
        rows[sheet.name] = _parse_sheet(sheet, model, missing_columns, problems, pool)
    del pool

    check_across_rows(rows, problems, raw.unreadable, frozenset() if sheets is None else frozenset(RECORD_BY_SHEET) - sheets)
    if problems:
        raise ValidationFailed(shown(problems), total=len(problems))
    dataset = Dataset(**{sheet: found.records for sheet, found in rows.items()})
    if sheets is not None:
        dataset._sheets = frozenset(sheets)
    return dataset


#: The most problems listed for one file or sheet: a column of 100,000 bad cells is one mistake, and
#: the first ones show it; the rest are counted.
MAX_PER_SOURCE = 100


def shown(problems: list[Problem]) -> list[str]:
    """The problems as lines, causes first, then by file and row; at most :data:`MAX_PER_SOURCE` per source,
    the rest counted in one line after that source's last."""
    seen: dict[str, int] = {}
    kept: list[Problem] = []
    for problem in sorted(problems, key=lambda p: p.sort_key):
        seen[problem.source] = seen.get(problem.source, 0) + 1
        if seen[problem.source] <= MAX_PER_SOURCE:
            kept.append(problem)
    hidden = {source: count - MAX_PER_SOURCE for source, count in seen.items() if count > MAX_PER_SOURCE}
    lines = []
    for index, problem in enumerate(kept):
        lines.append(str(problem))
        last = index + 1 == len(kept) or kept[index + 1].source != problem.source
        if last and problem.source in hidden:
            more = hidden.pop(problem.source)
            lines.append(str(Problem(problem.source, None, None, f"{more:,} more problems not shown (the first {MAX_PER_SOURCE} are)")))
    return lines


def _columns(model: type[Record]) -> str:
    return ", ".join(model.model_fields)


def _check_header(sheet: RawSheet, model: type[Record], problems: list[Problem]) -> set[str]:
    """Unknown and missing required columns of a table, reported once; returns the missing."""
    if sheet.header is None:
        return set()
    for column in sheet.header:
        if column not in model.model_fields:
            problems.append(
                Problem(sheet.source, sheet.header_row, column, f"unknown column; expected one of: {_columns(model)}")
            )
    if not sheet.row_count:
        return set()  # a header-only table (a template) needs no required columns yet
    missing = {name for name, field in model.model_fields.items() if field.is_required() and name not in sheet.header}
    for name in model.model_fields:
        if name in missing:
            problems.append(Problem(sheet.source, sheet.header_row, name, "required column missing"))
    return missing


_parses_fully = cache(parses_fully)


def _parse_sheet(
    sheet: RawSheet, model: type[Record], missing_columns: set[str], problems: list[Problem], pool: dict[str, str]
) -> ParsedSheet:
    """Every row of a sheet. A text table is parsed column by column; other rows whose cells all parse
    are validated together, in one call. Rows with a problem are parsed row by row, to say which."""
    parsed = ParsedSheet(sheet.source, sheet.unit)
    if sheet.cells is not None and not missing_columns and _parses_fully(model):
        numbers = parsed.numbers = sheet.numbers
        records, failed = parse_columns(sheet, model, pool)
        values = [r.__dict__ if r is not None else {} for r in records]
        for index, found in failed:
            values[index], records[index] = _parse_row(sheet, RawRow(numbers[index], found), model, missing_columns, problems)
        parsed.values, parsed.records = values, records
        return parsed
    if sheet.cells is not None:  # a required column missing, or a model the cell parsers do not cover: as rows
        header = sheet.header or []
        sheet.rows = [RawRow(n, dict(zip(header, c))) for n, c in zip(sheet.numbers, sheet.cells)]
        sheet.cells, sheet.numbers = None, []
    found = [_parse_cells(row, model) for row in sheet.rows]
    clean = [(i, values) for i, values in enumerate(found) if values is not None]
    records: list[Record | None] = [None] * len(found)
    if clean and not missing_columns:
        try:
            valid = _LIST_ADAPTERS[model.sheet].validate_python([values for _, values in clean])
        except ValidationError:
            pass  # some row is wrong: validate row by row below, to say which
        else:
            for (i, values), record in zip(clean, valid):
                found[i], records[i] = values, record
    for i, row in enumerate(sheet.rows):
        if records[i] is None:
            found[i], records[i] = _parse_row(sheet, row, model, missing_columns, problems)
    parsed.numbers = [row.row for row in sheet.rows]
    parsed.values, parsed.records = found, records  # type: ignore[assignment]
    return parsed


def _parse_cells(row: RawRow, model: type[Record]) -> dict[str, Any] | None:
    """The row's cells parsed, or None if a cell needs :func:`_parse_row` (a problem, a non-text cell)."""
    text_converters = TEXT_CONVERTERS[model.sheet]
    values: dict[str, Any] = {}
    for column, cell in row.values.items():
        if cell is None:
            continue
        if cell.__class__ is not str:
            return None
        text = cell.strip()
        if not text:
            continue
        convert = text_converters.get(column)
        if convert is str:  # most cells: the stripped text is the value
            if cells.has_control(text):
                return None  # the slow path names the character
            values[column] = text
            continue
        if convert is None:
            return None
        try:
            values[column] = convert(text)
        except cells.CellError:
            return None
    return values


def _parse_row(
    sheet: RawSheet, row: RawRow, model: type[Record], missing_columns: set[str], problems: list[Problem]
) -> tuple[dict[str, Any], Record | None]:
    """One row parsed cell by cell, every problem reported: the values that parsed, and the record if none."""
    values: dict[str, Any] = {}
    reported = set(missing_columns)  # fields already reported: no "required" on top
    converters = _CONVERTERS[model.sheet]
    failed = False
    for column, cell in row.values.items():
        if column not in converters:
            if sheet.header is None:  # tables report unknown columns at the header
                problems.append(Problem(sheet.source, row.row, column, f"unknown column; expected one of: {_columns(model)}"))
            continue
        if cells.is_blank(cell):
            continue
        try:
            values[column] = converters[column](cell)
        except cells.CellError as error:
            problems.append(Problem(sheet.source, row.row, column, str(error)))
            reported.add(column)
            failed = True
    try:
        record = model.model_validate(values)
    except ValidationError as error:
        for detail in error.errors():
            field = str(detail["loc"][0]) if detail["loc"] else None
            if field not in reported:
                problems.append(Problem(sheet.source, row.row, field, _message(detail)))
        return values, None
    return values, None if failed else record


def _message(detail: Any) -> str:
    """A pydantic error in the words of the cell parser (rarely reached: cells parse first)."""
    kind = detail["type"]
    if kind == "missing":
        return "required"
    if kind.startswith("date"):
        return cells.DATE_MESSAGE
    if kind.startswith("bool"):
        return cells.BOOL_MESSAGE
    if kind.startswith("int"):
        return cells.INT_MESSAGE
    if kind.startswith("float"):
        return cells.FLOAT_MESSAGE
    message = str(detail["msg"])
    return message[:1].lower() + message[1:]
