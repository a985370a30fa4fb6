"""The report people read in a terminal: grouped by network, worst first, 80 columns wide."""

from __future__ import annotations

import textwrap

from om_graph.audit.run import AuditResult, Finding
from om_graph.i18n import t
from om_graph.output import terminal_safe
from om_graph.audit.render.grouping import (
    apart_sections,
    heading,
    named,
    network_sections,
    other_findings,
    stage_counts,
    subject_label,
)

WIDTH = 80


def wrap(text: str, initial: str, subsequent: str) -> list[str]:
    """``text`` in lines of at most 80 columns that never break an id (``by-lkr-muenchen``) or a name at a hyphen."""
    if len(initial) + len(text) <= WIDTH and text.isprintable() and text[-1:] not in ("", " "):
        return [initial + text]  # one line that needs no wrapping (most): what textwrap gives, without its work
    return textwrap.wrap(
        text, WIDTH, initial_indent=initial, subsequent_indent=subsequent, break_on_hyphens=False, break_long_words=False
    )


def _finding_lines(f: Finding, lang: str, show_subject: bool = False) -> list[str]:
    head = f"  {t('severity.' + f.severity, lang):<8} {f.code}  "
    text = f.message
    if show_subject:
        text = f"{subject_label(f, lang)}: {text}"
    return wrap(text, head, " " * len(head)) or [head]


def render_table(result: AuditResult) -> str:
    lang = result.lang
    counts = result.counts()
    lines = [*heading(result), ""]
    for section in network_sections(result):
        stage = section.stage
        title = named(stage.network_name, stage.network_id)
        badge = t("stage.name", lang, stage=stage.stage)
        if len(title) + len(badge) + 2 > WIDTH:  # a long name: the badge on a line of its own, the id never cut
            lines += [title, f"{badge:>{WIDTH}}"]
        else:
            lines.append(f"{title:<{WIDTH - len(badge)}}{badge}")
        reasons = "; ".join(r.text(lang) for r in stage.reasons)
        lines += wrap(f"{t(f'stage.{stage.stage}', lang)}: {reasons}", "  ", "    ")
        for f in section.findings:
            lines += _finding_lines(f, lang)
        lines.append("")
    apart = apart_sections(result)
    if apart:
        lines += wrap(t("report.apart", lang), "", "")
        for network, findings in apart:
            lines += wrap(f"{named(network.network_name, network.network_id)}: {network.status_text(lang)}", "  ", "    ")
            for f in findings:
                lines += _finding_lines(f, lang)
        lines.append("")
    others = other_findings(result)
    if others:
        lines += wrap(t("report.other", lang), "", "")
        for f in others:
            lines += _finding_lines(f, lang, show_subject=True)
        lines.append("")
    lines.append(
        t(
            "report.summary",
            lang,
            networks=len(result.stages),
            findings=len(result.findings),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
    )
    stages = ", ".join(f"{k}: {v}" for k, v in stage_counts(result).items())
    lines.append(f"{t('report.stages', lang)}: {stages}")
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences
