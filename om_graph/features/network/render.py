"""The network statistics as a table for people, JSON for programs, or CSV with one row per network.

JSON holds everything (``summary``, ``networks``, ``organisations``, ``links``) with sorted keys.
CSV columns: ``id, name, kind, status, partners, degree, weighted_degree, betweenness,
component, community, isolated``.
"""

from __future__ import annotations

import io
import json
import math
from dataclasses import fields
from json.encoder import encode_basestring
from operator import attrgetter
from typing import Any, Callable, Iterable, Sequence

from om_graph.i18n import format_number, t
from om_graph.output import CSV_DIALECTS, csv_text, terminal_safe
from om_graph.features.network.stats import Link, Links, NetworkMetrics, NetworkStats, OrganisationMetrics

CSV_COLUMNS = tuple(f.name for f in fields(NetworkMetrics))


def render_stats(stats: NetworkStats, fmt: str, lang: str = "en", top: int = 10) -> str:
    """The statistics in ``fmt`` (table, json or csv); ``top`` limits the table's lists."""
    if fmt == "json":
        return _json(stats)
    if fmt == "csv":
        return _csv(stats)
    return _table(stats, lang, top)


def _json(stats: NetworkStats) -> str:
    """``json.dumps(asdict(stats), ensure_ascii=False, indent=2, sort_keys=True)``, byte for byte, in a tenth of the time.

    json's indenting encoder is pure Python and ``asdict`` deep-copies every object first (10.5 s
    for the 535,228 links of scale 100), so the lists of flat objects are written from a template each,
    their values a column at a time by json's own rules (:data:`_ENCODE`), the links from parts made once
    per network (:func:`_links`); the small summary by json.
    """
    return "".join(_json_parts(stats, str))  # one copy of the 79 MB of scale 100, not three


def json_bytes(stats: NetworkStats) -> bytes:
    """:func:`render_stats` ``(stats, "json")`` as UTF-8, for a file: the links' parts encoded once each (per network,
    per kind of link) and written into one buffer, instead of the whole text encoded again (79 MB at scale 100).
    ``b"".join`` would hold a buffer descriptor per part besides (1.6 million, 128 MB); a ``BytesIO`` holds none
    and hands over its buffer without a copy."""
    buffer = io.BytesIO()
    buffer.writelines(_json_parts(stats, bytes))
    return buffer.getvalue()


def _json_parts(stats: NetworkStats, kind: type) -> list[Any]:
    """The parts of :func:`_json`, as text (``kind`` str) or UTF-8 (bytes); the links in many small parts."""
    links = stats.links
    encode: Callable[[str], Any] = str.encode if kind is bytes else str
    parts = {
        "links": _links(links, encode) if isinstance(links, Links) else [encode(_objects(LINK_FIELDS, map(_encoded, _columns_of(LINK_FIELDS, links))))],
        "networks": [encode(_objects(NETWORK_FIELDS, map(_encoded, _columns_of(NETWORK_FIELDS, stats.networks))))],
        "organisations": [encode(_objects(ORGANISATION_FIELDS, map(_encoded, _columns_of(ORGANISATION_FIELDS, stats.organisations))))],
        "summary": [encode(json.dumps(stats.summary, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  "))],
    }
    document = [encode("{\n")]
    for key in sorted(parts):
        separator = ",\n" if len(document) > 1 else ""
        document.append(encode(f"{separator}  {encode_basestring(key)}: "))
        document.extend(parts[key])  # each part already what it is joined as: no pass over the links' parts here
    document.append(encode("\n}\n"))
    return document


LINK_FIELDS = tuple(f.name for f in fields(Link))
NETWORK_FIELDS = CSV_COLUMNS
ORGANISATION_FIELDS = tuple(f.name for f in fields(OrganisationMetrics))


def _columns_of(names: Sequence[str], objects: Sequence[Any]) -> list[Sequence[Any]]:
    """The attributes ``names`` of ``objects``, a column each."""
    return [list(map(attrgetter(name), objects)) for name in names]


def _links(links: Links, encode: Callable[[str], Any] = str) -> list[Any]:
    """The links as :func:`_objects` writes them (keys sorted: cooperation, shared_partners, source_id, target_id),
    in parts made once, to be joined: each (shared partners, cooperation) pair's first lines, each network id's
    lines as a source and as a target; a link is three parts. ``encode``: each part made once as what it is joined as
    (``str``, or ``str.encode`` for bytes)."""
    if not links:
        return [encode("[]")]
    ids = _encoded(links.ids)
    sources = [encode(f'      "source_id": {i},\n      "target_id": ') for i in ids]
    targets = [encode(f"{i}\n    }}") for i in ids]
    kinds = list(map(int.__add__, map(int.__add__, links.shared, links.shared), links.cooperation))  # 2 * shared + cooperation
    heads = {kind: f',\n    {{\n      "cooperation": {"true" if kind & 1 else "false"},\n      "shared_partners": {kind >> 1},\n'
             for kind in set(kinds)}
    first = heads[kinds[0]]
    heads = {kind: encode(head) for kind, head in heads.items()}
    parts: list[Any] = [None] * (3 * len(kinds))
    parts[0::3] = map(heads.__getitem__, kinds)
    parts[1::3] = map(sources.__getitem__, links.source)
    parts[2::3] = map(targets.__getitem__, links.target)
    parts[0] = encode("[\n" + first.removeprefix(",\n"))
    parts[-1] += encode("\n  ]")
    return parts


def _objects(names: Sequence[str], columns: Iterable[list[str]]) -> str:
    """A list of flat objects, given as one column of JSON texts per name, as :func:`_json` writes it one level
    deep: keys sorted, each object and each key on its own line."""
    columns = list(columns)
    order = sorted(range(len(names)), key=names.__getitem__)
    template = "    {\n" + ",\n".join(f"      {encode_basestring(names[i])}: %s" for i in order) + "\n    }"
    items = list(map(template.__mod__, zip(*(columns[i] for i in order))))
    return "[\n" + ",\n".join(items) + "\n  ]" if items else "[]"


def _encoded(values: Sequence[Any]) -> list[str]:
    """Each value as json writes it; a column of one type through that type's encoder in one pass."""
    kinds = set(map(type, values))
    if kinds == {float} and math.isfinite(sum(values)):  # no NaN or infinity: each value its repr, as json writes it
        return list(map(float.__repr__, values))
    if len(kinds) == 1:
        return list(map(_ENCODE[kinds.pop()], values))
    return [_ENCODE[type(value)](value) for value in values]


def _float(value: float) -> str:
    """A float as json writes it (``float.__repr__``; NaN and infinities by name, as ``allow_nan`` does)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


class _Encoders(dict):
    """Value type -> its JSON text; a type json writes otherwise (a subclass, say) goes through json itself."""

    def __missing__(self, kind: type) -> Callable[[Any], str]:
        return lambda value: json.dumps(value, ensure_ascii=False)


#: json's own text for each scalar a statistic holds (``encode_basestring`` is what ``ensure_ascii=False`` uses).
_ENCODE = _Encoders({
    str: encode_basestring, int: int.__repr__, float: _float,
    bool: {True: "true", False: "false"}.__getitem__, type(None): lambda _: "null",
})


def _csv(stats: NetworkStats) -> str:
    """Machine CSV (:data:`om_graph.output.CSV_DIALECTS`): ``isolated`` is ``true``/``false`` as in JSON."""
    return csv_text(CSV_COLUMNS, ([getattr(n, c) for c in CSV_COLUMNS] for n in stats.networks), CSV_DIALECTS["csv"])


def _table(stats: NetworkStats, lang: str, top: int) -> str:
    s = stats.summary
    number = lambda value: format_number(value, lang)  # noqa: E731
    lines = [
        t("network.title", lang),
        "",
        t("network.summary", lang, **{k: number(v) if isinstance(v, int) else v for k, v in s.items()}),
        t("network.communities", lang, communities=number(s["communities"]),
          modularity=format_number(s["modularity"], lang, decimals=3)),
        t("network.organisations", lang, **{k: number(v) if isinstance(v, int) else v for k, v in s.items()}),
        t("network.betweenness", lang, **{k: _method(v, lang) for k, v in s["betweenness"].items()}),
        "",
        t("network.top_networks", lang),
    ]
    central = sorted(stats.networks, key=lambda n: (-n.betweenness, -n.degree, n.id))[:top]
    lines += _columns(
        ["name", "betweenness", "degree", "partners"],
        [[_label(n.name, n.id), _share(n.betweenness, lang), number(n.degree), number(n.partners)] for n in central],
        lang,
    )
    lines += ["", t("network.top_bridging", lang)]
    bridging = sorted((o for o in stats.organisations if o.bridging), key=lambda o: (-o.betweenness, -o.networks, o.id))
    lines += _columns(
        ["name", "betweenness", "networks"],
        [[_label(o.name, o.id), _share(o.betweenness, lang), number(o.networks)] for o in bridging[:top]],
        lang,
    ) if bridging else [t("word.none", lang)]
    isolated = [n for n in stats.networks if n.isolated]
    lines += ["", t("network.isolated", lang)]
    lines += [_label(n.name, n.id) for n in isolated[:top]] or [t("word.none", lang)]
    if len(isolated) > top:
        lines.append(f"... (+{len(isolated) - top})")
    return terminal_safe("\n".join(lines) + "\n")  # names may hold escape sequences


def _label(name: str | None, ident: str) -> str:
    """"Name (id)": a long name is shortened, the id never, so a reader can always look it up."""
    return f"{_cut(name, 40)} ({ident})" if name and name != ident else ident


def _share(value: float, lang: str) -> str:
    """A betweenness (0 to 1) with four places in the reader's notation."""
    return format_number(value, lang, decimals=4)


def _columns(keys: list[str], rows: list[list[str]], lang: str) -> list[str]:
    """A header and rows; the first column left-aligned, numbers right-aligned, each as wide as its widest cell."""
    heads = [t(f"network.col.{key}", lang) for key in keys]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(heads)]
    def line(cells: list[str]) -> str:
        return "  ".join([cells[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]).rstrip()
    return [line(heads)] + [line(r) for r in rows]


def _method(text: str, lang: str) -> str:
    """How betweenness was computed ("exact", "sampled k=50 seed=1") in the reader's language."""
    for word in ("exact", "sampled"):
        text = text.replace(word, t(f"network.method.{word}", lang))
    return text


def _cut(text: str | None, width: int) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"
