"""The briefing as one self-contained HTML page: no script, no request, printable to A4.

A Content-Security-Policy like the maps' forbids every load (there is nothing to load: the
charts are inline SVG, the styles inline); a print stylesheet sets A4 pages, starts the main
sections on a new page and keeps table rows and network blocks whole. Everything from the data
goes through Jinja's autoescaping; the SVG is built with escaped text (:mod:`.chart`).

Sections carry stable ids for readers and tests: ``cover``, ``landscape``, ``decisions`` (with
``decision-stage-1`` ... ``decision-stage-4`` and ``outside``), ``conflicts``, ``together``,
``ambassadors``, ``annex``; each network row or block carries ``data-network``.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from om_graph.features.briefing import words as w
from om_graph.features.briefing.build import Briefing
from om_graph.features.briefing.chart import COLOURS, stacked_bars
from om_graph.features.briefing.germany import germany_map_svg
from om_graph.features.diff.compare import PLACES
from om_graph.features.history.snapshot import OUTSIDE
from om_graph.i18n import engine_word, format_date, t

#: Gaps listed per Land on the page are the profile's ``gaps_per_state``; this caps the Länder shown.
MAX_STATES_ON_PAGE = 20


def render_briefing_html(b: Briefing) -> str:
    """The page, in ``b.lang``."""
    return _template().render(page=page_view(b), colours=COLOURS)


def page_view(b: Briefing) -> dict[str, Any]:
    """Everything the template shows, worded (plain strings, lists and dicts, plus the SVG as markup)."""
    lang = b.lang
    labels = {p: w.place_name(p, lang) for p in PLACES}
    counts = b.counts()
    base_counts = b.baseline.stage_counts() if b.baseline is not None else None
    since = t("briefing.landscape.change", lang, date=format_date(b.baseline.as_of, lang)) if b.baseline else None
    by_state = b.counts_by_state()
    base_by_state = b.baseline_counts_by_state()
    state_rows = [
        (b.state_name(s) if s else t("briefing.landscape.no_state", lang), c, _delta(c, base_by_state.get(s)) if since else "")
        for s, c in by_state.items()
    ]
    total_row = [(t("briefing.landscape.all", lang), counts, _delta(counts, base_counts) if since else "")]
    return {
        "lang": lang,
        "title": t("briefing.title", lang),
        "subtitle": t("briefing.subtitle", lang, as_of=format_date(b.as_of, lang)),
        "cover": w.cover_facts(b),
        "redacted": t("briefing.cover.redacted", lang) if b.redacted else None,
        "toc": [
            ("landscape", t("briefing.landscape.title", lang)),
            ("decisions", t("briefing.decisions.title", lang)),
            ("conflicts", t("briefing.conflicts.title", lang, count=len(b.conflicts()))),
            ("together", t("briefing.together.title", lang)),
            ("ambassadors", t("briefing.ambassadors.title", lang)),
            ("annex", t("briefing.annex.title", lang)),
        ],
        "landscape": {
            "summary": w.summary_text(b),
            "counts": [(labels[p], counts[p], _signed(counts[p] - base_counts[p]) if base_counts else "") for p in PLACES],
            "since": since,
            "moved": _moved(b),
            "chart_total": Markup(stacked_bars(total_row, PLACES, labels, since)),
            "chart_states": Markup(stacked_bars(state_rows, PLACES, labels, since)),
            "note": t("briefing.landscape.note", lang),
        },
        "sections": [_section(b, place) for place in PLACES],
        "conflicts": _conflicts(b),
        "together": _together(b),
        "ambassadors": _ambassadors(b),
        "annex": [_annex(b, n) for n in sorted(b.networks.values(), key=lambda n: (n.state.name, n.state.id))],
        "footer": t("briefing.footer", lang, version=b.version, engine=engine_word(b.engine, lang)),
        "words": {
            "col_stage": t("briefing.col.stage", lang), "col_networks": t("briefing.col.networks", lang),
            "col_network": t("briefing.col.network", lang), "col_states": t("briefing.col.states", lang),
            "col_reasons": t("briefing.col.reasons", lang), "col_errors": t("briefing.col.errors", lang),
            "col_since": since or "", "col_status": t("briefing.col.status", lang),
            "col_regions": t("briefing.col.regions", lang), "col_shared": t("briefing.col.shared", lang),
            "col_ambassadors": t("briefing.col.ambassadors", lang), "col_share": t("briefing.col.share", lang),
            "col_rank": "#", "col_region": t(f"level.{b.coverage.level}", lang), "col_gain": t("briefing.col.gain", lang),
            "col_covers": t("briefing.col.covers", lang), "col_change": t("briefing.col.change", lang),
            "options": t("briefing.decisions.options", lang), "none": t("briefing.decisions.none", lang),
            "decisions_intro": t("briefing.decisions.intro", lang), "by_stage": t("briefing.landscape.by_stage", lang),
            "by_state": t("briefing.landscape.by_state", lang), "contacts": t("briefing.annex.contacts", lang),
            "findings": t("briefing.annex.findings", lang), "no_contacts": t("briefing.annex.no_contacts", lang),
            "no_findings": t("briefing.annex.no_findings", lang), "toc": t("briefing.toc", lang),
        },
    }


def _section(b: Briefing, place: int | str) -> dict[str, Any]:
    networks = b.in_place(place)
    return {
        "id": "outside" if place == OUTSIDE else f"decision-stage-{place}",
        "place": place,
        "colour": COLOURS[place],
        "heading": w.place_heading(place, len(networks), b.lang),
        **w.decision_block(b, "outside" if place == OUTSIDE else str(place)),
        "rows": [
            {
                "id": n.state.id, "name": n.state.name, "states": w.states_text(b, n),
                "reasons": "; ".join(n.state.reason_texts(b.lang)) or "-", "errors": w.errors_text(n),
                "status": w.status_word(n.state.status, b.lang), "since": w.since_text(b, n),
            }
            for n in networks
        ],
    }


def _moved(b: Briefing) -> list[str]:
    if b.changes is None:
        return []
    lang = b.lang
    lines = [t("briefing.landscape.moved", lang, count=len(b.changes.moved), date=format_date(b.changes.old.as_of, lang))]
    lines += [f"{m.name}: {w.place_name(m.old_place, lang)} → {w.place_name(m.new_place, lang)}" for m in b.changes.moved]
    lines.append(t("briefing.landscape.findings_changed", lang, new=len(b.changes.new_findings),
                   resolved=len(b.changes.resolved_findings), added=len(b.changes.added), removed=len(b.changes.removed)))
    return lines


def _conflicts(b: Briefing) -> dict[str, Any]:
    conflicts = b.conflicts()
    return {
        "heading": t("briefing.conflicts.title", b.lang, count=len(conflicts)),
        **w.decision_block(b, "conflicts"),
        "empty": t("briefing.conflicts.none", b.lang),
        "col_a": t("briefing.col.network_a", b.lang),
        "col_b": t("briefing.col.network_b", b.lang),
        "rows": [
            {
                "a": c.a.state.name, "a_id": c.a.state.id, "a_regions": ", ".join(c.a.regions) or "-",
                "b": c.b.state.name, "b_id": c.b.state.id, "b_regions": ", ".join(c.b.regions) or "-",
                "shared": ", ".join(b.state_name(s) for s in c.shared_states) or "-",
            }
            for c in conflicts
        ],
    }


def _together(b: Briefing) -> dict[str, Any]:
    by_state = b.gaps_by_state()
    shown = list(by_state.items())[:MAX_STATES_ON_PAGE]
    return {
        "heading": t("briefing.together.title", b.lang),
        "intro": t("briefing.together.intro", b.lang, limit=b.profile.briefing.gaps_per_state, count=len(b.gaps)),
        "empty": t("briefing.together.none", b.lang),
        "states": [(b.state_name(s), [w.gap_sentence(g, b.lang) for g in gaps]) for s, gaps in shown],
        "more": t("briefing.together.more_states", b.lang, count=len(by_state) - len(shown)) if len(by_state) > len(shown) else "",
    }


def _ambassadors(b: Briefing) -> dict[str, Any]:
    lang, report = b.lang, b.coverage
    weight = report.weight()
    gaps = b.ambassador_gaps()
    return {
        "heading": t("briefing.ambassadors.title", lang),
        "intro": t("briefing.ambassadors.intro", lang, level=t(f"level.{report.level}", lang), covered=w.number(weight.covered, lang),
                   total=w.number(weight.total, lang), share=w.share(weight.share, lang)),
        "map": germany_map_svg(b),
        "regions": [
            (r.region_name, ", ".join(report.person_names().get(p, p) for p in r.ambassador_ids) or "-", w.share(r.weight.share, lang))
            for r in report.regions if r.weight.total or r.ambassador_ids
        ],
        "gaps_heading": t("briefing.ambassadors.gaps", lang, count=len(gaps)),
        "gaps": [f"{f.code}: {f.subject_name} – {f.message}" for f in gaps],
        "plan_heading": t("briefing.ambassadors.plan", lang, k=b.plan.plan.k, level=t(f"level.{report.level}", lang)),
        "plan_note": w.plan_note(b.plan, lang),
        "plan": [
            (i, p.region_name, w.number(p.gain, lang), w.share(p.share, lang), w.covers_text(p, lang))
            for i, p in enumerate(b.planned, 1)
        ],
        "plan_empty": t("briefing.plan.none", lang),
    }


def _annex(b: Briefing, n) -> dict[str, Any]:
    lang = b.lang
    return {
        "id": n.state.id,
        "name": n.state.name,
        "place": w.place_name(n.state.place, lang),
        "colour": COLOURS[n.state.place],
        "status": w.status_word(n.state.status, lang),
        "states": w.states_text(b, n),
        "regions": ", ".join(n.regions) or "-",
        "reasons": "; ".join(n.state.reason_texts(lang)) or "-",
        "contacts": [f"{w.role_word(c.role, lang)}: {c.name}" + (f" ({c.organisation})" if c.organisation else "") for c in n.contacts],
        "findings": [(f.code, t("severity." + f.severity, lang), f.message) for f in n.findings],
    }


def _delta(now: dict, before: dict | None) -> str:
    """The change of a row since the baseline, as ``4: +1, 3: -1`` (stages that changed)."""
    if before is None:
        return "+" + str(sum(now.values())) if now else ""
    parts = [f"{p if p != OUTSIDE else '–'}: {_signed(now[p] - before.get(p, 0))}" for p in PLACES if now[p] != before.get(p, 0)]
    return ", ".join(parts)


def _signed(n: int) -> str:
    return f"{n:+d}" if n else "±0"


@cache
def _template():
    env = Environment(autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(files("om_graph.features.briefing").joinpath("template.html").read_text(encoding="utf-8"))


__all__ = ["page_view", "render_briefing_html"]
