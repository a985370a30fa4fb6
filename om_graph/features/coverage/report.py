"""The ambassador coverage report: who covers what, per region, network and institution kind.

Built only from the rows of the ``coverage/*`` analyses and the OM401-OM404 findings, so the
embedded engine and Neo4j give the same report, and a redacting engine
(:func:`om_graph.privacy.redacting`) one that names ambassadors only by pseudonyms. Weights,
the level and the workload limit come from the profile's ``ambassadors`` section (om-graph's
own planning defaults).

>>> from om_graph.engines.embedded import EmbeddedEngine
>>> from om_graph.dataset.sources import example_dataset, EXAMPLE_AS_OF
>>> report = coverage_report(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF)
>>> [r.region_id for r in report.regions if r.ambassador_ids][:2]
['DE-BW', 'DE-BY']
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from om_graph.queries.registry import run_queries
from om_graph.audit.run import Finding, run_audit
from om_graph.engines.contract import Engine
from om_graph.errors import UsageError
from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.queries.coverage.elements import ELEMENT_KINDS
from om_graph.features.coverage.planner import CoverageInstance, Element

#: Region levels an ambassador plan can be made for.
LEVELS = ("state", "district")

#: The rules of the ambassador concept; OM401 and OM404 audit the report's level.
AMBASSADOR_RULES = "OM40*"
LEVEL_RULES = ("OM401", "OM404")

#: The sheets the report's queries and rules read (regions, networks and the organisations, persons and links
#: around them): from a dataset, the embedded engine is built from these alone (see ``Source.open``).
SHEETS = frozenset({
    "regions", "networks", "organisations", "persons", "network_regions", "memberships",
    "ambassadors", "ambassador_networks", "approaches",
})


@dataclass(frozen=True)
class Tally:
    """How many elements (or how much weight) there are, and how many are covered."""

    covered: float
    total: float

    @property
    def share(self) -> float | None:
        return self.covered / self.total if self.total else None


@dataclass(frozen=True)
class RegionCoverage:
    region_id: str
    region_name: str
    ambassador_ids: list[str]
    elements: dict[str, Tally]
    weight: Tally


@dataclass(frozen=True)
class NetworkCoverage:
    network_id: str
    network_name: str
    active_ambassador_ids: list[str]
    regional_ambassador_ids: list[str]

    @property
    def covered(self) -> bool:
        return bool(self.active_ambassador_ids or self.regional_ambassador_ids)


@dataclass(frozen=True)
class Ambassador:
    person_id: str
    person_name: str
    region_ids: list[str]
    network_ids: list[str]


@dataclass(frozen=True)
class CoverageReport:
    """Coverage at one level, with the profile's weights and the ambassador findings."""

    level: str
    as_of: dt.date
    engine: str
    profile: str
    weights: dict[str, float]
    max_networks: int
    regions: list[RegionCoverage]
    networks: list[NetworkCoverage]
    institution_kinds: dict[str, Tally]
    ambassadors: list[Ambassador]
    findings: list[Finding]
    element_rows: list[dict[str, Any]]

    @property
    def overloaded(self) -> list[Ambassador]:
        """Ambassadors active in more networks than the profile's ``max_networks``."""
        return [a for a in self.ambassadors if len(a.network_ids) > self.max_networks]

    def elements(self) -> dict[Element, bool]:
        """Every distinct element within a region of the level, and whether it is covered."""
        return {(r["element_kind"], r["element_id"]): r["covered"] for r in self.element_rows}

    def totals(self) -> dict[str, Tally]:
        """Covered and total distinct elements per kind (an element in several regions counts once)."""
        counts = {kind: [0, 0] for kind in ELEMENT_KINDS}
        for (kind, _), covered in self.elements().items():
            counts[kind][0] += covered
            counts[kind][1] += 1
        return {kind: Tally(*c) for kind, c in counts.items()}

    def weight(self) -> Tally:
        """Covered and total weight of the distinct elements."""
        elements = self.elements()
        return Tally(
            sum(self.weights[k] for (k, _), covered in sorted(elements.items()) if covered),
            sum(self.weights[k] for (k, _) in sorted(elements)),
        )

    def person_names(self) -> dict[str, str]:
        return {a.person_id: a.person_name for a in self.ambassadors}


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise UsageError(f"unknown level {level!r}: use {' or '.join(LEVELS)}")
    return level


def coverage_report(
    engine: Engine,
    profile: Profile = DEFAULT_PROFILE,
    level: str | None = None,
    *,
    as_of: dt.date | None = None,
    lang: str = "en",
    findings: list[Finding] | None = None,
) -> CoverageReport:
    """The coverage report at ``level`` (default: the profile's), findings worded in ``lang``.

    ``as_of`` (default today) is the audit date of the findings; OM401-OM404 do not depend on it.
    ``findings``: the OM401-OM404 findings at ``level`` where the caller has audited them already
    (the briefing), else they are audited here.
    """
    as_of = as_of or dt.date.today()
    settings = profile.ambassadors
    level = check_level(level or settings.level)
    weights = settings.weights.model_dump()
    asked = [("coverage/elements", {"level": level}), ("coverage/regions", {"level": level}),
             ("coverage/networks", None), ("coverage/ambassadors", None)]  # independent: a server overlaps them
    element_rows, region_rows, network_rows, ambassador_rows = run_queries(engine, asked)
    by_region: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in element_rows:
        by_region[row["region_id"]].append(row)
    regions = [_region(row, by_region[row["region_id"]], weights) for row in region_rows]
    networks = [NetworkCoverage(**row) for row in network_rows]
    ambassadors = [Ambassador(**row) for row in ambassador_rows]
    if findings is None:
        findings = run_audit(
            engine, as_of=as_of, profile=audit_profile(profile, level), rules=AMBASSADOR_RULES, lang=lang, with_stages=False
        ).findings
    return CoverageReport(
        level=level,
        as_of=as_of,
        engine=engine.name,
        profile=profile.name,
        weights=weights,
        max_networks=settings.max_networks,
        regions=regions,
        networks=networks,
        institution_kinds=_institution_kinds(element_rows),
        ambassadors=ambassadors,
        findings=findings,
        element_rows=element_rows,
    )


def audit_profile(profile: Profile, level: str) -> Profile:
    """``profile`` with OM401 and OM404 auditing ``level``, so findings and coverage speak of the same regions."""
    params = {code: dict(values) for code, values in profile.params.items()}
    for code in LEVEL_RULES:
        params[code] = {**params.get(code, {}), "level": level}
    return profile.model_copy(update={"params": params})


def coverage_instance(report: CoverageReport) -> CoverageInstance:
    """The planner's input: each region of the level with the uncovered elements an ambassador there would cover."""
    elements = report.elements()
    candidates: dict[str, set[Element]] = {r.region_id: set() for r in report.regions}
    for row in report.element_rows:
        if not row["covered"]:
            candidates[row["region_id"]].add((row["element_kind"], row["element_id"]))
    return CoverageInstance(
        candidates={region: frozenset(found) for region, found in candidates.items()},
        weights={e: report.weights[e[0]] for e, covered in elements.items() if not covered},
        covered_weight=report.weight().covered,
    )


def _region(row: dict[str, Any], elements: list[dict[str, Any]], weights: dict[str, float]) -> RegionCoverage:
    counts = {kind: [0, 0] for kind in ELEMENT_KINDS}
    weight = [0.0, 0.0]
    for element in elements:
        kind, covered = element["element_kind"], element["covered"]
        counts[kind][0] += covered
        counts[kind][1] += 1
        weight[0] += weights[kind] * covered
        weight[1] += weights[kind]
    return RegionCoverage(
        region_id=row["region_id"],
        region_name=row["region_name"],
        ambassador_ids=row["ambassador_ids"],
        elements={kind: Tally(*c) for kind, c in counts.items()},
        weight=Tally(*weight),
    )


def _institution_kinds(element_rows: list[dict[str, Any]]) -> dict[str, Tally]:
    """Covered and total organisations per organisation kind (each organisation once)."""
    organisations = {
        r["element_id"]: (r["organisation_kind"], r["covered"]) for r in element_rows if r["element_kind"] != "network"
    }
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for kind, covered in organisations.values():
        counts[kind][0] += covered
        counts[kind][1] += 1
    return {kind: Tally(*counts[kind]) for kind in sorted(counts)}
