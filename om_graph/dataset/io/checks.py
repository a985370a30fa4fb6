"""The checks across rows: ids, references, unique keys, cycles; on whatever parsed, to list every problem.

They read whole columns (:meth:`ParsedSheet.column`) and look at single rows only to report, so a
sheet of 200,000 clean rows costs a few set operations, not 200,000 Python steps per check.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from om_graph.dataset.io.raw import Problem
from om_graph.dataset.model import RECORD_BY_SHEET, Record, references

#: Rows that may not point at themselves: sheet -> (field, other field, what it would mean).
SELF_REFERENCES: dict[str, tuple[str, str, str]] = {
    "borders": ("neighbour_id", "region_id", "region '{}' cannot border itself"),
    "cooperations": ("partner_network_id", "network_id", "network '{}' cannot cooperate with itself"),
    "sub_networks": ("parent_network_id", "network_id", "network '{}' cannot be its own sub-network"),
    "activities": ("partner_network_id", "network_id", "network '{}' cannot be its own partner network"),
}


@dataclass
class ParsedSheet:
    """A sheet's rows after parsing, by position: each row's number, the values that parsed (a clean
    row's are its record's own fields, no copy) and its record, None where the row has a problem.

    The checks across rows read whole columns (:meth:`column`) and look at single rows only to report.
    """

    source: str = ""
    unit: str = "row"
    numbers: list[int] = dataclasses.field(default_factory=list)
    values: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    records: list[Record | None] = dataclasses.field(default_factory=list)
    _columns: dict[str, list[Any]] = dataclasses.field(default_factory=dict, repr=False, compare=False)

    def problem(self, index: int, field: str | None, message: str) -> Problem:
        return Problem(self.source, self.numbers[index], field, message)

    def at(self, index: int) -> str:
        return f"{self.unit} {self.numbers[index]}"

    def column(self, name: str) -> list[Any]:
        """Every row's value of field ``name`` (None where blank or not parsed); made once per field,
        as several checks read the same column (the checks only read it)."""
        found = self._columns.get(name)
        if found is None:
            found = self._columns[name] = list(map(dict.get, self.values, repeat(name)))
        return found


def check_across_rows(
    rows: dict[str, ParsedSheet], problems: list[Problem], unreadable: set[str], unread: frozenset[str] = frozenset()
) -> None:
    """Every check across rows; within one row, problems are listed in this order. Nothing is looked up in the
    sheets ``unread`` (left out of a read that asked for some sheets only)."""
    ids = _check_ids(rows, problems)
    _check_rows(rows, problems)
    _check_unique_together(rows, problems)
    _check_references(rows, ids, problems, unreadable | unread)
    _check_self_references(rows, problems)
    _check_cycles(rows, problems)
    if "check_items" not in unread:
        _check_catalogue_versions(rows, problems)


def _noun(sheet: str) -> str:
    """``networks`` -> ``network``, ``check_items`` -> ``check item``: for messages."""
    return sheet.removesuffix("s").replace("_", " ")


def _check_ids(rows: dict[str, ParsedSheet], problems: list[Problem]) -> dict[str, set[str]]:
    """Each sheet's ids (first occurrence wins); later occurrences are duplicates."""
    ids: dict[str, set[str]] = {}
    for sheet, found in rows.items():
        if "id" not in RECORD_BY_SHEET[sheet].model_fields:
            continue
        keys = found.column("id")
        given = [key for key in keys if key is not None]
        ids[sheet] = set(given)
        if len(ids[sheet]) == len(given):
            continue  # no duplicate: nothing to report
        first: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                continue
            if key in first:
                problems.append(found.problem(index, "id", f"duplicate id '{key}' (first at {found.at(first[key])})"))
            else:
                first[key] = index
    return ids


def _check_unique_together(rows: dict[str, ParsedSheet], problems: list[Problem]) -> None:
    for sheet, found in rows.items():
        fields = RECORD_BY_SHEET[sheet].unique_together
        if not fields:
            continue
        keys = list(zip(*[found.column(f) for f in fields]))
        if len(set(keys)) == len(keys):
            continue  # all distinct: nothing to report
        first: dict[tuple[Any, ...], int] = {}
        for index, key in enumerate(keys):
            if None in key:
                continue
            if key in first:
                same = ", ".join(f"{f} '{v}'" for f, v in zip(fields, key))
                problems.append(found.problem(index, fields[0], f"duplicate of {found.at(first[key])} ({same})"))
            else:
                first[key] = index


def _check_rows(rows: dict[str, ParsedSheet], problems: list[Problem]) -> None:
    """Sheets of one row (``meta``) hold one; rows that need one of several fields give one."""
    for sheet, found in rows.items():
        model = RECORD_BY_SHEET[sheet]
        if model.max_rows is not None:
            for index in range(model.max_rows, len(found.values)):
                problems.append(found.problem(index, None, f"the {sheet} sheet holds {model.max_rows} row; this is another"))
        if model.one_of:
            for index, values in enumerate(found.values):
                if all(values.get(f) is None for f in model.one_of):
                    problems.append(found.problem(index, model.one_of[0], f"give {_either(model.one_of)}"))


def _either(fields: tuple[str, ...]) -> str:
    return ", ".join(fields[:-1]) + f" or {fields[-1]}"


def _check_references(
    rows: dict[str, ParsedSheet], ids: dict[str, set[str]], problems: list[Problem], unreadable: set[str]
) -> None:
    """Every reference names a row of its sheet; a sheet that could not be read is not looked in
    (each reference into it would only repeat that it could not be read)."""
    for sheet, found in rows.items():
        refs = {f: target for f, target in references(RECORD_BY_SHEET[sheet]).items() if target not in unreadable}
        columns = {f: found.column(f) for f in refs}
        unknown = set()
        for field, target in refs.items():
            try:
                named = set(columns[field])
            except TypeError:  # list cells, each naming several: looked at one by one below
                unknown.add(field)
                continue
            named.discard(None)
            if not named <= ids.get(target, set()):
                unknown.add(field)
        if not unknown:
            continue
        for index in range(len(found.values)):  # in row order, as every check reports
            for field, target in refs.items():
                if field not in unknown:
                    continue
                value = columns[field][index]
                for one in value if isinstance(value, list) else [value]:
                    if one is not None and one not in ids.get(target, set()):
                        problems.append(found.problem(index, field, f"no {_noun(target)} with id '{one}'"))


def _check_catalogue_versions(rows: dict[str, ParsedSheet], problems: list[Problem]) -> None:
    """A self-declaration names a version of the Praxis-Check that the catalogue holds."""
    versions = set(rows["check_items"].column("version"))
    found = rows["self_declarations"]
    for index, version in enumerate(found.column("catalogue_version")):
        if version is not None and version not in versions:
            known = ", ".join(sorted(v for v in versions if v is not None)) or "none"
            problems.append(found.problem(index, "catalogue_version", f"no check items of version '{version}' (versions: {known})"))


def _check_self_references(rows: dict[str, ParsedSheet], problems: list[Problem]) -> None:
    for sheet, (field, other, message) in SELF_REFERENCES.items():
        found = rows[sheet]
        for index, (value, same) in enumerate(zip(found.column(field), found.column(other))):
            if value is not None and value == same:
                problems.append(found.problem(index, field, message.format(value)))


def _check_cycles(rows: dict[str, ParsedSheet], problems: list[Problem]) -> None:
    """Hierarchies (a reference into the own sheet, e.g. ``parent_id``) must end somewhere."""
    for sheet, found in rows.items():
        for field, target in references(RECORD_BY_SHEET[sheet]).items():
            if target != sheet:
                continue
            parent: dict[str, str | None] = {}
            row_of: dict[str, int] = {}
            for index, (key, up) in enumerate(zip(found.column("id"), found.column(field))):
                if key is not None and key not in row_of:
                    row_of[key], parent[key] = index, up
            for cycle in _cycles(parent):
                start = min(range(len(cycle)), key=lambda i: found.numbers[row_of[cycle[i]]])
                cycle = cycle[start:] + cycle[:start]
                path = " -> ".join([*cycle, cycle[0]])
                problems.append(found.problem(row_of[cycle[0]], field, f"{_noun(sheet)} cycle {path}"))


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
