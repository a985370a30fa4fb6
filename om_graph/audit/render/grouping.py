"""How reports order what they show: networks worst first, then everything else."""

from __future__ import annotations

from dataclasses import dataclass

from om_graph.audit.run import AuditResult, Finding
from om_graph.audit.stages import ApartNetwork, StageResult


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
    return [
        (a, [f for f in result.findings if f.subject_kind == "network" and f.subject_id == a.network_id])
        for a in result.apart
    ]
