"""Machine-readable reports. The JSON layout is a documented contract (docs/report-json.md).

Keys never change meaning; new keys may be added. Findings are sorted by severity, code,
subject and evidence; networks by id, so two audits of the same data are byte-identical.
"""

from __future__ import annotations

import csv
import io
import json

from om_graph import __version__
from om_graph.output import spreadsheet_safe
from om_graph.audit.run import AuditResult
from om_graph.audit.render.grouping import stage_counts

CSV_COLUMNS = ("code", "rule", "severity", "subject_kind", "subject_id", "subject_name", "message", "evidence", "source")


def report_dict(result: AuditResult) -> dict:
    counts = result.counts()
    return {
        "om_graph": __version__,
        "as_of": result.as_of.isoformat(),
        "profile": result.profile,
        "engine": result.engine,
        "lang": result.lang,
        "rules": result.rules,
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in result.findings:
        row = f.as_dict()
        row["evidence"] = json.dumps(f.evidence, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        writer.writerow([spreadsheet_safe(row[c]) for c in CSV_COLUMNS])
    return out.getvalue()
