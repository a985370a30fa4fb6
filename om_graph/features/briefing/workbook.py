"""The briefing as an Excel workbook: the page's content, and the full lists the page only samples.

Sheets: cover, landscape (per Land and stage), decisions (one row per network with the question
its section asks), conflicts, every collaboration gap, Botschafter coverage, the plan (everything
each new Botschafter would cover), every network, every finding, every contact. Same words as
the page (:mod:`.words`), written by om-graph's one workbook writer (:mod:`om_graph.workbook`).
"""

from __future__ import annotations

from om_graph.features.briefing import words as w
from om_graph.features.briefing.build import Briefing
from om_graph.features.diff.compare import PLACES
from om_graph.features.gaps.find import get_kind
from om_graph.features.history.snapshot import OUTSIDE
from om_graph.i18n import format_date, pick, t
from om_graph.workbook import Caption, Column, Sheet, workbook_bytes


def render_briefing_xlsx(b: Briefing) -> bytes:
    lang = b.lang

    def col(key: str, header: str, kind: str = "text") -> Column:
        return Column(key, header, kind)  # type: ignore[arg-type]

    network, ident = col("name", t("briefing.col.network", lang)), col("id", "id")
    states, reasons = col("states", t("briefing.col.states", lang)), col("reasons", t("briefing.col.reasons", lang))
    ordered = sorted(b.networks.values(), key=lambda n: (n.state.name, n.state.id))
    level = t(f"level.{b.coverage.level}", lang)
    report, names = b.coverage, b.coverage.person_names()
    sheets = [
        Sheet(t("briefing.sheet.cover", lang), [col("fact", t("briefing.col.fact", lang)), col("value", t("briefing.col.value", lang))],
              [{"fact": k, "value": v} for k, v in w.cover_facts(b) + [(t("briefing.landscape.title", lang), w.summary_text(b))]]),
        Sheet(t("briefing.sheet.landscape", lang),
              [states, *(col(str(p), w.place_name(p, lang), "int") for p in PLACES), col("all", t("briefing.col.networks", lang), "int")],
              [{"states": t("briefing.landscape.all", lang), **{str(p): b.counts()[p] for p in PLACES}, "all": sum(b.counts().values())}]
              + [{"states": b.state_name(s) if s else t("briefing.landscape.no_state", lang), **{str(p): c[p] for p in PLACES},
                  "all": sum(c.values())} for s, c in b.counts_by_state().items()],
              title=t("briefing.landscape.by_state", lang)),
        Sheet(t("briefing.sheet.decisions", lang),
              [col("place", t("briefing.col.stage", lang)), network, ident, states, col("status", t("briefing.col.status", lang)),
               reasons, col("errors", t("briefing.col.errors", lang)), col("since", t("briefing.col.change", lang)),
               col("decision", t("briefing.col.decision", lang))],
              [{"place": w.place_name(place, lang), "name": n.state.name, "id": n.state.id, "states": w.states_text(b, n),
                "status": w.status_word(n.state.status, lang), "reasons": "; ".join(n.state.reason_texts(lang)),
                "errors": w.errors_text(n), "since": w.since_text(b, n),
                "decision": w.decision_block(b, "outside" if place == OUTSIDE else str(place))["question"]}
               for place in PLACES for n in b.in_place(place)],
              title=t("briefing.decisions.title", lang)),
        Sheet(t("briefing.sheet.conflicts", lang),
              [col("a", t("briefing.col.network_a", lang)), col("a_id", "id"), col("a_regions", t("briefing.col.regions", lang)),
               col("b", t("briefing.col.network_b", lang)), col("b_id", "id (2)"), col("b_regions", t("briefing.col.regions", lang)),
               col("shared", t("briefing.col.shared", lang))],
              [{"a": c.a.state.name, "a_id": c.a.state.id, "a_regions": ", ".join(c.a.regions), "b": c.b.state.name,
                "b_id": c.b.state.id, "b_regions": ", ".join(c.b.regions),
                "shared": ", ".join(b.state_name(s) for s in c.shared_states)} for c in b.conflicts()],
              title=w.decision_block(b, "conflicts")["question"]),
        Sheet(t("briefing.sheet.gaps", lang),
              [col("kind", t("briefing.col.kind", lang)), network, ident, col("b", t("briefing.col.network_b", lang)),
               col("b_id", "id (2)"), col("region", t("briefing.col.regions", lang)), states],
              [{"kind": pick(get_kind(g.kind).title, lang), "name": g.a_name, "id": g.a_id, "b": g.b_name, "b_id": g.b_id,
                "region": g.region_name, "states": ", ".join(b.state_name(r) for r in g.region_path if r in b.state_names)}
               for g in b.gaps],
              title=t("briefing.together.title", lang)),
        Sheet(t("briefing.sheet.coverage", lang),
              [col("region", level), ident, col("ambassadors", t("briefing.col.ambassadors", lang)),
               col("share", t("briefing.col.share", lang), "percent"), col("gaps", "OM401/OM404")],
              [{"region": r.region_name, "id": r.region_id, "ambassadors": ", ".join(names.get(p, p) for p in r.ambassador_ids),
                "share": r.weight.share, "gaps": ", ".join(f.code for f in b.ambassador_gaps() if f.subject_id == r.region_id)}
               for r in report.regions],
              title=t("briefing.ambassadors.title", lang)),
        Sheet(t("briefing.sheet.plan", lang),
              [col("rank", "#", "int"), col("region", level), ident, col("gain", t("briefing.col.gain", lang), "float"),
               col("share", t("briefing.col.share", lang), "percent"), col("covers", t("briefing.col.covers", lang))],
              [{"rank": i, "region": p.region_name, "id": p.region_id, "gain": p.gain, "share": p.share,
                "covers": w.covers_text(p, lang, None)} for i, p in enumerate(b.planned, 1)],
              title=w.plan_note(b.plan, lang)),
        Sheet(t("briefing.sheet.annex", lang),
              [network, ident, col("place", t("briefing.col.stage", lang)), col("status", t("briefing.col.status", lang)), states,
               col("regions", t("briefing.col.regions", lang)), reasons, col("errors", t("briefing.col.errors", lang))],
              [{"name": n.state.name, "id": n.state.id, "place": w.place_name(n.state.place, lang),
                "status": w.status_word(n.state.status, lang), "states": w.states_text(b, n), "regions": ", ".join(n.regions),
                "reasons": "; ".join(n.state.reason_texts(lang)), "errors": w.errors_text(n)} for n in ordered],
              title=t("briefing.annex.title", lang)),
        Sheet(t("briefing.sheet.findings", lang),
              [col("code", t("briefing.col.code", lang)), col("severity", t("briefing.col.severity", lang)),
               col("kind", t("briefing.col.kind", lang)), col("subject", t("briefing.col.subject", lang)), ident,
               col("finding", t("briefing.col.finding", lang))],
              [{"code": f.code, "severity": t("severity." + f.severity, lang), "kind": w.subject_word(f.subject_kind, lang), "subject": f.subject_name,
                "id": f.subject_id, "finding": f.message} for f in b.snapshot.findings]),
        Sheet(t("briefing.sheet.contacts", lang),
              [network, ident, col("role", t("briefing.col.role", lang)), col("person", t("briefing.col.person", lang)),
               col("organisation", t("briefing.col.organisation", lang))],
              [{"name": n.state.name, "id": n.state.id, "role": w.role_word(c.role, lang), "person": c.name,
                "organisation": c.organisation} for n in ordered for c in n.contacts]),
    ]
    notes = (t("briefing.cover.redacted", lang),) if b.redacted else ()
    caption = Caption(t("briefing.title", lang), t("briefing.subtitle", lang, as_of=format_date(b.as_of, lang)), notes)
    return workbook_bytes(sheets, caption, lang)
