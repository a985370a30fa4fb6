"""Typed ``--param`` values for a query file: each takes the type of the default its header declares.

A file declares its parameters in ``// :param name => expression`` lines (what cypher-shell
and Neo4j Browser run first). ``--param name=text`` must name one of them, and its text is
read as the type of that default: ``minPartners=vier`` for ``:param minPartners => 3`` is an
error, not a string that silently matches nothing. ``--param-json name=JSON`` gives any value
(maps, nested lists) as it is.

>>> import datetime as dt
>>> typed_params({"minPartners": 3, "asOf": dt.date(2025, 6, 30), "kinds": ["regional"]},
...              ["minPartners=4", "asOf=31.12.2025", "kinds=regional,thematic"], [])
{'minPartners': 4, 'asOf': datetime.date(2025, 12, 31), 'kinds': ['regional', 'thematic']}
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from om_graph.errors import UsageError

_TRUE, _FALSE = {"true", "yes", "1"}, {"false", "no", "0"}


def typed_params(declared: dict[str, Any], pairs: list[str], json_pairs: list[str]) -> dict[str, Any]:
    """``--param`` and ``--param-json`` values by name, typed after ``declared`` (name -> the header's default)."""
    values: dict[str, Any] = {}
    for option, items in (("--param", pairs), ("--param-json", json_pairs)):
        for pair in items:
            name, sep, raw = pair.partition("=")
            name = name.strip()
            if not sep or not name:
                raise UsageError(f"{option} {pair!r}: use name=value")
            if name not in declared:
                known = ", ".join(sorted(declared)) or "none"
                raise UsageError(
                    f"{option} {name}: the file declares no such parameter "
                    f"(its '// :param' lines declare: {known})"
                )
            values[name] = _json(option, name, raw) if option == "--param-json" else typed(name, raw, declared[name])
    return values


def typed(name: str, raw: str, default: Any) -> Any:
    """``raw`` as a value of the type of ``default``."""
    if hasattr(default, "to_native"):  # neo4j.time.Date and friends
        default = default.to_native()
    try:
        if isinstance(default, bool):
            return _bool(raw)
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw.replace(",", ".") if raw.count(",") == 1 and "." not in raw else raw)
        if isinstance(default, dt.datetime):
            return dt.datetime.fromisoformat(raw)
        if isinstance(default, dt.date):
            return _date(raw)
        if isinstance(default, (list, tuple)):
            items = json.loads(raw) if raw.lstrip().startswith("[") else [p.strip() for p in raw.split(",") if p.strip()]
            if not isinstance(items, list):
                raise ValueError("not a list")
            element = default[0] if default else None
            return [typed(name, str(item), element) if element is not None and isinstance(item, str) else item for item in items]
        if default is None:  # declared without a type (null): read JSON when it parses, else text
            try:
                return json.loads(raw)
            except json.JSONDecodeError:
                return raw
        return raw
    except (ValueError, json.JSONDecodeError):
        kind = _kind(default)
        raise UsageError(f"--param {name}={raw}: not {kind} (the file's default is {_shown(default)})") from None


def _bool(raw: str) -> bool:
    text = raw.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(raw)


def _date(raw: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(raw.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(raw)


def _json(option: str, name: str, raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{option} {name}: not JSON ({exc.msg})") from None


def _kind(default: Any) -> str:
    if isinstance(default, bool):
        return "true or false"
    if isinstance(default, int):
        return "an integer"
    if isinstance(default, float):
        return "a number"
    if isinstance(default, dt.date):
        return "a date (2025-12-31 or 31.12.2025)"
    if isinstance(default, (list, tuple)):
        return "a list (a,b or JSON)"
    return "a value of its type"


def _shown(default: Any) -> str:
    if isinstance(default, dt.date):
        return default.isoformat()
    return json.dumps(default, default=str)
