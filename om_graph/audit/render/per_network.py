"""One row per network, those without findings and those outside the stages included.

What ``audit --per network`` writes (csv, csv-de, json) and the workbook's networks sheet shows:
a network in stage 4 without a finding is a row too, where the per-finding CSV has none.
Machine rows keep ids and keys (``states`` as ids, ``reason_keys``); people's rows
(:func:`people_row`) name the states and word the stage and status.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from om_graph.audit.render.places import NetworkPlace
from om_graph.audit.run import AuditResult
from om_graph.i18n import t, value_word
from om_graph.queries.rules import Severity

SEVERITIES = tuple(s.value for s in Severity)
#: Columns of ``audit --per network --format csv`` (machine keys; lists joined by "; ").
CSV_COLUMNS = ("id", "name", "stage", "status", "states", "reasons", "reason_keys", *SEVERITIES, "findings", "codes")


def network_rows(result: AuditResult, places: dict[str, NetworkPlace] | None = None) -> list[dict[str, Any]]:
    """Every audited network, by id: stage (None outside the stages), status, states, reasons and finding counts."""
    places = places or {}
    counts: dict[str, Counter[str]] = {}
    codes: dict[str, set[str]] = {}
    for f in result.findings:
        if f.subject_kind == "network":
            counts.setdefault(f.subject_id, Counter())[f.severity] += 1
            codes.setdefault(f.subject_id, set()).add(f.code)
    rows = []
    entries = [(s.network_id, s.network_name, s.stage, None, s.reasons) for s in result.stages]
    entries += [(a.network_id, a.network_name, None, a.status, ()) for a in result.apart]
    for network_id, name, stage, status, reasons in sorted(entries, key=lambda e: e[0]):
        place = places.get(network_id, NetworkPlace())
        mine = counts.get(network_id, Counter())
        rows.append({
            "id": network_id,
            "name": name,
            "stage": stage,
            "status": status or place.status,
            "states": list(place.state_ids),
            "state_names": list(place.state_names),
            "reasons": [r.text(result.lang) for r in reasons],
            "reason_keys": [r.key for r in reasons],
            **{s: mine[s] for s in SEVERITIES},
            "findings": sum(mine.values()),
            "codes": sorted(codes.get(network_id, ())),
        })
    return rows


def machine_row(row: dict[str, Any]) -> dict[str, Any]:
    """A network's row as JSON holds it (``state_names`` left to people's formats)."""
    return {k: v for k, v in row.items() if k != "state_names"}


def people_row(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A network's row as a workbook or ``csv-de`` shows it: the stage and status worded, the states named."""
    return {
        **row,
        "place": t("stage.name", lang, stage=row["stage"]) if row["stage"] is not None else t("tabular.outside", lang),
        "status": status_word(row["status"], lang),
        "states": ", ".join(row["state_names"]),
        "reasons": "; ".join(row["reasons"]),
        "codes": ", ".join(row["codes"]),
    }


def status_word(status: str | None, lang: str) -> str | None:
    """A network's status (recognised, applied, ...) as people say it."""
    return None if status is None else value_word(status, lang)
