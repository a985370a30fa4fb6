"""A Markdown report for minutes and wikis: a stage overview, then findings per network."""

from __future__ import annotations

import html

from om_graph.audit.run import AuditResult, Finding
from om_graph.output import terminal_safe
from om_graph.i18n import cite, t
from om_graph.audit.render.grouping import apart_sections, heading, network_sections, other_findings, subject_label


def _cell(text: str) -> str:
    """Text from the data as a table cell: HTML in names is shown, never run by the wiki that renders it."""
    return terminal_safe(html.escape(str(text), quote=False)).replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """An id as inline code; a backtick in it cannot end the code span and let markup through."""
    return "`" + terminal_safe(str(text)).replace("`", "'").replace("|", "\\|").replace("\n", " ") + "`"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _findings_table(findings: list[Finding], lang: str, with_subject: bool = False) -> list[str]:
    columns = ["severity", "code", *(["subject"] if with_subject else []), "finding", "source"]
    lines = [_row([t(f"audit.col.{c}", lang) for c in columns]), "|" + " --- |" * len(columns)]
    for f in findings:
        subject = [_cell(subject_label(f, lang))] if with_subject else []
        lines.append(_row([t("severity." + f.severity, lang), f.code, *subject, _cell(f.message), _cell(cite(f.source, lang))]))
    return lines


def render_markdown(result: AuditResult) -> str:
    lang = result.lang
    title, profile = heading(result)
    lines = [f"# {_cell(title)}", "", _cell(profile), ""]
    sections = network_sections(result)
    lines += [_row([t(f"audit.col.{c}", lang) for c in ("network", "stage", "reasons")]), "| --- | --- | --- |"]
    for s in sections:
        reasons = "; ".join(r.text(lang) for r in s.stage.reasons)
        lines.append(f"| {_cell(s.stage.network_name)} ({_code(s.stage.network_id)}) | {s.stage.stage} | {_cell(reasons)} |")
    lines.append("")
    for s in sections:
        if not s.findings:
            continue
        lines += [f"## {_cell(s.stage.network_name)} ({_code(s.stage.network_id)})", ""]
        lines += _findings_table(s.findings, lang) + [""]
    apart = apart_sections(result)
    if apart:
        lines += [f"## {t('report.apart', lang)}", ""]
        for network, findings in apart:
            lines += [f"### {_cell(network.network_name)} ({_code(network.network_id)}): {network.status_text(lang)}", ""]
            if findings:
                lines += _findings_table(findings, lang) + [""]
    others = other_findings(result)
    if others:
        lines += [f"## {t('report.other', lang)}", ""]
        lines += _findings_table(others, lang, with_subject=True) + [""]
    return "\n".join(lines)
