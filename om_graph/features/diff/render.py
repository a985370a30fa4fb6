"""A diff as a table for people, Markdown for minutes, JSON for machines (xlsx: :mod:`.workbook`).

Every human format starts with what was compared (dates, profiles, data) and a warning when the
profiles differ, since then a finding may come and go with a threshold, not with the network.
JSON keeps stable English keys and language-independent values (places ``1``-``4`` or
``"outside"``, reason texts in ``--lang``).
"""

from __future__ import annotations

import html
import json
import textwrap
from typing import Any

from om_graph.features.diff.compare import PLACES, AuditDiff, Move
from om_graph.features.history.snapshot import OUTSIDE, FindingState, NetworkState, Snapshot
from om_graph.i18n import engine_word, format_date, profile_word, t
from om_graph.output import terminal_safe

FORMATS = ("table", "markdown", "json", "xlsx")
WIDTH = 80


def place_word(place: int | str, lang: str) -> str:
    """``stage 3`` or ``outside the stages``."""
    return t("diff.outside", lang) if place == OUTSIDE else t("stage.name", lang, stage=place)


def heading(d: AuditDiff, lang: str) -> tuple[str, list[str], list[str]]:
    """The title, the warnings a reader must see first (profiles differ), and notes on what was compared."""
    title = t("diff.title", lang, old=format_date(d.old.as_of, lang), new=format_date(d.new.as_of, lang))
    warnings = [] if d.same_profile else [
        t("diff.profiles_differ", lang, old=profile_word(d.old.profile, lang), new=profile_word(d.new.profile, lang))
    ]
    notes = [t("diff.compared", lang, old=_label(d.old, lang), new=_label(d.new, lang))]
    if d.compared_rules is not None:
        notes.append(t("diff.rules_differ", lang, rules=", ".join(d.compared_rules) or "-"))
    if d.same_data is True:
        notes.append(t("diff.same_data", lang))
    elif d.same_data is False:
        notes.append(t("diff.other_data", lang))
    return title, warnings, notes


def summary_line(d: AuditDiff, lang: str) -> str:
    return t(
        "diff.summary", lang, moved=len(d.moved), added=len(d.added), removed=len(d.removed),
        new=len(d.new_findings), resolved=len(d.resolved_findings), open=len(d.open_findings),
    )


def diff_dict(d: AuditDiff, lang: str = "en") -> dict[str, Any]:
    """The diff as plain data (the JSON document)."""

    def network(n: NetworkState) -> dict[str, Any]:
        return {"id": n.id, "name": n.name, "place": n.place, "reasons": n.reason_texts(lang)}

    def finding(f: FindingState, snap: Snapshot) -> dict[str, Any]:
        return {"code": f.code, "severity": f.severity, "subject_kind": f.subject_kind, "subject_id": f.subject_id,
                "subject_name": f.subject_name, "message": snap.message(f, lang), "evidence": f.evidence}

    return {
        "old": _meta(d.old),
        "new": _meta(d.new),
        "same_profile": d.same_profile,
        "same_data": d.same_data,
        "compared_rules": list(d.compared_rules) if d.compared_rules is not None else None,
        "stages": {"old": _counts(d.old.stage_counts()), "new": _counts(d.new.stage_counts())},
        "moved": [
            {"id": m.network_id, "name": m.name, "old_place": m.old_place, "new_place": m.new_place, "direction": m.direction,
             "old_reasons": m.old.reason_texts(lang), "new_reasons": m.new.reason_texts(lang)}
            for m in d.moved
        ],
        "added": [network(n) for n in d.added],
        "removed": [network(n) for n in d.removed],
        "unchanged": d.unchanged,
        "findings": {
            "new": [finding(f, d.new) for f in d.new_findings],
            "resolved": [finding(f, d.old) for f in d.resolved_findings],
            "open": [finding(after, d.new) | {"old_message": d.old.message(before, lang)} for before, after in d.open_findings],
        },
        "states": None if d.states is None else [
            {"state_id": s.state_id, "name": s.name, "old": _counts(s.old), "new": _counts(s.new)} for s in d.states
        ],
    }


def render_diff(d: AuditDiff, fmt: str, lang: str = "en") -> str:
    if fmt == "json":
        return json.dumps(diff_dict(d, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(d, lang)
    return _table(d, lang)


# -- table ---------------------------------------------------------------------------------------
def _table(d: AuditDiff, lang: str) -> str:
    title, warnings, notes = heading(d, lang)
    lines = [*(f"!! {w}" for w in warnings), title, *notes, summary_line(d, lang), ""]
    lines.append(t("diff.section.stages", lang))
    old, new = d.old.stage_counts(), d.new.stage_counts()
    width = max(len(place_word(p, lang)) for p in PLACES)
    for place in PLACES:
        lines.append(f"  {place_word(place, lang):<{width}}{old[place]:>5} -> {new[place]:<5}{_delta(new[place] - old[place])}")
    lines += ["", t("diff.section.moved", lang, count=len(d.moved))]
    for m in d.moved:
        lines += _wrap(f"{m.name} ({m.network_id}): {place_word(m.old_place, lang)} -> {place_word(m.new_place, lang)}", "  ")
        lines += _wrap(f"{t('diff.before', lang)}: {'; '.join(m.old.reason_texts(lang)) or '-'}", "    ")
        lines += _wrap(f"{t('diff.now', lang)}: {'; '.join(m.new.reason_texts(lang)) or '-'}", "    ")
    added = t("diff.section.added", lang, count=len(d.added))
    for title, networks in ((added, d.added), (t("diff.section.removed", lang, count=len(d.removed)), d.removed)):
        lines += ["", title]
        for n in networks:
            lines += _wrap(f"{n.name} ({n.id}): {place_word(n.place, lang)}; {'; '.join(n.reason_texts(lang)) or '-'}", "  ")
    for title, findings, snap in (
        (t("diff.section.new", lang, count=len(d.new_findings)), d.new_findings, d.new),
        (t("diff.section.resolved", lang, count=len(d.resolved_findings)), d.resolved_findings, d.old),
    ):
        lines += ["", title]
        lines += [line for f in findings for line in _wrap(_finding(f, snap, lang), "  ")]
    lines += ["", t("diff.section.open", lang, count=len(d.open_findings))]
    lines += [line for _, f in d.open_findings for line in _wrap(_finding(f, d.new, lang), "  ")]
    lines += ["", t("diff.section.states", lang)]
    if d.states is None:
        lines.append("  " + t("diff.no_states", lang))
    else:
        for s in d.states:
            if s.changed:
                lines.append(f"  {s.name or t('diff.no_state', lang)}: {_movement(s.old, s.new, lang)}")
        if not any(s.changed for s in d.states):
            lines.append("  " + t("word.none", lang))
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


# -- markdown ------------------------------------------------------------------------------------
def _markdown(d: AuditDiff, lang: str) -> str:
    title, warnings, notes = heading(d, lang)
    lines = [f"# {_cell(title)}", ""]
    lines += [line for w in warnings for line in (f"> **{_cell(w)}**", "")]
    lines += [f"{_cell(note)}  " for note in notes] + ["", summary_line(d, lang), ""]
    old, new = d.old.stage_counts(), d.new.stage_counts()
    lines += [f"## {t('diff.section.stages', lang)}", "", f"| | {_cell(format_date(d.old.as_of, lang))} | "
              f"{_cell(format_date(d.new.as_of, lang))} | +/- |", "| --- | --- | --- | --- |"]
    lines += [f"| {place_word(p, lang)} | {old[p]} | {new[p]} | {_delta(new[p] - old[p]) or '0'} |" for p in PLACES]
    lines += ["", f"## {t('diff.section.moved', lang, count=len(d.moved))}", ""]
    if d.moved:
        lines += [f"| {t('diff.col.network', lang)} | {t('diff.col.from', lang)} | {t('diff.col.to', lang)} | "
                  f"{t('diff.before', lang)} | {t('diff.now', lang)} |", "| --- | --- | --- | --- | --- |"]
        lines += [_moved_row(m, lang) for m in d.moved]
    added = t("diff.section.added", lang, count=len(d.added))
    for title, networks in ((added, d.added), (t("diff.section.removed", lang, count=len(d.removed)), d.removed)):
        lines += ["", f"## {title}", ""]
        lines += [f"- {_cell(n.name)} (`{n.id}`): {place_word(n.place, lang)}; {_cell('; '.join(n.reason_texts(lang)) or '-')}"
                  for n in networks]
    sections = (
        (t("diff.section.new", lang, count=len(d.new_findings)), [(f, d.new) for f in d.new_findings]),
        (t("diff.section.resolved", lang, count=len(d.resolved_findings)), [(f, d.old) for f in d.resolved_findings]),
        (t("diff.section.open", lang, count=len(d.open_findings)), [(f, d.new) for _, f in d.open_findings]),
    )
    for title, pairs in sections:
        lines += ["", f"## {title}", ""]
        if pairs:
            lines += [f"| {t('diff.col.code', lang)} | {t('diff.col.severity', lang)} | {t('diff.col.subject', lang)} | "
                      f"{t('diff.col.finding', lang)} |", "| --- | --- | --- | --- |"]
            lines += [f"| {f.code} | {t('severity.' + f.severity, lang)} | {_cell(f.subject_name)} (`{f.subject_id}`) | "
                      f"{_cell(snap.message(f, lang))} |" for f, snap in pairs]
    lines += ["", f"## {t('diff.section.states', lang)}", ""]
    if d.states is None:
        lines.append(t("diff.no_states", lang))
    else:
        changed = [s for s in d.states if s.changed]
        lines += [f"- {_cell(s.name or t('diff.no_state', lang))}: {_movement(s.old, s.new, lang)}" for s in changed]
        lines += [] if changed else [t("word.none", lang)]
    return "\n".join(lines) + "\n"


def _moved_row(m: Move, lang: str) -> str:
    return (f"| {_cell(m.name)} (`{m.network_id}`) | {place_word(m.old_place, lang)} | {place_word(m.new_place, lang)} | "
            f"{_cell('; '.join(m.old.reason_texts(lang)) or '-')} | {_cell('; '.join(m.new.reason_texts(lang)) or '-')} |")


# -- helpers -------------------------------------------------------------------------------------
def _label(snap: Snapshot, lang: str) -> str:
    name = snap.path.name if snap.path else engine_word(snap.engine, lang)
    digest = (snap.dataset.get("sha256") or "")[:12]
    return f"{name} ({profile_word(snap.profile, lang)}, om-graph {snap.version}" + (f", {digest})" if digest else ")")


def _meta(snap: Snapshot) -> dict[str, Any]:
    return {
        "file": str(snap.path) if snap.path else None,
        "as_of": snap.as_of.isoformat(),
        "profile": snap.profile,
        "om_graph": snap.version,
        "engine": snap.engine,
        "dataset": snap.dataset or None,
        "saved_at": snap.saved_at,
    }


def _counts(counts: dict[int | str, int]) -> dict[str, int]:
    return {str(k): v for k, v in counts.items()}


def _movement(old: dict[int | str, int], new: dict[int | str, int], lang: str) -> str:
    parts = [f"{place_word(p, lang)} {old[p]} -> {new[p]}" for p in PLACES if old[p] != new[p]]
    return ", ".join(parts)


def _finding(f: FindingState, snap: Snapshot, lang: str) -> str:
    return f"{f.code} {t('severity.' + f.severity, lang)}  {f.subject_name} ({f.subject_id}): {snap.message(f, lang)}"


def _delta(n: int) -> str:
    return f"{n:+d}" if n else ""


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False) or [indent]


def _cell(text: str) -> str:
    """Text for a Markdown cell: no HTML, no control character, no table break."""
    return terminal_safe(html.escape(str(text), quote=False)).replace("|", "\\|").replace("\n", " ")
