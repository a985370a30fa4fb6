"""Turn raw rows from any reader into a Dataset, collecting every problem on the way.

A user fixing a spreadsheet wants the whole list at once, so nothing here stops at
the first problem: cells are parsed one by one, and ids, references and cycles are
checked on whatever parsed, even in rows that have other problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from om_graph.errors import ValidationFailed
from om_graph.dataset.io import cells
from om_graph.dataset.io.raw import Problem, RawInput, RawRow, RawSheet
from om_graph.dataset.model import RECORD_BY_SHEET, RECORD_TYPES, Dataset, Record, references

_CONVERTERS = {
    r.sheet: {name: cells.converter(field.annotation) for name, field in r.model_fields.items()}
    for r in RECORD_TYPES
}
#: The same parsers for text cells (all of CSV), which skip the type dispatch.
_TEXT_CONVERTERS = {
    r.sheet: {name: cells.text_converter(field.annotation) for name, field in r.model_fields.items()}
    for r in RECORD_TYPES
}
#: One validator per sheet for a whole list of rows: the same checks as ``model_validate`` on
#: each row, in one call (per-row calls were a third of reading a large dataset).
_LIST_ADAPTERS = {r.sheet: TypeAdapter(list[r]) for r in RECORD_TYPES}

#: Rows that may not point at themselves: sheet -> (field, other field, what it would mean).
SELF_REFERENCES: dict[str, tuple[str, str, str]] = {
    "borders": ("neighbour_id", "region_id", "region '{}' cannot border itself"),
    "cooperations": ("partner_network_id", "network_id", "network '{}' cannot cooperate with itself"),
    "sub_networks": ("parent_network_id", "network_id", "network '{}' cannot be its own sub-network"),
    "activities": ("partner_network_id", "network_id", "network '{}' cannot be its own partner network"),
}


@dataclass
class _Row:
    """One row after parsing: the values that parsed, and the record if the row is clean."""

    sheet: RawSheet
    row: RawRow
    values: dict[str, Any]
    record: Record | None

    def problem(self, field: str | None, message: str) -> Problem:
        return Problem(self.sheet.source, self.row.row, field, message)

    def at(self, other: _Row) -> str:
        return f"{self.sheet.unit} {other.row.row}"


def build_dataset(raw: RawInput) -> Dataset:
    """The dataset, or :class:`ValidationFailed` with every problem sorted by file then row."""
    problems = list(raw.problems)
    rows: dict[str, list[_Row]] = {sheet: [] for sheet in RECORD_BY_SHEET}
    source_of: dict[str, str] = {}
    for sheet in raw.sheets:
        if not sheet.rows and not sheet.header:
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
        rows[sheet.name] = _parse_sheet(sheet, model, missing_columns, problems)

    ids = _check_ids(rows, problems)
    _check_rows(rows, problems)
    _check_unique_together(rows, problems)
    _check_references(rows, ids, problems, raw.unreadable)
    _check_self_references(rows, problems)
    _check_cycles(rows, problems)
    _check_catalogue_versions(rows, problems)
    if problems:
        raise ValidationFailed(shown(problems), total=len(problems))
    return Dataset(**{sheet: [r.record for r in found] for sheet, found in rows.items()})


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
    if not sheet.rows:
        return set()  # a header-only table (a template) needs no required columns yet
    missing = {name for name, field in model.model_fields.items() if field.is_required() and name not in sheet.header}
    for name in model.model_fields:
        if name in missing:
            problems.append(Problem(sheet.source, sheet.header_row, name, "required column missing"))
    return missing


def _parse_sheet(sheet: RawSheet, model: type[Record], missing_columns: set[str], problems: list[Problem]) -> list[_Row]:
    """Every row of a sheet; rows whose cells all parse are validated together, in one call."""
    parsed = [_parse_cells(sheet, row, model, problems) for row in sheet.rows]
    clean = [p for p in parsed if p is not None]
    if clean and not missing_columns:
        try:
            records = _LIST_ADAPTERS[model.sheet].validate_python([p.values for p in clean])
        except ValidationError:
            pass  # some row is wrong: validate row by row below, to say which
        else:
            for row, record in zip(clean, records):
                row.record = record
    return [_parse_row(sheet, row, model, missing_columns, problems) if p is None or p.record is None else p
            for row, p in zip(sheet.rows, parsed)]


def _parse_cells(sheet: RawSheet, row: RawRow, model: type[Record], problems: list[Problem]) -> _Row | None:
    """The row with its cells parsed, or None if a cell needs :func:`_parse_row` (a problem, a non-text cell)."""
    text_converters = _TEXT_CONVERTERS[model.sheet]
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
    return _Row(sheet, row, values, None)


def _parse_row(
    sheet: RawSheet, row: RawRow, model: type[Record], missing_columns: set[str], problems: list[Problem]
) -> _Row:
    parsed = _Row(sheet, row, {}, None)
    reported = set(missing_columns)  # fields already reported: no "required" on top
    converters = _CONVERTERS[model.sheet]
    failed = False
    for column, cell in row.values.items():
        if column not in converters:
            if sheet.header is None:  # tables report unknown columns at the header
                problems.append(parsed.problem(column, f"unknown column; expected one of: {_columns(model)}"))
            continue
        if cells.is_blank(cell):
            continue
        try:
            parsed.values[column] = converters[column](cell)
        except cells.CellError as error:
            problems.append(parsed.problem(column, str(error)))
            reported.add(column)
            failed = True
    try:
        record = model.model_validate(parsed.values)
    except ValidationError as error:
        for detail in error.errors():
            field = str(detail["loc"][0]) if detail["loc"] else None
            if field not in reported:
                problems.append(parsed.problem(field, _message(detail)))
        return parsed
    if not failed:
        parsed.record = record
    return parsed


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


def _noun(sheet: str) -> str:
    """``networks`` -> ``network``, ``check_items`` -> ``check item``: for messages."""
    return sheet.removesuffix("s").replace("_", " ")


def _check_ids(rows: dict[str, list[_Row]], problems: list[Problem]) -> dict[str, dict[str, _Row]]:
    """Each sheet's ids (first occurrence wins); later occurrences are duplicates."""
    ids: dict[str, dict[str, _Row]] = {}
    for sheet, found in rows.items():
        if "id" not in RECORD_BY_SHEET[sheet].model_fields:
            continue
        first: dict[str, _Row] = ids.setdefault(sheet, {})
        for row in found:
            key = row.values.get("id")
            if key is None:
                continue
            if key in first:
                problems.append(row.problem("id", f"duplicate id '{key}' (first at {row.at(first[key])})"))
            else:
                first[key] = row
    return ids


def _check_unique_together(rows: dict[str, list[_Row]], problems: list[Problem]) -> None:
    for sheet, found in rows.items():
        fields = RECORD_BY_SHEET[sheet].unique_together
        if not fields:
            continue
        first: dict[tuple[Any, ...], _Row] = {}
        for row in found:
            values = row.values
            key = tuple([values.get(f) for f in fields])
            if None in key:
                continue
            if key in first:
                same = ", ".join(f"{f} '{v}'" for f, v in zip(fields, key))
                problems.append(row.problem(fields[0], f"duplicate of {row.at(first[key])} ({same})"))
            else:
                first[key] = row


def _check_rows(rows: dict[str, list[_Row]], problems: list[Problem]) -> None:
    """Sheets of one row (``meta``) hold one; rows that need one of several fields give one."""
    for sheet, found in rows.items():
        model = RECORD_BY_SHEET[sheet]
        if model.max_rows is not None:
            for row in found[model.max_rows :]:
                problems.append(row.problem(None, f"the {sheet} sheet holds {model.max_rows} row; this is another"))
        if model.one_of:
            for row in found:
                if all(row.values.get(f) is None for f in model.one_of):
                    problems.append(row.problem(model.one_of[0], f"give {_either(model.one_of)}"))


def _either(fields: tuple[str, ...]) -> str:
    return ", ".join(fields[:-1]) + f" or {fields[-1]}"


def _check_references(
    rows: dict[str, list[_Row]], ids: dict[str, dict[str, _Row]], problems: list[Problem], unreadable: set[str]
) -> None:
    """Every reference names a row of its sheet; a sheet that could not be read is not looked in
    (each reference into it would only repeat that it could not be read)."""
    for sheet, found in rows.items():
        refs = {f: target for f, target in references(RECORD_BY_SHEET[sheet]).items() if target not in unreadable}
        for row in found:
            for field, target in refs.items():
                value = row.values.get(field)
                for one in value if isinstance(value, list) else [value]:  # a list cell names several
                    if one is not None and one not in ids.get(target, {}):
                        problems.append(row.problem(field, f"no {_noun(target)} with id '{one}'"))


def _check_catalogue_versions(rows: dict[str, list[_Row]], problems: list[Problem]) -> None:
    """A self-declaration names a version of the Praxis-Check that the catalogue holds."""
    versions = {row.values.get("version") for row in rows.get("check_items", [])}
    for row in rows.get("self_declarations", []):
        version = row.values.get("catalogue_version")
        if version is not None and version not in versions:
            known = ", ".join(sorted(v for v in versions if v is not None)) or "none"
            problems.append(row.problem("catalogue_version", f"no check items of version '{version}' (versions: {known})"))


def _check_self_references(rows: dict[str, list[_Row]], problems: list[Problem]) -> None:
    for sheet, (field, other, message) in SELF_REFERENCES.items():
        for row in rows.get(sheet, []):
            value = row.values.get(field)
            if value is not None and value == row.values.get(other):
                problems.append(row.problem(field, message.format(value)))


def _check_cycles(rows: dict[str, list[_Row]], problems: list[Problem]) -> None:
    """Hierarchies (a reference into the own sheet, e.g. ``parent_id``) must end somewhere."""
    for sheet, found in rows.items():
        for field, target in references(RECORD_BY_SHEET[sheet]).items():
            if target != sheet:
                continue
            parent: dict[str, str | None] = {}
            row_of: dict[str, _Row] = {}
            for row in found:
                key = row.values.get("id")
                if key is not None and key not in row_of:
                    row_of[key], parent[key] = row, row.values.get(field)
            for cycle in _cycles(parent):
                start = min(range(len(cycle)), key=lambda i: row_of[cycle[i]].row.row)
                cycle = cycle[start:] + cycle[:start]
                path = " -> ".join([*cycle, cycle[0]])
                problems.append(row_of[cycle[0]].problem(field, f"{_noun(sheet)} cycle {path}"))


def _cycles(parent: dict[str, str | None]) -> list[list[str]]:
    """Every cycle of a child -> parent mapping, each once, in the order found.

    >>> _cycles({"a": "b", "b": "a", "c": "a", "d": "d", "e": None})
    [['a', 'b'], ['d']]
    """
    done: set[str] = set()
    cycles = []
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in done and node not in path:
            path.append(node)
            node = parent[node]
        if node is not None and node in path:
            cycles.append(path[path.index(node) :])
        done.update(path)
    return cycles
