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

from om_graph.i18n import pick
from om_graph.features.network.stats import NetworkMetrics, NetworkStats

WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "The network of networks", "de": "Das Netzwerk der Netzwerke"},
    "summary": {
        "en": "{networks} networks, {links} links ({cooperations} recorded cooperations), "
        "{components} components, {isolated_networks} isolated networks",
        "de": "{networks} Netzwerke, {links} Verbindungen ({cooperations} erfasste Kooperationen), "
        "{components} Zusammenhangskomponenten, {isolated_networks} isolierte Netzwerke",
    },
    "communities": {
        "en": "{communities} communities (modularity {modularity})",
        "de": "{communities} Gemeinschaften (Modularität {modularity})",
    },
    "organisations": {
        "en": "{organisations} member organisations, {bridging_organisations} bridging",
        "de": "{organisations} Mitgliedsorganisationen, davon {bridging_organisations} verbindend",
    },
    "method": {
        "en": "betweenness: networks {networks}, organisations {organisations}",
        "de": "Betweenness: Netzwerke {networks}, Organisationen {organisations}",
    },
    "top_networks": {"en": "Most central networks", "de": "Zentralste Netzwerke"},
    "top_bridging": {"en": "Bridging organisations", "de": "Verbindende Organisationen"},
    "isolated": {"en": "Isolated networks (no shared partner, no cooperation)", "de": "Isolierte Netzwerke (kein gemeinsamer Partner, keine Kooperation)"},
    "method.exact": {"en": "exact", "de": "exakt"},
    "method.sampled": {"en": "sampled", "de": "geschätzt aus Stichprobe"},
    "none": {"en": "none", "de": "keine"},
    "col.id": {"en": "id", "de": "ID"},
    "col.name": {"en": "name", "de": "Name"},
    "col.betweenness": {"en": "betweenness", "de": "Betweenness"},
    "col.degree": {"en": "links", "de": "Verb."},
    "col.partners": {"en": "partners", "de": "Partner"},
    "col.networks": {"en": "networks", "de": "Netzwerke"},
}

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
        writer.writerow(asdict(network))
    return out.getvalue()


def _table(stats: NetworkStats, lang: str, top: int) -> str:
    s = stats.summary
    w = lambda key, **values: pick(WORDS[key], lang, **values)  # noqa: E731
    lines = [
        w("title"),
        "",
        w("summary", **s),
        w("communities", communities=s["communities"], modularity=f"{s['modularity']:.3f}"),
        w("organisations", **s),
        w("method", **{k: _method(v, lang) for k, v in s["betweenness"].items()}),
        "",
        w("top_networks"),
        _row("id", "name", "betweenness", "degree", "partners", lang),
    ]
    central = sorted(stats.networks, key=lambda n: (-n.betweenness, -n.degree, n.id))[:top]
    for n in central:
        lines.append(f"{n.id[:16]:<16} {_cut(n.name, 30):<30} {n.betweenness:>11.4f} {n.degree:>6} {n.partners:>8}")
    lines += ["", w("top_bridging"), _row("id", "name", "betweenness", "networks", None, lang)]
    bridging = sorted((o for o in stats.organisations if o.bridging), key=lambda o: (-o.betweenness, -o.networks, o.id))
    lines += [
        f"{o.id[:16]:<16} {_cut(o.name, 30):<30} {o.betweenness:>11.4f} {o.networks:>6}" for o in bridging[:top]
    ] or [w("none")]
    isolated = [n for n in stats.networks if n.isolated]
    lines += ["", w("isolated")]
    lines += [f"{n.id[:16]:<16} {_cut(n.name, 60)}" for n in isolated[:top]] or [w("none")]
    if len(isolated) > top:
        lines.append(f"... (+{len(isolated) - top})")
    return "\n".join(lines) + "\n"


def _row(a: str, b: str, c: str, d: str, e: str | None, lang: str) -> str:
    head = lambda key: pick(WORDS[f"col.{key}"], lang)  # noqa: E731
    text = f"{head(a):<16} {head(b):<30} {head(c):>11} {head(d):>6}"
    return text + (f" {head(e):>8}" if e else "")


def _method(text: str, lang: str) -> str:
    """How betweenness was computed ("exact", "sampled k=50 seed=1") in the reader's language."""
    for word in ("exact", "sampled"):
        text = text.replace(word, pick(WORDS[f"method.{word}"], lang))
    return text


def _cut(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"
