"""``om-graph network stats --format xlsx``: the statistics as a workbook the office can filter.

Sheets: the summary, every network with its metrics, the member organisations with their
bridging role, and the links with both networks named. Names come before ids.
"""

from __future__ import annotations

from om_graph.features.network.stats import NetworkStats
from om_graph.i18n import t
from om_graph.workbook import Caption, Column, Sheet, workbook_bytes


def stats_workbook(stats: NetworkStats, lang: str, source: str) -> bytes:
    """The statistics as .xlsx bytes; ``source`` names the data (file, example or database)."""

    def col(key: str, kind: str = "text") -> Column:
        return Column(key, t(f"network.xlsx.{key}", lang), kind)  # type: ignore[arg-type]

    names = {n.id: n.name for n in stats.networks}
    summary = [
        {"measure": t(f"network.xlsx.summary.{key}", lang), "value": value}
        for key, value in stats.summary.items()
        if key != "betweenness"
    ] + [
        {"measure": t("network.xlsx.summary.betweenness", lang), "value": f"{k}: {v}"}
        for k, v in stats.summary["betweenness"].items()
    ]
    sheets = [
        Sheet(t("network.xlsx.sheet.summary", lang), [col("measure"), col("value", "auto")], summary),
        Sheet(
            t("network.xlsx.sheet.networks", lang),
            [col("name"), col("id"), col("kind"), col("status"), col("partners", "int"), col("degree", "int"),
             col("weighted_degree", "int"), col("betweenness", "float"), col("component", "int"),
             col("community", "int"), col("isolated", "bool")],
            (vars(n) for n in stats.networks),
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
    caption = Caption(t("network.title", lang), t("workbook.source", lang, source=source))
    return workbook_bytes(sheets, caption, lang)
