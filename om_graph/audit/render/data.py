"""Machine-readable reports. The JSON layout is a documented contract (docs/report-json.md).

Keys never change meaning; new keys may be added. Findings are sorted by severity, code,
subject and evidence; networks by id, so two audits of the same data are byte-identical.
"""

from __future__ import annotations

import json

from om_graph import __version__
from om_graph.output import CSV_DIALECTS, csv_text
from om_graph.audit.run import AuditResult
from om_graph.audit.render.grouping import stage_counts
from om_graph.audit.render.per_network import CSV_COLUMNS as NETWORK_COLUMNS, machine_row, network_rows
from om_graph.audit.render.places import NetworkPlace

CSV_COLUMNS = ("code", "rule", "severity", "subject_kind", "subject_id", "subject_name", "message", "evidence", "source")


def _header(result: AuditResult) -> dict:
    """What every JSON report starts with: version, as-of date, profile, engine, language, rules."""
    return {
        "om_graph": __version__,
        "as_of": result.as_of.isoformat(),
        "profile": result.profile,
        "engine": result.engine,
        "lang": result.lang,
        "rules": result.rules,
    }


def report_dict(result: AuditResult) -> dict:
    counts = result.counts()
    return {
        **_header(result),
        "summary": {
            "networks": len(result.stages),
            "findings": len(result.findings),
            "by_severity": counts,
            "by_stage": {str(k): v for k, v in stage_counts(result).items()},
        },
        "networks": [
            {
                "id": s.network_id,
                "name": s.network_name,
                "stage": s.stage,
                "reasons": [r.text(result.lang) for r in s.reasons],
                "reason_keys": [r.key for r in s.reasons],
            }
            for s in result.stages
        ],
        "apart": [
            {"id": a.network_id, "name": a.network_name, "status": a.status, "codes": list(a.codes)}
            for a in result.apart
        ],
        "findings": [f.as_dict() for f in result.findings],
    }


def render_json(result: AuditResult) -> str:
    return pretty_json(report_dict(result)) + "\n"


def pretty_json(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, character for character, in a fraction of its time.

    Python's encoder writes indented JSON in pure Python, a generator step per value (a second for
    a landscape's findings). Here dicts of text keys, lists, text, whole numbers, yes/no and null
    are written directly; anything else is handed to ``json.dumps`` and indented to its place (a
    line break in indented JSON is always layout: inside strings it is escaped).
    """
    chunks: list[str] = []
    _pretty(value, "\n", chunks)
    return "".join(chunks)


_encode_text = json.encoder.encode_basestring  # the C function where there is one, as json.dumps uses


def _pretty(value: object, newline: str, out: list[str]) -> None:
    """Append ``value`` as indented JSON; ``newline`` is a line break and the current indent."""
    kind = value.__class__
    if kind is str:
        out.append(_encode_text(value))
    elif kind is bool:
        out.append("true" if value else "false")
    elif kind is int:
        out.append(int.__repr__(value))  # type: ignore[arg-type]
    elif value is None:
        out.append("null")
    elif kind is dict and all(key.__class__ is str for key in value):  # type: ignore[attr-defined]
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():  # type: ignore[attr-defined]
            out.append(separator)
            out.append(_encode_text(key))
            out.append(": ")
            _pretty(item, inner, out)
            separator = "," + inner
        out.append(newline + "}")
    elif kind is list:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:  # type: ignore[attr-defined]
            out.append(separator)
            _pretty(item, inner, out)
            separator = "," + inner
        out.append(newline + "]")
    else:  # floats, tuples, other keys and types: as json.dumps writes them (or refuses them)
        out.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline))


def render_csv(result: AuditResult) -> str:
    """One row per finding; evidence as compact JSON so the file stays one table."""
    rows = []
    for f in result.findings:
        row = f.as_dict()
        row["evidence"] = json.dumps(f.evidence, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        rows.append([row[c] for c in CSV_COLUMNS])
    return csv_text(CSV_COLUMNS, rows, CSV_DIALECTS["csv"])


def render_networks_csv(result: AuditResult, places: dict[str, NetworkPlace] | None = None) -> str:
    """``--per network``: one row per network, those without findings too (lists joined by "; ")."""
    rows = [[row[c] for c in NETWORK_COLUMNS] for row in network_rows(result, places)]
    return csv_text(NETWORK_COLUMNS, rows, CSV_DIALECTS["csv"])


def render_networks_json(result: AuditResult, places: dict[str, NetworkPlace] | None = None) -> str:
    """``--per network --format json``: the audit's header and one object per network (docs/report-json.md)."""
    document = {**_header(result), "networks": [machine_row(row) for row in network_rows(result, places)]}
    return pretty_json(document) + "\n"
