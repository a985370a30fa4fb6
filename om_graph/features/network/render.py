"""The network statistics as a table for people, JSON for programs, or CSV with one row per network.

JSON holds everything (``summary``, ``networks``, ``organisations``, ``links``) with sorted keys.
CSV columns: ``id, name, kind, status, partners, degree, weighted_degree, betweenness,
component, community, isolated``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields

from om_graph.i18n import t
from om_graph.output import spreadsheet_safe, terminal_safe
from om_graph.features.network.stats import NetworkMetrics, NetworkStats

CSV_COLUMNS = tuple(f.name for f in fields(NetworkMetrics))


def render_stats(stats: NetworkStats, fmt: str, lang: str = "en", top: int = 10) -> str:
    """The statistics in ``fmt`` (table, json or csv); ``top`` limits the table's lists."""
    if fmt == "json":
        return _json(stats)
    if fmt == "csv":
        return _csv(stats)
    return _table(stats, lang, top)


def _json(stats: NetworkStats) -> str:
    return json.dumps(asdict(stats), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _csv(stats: NetworkStats) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for network in stats.networks:
        writer.writerow({k: spreadsheet_safe(v) for k, v in asdict(network).items()})
    return out.getvalue()


def _table(stats: NetworkStats, lang: str, top: int) -> str:
    s = stats.summary
    lines = [
        t("network.title", lang),
        "",
        t("network.summary", lang, **s),
        t("network.communities", lang, communities=s["communities"], modularity=f"{s['modularity']:.3f}"),
        t("network.organisations", lang, **s),
        t("network.betweenness", lang, **{k: _method(v, lang) for k, v in s["betweenness"].items()}),
        "",
        t("network.top_networks", lang),
        _row("id", "name", "betweenness", "degree", "partners", lang),
    ]
    central = sorted(stats.networks, key=lambda n: (-n.betweenness, -n.degree, n.id))[:top]
    for n in central:
        lines.append(f"{n.id[:16]:<16} {_cut(n.name, 30):<30} {n.betweenness:>11.4f} {n.degree:>6} {n.partners:>8}")
    lines += ["", t("network.top_bridging", lang), _row("id", "name", "betweenness", "networks", None, lang)]
    bridging = sorted((o for o in stats.organisations if o.bridging), key=lambda o: (-o.betweenness, -o.networks, o.id))
    lines += [
        f"{o.id[:16]:<16} {_cut(o.name, 30):<30} {o.betweenness:>11.4f} {o.networks:>6}" for o in bridging[:top]
    ] or [t("word.none", lang)]
    isolated = [n for n in stats.networks if n.isolated]
    lines += ["", t("network.isolated", lang)]
    lines += [f"{n.id[:16]:<16} {_cut(n.name, 60)}" for n in isolated[:top]] or [t("word.none", lang)]
    if len(isolated) > top:
        lines.append(f"... (+{len(isolated) - top})")
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


def _row(a: str, b: str, c: str, d: str, e: str | None, lang: str) -> str:
    head = lambda key: t(f"network.col.{key}", lang)  # noqa: E731
    text = f"{head(a):<16} {head(b):<30} {head(c):>11} {head(d):>6}"
    return text + (f" {head(e):>8}" if e else "")


def _method(text: str, lang: str) -> str:
    """How betweenness was computed ("exact", "sampled k=50 seed=1") in the reader's language."""
    for word in ("exact", "sampled"):
        text = text.replace(word, t(f"network.method.{word}", lang))
    return text


def _cut(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"
