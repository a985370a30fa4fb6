"""Gaps as a table for people, csv and json for machines (stable columns), or for Excel (xlsx, csv-de).

csv and json carry the analysis columns (``kind.COLUMNS``) unchanged in every language; the
table, the workbook and csv-de (:mod:`.workbook`) are worded in ``--lang``.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from typing import Any, Sequence

from om_graph.errors import UsageError
from om_graph.i18n import has, pick, t
from om_graph.output import CSV_DIALECTS, csv_text, terminal_safe
from om_graph.features.gaps.find import Gap, all_kinds
from om_graph.features.gaps.workbook import ID_EVIDENCE, GapNames, render_gaps_csv_de, render_gaps_xlsx
from om_graph.queries.gaps.kind import COLUMNS, GapKind

WIDTH = 80
FORMATS = ("table", "csv", "csv-de", "json", "xlsx")


def render_gaps(gaps: Sequence[Gap], fmt: str, lang: str = "en", kinds: Sequence[str] | None = None,
                names: GapNames | None = None, as_of: dt.date | None = None, source: str | None = None) -> str | bytes:
    """``gaps`` in ``fmt``; ``kinds`` (codes) are the kinds that were looked for, listed even when empty.

    xlsx and csv-de are for people (:mod:`.workbook`): ``names`` puts names and region paths where ids are.
    """
    chosen = [k for k in all_kinds() if kinds is None or k.code in kinds]
    if fmt == "table":
        return render_table(gaps, chosen, lang, names)
    if fmt == "csv":
        return render_csv(gaps)
    if fmt == "json":
        return render_json(gaps, chosen)
    if fmt == "xlsx":
        return render_gaps_xlsx(gaps, lang, kinds, names, as_of, source)
    if fmt == "csv-de":
        return render_gaps_csv_de(gaps, lang, names)
    raise UsageError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}")


def render_table(gaps: Sequence[Gap], kinds: Sequence[GapKind], lang: str, names: GapNames | None = None) -> str:
    """One block per kind; names before ids, the regions and networks of the evidence too (with ``names``)."""
    names = names or GapNames()
    lines = [t("gaps.heading", lang, count=len(gaps))]
    for kind in kinds:
        mine = [g for g in gaps if g.kind == kind.code]
        lines += ["", f"{pick(kind.title, lang)} ({len(mine)})"]
        if not mine:
            lines.append(f"  {t('word.none', lang)}")
        for gap in mine:
            lines += textwrap.wrap(_sentence(gap, lang, names), WIDTH, initial_indent="  - ", subsequent_indent="    ",
                                   break_on_hyphens=False, break_long_words=False)
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


def _sentence(gap: Gap, lang: str, names: GapNames) -> str:
    sides = f"{gap.a_name} ({gap.a_id})"
    if gap.b_id is not None:
        sides += f" + {gap.b_name} ({gap.b_id})"
    where = f"{t('gaps.in', lang)} {gap.region_name} ({gap.region_id})" if gap.region_id else t("gaps.no_region", lang)
    evidence = "; ".join(
        f"{_evidence_word(k, lang)}: {_value(v, lang, gap.evidence.get(f'{k}_count'), _names_for(k, names))}"
        for k, v in gap.evidence.items()
        if not (k.endswith("_count") and isinstance(gap.evidence.get(k.removesuffix("_count")), list))
    )
    return f"{sides}, {where}" + (f"; {evidence}" if evidence else "")


def _evidence_word(key: str, lang: str) -> str:
    """An evidence key as the table shows it (the key itself where the catalogue has no word for it)."""
    return t(f"gaps.evidence.{key}", lang) if has(f"gaps.evidence.{key}") else key


def _names_for(key: str, names: GapNames) -> dict[str, str]:
    """The names of the ids an evidence key holds (regions, networks); none for other keys."""
    return {"region": names.regions, "network": names.networks}.get(ID_EVIDENCE.get(key, ""), {})


def _named(value: Any, known: dict[str, str]) -> str:
    """An id as "Name (id)" where its name is known."""
    name = known.get(str(value))
    return f"{name} ({value})" if name and name != str(value) else str(value)


def _value(value: Any, lang: str, count: int | None = None, known: dict[str, str] | None = None) -> str:
    """A value as the table shows it; a list cut short (``count`` > its length) ends in '... (count)'."""
    known = known or {}
    if isinstance(value, bool):
        return t("word.yes", lang) if value else t("word.no", lang)
    if isinstance(value, list):
        shown = ", ".join(_named(v, known) for v in value) if value else "-"
        return f"{shown}, ... ({count})" if count is not None and count > len(value) else shown
    if isinstance(value, str) and has(f"gaps.value.{value}"):
        return t(f"gaps.value.{value}", lang)
    return _named(value, known)


def _cells(gap: Gap) -> list[Any]:
    """A gap's row for csv and xlsx: region_path as ids joined by '|', evidence as compact JSON."""
    row = gap.as_row()
    row["region_path"] = "|".join(row["region_path"])
    row["evidence"] = json.dumps(row["evidence"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return [row[c] for c in COLUMNS]


def render_csv(gaps: Sequence[Gap]) -> str:
    return csv_text(COLUMNS, (_cells(g) for g in gaps), CSV_DIALECTS["csv"])


def render_json(gaps: Sequence[Gap], kinds: Sequence[GapKind]) -> str:
    counts = {k.code: sum(g.kind == k.code for g in gaps) for k in kinds}
    document = {"counts": counts, "gaps": [g.as_row() for g in gaps]}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def refuse_xlsx_to_stdout(fmt: str, output: Any, lang: str) -> None:
    """A workbook is binary: writing it to a terminal helps nobody."""
    if fmt == "xlsx" and output is None:
        raise UsageError(t("gaps.xlsx_to_stdout", lang))
