"""One YAML or JSON file holding a mapping ``{sheet: [rows]}``, each row ``{field: value}``.

YAML is read with only ``null`` resolved: every other scalar stays text and is parsed
by field type like a CSV cell, so ``code: 0712`` stays ``"0712"`` instead of becoming
the octal number 458, and ``open: ja`` means what a German user meant.
"""

from __future__ import annotations

import json
import re
from enum import Enum
from pathlib import Path
from typing import Any

import yaml

from om_graph.errors import InputError
from om_graph.output import atomic_file
from om_graph.dataset.io.raw import Problem, RawInput, RawRow, RawSheet
from om_graph.dataset.io.text import NotText, decode_utf8
from om_graph.dataset.model import RECORD_BY_SHEET, RECORD_TYPES, Dataset

_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"


class _TextLoader(yaml.SafeLoader):
    """SafeLoader that resolves only null (and ``<<`` merges); other scalars are strings.

    A key given twice in one mapping is noted in :attr:`repeated` (line, key, first line): YAML
    would silently keep the last, dropping a whole ``networks:`` list or a row's field.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[int, str, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        first: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE:
                line = key_node.start_mark.line + 1
                if key_node.value in first:
                    self.repeated.append((line, key_node.value, first[key_node.value]))
                else:
                    first[key_node.value] = line
        return super().construct_mapping(node, deep)


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag in (_NULL, _MERGE)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes enum members (model defaults) as their plain value."""


# Text other YAML readers (YAML 1.2, spreadsheets' importers) would take for a number:
# district keys such as 09162 stay quoted.
_NUMBER_LIKE = re.compile(r"[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|0[xo][0-9a-fA-F_]+|\.\d+)")


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    if _NUMBER_LIKE.fullmatch(text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="'")
    return dumper.represent_str(text)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_multi_representer(Enum, lambda dumper, member: _represent_str(dumper, str(member.value)))


def read_mapping_file(path: Path) -> RawInput:
    """A YAML (``.yaml``/``.yml``) or JSON file; locations read ``om.yaml[networks]:3``.

    Keys given twice are reported (not silently the last kept); text that is not UTF-8, nesting
    deeper than any dataset, and NUL bytes are one :class:`InputError` naming the line.
    """
    try:
        text = decode_utf8(path.read_bytes())
    except NotText as error:
        raise InputError(f"{path}:{error.line}: {error}") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    if path.suffix.lower() == ".json":
        document, repeated = _load_json(text, path)
    else:
        document, repeated = _load_yaml(text, path)
    raw = sheets_from_document(document, str(path))
    raw.problems.extend(repeated)
    return raw


def _load_json(text: str, path: Path) -> tuple[Any, list[Problem]]:
    repeated: list[Problem] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in items:
            if key in found:
                message = f"key '{key}' appears twice in one object; the second would replace the first"
                repeated.append(Problem(str(path), None, None, message))
            found[key] = value
        return found

    if not text.strip():
        return None, repeated
    try:
        # A number too long for int() stays text: validation reports it at its cell.
        document = json.loads(text, object_pairs_hook=pairs, parse_int=lambda d: int(d) if len(d) <= 4000 else d)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to be a dataset (thousands of levels of lists or mappings)") from None
    return document, repeated


def _load_yaml(text: str, path: Path) -> tuple[Any, list[Problem]]:
    try:
        loader = _TextLoader(text)  # checks every character first
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, e.g. NUL
        line = text.count("\n", 0, error.position) + 1
        raise InputError(f"{path}:{line}: not valid YAML (the character U+{error.character:04X} is not allowed)") from None
    try:
        document = loader.get_single_data()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(f"{path}{where}: not valid YAML ({reason})") from None
    except RecursionError:
        line = loader.get_mark().line + 1
        raise InputError(f"{path}:{line}: nested too deeply to be a dataset (thousands of levels of lists or mappings)") from None
    finally:
        loader.dispose()
    repeated = [
        Problem(str(path), line, None, f"key '{key}' given twice in one mapping (first on line {first}); "
                                       "the second would replace the first")
        for line, key, first in loader.repeated
    ]
    return document, repeated


def sheets_from_document(document: Any, label: str) -> RawInput:
    """The sheets of a loaded document; items are numbered from 1 within their sheet."""
    raw = RawInput()
    if document is None:
        return raw
    if not isinstance(document, dict):
        raw.problems.append(Problem(label, None, None, "expected a mapping of sheet names to lists of rows"))
        return raw
    for name, rows in document.items():
        source = f"{label}[{name}]"
        sheet = RawSheet(name=str(name), source=source, unit="item")
        raw.sheets.append(sheet)
        if rows is None:
            continue
        if isinstance(rows, dict) and getattr(RECORD_BY_SHEET.get(str(name)), "max_rows", None) == 1:
            rows = [rows]  # a one-row sheet (meta) may be written as a mapping
        if not isinstance(rows, list):
            raw.problems.append(Problem(source, None, None, "expected a list of rows"))
            continue
        for number, row in enumerate(rows, start=1):
            if isinstance(row, dict):
                sheet.rows.append(RawRow(number, {str(k): v for k, v in row.items()}))
            else:
                raw.problems.append(Problem(source, number, None, "expected a mapping of field: value"))
    return raw


def write_yaml(dataset: Dataset, path: Path) -> None:
    """Readable YAML: real dates, umlauts as is, fields in model order, blanks left out."""
    document = {
        r.sheet: [record.model_dump(exclude_none=True) for record in dataset.records(r.sheet)]
        for r in RECORD_TYPES
        if dataset.records(r.sheet)
    }
    text = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    with atomic_file(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_json(dataset: Dataset, path: Path) -> None:
    text = json.dumps(dataset.to_plain(), ensure_ascii=False, indent=2) + "\n"
    with atomic_file(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
