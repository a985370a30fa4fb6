"""A Markdown report for minutes and wikis: a stage overview, then findings per network."""

from __future__ import annotations

from om_graph.audit.run import AuditResult, Finding
from om_graph.i18n import t
from om_graph.audit.render.grouping import network_sections, other_findings


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _findings_table(findings: list[Finding], lang: str, with_subject: bool = False) -> list[str]:
    head = "| severity | code | " + ("subject | " if with_subject else "") + "finding | source |"
    lines = [head, "|" + " --- |" * (4 + with_subject)]
    for f in findings:
        subject = f"{_cell(f.subject_name)} (`{f.subject_id}`) | " if with_subject else ""
        lines.append(
            f"| {t('severity.' + f.severity, lang)} | {f.code} | {subject}{_cell(f.message)} | {_cell(f.source)} |"
        )
    return lines


def render_markdown(result: AuditResult) -> str:
    lang = result.lang
    lines = [f"# {t('report.title', lang, as_of=result.as_of.isoformat())}", "",
             t("report.profile", lang, profile=result.profile, engine=result.engine), ""]
    sections = network_sections(result)
    lines += ["| network | stage | reasons |", "| --- | --- | --- |"]
    for s in sections:
        reasons = "; ".join(r.text(lang) for r in s.stage.reasons)
        lines.append(f"| {_cell(s.stage.network_name)} (`{s.stage.network_id}`) | {s.stage.stage} | {_cell(reasons)} |")
    lines.append("")
    for s in sections:
        if not s.findings:
            continue
        lines += [f"## {_cell(s.stage.network_name)} (`{s.stage.network_id}`)", ""]
        lines += _findings_table(s.findings, lang) + [""]
    others = other_findings(result)
    if others:
        lines += [f"## {t('report.other', lang)}", ""]
        lines += _findings_table(others, lang, with_subject=True) + [""]
    return "\n".join(lines)
