"""The coverage report and the plan as a table (English or German), JSON or CSV; for Excel, xlsx and csv-de (:mod:`.workbook`).

Machine output is stable: fixed keys, rows sorted by id (the plan in its order of choice),
shares rounded to 4 places. Redaction happens before rendering, in the rows the report is
built from (:func:`om_graph.privacy.redacting`).
"""

from __future__ import annotations

import json
from typing import Any, Callable

from om_graph.i18n import engine_word, format_date, format_number, format_percent, profile_word, t, value_word
from om_graph.output import CSV_DIALECTS, csv_text, terminal_safe
from om_graph.queries.coverage.elements import ELEMENT_KINDS
from om_graph.features.coverage.exact import PlanResult
from om_graph.features.coverage.planner import Plan
from om_graph.features.coverage.report import CoverageReport, Tally
from om_graph.features.coverage.workbook import render_coverage_csv_de, render_coverage_xlsx, render_plan_csv_de, render_plan_xlsx

#: Columns of the CSV outputs: one row per region, one row per planned ambassador.
REGION_COLUMNS = [
    "region_id", "region_name", "ambassadors",
    *(f"{kind}_covered" for kind in ELEMENT_KINDS), *(f"{kind}_total" for kind in ELEMENT_KINDS),
    "covered_weight", "total_weight", "share",
]
STEP_COLUMNS = [
    "rank", "region_id", "region_name", "gain", *(f"new_{kind}" for kind in ELEMENT_KINDS),
    "cumulative_gain", "share", "ambassadors",
]


def render_coverage(report: CoverageReport, fmt: str, lang: str = "en", trails: dict[str, str] | None = None,
                    source: str | None = None) -> str | bytes:
    """The coverage report as ``table``, ``json`` or ``csv`` (one row per region), ``csv-de`` or ``xlsx``.

    ``trails`` (region id -> path by name) and ``source`` (where the data came from) are for the people's formats.
    """
    if fmt == "xlsx":
        return render_coverage_xlsx(report, lang, trails, source)
    if fmt == "csv-de":
        return render_coverage_csv_de(report, lang, trails)
    name = _namer(report)
    if fmt == "json":
        return _json(coverage_dict(report, name))
    regions = [
        {
            "region_id": r.region_id,
            "region_name": r.region_name,
            "ambassadors": [name(p) for p in r.ambassador_ids],
            **{f"{kind}_covered": int(r.elements[kind].covered) for kind in ELEMENT_KINDS},
            **{f"{kind}_total": int(r.elements[kind].total) for kind in ELEMENT_KINDS},
            "covered_weight": _number(r.weight.covered),
            "total_weight": _number(r.weight.total),
            "share": _round(r.weight.share),
        }
        for r in report.regions
    ]
    if fmt == "csv":
        return _csv(REGION_COLUMNS, regions)
    level = t(f"level.{report.level}", lang)
    lines = [
        t("coverage.title", lang, level=level, as_of=format_date(report.as_of, lang),
          profile=profile_word(report.profile, lang), engine=engine_word(report.engine, lang)),
        *_weights(report, lang),
        "",
    ]
    lines += _table(
        [level, t("coverage.header.ambassadors", lang), *(t(f"coverage.kind.{k}", lang) for k in ELEMENT_KINDS), t("coverage.header.share", lang)],
        [
            [r.region_name, ", ".join(name(p) for p in r.ambassador_ids) or "-",
             *(_fraction(r.elements[k], lang) for k in ELEMENT_KINDS), _percent(r.weight.share, lang)]
            for r in report.regions
        ],
    )
    lines += ["", t("coverage.networks.title", lang)]
    lines += _table(
        [t("coverage.header.network", lang), t("coverage.header.active", lang), t("coverage.header.regional", lang)],
        [
            [n.network_name, ", ".join(name(p) for p in n.active_ambassador_ids) or "-",
             ", ".join(name(p) for p in n.regional_ambassador_ids) or "-"]
            for n in report.networks
        ],
    )
    lines += ["", t("coverage.kinds.title", lang)]
    lines += _table(
        [t("coverage.header.kind", lang), t("coverage.header.covered", lang)],
        [[value_word(kind, lang), _fraction(tally, lang)] for kind, tally in report.institution_kinds.items()],
    )
    lines += ["", t("coverage.overloaded.title", lang, max=report.max_networks)]
    networks = {n.network_id: n.network_name for n in report.networks}
    lines += [
        f"  {name(a.person_id)}: {len(a.network_ids)} ({', '.join(networks.get(i) or i for i in a.network_ids)})"
        for a in report.overloaded
    ] or [
        f"  {t('word.none', lang)}"
    ]
    lines += ["", t("coverage.findings.title", lang)]
    lines += [
        f"  {f.code} {t(f'severity.{f.severity}', lang)}  {f.subject_name}: {f.message}" for f in report.findings
    ] or [f"  {t('word.none', lang)}"]
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


def coverage_dict(report: CoverageReport, name: Callable[[str], str]) -> dict[str, Any]:
    """The report as plain data with fixed keys (the ``--format json`` document)."""
    weight = report.weight()
    return {
        "level": report.level,
        "as_of": report.as_of.isoformat(),
        "engine": report.engine,
        "profile": report.profile,
        "weights": {k: _number(v) for k, v in report.weights.items()},
        "max_networks": report.max_networks,
        "summary": {
            "elements": {k: _tally(v) for k, v in report.totals().items()},
            "weight": _tally(weight),
        },
        "regions": [
            {
                "region_id": r.region_id,
                "region_name": r.region_name,
                "ambassadors": [{"person_id": p, "name": name(p)} for p in r.ambassador_ids],
                "elements": {k: _tally(v) for k, v in r.elements.items()},
                "weight": _tally(r.weight),
            }
            for r in report.regions
        ],
        "networks": [
            {
                "network_id": n.network_id,
                "network_name": n.network_name,
                "active_ambassador_ids": n.active_ambassador_ids,
                "regional_ambassador_ids": n.regional_ambassador_ids,
                "covered": n.covered,
            }
            for n in report.networks
        ],
        "institution_kinds": {k: _tally(v) for k, v in report.institution_kinds.items()},
        "ambassadors": [
            {
                "person_id": a.person_id,
                "name": name(a.person_id),
                "region_ids": a.region_ids,
                "network_ids": a.network_ids,
                "over_limit": len(a.network_ids) > report.max_networks,
            }
            for a in report.ambassadors
        ],
        "findings": [f.as_dict() for f in report.findings],
    }


def render_plan(chosen: Plan | PlanResult, report: CoverageReport, fmt: str, lang: str = "en",
                trails: dict[str, str] | None = None, source: str | None = None) -> str | bytes:
    """The plan as ``table``, ``json`` or ``csv`` (one row per new ambassador, in the order chosen), ``csv-de`` or ``xlsx``.

    Given a :class:`PlanResult` (the exact planner's), the table and JSON also say how the plan
    was found, what greedy would have covered and the gap to the optimum.
    """
    if fmt == "xlsx":
        return render_plan_xlsx(chosen, report, lang, trails, source)
    if fmt == "csv-de":
        return render_plan_csv_de(chosen, report, lang, trails)
    how = chosen if isinstance(chosen, PlanResult) else None
    result = how.plan if how is not None else chosen
    name = _namer(report)
    regions = {r.region_id: r for r in report.regions}
    steps = [
        {
            "rank": rank,
            "region_id": step.region_id,
            "region_name": regions[step.region_id].region_name,
            "gain": _number(step.gain),
            **{f"new_{kind}": step.new_by_kind.get(kind, 0) for kind in ELEMENT_KINDS},
            "cumulative_gain": _number(step.cumulative_gain),
            "share": _round(step.share),
            "ambassadors": [name(p) for p in regions[step.region_id].ambassador_ids],
        }
        for rank, step in enumerate(result.steps, 1)
    ]
    if fmt == "json":
        return _json(
            {
                "level": report.level,
                "k": result.k,
                "engine": report.engine,
                "profile": report.profile,
                "weights": {k: _number(v) for k, v in report.weights.items()},
                "total_weight": _number(result.total_weight),
                "baseline_share": _round(result.baseline_share),
                "final_share": _round(result.steps[-1].share if result.steps else result.baseline_share),
                "stopped_early": result.stopped_early,
                "steps": steps,
                **(_method(how) if how is not None else {}),
            }
        )
    if fmt == "csv":
        return _csv(STEP_COLUMNS, steps)
    level = t(f"level.{report.level}", lang)
    lines = [
        t("coverage.plan.title", lang, k=result.k, level=level, profile=profile_word(report.profile, lang),
          engine=engine_word(report.engine, lang)),
        *_weights(report, lang),
        "",
    ]
    lines += _table(
        [t("coverage.header.rank", lang), level, t("coverage.header.gain", lang), *(t(f"coverage.kind.{k}", lang) for k in ELEMENT_KINDS),
         t("coverage.header.share", lang), t("coverage.header.existing", lang)],
        [
            [str(s["rank"]), s["region_name"], _text_number(s["gain"], lang), *(f"+{s[f'new_{k}']}" for k in ELEMENT_KINDS),
             _percent(s["share"], lang), ", ".join(s["ambassadors"]) or "-"]
            for s in steps
        ],
    )
    lines.append("")
    if result.stopped_early:
        lines.append(t("coverage.plan.stopped", lang, n=len(steps), level=level))
    lines.append(t("coverage.plan.bound", lang, k=result.k) if how is None else _method_line(how, lang))
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


def _method(how: PlanResult) -> dict[str, Any]:
    """How the plan was found (the JSON keys): method, greedy's gain, the bound, the gap, the time."""
    return {
        "method": how.method,
        "greedy_gain": _number(how.greedy_gain),
        "gain_over_greedy": _number(how.gain_over_greedy),
        "bound": None if how.bound is None else _number(how.bound),
        "gap": _round(how.gap),
        "seconds": round(how.seconds, 3),
    }


def _method_line(how: PlanResult, lang: str) -> str:
    seconds = format_number(how.seconds, lang, decimals=2)
    greedy = _text_number(how.greedy_gain, lang)
    if how.method == "exact" and how.gain_over_greedy <= 0:
        return t("coverage.plan.exact_same", lang, seconds=seconds)
    if how.method == "exact":
        return t("coverage.plan.exact", lang, seconds=seconds, greedy=greedy, gain=_text_number(how.gain_over_greedy, lang))
    if how.method == "solver":
        return t("coverage.plan.solver", lang, seconds=seconds, greedy=greedy, gap=_percent(how.gap, lang))
    if how.gap is not None:  # the solver ran out of time and found nothing better
        return t("coverage.plan.greedy_gap", lang, seconds=seconds, gap=_percent(how.gap, lang))
    return t("coverage.plan.bound", lang, k=how.plan.k)


def _namer(report: CoverageReport) -> Callable[[str], str]:
    names = report.person_names()
    return lambda person_id: names.get(person_id, person_id)


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    out = ["  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    out += ["  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return out


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    """Machine CSV: the English keys, lists joined by "; " (:data:`om_graph.output.CSV_DIALECTS`)."""
    return csv_text(columns, ([row[c] for c in columns] for row in rows), CSV_DIALECTS["csv"])


def _tally(tally: Tally) -> dict[str, Any]:
    return {"covered": _number(tally.covered), "total": _number(tally.total), "share": _round(tally.share)}


def _weights(report: CoverageReport, lang: str) -> list[str]:
    """The weights line and the share covered now, numbers as ``lang`` writes them."""
    weight = report.weight()
    return [
        t("coverage.weights", lang, **{k: _text_number(v, lang) for k, v in report.weights.items()}),
        t("coverage.covered_now", lang, covered=_text_number(weight.covered, lang),
          total=_text_number(weight.total, lang), share=_percent(weight.share, lang)),
    ]


def _fraction(tally: Tally, lang: str) -> str:
    return f"{_text_number(tally.covered, lang)}/{_text_number(tally.total, lang)}"


def _percent(share: float | None, lang: str) -> str:
    """A share for people: ``75.9%`` in English, ``75,9 %`` in German (Babel)."""
    return "-" if share is None else format_percent(share, lang)


def _text_number(value: float, lang: str) -> str:
    """A number for people: whole numbers plain, others with the locale's decimal separator."""
    return format_number(_number(value), lang)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _number(value: float) -> int | float:
    """Whole numbers without a trailing ``.0``, others rounded to 4 places."""
    return int(value) if float(value).is_integer() else round(value, 4)
