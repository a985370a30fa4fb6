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
    return json.dumps(report_dict(result), ensure_ascii=False, indent=2) + "\n"


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
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
