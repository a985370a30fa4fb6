"""Gaps for people who work in Excel: a workbook (``--format xlsx``) and German Excel's CSV (``csv-de``).

One row per gap, names before ids, the region as a path from the top down by name
(``Deutschland › Niedersachsen › Region Hannover``), each kind of evidence a column of its own
with names instead of ids; a second sheet counts the gaps per kind. Machine formats (csv, json)
keep their stable columns (:data:`om_graph.queries.gaps.kind.COLUMNS`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Sequence

from om_graph.audit.render.places import region_trails
from om_graph.engines.contract import Engine
from om_graph.features.gaps.find import Gap, all_kinds
from om_graph.i18n import has, pick, t, value_word
from om_graph.queries.registry import run_query
from om_graph.workbook import Column, Sheet, caption, sheet_csv, workbook_bytes

#: Evidence keys that hold ids, and what they are ids of.
ID_EVIDENCE = {"shared_regions": "region", "neighbour_region": "region", "networks": "network", "member_of": "network"}


@dataclass(frozen=True)
class GapNames:
    """What the people's formats name instead of ids: region paths and names, network names."""

    trails: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    networks: dict[str, str] = field(default_factory=dict)


def gap_names(engine: Engine) -> GapNames:
    """The names a gaps workbook shows, from the engine's regions and networks."""
    regions = {r["region_id"]: r["region_name"] or r["region_id"] for r in run_query(engine, "places/regions")}
    networks = {r["id"]: r["name"] or r["id"] for r in run_query(engine, "network/networks")}
    return GapNames(region_trails(engine), regions, networks)


def gaps_sheet(gaps: Sequence[Gap], lang: str, names: GapNames | None = None) -> Sheet:
    names = names or GapNames()
    keys = list(dict.fromkeys(k for g in gaps for k in g.evidence if not _is_count_of_list(k, g.evidence)))

    def col(key: str, kind: str = "text") -> Column:
        return Column(key, t(f"tabular.col.{key}", lang), kind)  # type: ignore[arg-type]

    columns = [col("gap_kind"), col("a_name"), col("a_id"), col("a_kind"), col("b_name"), col("b_id"), col("b_kind"),
               col("region"), col("region_id"), col("region_path")]
    columns += [Column(f"evidence.{k}", _evidence_header(k, lang), "auto") for k in keys]
    kinds = {k.code: pick(k.title, lang) for k in all_kinds()}
    rows = []
    for g in gaps:
        rows.append({
            "gap_kind": kinds.get(g.kind, g.kind),
            "a_name": g.a_name, "a_id": g.a_id, "a_kind": _side_word(g.a_kind, lang),
            "b_name": g.b_name, "b_id": g.b_id, "b_kind": _side_word(g.b_kind, lang),
            "region": g.region_name, "region_id": g.region_id,
            "region_path": names.trails.get(g.region_id or "", g.region_name),
            **{f"evidence.{k}": _evidence_cell(k, v, g.evidence, names, lang) for k, v in g.evidence.items()},
        })
    return Sheet(t("tabular.sheet.gaps", lang), columns, rows)


def _is_count_of_list(key: str, evidence: dict[str, Any]) -> bool:
    """``networks_count`` beside the list ``networks``: the list's cell says it (cut lists end in '… (n)')."""
    return key.endswith("_count") and isinstance(evidence.get(key.removesuffix("_count")), list)


def _evidence_header(key: str, lang: str) -> str:
    return t(f"gaps.evidence.{key}", lang) if has(f"gaps.evidence.{key}") else key.replace("_", " ")


def _side_word(kind: str | None, lang: str) -> str | None:
    return None if kind is None else value_word(kind, lang)


def _evidence_cell(key: str, value: Any, evidence: dict[str, Any], names: GapNames, lang: str) -> Any:
    """An evidence value as people read it: names for ids, lists on one line, yes/no and kinds worded."""
    lookup = {"region": names.trails, "network": names.networks}.get(ID_EVIDENCE.get(key, ""), {})
    if isinstance(value, bool):
        return t("word.yes", lang) if value else t("word.no", lang)
    if isinstance(value, list):
        shown = ", ".join(lookup.get(str(v), str(v)) for v in value)
        count = evidence.get(f"{key}_count")
        return f"{shown}, … ({count})" if isinstance(count, int) and count > len(value) else shown
    if isinstance(value, str):
        if key in ID_EVIDENCE:
            return lookup.get(value, value)
        return t(f"gaps.value.{value}", lang) if has(f"gaps.value.{value}") else value
    return value


def counts_sheet(gaps: Sequence[Gap], lang: str, kinds: Sequence[str] | None = None) -> Sheet:
    chosen = [k for k in all_kinds() if kinds is None or k.code in kinds]
    rows = [{"gap_kind": pick(k.title, lang), "gaps": sum(g.kind == k.code for g in gaps), "meaning": pick(k.description, lang)}
            for k in chosen]
    columns = [Column("gap_kind", t("tabular.col.gap_kind", lang)), Column("gaps", t("tabular.col.gaps", lang), "int"),
               Column("meaning", t("tabular.col.meaning", lang))]
    return Sheet(t("tabular.sheet.summary", lang), columns, rows)


def render_gaps_xlsx(gaps: Sequence[Gap], lang: str = "en", kinds: Sequence[str] | None = None, names: GapNames | None = None,
                     as_of: dt.date | None = None, source: str | None = None) -> bytes:
    """The gaps as a workbook: every gap, then the counts per kind looked for."""
    title = t("gaps.heading", lang, count=len(gaps))
    sheets = [gaps_sheet(gaps, lang, names), counts_sheet(gaps, lang, kinds)]
    return workbook_bytes(sheets, caption(title, lang, as_of=as_of, source=source), lang)


def render_gaps_csv_de(gaps: Sequence[Gap], lang: str = "de", names: GapNames | None = None) -> str:
    """German Excel's CSV: the workbook's gaps sheet."""
    return sheet_csv(gaps_sheet(gaps, lang, names), "csv-de")
