"""Running an analyst's own Cypher file and printing its rows as a table, JSON or CSV."""

from __future__ import annotations

import json
from typing import Any

from om_graph.errors import UsageError
from om_graph.output import CSV_DIALECTS, csv_text, terminal_safe
from om_graph.engines.cypher import header_params, statements
from om_graph.engines.neo4j.connect import DEFAULT_TIMEOUT, bounded, patience
from om_graph.engines.neo4j.params import typed_params


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


def run_query_file(
    driver: Any,
    database: str,
    text: str,
    pairs: list[str] | None = None,
    json_pairs: list[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """Run a file's statements: its columns, the last statement's rows, and the server's notifications.

    The header's ``:param`` lines give the parameters and their defaults; ``pairs`` (``--param``)
    and ``json_pairs`` (``--param-json``) override them, typed after the defaults and refused
    when the file does not declare them (:func:`~om_graph.engines.neo4j.params.typed_params`).
    Notifications (an unknown label or property, a Cartesian product) come back as text, so a
    query that quietly matches nothing says why.
    """
    from neo4j import Query

    parts = statements(text)
    if not parts:
        raise UsageError("the query file holds no statement")

    def work() -> tuple[list[str], list[dict[str, Any]], list[str]]:
        with driver.session(database=database, notifications_min_severity="INFORMATION") as session:
            declared = {name: session.run(f"RETURN {expr} AS v").single()["v"] for name, expr in header_params(text).items()}
            values = {**declared, **typed_params(declared, pairs or [], json_pairs or [])}
            columns: list[str] = []
            rows: list[dict[str, Any]] = []
            notes: list[str] = []
            for number, statement in enumerate(parts, 1):
                result = session.run(Query(statement, timeout=timeout), values)
                rows = [{k: plain(v) for k, v in record.items()} for record in result]
                columns = list(result.keys())
                where = f" (statement {number})" if len(parts) > 1 else ""
                for note in notifications(result.consume()):
                    if note + where not in notes:
                        notes.append(note + where)
            return columns, rows, notes

    return bounded(patience(timeout), work)


def notifications(summary: Any) -> list[str]:
    """The server's notifications of a result, one line each, with line and column."""
    found = []
    for status in getattr(summary, "gql_status_objects", ()):
        if not status.is_notification:
            continue
        text = " ".join((status.status_description or "").split())
        text = text.removeprefix("warn: ").removeprefix("info: ")
        position = status.position
        at = f"line {position.line}, column {position.column}: " if position is not None else ""
        found.append(f"{at}{text}")
    return found


def render_rows(columns: list[str], rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return csv_text(columns, ([_cell(row.get(c)) for c in columns] for row in rows), CSV_DIALECTS[fmt])
    if fmt == "csv-de":  # German Excel's: numbers with a decimal comma, dates as 31.12.2025
        return csv_text(columns, ([_native(row.get(c)) for c in columns] for row in rows), CSV_DIALECTS[fmt])
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


def _native(value: Any) -> Any:
    """A value as Python holds it (Neo4j's dates become dates), maps and lists as JSON."""
    if isinstance(value, (dict, list)):
        return _cell(value)
    return value.to_native() if hasattr(value, "to_native") else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
