"""The briefing's words and numbers in the reader's language: shared by the HTML page and the workbook.

Everything a person reads is made here from the :class:`~.build.Briefing` in ``briefing.lang``,
so the page and the workbook say the same thing in the same words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from om_graph.features.briefing.build import Briefing, NetworkItem, PlannedAmbassador
from om_graph.features.coverage.exact import PlanResult
from om_graph.features.gaps.find import Gap
from om_graph.features.history.snapshot import OUTSIDE
from om_graph.i18n import cite, engine_word, format_date, format_number, format_percent, pick, profile_word, t


def place_name(place: int | str | None, lang: str) -> str:
    """``stage 3`` / ``Umsetzungsstadium 3``, or outside the stages."""
    if place is None:
        return "-"
    return t("briefing.outside.short", lang) if place == OUTSIDE else t("stage.name", lang, stage=place)


def place_heading(place: int | str, count: int, lang: str) -> str:
    if place == OUTSIDE:
        return t("briefing.outside.title", lang, count=count)
    return t("briefing.stage.heading", lang, stage=t("stage.name", lang, stage=place), text=t(f"stage.{place}", lang), count=count)


def status_word(status: str | None, lang: str) -> str:
    words = {
        "applied": t("briefing.status.applied", lang),
        "recognised": t("briefing.status.recognised", lang),
        "withdrawn": t("briefing.status.withdrawn", lang),
        "partner_only": t("briefing.status.partner_only", lang),
    }
    return words.get(status or "", status or "-")


def subject_word(kind: str, lang: str) -> str:
    """What a finding is about (its ``subject_kind``) as people say it."""
    words = {
        "network": t("briefing.subject.network", lang),
        "region": t("briefing.subject.region", lang),
        "organisation": t("briefing.subject.organisation", lang),
        "self_declaration": t("briefing.subject.self_declaration", lang),
    }
    return words.get(kind, kind)


def role_word(role: str, lang: str) -> str:
    words = {"coordination": t("briefing.role.coordination", lang), "moderation": t("briefing.role.moderation", lang)}
    return words.get(role, role)


def states_text(b: Briefing, n: NetworkItem) -> str:
    return ", ".join(b.state_name(s) for s in n.states) or t("briefing.landscape.no_state", b.lang)


def since_text(b: Briefing, n: NetworkItem) -> str:
    """What changed for the network since the baseline: ``was stage 2``, ``new``, or nothing."""
    if b.baseline is None:
        return ""
    if n.new_since_baseline:
        return t("briefing.new_network", b.lang)
    if n.was is not None:
        return t("briefing.was", b.lang, place=place_name(n.was, b.lang))
    return ""


def errors_text(n: NetworkItem) -> str:
    return ", ".join(sorted({f.code for f in n.findings if f.severity == "error"})) or "-"


def gap_sentence(gap: Gap, lang: str) -> str:
    """One gap as a sentence to act on: who with whom, where, and what the gap list calls it."""
    from om_graph.features.gaps.find import get_kind

    kind = pick(get_kind(gap.kind).title, lang)
    sides = gap.a_name if gap.b_name is None else f"{gap.a_name} + {gap.b_name}"
    where = f" ({gap.region_name})" if gap.region_name else ""
    return f"{kind}: {sides}{where}"


def number(value: float, lang: str) -> str:
    return format_number(round(value, 2), lang)


def share(value: float | None, lang: str) -> str:
    return "-" if value is None else format_percent(value, lang)


def plan_note(plan: PlanResult, lang: str) -> str:
    """How the plan was found, and what it gains over the step-by-step choice (no timings: the page is reproducible)."""
    greedy, gain = number(plan.greedy_gain, lang), number(plan.gain_over_greedy, lang)
    if plan.method == "exact":
        if plan.gain_over_greedy > 0:
            return t("briefing.plan.exact_better", lang, greedy=greedy, gain=gain)
        return t("briefing.plan.exact_same", lang)
    gap = share(plan.gap, lang)
    if plan.method == "solver":
        return t("briefing.plan.solver", lang, gap=gap, greedy=greedy)
    return t("briefing.plan.greedy", lang, gap=gap)


def covers_text(step: PlannedAmbassador, lang: str, limit: int | None = 6) -> str:
    """What a new Botschafter would newly cover, by kind and name (``limit`` names per kind, then how many more)."""
    parts = []
    for kind, names in step.covers.items():
        shown = list(names if limit is None else names[:limit])
        if limit is not None and len(names) > limit:
            shown.append(t("briefing.plan.more", lang, count=len(names) - limit))
        parts.append(f"{t(f'coverage.kind.{kind}', lang)} ({len(names)}): {', '.join(shown)}")
    return "; ".join(parts)


def cover_facts(b: Briefing) -> list[tuple[str, str]]:
    """The cover's facts: as-of date, data source and its own meta, profile, version, engine, baseline."""
    lang = b.lang
    facts = [
        (t("briefing.cover.as_of", lang), format_date(b.as_of, lang)),
        (t("briefing.cover.source", lang), b.source or "-"),
    ]
    facts += [(_meta_word(key, lang), _plain(value, lang)) for key, value in b.meta.items()
              if value not in (None, "") and key != "as_of"]  # the as-of date heads the cover already
    digest = b.snapshot.dataset.get("sha256")
    if digest:
        facts.append((t("briefing.cover.data_hash", lang), digest[:16]))
    facts += [
        (t("briefing.cover.profile", lang), profile_word(b.profile.name, lang)),
        (t("briefing.cover.version", lang), b.version),
        (t("briefing.cover.engine", lang), engine_word(b.engine, lang)),
    ]
    if b.baseline is not None:
        base = b.baseline
        label = base.path.name if base.path else "-"
        facts.append((t("briefing.cover.baseline", lang), f"{format_date(base.as_of, lang)} ({label})"))
    else:
        facts.append((t("briefing.cover.baseline", lang), t("briefing.cover.no_baseline", lang)))
    return facts


def summary_text(b: Briefing) -> str:
    counts = b.snapshot.severity_counts()
    return t("briefing.landscape.total", b.lang, networks=len(b.networks), findings=len(b.snapshot.findings),
             errors=counts.get("error", 0))


def decision_block(b: Briefing, section: str) -> dict[str, Any]:
    """The question a section asks and its options, in the reader's language, each with its clause."""
    decision = b.decision(section)
    return {
        "question": pick(decision.question, b.lang),
        "options": [{"text": pick(o.text, b.lang), "source": cite(o.source, b.lang) if o.source else o.source} for o in decision.options],
    }


def _meta_word(key: str, lang: str) -> str:
    """A field of the dataset's ``meta`` sheet as the cover names it (a field this om-graph has no word for: as is)."""
    words = {"source": t("briefing.meta.source", lang), "kept_by": t("briefing.meta.kept_by", lang)}
    return words.get(key, key)


def _plain(value: Any, lang: str) -> str:
    return format_date(value, lang) if isinstance(value, dt.date) else str(value)
