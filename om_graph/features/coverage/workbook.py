"""Ambassador coverage and plan for people who work in Excel: workbooks (``--format xlsx``) and ``csv-de``.

Coverage: per region (its path from the top down, by name), per network, per organisation kind,
per ambassador, and the OM401-OM404 findings. Plan: the regions chosen, in the order chosen, and
how the plan was found. Names come before ids; shares are percentage cells. ``csv-de`` writes the
regions sheet (coverage) or the plan's steps (plan).
"""

from __future__ import annotations

from typing import Any, Callable

from om_graph.features.coverage.exact import PlanResult
from om_graph.features.coverage.planner import Plan
from om_graph.features.coverage.report import CoverageReport, Tally
from om_graph.i18n import format_percent, profile_word, t, value_word
from om_graph.queries.coverage.elements import ELEMENT_KINDS
from om_graph.workbook import Caption, Column, Sheet, caption, sheet_csv, workbook_bytes


def _col(key: str, lang: str, kind: str = "text") -> Column:
    return Column(key, t(f"tabular.col.{key}", lang), kind)  # type: ignore[arg-type]


def _names(report: CoverageReport) -> Callable[[str], str]:
    names = report.person_names()
    return lambda person_id: names.get(person_id, person_id)


def _share(tally: Tally) -> float | None:
    return None if tally.share is None else round(tally.share, 4)


def regions_sheet(report: CoverageReport, lang: str, trails: dict[str, str] | None = None) -> Sheet:
    name = _names(report)
    kinds = {k: t(f"coverage.kind.{k}", lang) for k in ELEMENT_KINDS}
    columns = [Column("region", t(f"level.{report.level}", lang)), _col("region_id", lang), _col("region_path", lang),
               _col("ambassadors", lang)]
    for k in ELEMENT_KINDS:
        columns += [Column(f"{k}_covered", t("tabular.covered_of", lang, kind=kinds[k]), "int"),
                    Column(f"{k}_total", t("tabular.total_of", lang, kind=kinds[k]), "int")]
    columns += [_col("covered_weight", lang, "auto"), _col("total_weight", lang, "auto"), _col("share", lang, "percent")]
    rows = [{
        "region": r.region_name, "region_id": r.region_id, "region_path": (trails or {}).get(r.region_id, r.region_name),
        "ambassadors": ", ".join(name(p) for p in r.ambassador_ids),
        **{f"{k}_covered": int(r.elements[k].covered) for k in ELEMENT_KINDS},
        **{f"{k}_total": int(r.elements[k].total) for k in ELEMENT_KINDS},
        "covered_weight": _plain(r.weight.covered), "total_weight": _plain(r.weight.total), "share": _share(r.weight),
    } for r in report.regions]
    return Sheet(t("tabular.sheet.regions", lang), columns, rows)


def _coverage_sheets(report: CoverageReport, lang: str, trails: dict[str, str] | None) -> list[Sheet]:
    name = _names(report)
    yes = lambda v: t("word.yes", lang) if v else t("word.no", lang)  # noqa: E731
    networks = Sheet(
        t("tabular.sheet.networks", lang),
        [_col("name", lang), _col("id", lang), Column("active", t("coverage.header.active", lang)),
         Column("regional", t("coverage.header.regional", lang)), _col("covered", lang)],
        [{"name": n.network_name, "id": n.network_id, "active": ", ".join(name(p) for p in n.active_ambassador_ids),
          "regional": ", ".join(name(p) for p in n.regional_ambassador_ids), "covered": yes(n.covered)} for n in report.networks],
    )
    kinds = Sheet(
        t("tabular.sheet.kinds", lang),
        [_col("organisation_kind", lang), _col("covered", lang, "int"), _col("total", lang, "int"), _col("share", lang, "percent")],
        [{"organisation_kind": value_word(k, lang), "covered": int(v.covered), "total": int(v.total), "share": _share(v)}
         for k, v in report.institution_kinds.items()],
    )
    ambassadors = Sheet(
        t("tabular.sheet.ambassadors", lang),
        [_col("name", lang), _col("id", lang), _col("regions", lang), _col("networks", lang, "int"), _col("network_ids", lang),
         _col("over_limit", lang)],
        [{"name": name(a.person_id), "id": a.person_id,
          "regions": ", ".join((trails or {}).get(r, r) for r in a.region_ids), "networks": len(a.network_ids),
          "network_ids": ", ".join(a.network_ids), "over_limit": yes(len(a.network_ids) > report.max_networks)}
         for a in report.ambassadors],
    )
    findings = Sheet(
        t("tabular.sheet.findings", lang),
        [_col("severity", lang), _col("code", lang), _col("subject", lang), _col("subject_id", lang), _col("message", lang)],
        [{"severity": t(f"severity.{f.severity}", lang), "code": f.code, "subject": f.subject_name, "subject_id": f.subject_id,
          "message": f.message} for f in report.findings],
    )
    return [regions_sheet(report, lang, trails), networks, kinds, ambassadors, findings]


def _caption(report: CoverageReport, title: str, lang: str, source: str | None) -> Caption:
    weights = t("coverage.weights", lang, **{k: _plain(v) for k, v in report.weights.items()})
    return caption(title, lang, as_of=report.as_of, profile=profile_word(report.profile, lang), source=source, notes=(weights,))


def _percent(share: float | None, lang: str) -> str | None:
    """A share in the one cell of a mixed column: as text, the way the reader writes it (75,9 %)."""
    return None if share is None else format_percent(share, lang)


def _plain(value: float) -> int | float:
    """Whole weights as whole numbers (12, not 12,0), others to 4 places."""
    return int(value) if float(value).is_integer() else round(value, 4)


def render_coverage_xlsx(report: CoverageReport, lang: str, trails: dict[str, str] | None = None, source: str | None = None) -> bytes:
    title = t("tabular.title.coverage", lang, level=t(f"level.{report.level}", lang))
    return workbook_bytes(_coverage_sheets(report, lang, trails), _caption(report, title, lang, source), lang)


def render_coverage_csv_de(report: CoverageReport, lang: str, trails: dict[str, str] | None = None) -> str:
    return sheet_csv(regions_sheet(report, lang, trails), "csv-de")


def steps_sheet(chosen: Plan | PlanResult, report: CoverageReport, lang: str, trails: dict[str, str] | None = None) -> Sheet:
    plan = chosen.plan if isinstance(chosen, PlanResult) else chosen
    name = _names(report)
    regions = {r.region_id: r for r in report.regions}
    kinds = {k: t(f"coverage.kind.{k}", lang) for k in ELEMENT_KINDS}
    columns = [_col("rank", lang, "int"), Column("region", t(f"level.{report.level}", lang)), _col("region_id", lang),
               _col("region_path", lang), _col("gain", lang, "auto"),
               *(Column(f"new_{k}", t("tabular.new_of", lang, kind=kinds[k]), "int") for k in ELEMENT_KINDS),
               _col("cumulative_gain", lang, "auto"), _col("share", lang, "percent"), _col("ambassadors", lang)]
    rows: list[dict[str, Any]] = [{
        "rank": rank, "region": regions[s.region_id].region_name, "region_id": s.region_id,
        "region_path": (trails or {}).get(s.region_id, regions[s.region_id].region_name), "gain": _plain(s.gain),
        **{f"new_{k}": s.new_by_kind.get(k, 0) for k in ELEMENT_KINDS}, "cumulative_gain": _plain(s.cumulative_gain),
        "share": None if s.share is None else round(s.share, 4),
        "ambassadors": ", ".join(name(p) for p in regions[s.region_id].ambassador_ids),
    } for rank, s in enumerate(plan.steps, 1)]
    return Sheet(t("tabular.sheet.plan", lang), columns, rows)


def _method_sheet(chosen: Plan | PlanResult, lang: str) -> Sheet:
    plan = chosen.plan if isinstance(chosen, PlanResult) else chosen
    rows: list[dict[str, Any]] = [
        {"measure": t("tabular.plan.k", lang), "value": plan.k},
        {"measure": t("tabular.plan.chosen", lang), "value": len(plan.steps)},
        {"measure": t("tabular.plan.total_weight", lang), "value": _plain(plan.total_weight)},
        {"measure": t("tabular.plan.baseline_share", lang), "value": _percent(plan.baseline_share, lang)},
        {"measure": t("tabular.plan.final_share", lang),
         "value": _percent(plan.steps[-1].share if plan.steps else plan.baseline_share, lang)},
    ]
    if isinstance(chosen, PlanResult):
        rows += [
            {"measure": t("tabular.plan.method", lang), "value": t(f"tabular.method.{chosen.method}", lang)},
            {"measure": t("tabular.plan.greedy_gain", lang), "value": _plain(chosen.greedy_gain)},
            {"measure": t("tabular.plan.gain_over_greedy", lang), "value": _plain(chosen.gain_over_greedy)},
            {"measure": t("tabular.plan.gap", lang), "value": _percent(chosen.gap, lang)},
        ]
    return Sheet(t("tabular.sheet.method", lang), [_col("measure", lang), _col("value", lang, "auto")], rows)


def render_plan_xlsx(chosen: Plan | PlanResult, report: CoverageReport, lang: str, trails: dict[str, str] | None = None,
                     source: str | None = None) -> bytes:
    plan = chosen.plan if isinstance(chosen, PlanResult) else chosen
    title = t("tabular.title.plan", lang, k=plan.k, level=t(f"level.{report.level}", lang))
    sheets = [steps_sheet(chosen, report, lang, trails), _method_sheet(chosen, lang)]
    return workbook_bytes(sheets, _caption(report, title, lang, source), lang)


def render_plan_csv_de(chosen: Plan | PlanResult, report: CoverageReport, lang: str, trails: dict[str, str] | None = None) -> str:
    return sheet_csv(steps_sheet(chosen, report, lang, trails), "csv-de")
