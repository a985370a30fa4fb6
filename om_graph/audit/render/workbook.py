"""The audit for people who work in Excel: a workbook (``--format xlsx``) and German Excel's CSV (``csv-de``).

Sheets: a summary (networks per stage, overall and per federal state, with their findings), the
networks (one row each, stage, status, states, reasons and findings per severity: the same rows
as ``audit --per network``) and the findings (names before ids, the evidence in columns of its
own, one per kind of evidence, worded). ``csv-de`` writes the networks or the findings sheet.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from om_graph.audit.render.per_network import SEVERITIES, network_rows, people_row
from om_graph.audit.render.places import NetworkPlace
from om_graph.audit.run import AuditResult, Finding
from om_graph.i18n import cite, format_date, has, profile_word, t, value_word
from om_graph.queries.rules import UnknownRuleError, get_rule
from om_graph.workbook import Column, Sheet, caption, sheet_csv, workbook_bytes

STAGES = (1, 2, 3, 4)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _col(key: str, lang: str, kind: str = "text") -> Column:
    return Column(key, t(f"tabular.col.{key}", lang), kind)  # type: ignore[arg-type]


def networks_sheet(result: AuditResult, places: dict[str, NetworkPlace] | None) -> Sheet:
    lang = result.lang
    columns = [_col("name", lang), _col("id", lang), _col("stage", lang, "int"), _col("place", lang), _col("status", lang),
               _col("states", lang), _col("reasons", lang), *(_col(s, lang, "int") for s in SEVERITIES),
               _col("findings", lang, "int"), _col("codes", lang)]
    rows = [people_row(row, lang) for row in network_rows(result, places)]
    return Sheet(t("tabular.sheet.networks", lang), columns, rows)


def findings_sheet(result: AuditResult) -> Sheet:
    """One row per finding; each kind of evidence is a column of its own, worded where the catalogue knows it."""
    lang = result.lang
    keys = sorted({k for f in result.findings for k in f.evidence if k != "not_on_record"})
    columns = [_col("severity", lang), _col("code", lang), _col("rule", lang), _col("subject_kind", lang),
               _col("subject", lang), _col("subject_id", lang), _col("message", lang), _col("not_on_record", lang),
               _col("source", lang)]
    columns += [Column(f"evidence.{k}", _evidence_header(k, lang), "auto") for k in keys]
    return Sheet(t("tabular.sheet.findings", lang), columns, [_finding_row(f, lang) for f in result.findings])


def _finding_row(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "severity": t(f"severity.{f.severity}", lang),
        "code": f.code,
        "rule": _rule_title(f.code, lang),
        "subject_kind": value_word(f.subject_kind, lang),
        "subject": f.subject_name,
        "subject_id": f.subject_id,
        "message": f.message,
        "not_on_record": t("word.yes", lang) if f.not_on_record else None,
        "source": cite(f.source, lang),
        **{f"evidence.{k}": evidence_cell(v, lang) for k, v in f.evidence.items()},
    }


def _rule_title(code: str, lang: str) -> str:
    try:
        title = get_rule(code).title
    except UnknownRuleError:  # a rule this om-graph no longer has: its code says enough
        return code
    return title.get(lang) or title.get("en") or code


def _evidence_header(key: str, lang: str) -> str:
    return t(f"tabular.evidence.{key}", lang) if has(f"tabular.evidence.{key}") else key.replace("_", " ")


def evidence_cell(value: Any, lang: str) -> Any:
    """An evidence value as a cell people read: numbers stay numbers, lists one line, yes/no worded."""
    if isinstance(value, bool):
        return t("word.yes", lang) if value else t("word.no", lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(evidence_cell(v, lang)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {evidence_cell(v, lang)}" for k, v in value.items())
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):  # a date is a date cell (30.06.2025 in German)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:  # looks like a date, is none: shown as it is
            return value
    if isinstance(value, str):  # a field, reason or kind code ("application_goals", "no_reference") as a word
        return value_word(value, lang)
    return value


def summary_sheet(result: AuditResult, places: dict[str, NetworkPlace] | None) -> Sheet:
    """Networks per stage (and outside the stages) with their findings: all of them, then per federal state."""
    lang = result.lang
    rows = network_rows(result, places)
    columns = [Column("state", t("tabular.col.state", lang)),
               *(Column(str(s), t("stage.name", lang, stage=s), "int") for s in STAGES),
               Column("outside", t("tabular.outside", lang), "int"), _col("networks", lang, "int"),
               *(_col(s, lang, "int") for s in SEVERITIES)]
    groups: dict[str, list[dict[str, Any]]] = {t("tabular.all_networks", lang): rows}
    for name in sorted({n for r in rows for n in r["state_names"]}):
        groups[name] = [r for r in rows if name in r["state_names"]]
    if any(not r["state_names"] for r in rows):
        groups[t("tabular.no_state", lang)] = [r for r in rows if not r["state_names"]]
    table = []
    for name, members in groups.items():
        counts = {str(s): sum(r["stage"] == s for r in members) for s in STAGES}
        table.append({"state": name, **counts, "outside": sum(r["stage"] is None for r in members), "networks": len(members),
                      **{s: sum(r[s] for r in members) for s in SEVERITIES}})
    return Sheet(t("tabular.sheet.summary", lang), columns, table, title=t("tabular.summary_title", lang))


def _caption(result: AuditResult, source: str | None):
    counts = result.counts()
    summary = t("report.summary", result.lang, networks=len(result.stages), findings=len(result.findings),
                errors=counts["error"], warnings=counts["warning"], infos=counts["info"])
    return caption(t("report.title", result.lang, as_of=format_date(result.as_of, result.lang)), result.lang,
                   as_of=result.as_of, profile=profile_word(result.profile, result.lang), source=source, notes=(summary,))


def render_audit_xlsx(result: AuditResult, places: dict[str, NetworkPlace] | None = None, source: str | None = None) -> bytes:
    """The audit as a workbook: summary, networks, findings."""
    sheets = [summary_sheet(result, places), networks_sheet(result, places), findings_sheet(result)]
    return workbook_bytes(sheets, _caption(result, source), result.lang)


def render_audit_csv_de(result: AuditResult, per: str = "finding", places: dict[str, NetworkPlace] | None = None) -> str:
    """German Excel's CSV: the findings sheet, or with ``per`` ``network`` the networks sheet."""
    sheet = networks_sheet(result, places) if per == "network" else findings_sheet(result)
    return sheet_csv(sheet, "csv-de")
