"""How reports order what they show: networks worst first, then everything else."""

from __future__ import annotations

from dataclasses import dataclass

from om_graph.audit.run import AuditResult, Finding
from om_graph.audit.stages import ApartNetwork, StageResult
from om_graph.i18n import engine_word, format_date, profile_word, t, value_word


@dataclass
class NetworkSection:
    stage: StageResult
    findings: list[Finding]

    def sort_key(self) -> tuple:
        counts = [sum(f.severity == s for f in self.findings) for s in ("error", "warning", "info")]
        return (self.stage.stage, -counts[0], -counts[1], -counts[2], self.stage.network_id)


def network_sections(result: AuditResult) -> list[NetworkSection]:
    """One section per network, worst stage and most errors first, ties by id."""
    by_network: dict[str, list[Finding]] = {}
    for f in result.findings:
        if f.subject_kind == "network":
            by_network.setdefault(f.subject_id, []).append(f)
    sections = [NetworkSection(s, by_network.get(s.network_id, [])) for s in result.stages]
    return sorted(sections, key=NetworkSection.sort_key)


def other_findings(result: AuditResult) -> list[Finding]:
    """Findings about regions, organisations and self-declarations, by kind then severity."""
    others = [f for f in result.findings if f.subject_kind != "network"]
    return sorted(others, key=lambda f: (f.subject_kind, f.sort_key()))


def stage_counts(result: AuditResult) -> dict[int, int]:
    counts = {stage: 0 for stage in (1, 2, 3, 4)}
    for s in result.stages:
        counts[s.stage] += 1
    return counts


def apart_sections(result: AuditResult) -> list[tuple[ApartNetwork, list[Finding]]]:
    """The networks listed apart (no OM network status), by id, each with its findings (OM112)."""
    by_network: dict[str, list[Finding]] = {}  # one pass, not findings x networks apart (40 million at scale 100)
    for f in result.findings:
        if f.subject_kind == "network":
            by_network.setdefault(f.subject_id, []).append(f)
    return [(a, by_network.get(a.network_id, [])) for a in result.apart]


def named(name: str | None, ident: str) -> str:
    """"Name (id)": the name a person knows first, the id to find it; the id alone when that is all there is."""
    return f"{name} ({ident})" if name and name != ident else ident


def subject_label(f: Finding, lang: str) -> str:
    """What a finding is about, by name: a self-declaration, which has none, by its kind and id."""
    if f.subject_name and f.subject_name != f.subject_id:
        return named(f.subject_name, f.subject_id)
    return f"{value_word(f.subject_kind, lang)} {f.subject_id}"


def heading(result: AuditResult) -> list[str]:
    """The title with the audit date and the line with profile and engine, worded in the audit's language."""
    lang = result.lang
    return [
        t("report.title", lang, as_of=format_date(result.as_of, lang)),
        t("report.profile", lang, profile=profile_word(result.profile, lang), engine=engine_word(result.engine, lang)),
    ]
