"""A table of text (a CSV file) parsed column by column: each distinct value of a column parsed once.

A landscape's tables repeat themselves: 200,000 memberships hold a few thousand dates, two
yes/no words and the ids of a few thousand networks. Parsing each distinct value once, and
stripping, checking and pairing cells with whole-column operations (which run in C, not one
Python step per cell), reads such a table in a fraction of a row-by-row parse. The parsers are
the same ones (:func:`om_graph.dataset.io.cells.text_converter`), so every value is what the
row-by-row parse gives. A row where anything is wrong is handed back by its index, to be parsed
row by row and reported cell by cell exactly as every other format's rows are.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from functools import cache
from typing import Any, Callable, get_origin

from om_graph.dataset.io import cells
from om_graph.dataset.io.raw import RawSheet
from om_graph.dataset.model import RECORD_TYPES
from om_graph.dataset.record import Record, Ref, build_records, split_list

#: Each sheet's parser per field for a non-blank, stripped text cell.
TEXT_CONVERTERS = {
    r.sheet: {name: cells.text_converter(field.annotation) for name, field in r.model_fields.items()}
    for r in RECORD_TYPES
}

#: A cell its parser refused (never a value).
_BAD = object()


def parses_fully(model: type[Record]) -> bool:
    """Do the cell parsers alone give every field's final value (no validator of the model's own)?

    True for the types the parsers know: text, dates, yes/no, numbers, choices and ``;``-lists.
    """
    for field in model.model_fields.values():
        if any(not isinstance(meta, Ref) and getattr(meta, "func", None) is not split_list for meta in field.metadata):
            return False
        base = cells.without_none(field.annotation)
        if not (base in (str, dt.date, bool, int, float) or get_origin(base) is list
                or isinstance(base, type) and issubclass(base, Enum)):
            return False
    return not model.__pydantic_decorators__.field_validators and not model.__pydantic_decorators__.model_validators


def parse_columns(
    sheet: RawSheet, model: type[Record], pool: dict[str, str]
) -> tuple[list[Record | None], list[tuple[int, dict[str, str]]]]:
    """The record of every row whose cells all parse (None for the others), and the others' index
    and cells by column name (to be parsed row by row, which names each problem).

    ``sheet.cells`` is consumed (set to None). Ids and references are shared through ``pool``, so a
    network id named by 200,000 memberships is one string, not 200,000.
    """
    rows, sheet.cells = sheet.cells or [], None
    count = len(rows)
    columns = list(zip(*rows)) if count else [() for _ in sheet.header or ()]
    del rows
    position = {name: i for i, name in enumerate(sheet.header or ())}
    converters = TEXT_CONVERTERS[model.sheet]
    shared = {name for name, field in model.model_fields.items()
              if name == "id" or any(isinstance(meta, Ref) for meta in field.metadata)}
    bad: set[int] = set()
    values_by_field: list[list[Any]] = []
    for name, field in model.model_fields.items():
        required = field.is_required()
        default = None if required else field.get_default(call_default_factory=True)
        index = position.get(name)
        if index is None:
            values_by_field.append([default] * count)  # a missing required column is reported at the header
            continue
        column = list(map(str.strip, columns[index]))
        convert = converters[name]
        if convert is str:
            joined = "".join(column)  # one check for the whole column; the rows only where it finds one (rare)
            if not joined.isprintable() and cells.CONTROL.search(joined):
                bad.update(i for i, text in enumerate(column) if cells.has_control(text))
            column = list(map(pool.setdefault, column, column)) if name in shared else _one_each(column)
            values = list(map({"": default}.get, column, column))  # blank -> the field's default
        else:
            parsed: dict[str, Any] = {"": default}
            for text in set(column):
                if text:
                    try:
                        parsed[text] = convert(text)
                    except cells.CellError:
                        parsed[text] = _BAD
            values = list(map(parsed.__getitem__, column))
            if _BAD in parsed.values():
                bad.update(i for i, value in enumerate(values) if value is _BAD)
            if any(value.__class__ is list for value in parsed.values()):
                values = [list(value) if value.__class__ is list else value for value in values]  # one list per row
        if required and "" in column:
            bad.update(i for i, text in enumerate(column) if not text)
        values_by_field.append(values)
    names = list(model.model_fields)
    fields = list(map(_row_maker(tuple(names)), *values_by_field)) if count else []
    given = {name for name in names if name in position}
    if bad:
        header = sheet.header or []
        failed = [(i, {name: column[i] for name, column in zip(header, columns)}) for i in sorted(bad)]
        built = iter(build_records(model, [f for i, f in enumerate(fields) if i not in bad], given))
        return [None if i in bad else next(built) for i in range(count)], failed
    return build_records(model, fields, given), []  # type: ignore[return-value]


@cache
def _row_maker(names: tuple[str, ...]) -> Callable[..., dict[str, Any]]:
    """A function of one value per field that returns the row's dict: a dict display (``{"id": _0, ...}``)
    sized once, where ``dict(zip(names, values))`` grows a dict pair by pair (a third slower at scale 100).

    ``names`` are a model's field names (identifiers from the code, never data).
    """
    if not all(name.isidentifier() for name in names):
        return lambda *values: dict(zip(names, values))
    args = ", ".join(f"_{i}" for i in range(len(names)))
    return eval(f"lambda {args}: {{{', '.join(f'{name!r}: _{i}' for i, name in enumerate(names))}}}")  # noqa: S307


def _one_each(column: list[str]) -> list[str]:
    """The column with equal texts as one object, where texts repeat (titles, places): memory, not meaning."""
    distinct = set(column)
    if len(distinct) * 2 > len(column):
        return column
    one = {text: text for text in distinct}
    return list(map(one.__getitem__, column))
