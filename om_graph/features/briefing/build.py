"""Everything a Leitungskreis briefing holds, gathered from one engine: the :class:`Briefing`.

One audit (as a history :class:`~om_graph.features.history.Snapshot`), the ambassador coverage
and plan, the collaboration gaps, and each network's regions and contacts, all from query rows,
so the embedded engine and Neo4j give the same briefing (:meth:`Briefing.content` is what the
tests compare). With a baseline (a saved audit or JSON report) it also holds the diff.

Sections follow the slides' questions to the Leitungskreis: the stages ("Was sollen wir tun –
heute bitte entscheiden"), the networks ("Was können wir alle zusammen tun"), the Botschafter
concept ("Wie sollen wir dieses Konzept weiter verfolgen?").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any

from om_graph import __version__
from om_graph.audit.decisions import Decision
from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.audit.run import run_audit
from om_graph.engines.contract import Engine
from om_graph.features.coverage.exact import DEFAULT_TIME_LIMIT, PlanResult, best_plan
from om_graph.features.coverage.report import LEVEL_RULES, CoverageReport, check_level, coverage_instance, coverage_report
from om_graph.features.diff.compare import PLACES, AuditDiff, diff
from om_graph.features.gaps.find import Gap, all_kinds, find_gaps
from om_graph.features.history.record import snapshot_of
from om_graph.features.history.snapshot import FindingState, NetworkState, Snapshot
from om_graph.queries.registry import run_query

#: The rule whose findings are the conflicts the Leitungskreis decides (2012 criteria, item 11).
CONFLICT_RULE = "OM111"
#: The ambassador findings shown with the coverage: regions without one, white spots.
AMBASSADOR_GAP_RULES = ("OM401", "OM404")
#: The rules of the ambassador concept, whose findings the coverage report lists.
AMBASSADOR_CODES = ("OM401", "OM402", "OM403", "OM404")


@dataclass(frozen=True)
class Contact:
    name: str
    role: str
    organisation: str | None


@dataclass(frozen=True)
class NetworkItem:
    """A network as the briefing lists it: where it works, why it is where it is, what was found, who speaks for it."""

    state: NetworkState
    states: tuple[str, ...]
    regions: tuple[str, ...]
    findings: tuple[FindingState, ...]
    contacts: tuple[Contact, ...]
    #: Its place in the baseline (``None``: not in the baseline, or no baseline).
    was: int | str | None = None
    new_since_baseline: bool = False


@dataclass(frozen=True)
class Conflict:
    """Two OM networks in one region or topic without an agreed sub-network (OM111), each with its regions."""

    a: NetworkItem
    b: NetworkItem
    shared_states: tuple[str, ...]


@dataclass(frozen=True)
class PlannedAmbassador:
    """One new Botschafter of the plan: the region, what it newly covers by name, and the coverage reached."""

    region_id: str
    region_name: str
    gain: float
    share: float | None
    covers: dict[str, tuple[str, ...]]


@dataclass
class Briefing:
    lang: str
    as_of: dt.date
    source: str
    meta: dict[str, Any]
    profile: Profile
    engine: str
    redacted: bool
    snapshot: Snapshot
    networks: dict[str, NetworkItem]
    state_names: dict[str, str]
    coverage: CoverageReport
    plan: PlanResult
    planned: list[PlannedAmbassador]
    gaps: list[Gap]
    baseline: Snapshot | None = None
    changes: AuditDiff | None = None
    version: str = __version__
    #: Official codes (ISO 3166-2, Kreisschlüssel) of the regions, where the data has them: for the map.
    region_codes: dict[str, str] = field(default_factory=dict)

    # -- the sections ----------------------------------------------------------------------------
    def decision(self, section: str) -> Decision:
        return self.profile.briefing.decisions[section]

    def in_place(self, place: int | str) -> list[NetworkItem]:
        """The networks of a stage (or outside), worst first: most error findings, then by name."""
        chosen = [n for n in self.networks.values() if n.state.place == place]
        return sorted(chosen, key=lambda n: (-sum(f.severity == "error" for f in n.findings), n.state.name, n.state.id))

    def counts(self) -> dict[int | str, int]:
        return self.snapshot.stage_counts()

    def counts_by_state(self) -> dict[str | None, dict[int | str, int]]:
        return self.snapshot.stage_counts_by_state()

    def baseline_counts_by_state(self) -> dict[str | None, dict[int | str, int]]:
        return self.baseline.stage_counts_by_state() if self.baseline is not None and self.baseline.has_places else {}

    def conflicts(self) -> list[Conflict]:
        """Each pair of networks in an OM111 finding once (a before b by id); the evidence names up to ten others each."""
        pairs: set[tuple[str, str]] = set()
        for f in self.snapshot.findings:
            if f.code == CONFLICT_RULE and f.subject_kind == "network":
                for other in f.evidence.get("others") or ():
                    if other in self.networks and other != f.subject_id:
                        pairs.add(tuple(sorted((f.subject_id, other))))  # type: ignore[arg-type]
        out = []
        for a, b in sorted(pairs):
            na, nb = self.networks[a], self.networks[b]
            out.append(Conflict(na, nb, tuple(sorted(set(na.states) & set(nb.states)))))
        return out

    def gaps_by_state(self) -> dict[str, list[Gap]]:
        """The strongest gaps per Land, at most the profile's ``gaps_per_state`` each (a gap on a border in both Länder)."""
        limit = self.profile.briefing.gaps_per_state
        out: dict[str, list[Gap]] = {}
        for gap in sorted(self.gaps, key=gap_strength):
            for state in sorted({r for r in gap.region_path if r in self.state_names}, key=self.state_name):
                chosen = out.setdefault(state, [])
                if len(chosen) < limit:
                    chosen.append(gap)
        return dict(sorted(out.items(), key=lambda item: self.state_name(item[0])))

    def ambassador_gaps(self) -> list[FindingState]:
        return [f for f in self.snapshot.findings if f.code in AMBASSADOR_GAP_RULES]

    def state_name(self, state_id: str | None) -> str:
        return self.state_names.get(state_id or "", state_id or "")

    def content(self) -> dict[str, Any]:
        """What the briefing says, as plain data without where it was computed (engine, source): equal on both engines."""
        def item(n: NetworkItem) -> dict[str, Any]:
            return {
                "id": n.state.id, "name": n.state.name, "place": n.state.place, "status": n.state.status,
                "reasons": n.state.reason_texts(self.lang), "states": list(n.states), "regions": list(n.regions),
                "findings": [(f.code, f.severity, f.message) for f in n.findings],
                "contacts": [(c.name, c.role, c.organisation) for c in n.contacts], "was": n.was,
            }

        return {
            "as_of": self.as_of.isoformat(),
            "profile": self.profile.name,
            "counts": {str(k): v for k, v in self.counts().items()},
            "by_state": {str(k): {str(p): c for p, c in v.items()} for k, v in self.counts_by_state().items()},
            "places": {str(p): [item(n) for n in self.in_place(p)] for p in PLACES},
            "conflicts": [(c.a.state.id, c.b.state.id, list(c.shared_states)) for c in self.conflicts()],
            "gaps": {s: [g.as_row() for g in gaps] for s, gaps in self.gaps_by_state().items()},
            "all_gaps": [g.as_row() for g in self.gaps],
            "coverage": [(r.region_id, r.ambassador_ids, r.weight.covered, r.weight.total) for r in self.coverage.regions],
            "ambassador_gaps": [(f.code, f.subject_id, f.message) for f in self.ambassador_gaps()],
            "plan": {"method": self.plan.method, "steps": [(p.region_id, p.gain, {k: list(v) for k, v in p.covers.items()})
                                                            for p in self.planned]},
            "other_findings": [(f.code, f.subject_kind, f.subject_id, f.message) for f in self.snapshot.findings
                               if f.subject_kind != "network"],
        }


def gap_strength(gap: Gap) -> tuple:
    """Overlaps first, then borders, isolated networks, unaffiliated intermediaries, pooling (the gap list's order);
    within a kind the larger evidence first (shared regions, border pairs, networks, members)."""
    rank = {kind.code: kind.rank for kind in all_kinds()}
    sizes = [v for k, v in gap.evidence.items() if isinstance(v, int) and not isinstance(v, bool)]
    return (rank.get(gap.kind, 99), -max(sizes, default=0), gap.a_id, gap.b_id or "")


def build_briefing(
    engine: Engine,
    *,
    as_of: dt.date,
    profile: Profile = DEFAULT_PROFILE,
    lang: str = "en",
    source: str = "",
    meta: dict[str, Any] | None = None,
    fingerprint: dict[str, str] | None = None,
    baseline: Snapshot | None = None,
    plan_k: int | None = None,
    level: str | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    redacted: bool = False,
) -> Briefing:
    """Gather the briefing from ``engine``: audit, places, contacts, coverage and plan, gaps, and the diff to ``baseline``."""
    result = run_audit(engine, as_of=as_of, profile=profile, lang=lang)
    snapshot = snapshot_of(engine, result, profile, source=source, fingerprint=fingerprint)
    regions: dict[str, list[str]] = {}
    state_names: dict[str, str] = dict(snapshot.state_names)
    for row in run_query(engine, "network/regions"):
        regions.setdefault(row["network_id"], []).append(row["region_name"] or row["region_id"])
    contacts: dict[str, list[Contact]] = {}
    for row in run_query(engine, "network/contacts"):
        contacts.setdefault(row["network_id"], []).append(
            Contact(row["person_name"] or row["person_id"], row["role"], row["organisation_name"])
        )
    findings: dict[str, list[FindingState]] = {}
    for f in snapshot.findings:
        if f.subject_kind == "network":
            findings.setdefault(f.subject_id, []).append(f)
    changes = diff(baseline, snapshot) if baseline is not None else None
    moved = {m.network_id: m.old_place for m in changes.moved} if changes else {}
    added = {n.id for n in changes.added} if changes else set()
    networks = {
        network_id: NetworkItem(
            state=state,
            states=tuple(state.states or ()),
            regions=tuple(sorted(regions.get(network_id, ()))),
            findings=tuple(findings.get(network_id, ())),
            contacts=tuple(sorted(contacts.get(network_id, ()), key=lambda c: (c.role, c.name))),
            was=moved.get(network_id),
            new_since_baseline=network_id in added,
        )
        for network_id, state in snapshot.networks.items()
    }
    # The audit's OM401-OM404 findings serve the coverage report where they audited its level.
    chosen_level = check_level(level or profile.ambassadors.level)
    same_level = all(profile.params_for(code).get("level") == chosen_level for code in LEVEL_RULES)
    ambassador_findings = [f for f in result.findings if f.code in AMBASSADOR_CODES] if same_level else None
    report = coverage_report(engine, profile, chosen_level, as_of=as_of, lang=lang, findings=ambassador_findings)
    state_names.update({r["region_id"]: r["region_name"] for r in run_query(engine, "coverage/regions", {"level": "state"})})
    plan = best_plan(coverage_instance(report), plan_k or profile.briefing.plan_k, time_limit)
    return Briefing(
        lang=lang,
        as_of=as_of,
        source=source,
        meta=dict(meta or {}),
        profile=profile,
        engine=engine.name,
        redacted=redacted,
        snapshot=snapshot,
        networks=networks,
        state_names=state_names,
        coverage=report,
        plan=plan,
        planned=planned_ambassadors(report, plan),
        gaps=find_gaps(engine),
        baseline=baseline,
        changes=changes,
        region_codes=region_codes(engine),
    )


def region_codes(engine: Engine) -> dict[str, str]:
    """Each region's official code, from the ``places/regions`` query where this om-graph has it (the map of
    Germany's work); without it, none, and the map falls back to region ids that are codes themselves."""
    from om_graph.errors import UsageError

    try:
        rows = run_query(engine, "places/regions")
    except UsageError:
        return {}
    return {row["region_id"]: row["code"] for row in rows if row.get("code")}


def planned_ambassadors(report: CoverageReport, plan: PlanResult) -> list[PlannedAmbassador]:
    """Each step of the plan with the names of what it newly covers, by kind (networks, intermediaries, companies)."""
    instance = coverage_instance(report)
    names = {(r["element_kind"], r["element_id"]): r["element_name"] or r["element_id"] for r in report.element_rows}
    regions = {r.region_id: r.region_name for r in report.regions}
    covered: set = set()
    out = []
    for step in plan.plan.steps:
        new = instance.candidates[step.region_id] - covered
        covered |= new
        by_kind: dict[str, list[str]] = {}
        for kind, element_id in sorted(new):
            by_kind.setdefault(kind, []).append(names.get((kind, element_id), element_id))
        out.append(PlannedAmbassador(step.region_id, regions.get(step.region_id, step.region_id), step.gain, step.share,
                                     {k: tuple(sorted(v)) for k, v in by_kind.items()}))
    return out


__all__ = ["Briefing", "Conflict", "Contact", "NetworkItem", "PlannedAmbassador", "build_briefing", "dataset_meta"]


def dataset_meta(path: Path | None, example: bool) -> dict[str, Any]:
    """What a dataset says about itself (its ``meta`` sheet: source, keeper, date), for the cover; empty where it says nothing.

    Read generically: the fields of the first ``meta`` row, whatever they are, and nothing when
    this om-graph's reader has no ``meta`` sheet or the sheet cannot be read (the audit reports that).
    """
    from importlib.resources import as_file, files

    from om_graph.errors import OmGraphError

    try:
        from om_graph.dataset.io import build_dataset, read_raw

        if example:
            from om_graph.dataset.sources import EXAMPLE_NAME

            with as_file(files("om_graph.dataset") / "data" / EXAMPLE_NAME) as bundled:
                dataset = build_dataset(read_raw(Path(bundled), frozenset({"meta"})))
        elif path is not None:
            dataset = build_dataset(read_raw(Path(path), frozenset({"meta"})))
        else:
            return {}
        rows = getattr(dataset, "meta", None) or []
    except (ImportError, TypeError, OmGraphError):
        return {}
    if not rows:
        return {}
    first = rows[0]
    values = first.model_dump(exclude_none=True) if hasattr(first, "model_dump") else dict(first)
    return {key: value for key, value in values.items() if value not in ("", None)}
