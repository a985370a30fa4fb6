"""The input format reference (docs/data-format.md), generated from the model so it cannot drift."""

from __future__ import annotations

import types
import typing
from enum import Enum

from om_graph.dataset.model import RECORD_TYPES, references


def _type_name(annotation: object) -> str:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and args:
        annotation = args[0]
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
        return _type_name(annotation)
    if typing.get_origin(annotation) is list:
        return "texts, `;`-separated"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "one of: " + ", ".join(f"`{m.value}`" for m in annotation)
    return {"str": "text", "bool": "yes/no", "date": "date", "int": "integer", "float": "number"}.get(
        getattr(annotation, "__name__", str(annotation)), str(annotation)
    )


def data_format_markdown() -> str:
    lines = [
        "# Input data format",
        "",
        "Generated from `om_graph/dataset/model.py` by `python scripts/gen_docs.py`; do not edit by hand.",
        "",
        "A dataset is a set of sheets. Give it as an Excel workbook (one worksheet per sheet, header in",
        "row 1), a folder of CSV files named `<sheet>.csv`, or one YAML/JSON file mapping sheet names to",
        "lists of rows. Missing sheets are empty. Blank cells mean \"not recorded\": a criterion whose",
        "facts are not on record is reported as such (\"not on record: please check ...\"), never as not met.",
        "",
        "- **dates**: `2025-12-31` or `31.12.2025` (Excel date cells too)",
        "- **yes/no**: `true/false`, `yes/no`, `ja/nein`, `wahr/falsch`, `1/0`, `x`",
        "- **CSV**: UTF-8 (with or without BOM) or Windows-1252; separator `,`, `;` or tab, detected",
        "- **references**: a `…_id` column names the `id` of a row in another sheet; validation checks each",
        "- **lists**: several values in one cell, separated by `;` (or one per line); a list in YAML",
        "- **ids** of rows nothing refers to (activities, criticisms) may be left out",
        "- **meta**: one row; its `as_of` is the day the data describes, the audit date unless `--as-of` says",
        "",
    ]
    for rtype in RECORD_TYPES:
        refs = references(rtype)
        lines += [f"## `{rtype.sheet}`", "", rtype.doc, "", "| column | type | required | notes |", "| --- | --- | --- | --- |"]
        for name, field in rtype.model_fields.items():
            kind = _type_name(field.annotation)
            if name in refs:
                kind = f"ids in `{refs[name]}`, `;`-separated" if kind.startswith("texts") else f"id in `{refs[name]}`"
            required = "yes" if field.is_required() else ""
            notes = field.description or ""
            if not field.is_required() and field.default not in (None, ...):
                default = field.default.value if isinstance(field.default, Enum) else field.default
                notes = (notes + "; " if notes else "") + f"default `{str(default).lower() if isinstance(default, bool) else default}`"
            lines.append(f"| `{name}` | {kind} | {required} | {notes} |")
        if rtype.unique_together:
            lines += ["", "Unique together: " + ", ".join(f"`{c}`" for c in rtype.unique_together) + "."]
        lines.append("")
    return "\n".join(lines)
