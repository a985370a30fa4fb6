"""The diff as an Excel workbook, through om-graph's one workbook writer (:mod:`om_graph.workbook`).

Sheets: the networks per stage in both audits, the networks that changed stage (with the
reasons on both sides), the networks new and gone, the findings new, resolved and still open,
and the stages per federal state.
"""

from __future__ import annotations

from typing import Any

from om_graph.features.diff.compare import PLACES, AuditDiff
from om_graph.features.diff.render import heading, place_word, summary_line
from om_graph.features.history.snapshot import FindingState, Snapshot
from om_graph.i18n import format_date, t
from om_graph.workbook import Caption, Column, Sheet, workbook_bytes


def render_diff_xlsx(d: AuditDiff, lang: str = "en") -> bytes:
    title, warnings, notes = heading(d, lang)
    old_day, new_day = format_date(d.old.as_of, lang), format_date(d.new.as_of, lang)
    old, new = d.old.stage_counts(), d.new.stage_counts()

    def text(key: str, header: str) -> Column:
        return Column(key, header)

    network, ident = text("name", t("diff.col.network", lang)), text("id", "id")
    sheets = [
        Sheet(t("diff.sheet.summary", lang),
              [text("place", t("diff.col.place", lang)), Column("old", old_day, "int"), Column("new", new_day, "int"),
               Column("change", "+/-", "int")],
              [{"place": place_word(p, lang), "old": old[p], "new": new[p], "change": new[p] - old[p]} for p in PLACES]),
        Sheet(t("diff.sheet.moved", lang),
              [network, ident, text("from", t("diff.col.from", lang)), text("to", t("diff.col.to", lang)),
               text("before", t("diff.before", lang)), text("now", t("diff.now", lang))],
              [{"name": m.name, "id": m.network_id, "from": place_word(m.old_place, lang), "to": place_word(m.new_place, lang),
                "before": "; ".join(m.old.reason_texts(lang)), "now": "; ".join(m.new.reason_texts(lang))} for m in d.moved]),
        Sheet(t("diff.sheet.networks", lang),
              [text("change", t("diff.col.change", lang)), network, ident, text("place", t("diff.col.place", lang)),
               text("reasons", t("diff.col.reasons", lang))],
              [{"change": word, "name": n.name, "id": n.id, "place": place_word(n.place, lang),
                "reasons": "; ".join(n.reason_texts(lang))}
               for word, networks in ((t("diff.change.added", lang), d.added), (t("diff.change.removed", lang), d.removed))
               for n in networks]),
        Sheet(t("diff.sheet.findings", lang),
              [text("change", t("diff.col.change", lang)), text("code", t("diff.col.code", lang)),
               text("severity", t("diff.col.severity", lang)), text("subject", t("diff.col.subject", lang)), ident,
               text("finding", t("diff.col.finding", lang))],
              [_finding(word, f, snap, lang) for word, findings, snap in (
                  (t("diff.change.new", lang), d.new_findings, d.new),
                  (t("diff.change.resolved", lang), d.resolved_findings, d.old),
                  (t("diff.change.open", lang), [f for _, f in d.open_findings], d.new),
              ) for f in findings]),
    ]
    if d.states is not None:
        columns = [text("state", t("diff.col.state", lang))]
        columns += [Column(f"{p}-{side}", f"{place_word(p, lang)} ({day})", "int")
                    for p in PLACES for side, day in (("old", old_day), ("new", new_day))]
        rows = [{"state": s.name or t("diff.no_state", lang),
                 **{f"{p}-{side}": counts[p] for p in PLACES for side, counts in (("old", s.old), ("new", s.new))}}
                for s in d.states]
        sheets.append(Sheet(t("diff.sheet.states", lang), columns, rows))
    return workbook_bytes(sheets, Caption(title, summary_line(d, lang), tuple(warnings + notes)), lang)


def _finding(change: str, f: FindingState, snap: Snapshot, lang: str) -> dict[str, Any]:
    return {"change": change, "code": f.code, "severity": t("severity." + f.severity, lang), "subject": f.subject_name,
            "id": f.subject_id, "finding": snap.message(f, lang)}
