"""``om-graph network stats --format xlsx``: the statistics as a workbook the office can filter.

Sheets: the summary, every network with its metrics, the member organisations with their
bridging role, and the links with both networks named. Names come before ids. ``csv-de`` writes
the networks sheet.
"""

from __future__ import annotations

import datetime as dt

from om_graph.features.network.stats import NetworkStats
from om_graph.i18n import t, value_word
from om_graph.workbook import Column, Sheet, caption, sheet_csv, workbook_bytes


def stats_workbook(stats: NetworkStats, lang: str, source: str, as_of: dt.date | None = None) -> bytes:
    """The statistics as .xlsx bytes; ``source`` names the data (file, example or database), ``as_of`` its date."""
    return workbook_bytes(stats_sheets(stats, lang), caption(t("network.title", lang), lang, as_of=as_of, source=source), lang)


def stats_csv_de(stats: NetworkStats, lang: str = "de") -> str:
    """German Excel's CSV: the networks sheet (names first, German headers, decimal comma)."""
    return sheet_csv(stats_sheets(stats, lang)[1], "csv-de")


def stats_sheets(stats: NetworkStats, lang: str) -> list[Sheet]:
    """Summary, networks, organisations, links."""

    def col(key: str, kind: str = "text") -> Column:
        return Column(key, t(f"network.xlsx.{key}", lang), kind)  # type: ignore[arg-type]

    names = {n.id: n.name for n in stats.networks}
    of = {"networks": t("network.xlsx.sheet.networks", lang), "organisations": t("network.xlsx.sheet.organisations", lang)}
    summary = [
        {"measure": t(f"network.xlsx.summary.{key}", lang), "value": value}
        for key, value in stats.summary.items()
        if key != "betweenness"
    ] + [
        {"measure": t("network.xlsx.summary.betweenness", lang), "value": f"{of.get(k, k)}: {_method(v, lang)}"}
        for k, v in stats.summary["betweenness"].items()
    ]
    sheets = [
        Sheet(t("network.xlsx.sheet.summary", lang), [col("measure"), col("value", "auto")], summary),
        Sheet(
            t("network.xlsx.sheet.networks", lang),
            [col("name"), col("id"), col("kind"), col("status"), col("partners", "int"), col("degree", "int"),
             col("weighted_degree", "int"), col("betweenness", "float"), col("component", "int"),
             col("community", "int"), col("isolated", "bool")],
            ({**vars(n), "kind": value_word(n.kind, lang), "status": value_word(n.status, lang)} for n in stats.networks),
        ),
        Sheet(
            t("network.xlsx.sheet.organisations", lang),
            [col("name"), col("id"), col("networks", "int"), col("betweenness", "float"), col("bridging", "bool")],
            (vars(o) for o in stats.organisations),
        ),
        Sheet(
            t("network.xlsx.sheet.links", lang),
            [col("source_name"), col("target_name"), col("shared_partners", "int"), col("cooperation", "bool"),
             col("source_id"), col("target_id")],
            ({**vars(link), "source_name": names.get(link.source_id), "target_name": names.get(link.target_id)}
             for link in stats.links),
        ),
    ]
    return sheets


def _method(text: str, lang: str) -> str:
    """How betweenness was computed ("exact", "sampled k=50 seed=1") in the reader's language."""
    for word in ("exact", "sampled"):
        text = text.replace(word, t(f"network.method.{word}", lang))
    return text
