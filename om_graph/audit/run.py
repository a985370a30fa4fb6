"""Run the rule catalogue on an engine and collect findings and stages.

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.dataset.model import Dataset, Network
>>> import datetime as dt
>>> result = run_audit(EmbeddedEngine(Dataset(networks=[Network(id="n1", name="OM Test", kind="thematic")])),
...                    as_of=dt.date(2025, 6, 30), rules="OM104")
>>> [(f.code, f.subject_id) for f in result.findings]
[('OM104', 'n1')]
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Callable

from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.audit.stages import ApartNetwork, NetworkFacts, StageResult, classify
from om_graph.dataset.bulk import paused_gc
from om_graph.engines.contract import Engine, sorted_ties_last
from om_graph.queries.registry import run_queries, run_query
from om_graph.queries.rules import Rule, Severity, is_not_on_record, select_rules

#: The sheets an audit of the network rules (:func:`~om_graph.queries.rules.network_rules`) and the stages reads:
#: an embedded graph of these rows alone says what one of every row says (the embedded graph of some sheets fails on
#: any other). Ratings, self-declarations, the action plan, approaches and check items are not read: 44 % of the rows at scale 100.
NETWORK_AUDIT_SHEETS = frozenset({
    "activities", "ambassador_networks", "borders", "contacts", "cooperations", "criticisms", "memberships",
    "network_regions", "networks", "organisations", "persons", "regions", "sub_networks", "topics",
})
#: How far back "known" meetings and Plenum reports count for the stages (months).
STAGE_WINDOW_MONTHS = 12


@dataclass(frozen=True)
class Finding:
    """One criterion not met (or, with ``not_on_record``, not judged: its facts are not on record)
    by one subject, worded in the audit's language."""

    code: str
    rule: str
    severity: str
    subject_kind: str
    subject_id: str
    subject_name: str
    message: str
    evidence: dict[str, Any]
    source: str
    not_on_record: bool = False

    def sort_key(self) -> tuple:
        return (
            Severity(self.severity).rank,
            self.code,
            self.subject_kind,
            self.subject_id,
            json.dumps(self.evidence, sort_keys=True),
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "subject_kind": self.subject_kind,
            "subject_id": self.subject_id,
            "subject_name": self.subject_name,
            "message": self.message,
            "evidence": self.evidence,
            "source": self.source,
            "not_on_record": self.not_on_record,
        }


@dataclass
class AuditResult:
    as_of: dt.date
    profile: str
    engine: str
    lang: str
    rules: list[str]
    findings: list[Finding]
    stages: list[StageResult] = field(default_factory=list)
    #: Networks that do not claim OM network status: outside the stages and their counts.
    apart: list[ApartNetwork] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    def worst_severity(self) -> Severity | None:
        ranks = [Severity(f.severity) for f in self.findings]
        return min(ranks, key=lambda s: s.rank) if ranks else None


def run_audit(
    engine: Engine,
    *,
    as_of: dt.date,
    profile: Profile = DEFAULT_PROFILE,
    rules: str | None = None,
    lang: str = "en",
    progress: Callable[[str], None] | None = None,
    with_stages: bool = True,
) -> AuditResult:
    """Audit every selected, enabled rule and classify every network's stage (not with ``with_stages=False``: the
    findings alone, for a report that shows no stage; its networks' other facts then need not be read)."""
    with paused_gc():  # the rows and findings of a large landscape hold no cycles: no collector passes over the graph
        return _run_audit(engine, as_of=as_of, profile=profile, rules=rules, lang=lang, progress=progress, with_stages=with_stages)


def _run_audit(
    engine: Engine,
    *,
    as_of: dt.date,
    profile: Profile,
    rules: str | None,
    lang: str,
    progress: Callable[[str], None] | None,
    with_stages: bool,
) -> AuditResult:
    """:func:`run_audit`'s work, with the collector paused."""
    selected = [r for r in select_rules(rules) if profile.is_enabled(r.code)]
    params_of = {rule.code: profile.params_for(rule.code) for rule in selected}
    asked = [(rule.query().name, {**params_of[rule.code], "as_of": as_of}) for rule in selected]
    if with_stages:
        asked.append(stages_asked(as_of))  # the stages' facts come last
    hits, facts_rows = [], []
    for rule, rows in zip([*selected, None], run_queries(engine, asked)):  # independent: a server answers several at once
        if rule is None:
            facts_rows = rows
            continue
        if progress:
            progress(rule.code)
        hits += [(rule, params_of[rule.code], row) for row in rows]
    names = evidence_names(engine, named_ids(hits))
    findings: list[Finding] = []
    for rule, params, row in hits:
        evidence = row["evidence"] or {}
        unknown = is_not_on_record(evidence)
        findings.append(
            Finding(
                code=rule.code,
                rule=rule.name,
                severity=profile.not_on_record_severity if unknown else rule.severity.value,
                subject_kind=rule.subject_kind,
                subject_id=row["subject_id"],
                subject_name=row["subject_name"],
                message=rule.word(lang, evidence, params, names),
                evidence=evidence,
                source=rule.source,
                not_on_record=unknown,
            )
        )
    findings = _sorted_findings(findings)
    errors_by_network: dict[str, list[str]] = {}
    codes_by_network: dict[str, set[str]] = {}
    for f in findings:
        if f.subject_kind == "network":
            codes_by_network.setdefault(f.subject_id, set()).add(f.code)
            if f.severity == Severity.error:
                errors_by_network.setdefault(f.subject_id, []).append(f.code)
    stages, apart = [], []
    for facts in (NetworkFacts(**row) for row in facts_rows):
        if facts.om_network:
            stages.append(classify(facts, errors_by_network.get(facts.id, []), profile.stages))
        else:
            codes = tuple(sorted(codes_by_network.get(facts.id, ())))
            apart.append(ApartNetwork(facts.id, facts.name, facts.status, codes))
    stages.sort(key=lambda s: s.network_id)
    apart.sort(key=lambda a: a.network_id)
    return AuditResult(
        as_of=as_of,
        profile=profile.name,
        engine=engine.name,
        lang=lang,
        rules=[r.code for r in selected],
        findings=findings,
        stages=stages,
        apart=apart,
    )


def _sorted_findings(findings: list[Finding]) -> list[Finding]:
    """``findings`` sorted by :meth:`Finding.sort_key`, its JSON of the evidence made only where the rest ties."""
    ranks = {s.value: s.rank for s in Severity}
    cheap = [(ranks[f.severity], f.code, f.subject_kind, f.subject_id) for f in findings]
    return sorted_ties_last(findings, cheap, Finding.sort_key)


#: Where the names of the things a rule's evidence points at come from (kind -> query, id and name columns,
#: whether the query takes the ``ids`` wanted: organisations and networks are many, and findings name few of them).
NAME_QUERIES = {
    "network": ("names/networks", "network_id", "network_name", True),
    "organisation": ("names/organisations", "organisation_id", "organisation_name", True),
    "person": ("names/persons", "person_id", "person_name", False),
}


def named_ids(hits: list[tuple[type[Rule], dict[str, Any], dict[str, Any]]]) -> dict[str, set[str]]:
    """The ids the evidence of ``hits`` names, by kind (a kind some rule names is there even without ids)."""
    named: dict[str, set[str]] = {}
    for rule, _, row in hits:
        evidence = row["evidence"] or {}
        for key, kind in rule.named_evidence.items():
            ids = named.setdefault(kind, set())
            value = evidence.get(key)
            if isinstance(value, str):
                ids.add(value)
            elif isinstance(value, (list, tuple)):
                ids.update(v for v in value if isinstance(v, str))
    return named


def evidence_names(engine: Engine, named: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    """Names by kind and id, for the ids some finding's evidence names (one query per kind, none if no finding needs one).

    With ``--redact-persons`` the engine pseudonymises the persons' ids and names alike, so the
    evidence's pseudonymous ids find pseudonyms here, never a name.
    """
    names: dict[str, dict[str, str]] = {}
    for kind in sorted(named):
        query, id_column, name_column, by_ids = NAME_QUERIES[kind]
        rows = run_query(engine, query, {"ids": sorted(named[kind])} if by_ids else None)
        names[kind] = {row[id_column]: row[name_column] for row in rows if row[name_column]}
    return names


def stages_asked(as_of: dt.date) -> tuple[str, dict[str, Any]]:
    """The ``stages`` query and its parameters: the facts behind every network's stage."""
    return "stages", {"as_of": as_of, "window_months": STAGE_WINDOW_MONTHS}



def network_facts(engine: Engine, as_of: dt.date) -> list[NetworkFacts]:
    """The facts behind every network's stage, from the ``stages`` query."""
    return [NetworkFacts(**row) for row in run_query(engine, *stages_asked(as_of))]
