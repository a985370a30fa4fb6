"""Running an analyst's own Cypher file and printing its rows as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from om_graph.errors import UsageError
from om_graph.engines.cypher import header_params, statements


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """``k=v`` pairs; ``v`` is read as JSON when it parses (numbers, true, lists), else as text.

    >>> parse_params(["minPartners=4", "asOf=2025-06-30", 'ids=["n1"]'])
    {'minPartners': 4, 'asOf': '2025-06-30', 'ids': ['n1']}
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {pair!r}: use name=value")
        try:
            params[name.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            params[name.strip()] = raw
    return params


def plain(value: Any) -> Any:
    """A Neo4j value as plain JSON data (nodes as their properties, dates as ISO strings)."""
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "items") and not isinstance(value, dict):  # Node or Relationship
        return {k: plain(v) for k, v in dict(value.items()).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def run_query_file(driver: Any, database: str, text: str, params: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a file's statements; the header's ``:param`` lines give defaults that ``params`` override."""
    parts = statements(text)
    if not parts:
        raise UsageError("the query file holds no statement")
    with driver.session(database=database) as session:
        values = {name: session.run(f"RETURN {expr} AS v").single()["v"] for name, expr in header_params(text).items()}
        values.update(params)
        columns: list[str] = []
        rows: list[dict[str, Any]] = []
        for statement in parts:
            result = session.run(statement, values)
            rows = [{k: plain(v) for k, v in record.items()} for record in result]
            columns = list(result.keys())
    return columns, rows


def render_rows(columns: list[str], rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return out.getvalue()
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
