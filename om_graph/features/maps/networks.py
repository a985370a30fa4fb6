"""The network-of-networks map: networks sized by partners, linked by shared partners.

Edge width is the number of shared partners; a cooperation on record draws the link dashed.
Bridging organisations, as ``om-graph network stats`` defines them (without them some of their
networks would have no chain of shared partners left), appear as diamonds linked to each of
their networks, so a user sees who holds the landscape together. The metrics come from
:mod:`om_graph.features.network.stats`, so map and statistics agree.

To stay readable (:mod:`.readable`): isolated networks are set apart and labelled; a dense map
draws only each network's strongest links (or those with ``min_shared`` shared partners); above
``max_nodes`` networks the map shows the Länder, each at its place on the map of Germany, with
the links between them, and the isolated networks one by one (above ``MAX_APART``, counted in
their Land): the rule of :mod:`.aggregate`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from types import SimpleNamespace
from typing import Any

from om_graph.dataset.geo import load_germany
from om_graph.features.maps.aggregate import MAX_APART, group_links, listing
from om_graph.features.maps.build import LegendEntry, Map
from om_graph.features.maps.palette import BRIDGING, COOPERATION_LINK, MEMBERSHIP_LINK, NETWORK_KIND, SHARED_LINK, STATE_NODE
from om_graph.features.maps.readable import MAX_NODES, thin
from om_graph.features.network.stats import SHEETS as STATS_SHEETS, Link, network_stats
from om_graph.i18n import format_date, t
from om_graph.queries.registry import run_query

#: Canvas pixels per map unit when Länder are drawn at their place on the map.
GEO_SCALE = 0.12
NATIONWIDE = "nationwide"


#: The sheets the map's queries read (the statistics' and the regions the networks cover, for the map by Land):
#: the embedded engine is built from these alone, and any other label fails loudly (see ``Source.open``).
SHEETS = STATS_SHEETS | {"regions", "network_regions"}


def networks_map(
    engine: Any,
    *,
    lang: str = "en",
    as_of: dt.date | None = None,
    redacted: bool = False,
    min_shared: int | None = None,
    max_nodes: int = MAX_NODES,
) -> Map:
    """Every network, its links (thinned when dense) and every bridging organisation; Länder above ``max_nodes``.

    ``as_of`` (the date the data describes) follows the title; the map names organisations
    only, so ``redacted`` changes nothing but the subtitle.
    """
    title = t("map.networks.title", lang) + (f" ({format_date(as_of, lang)})" if as_of else "")
    network_rows = run_query(engine, "network/partner_ids")
    if len(network_rows) > max_nodes:
        # Per Land, no per-network metric is shown: the statistics (betweenness, bridging) are not needed.
        return _by_state(engine, network_rows, title, lang, redacted, max_nodes)
    stats = network_stats(engine)  # links derived from the memberships, as the statistics command reads them
    names = {n.id: n.name for n in stats.networks}
    nodes = [_network_node(n, lang) for n in stats.networks]
    kept, why = thin([(k.source_id, k.target_id, k.weight, k.cooperation, k) for k in stats.links], len(nodes), min_shared)
    edges = [_link_edge(link[4], names, lang) for link in kept]
    networks_of: dict[str, list[str]] = defaultdict(list)
    for row in network_rows:
        for organisation_id in row["partner_ids"]:
            networks_of[organisation_id].append(row["id"])
    for org in stats.organisations:
        if not org.bridging:
            continue
        colour, shape = BRIDGING
        nodes.append(
            {
                "id": f"organisation:{org.id}",
                "label": org.name,
                "title": t(
                    "map.tip.bridging", lang, name=org.name, count=org.networks,
                    networks="\n".join(sorted(names[n] for n in networks_of[org.id])),
                ),
                "category": "bridging",
                "color": colour,
                "shape": shape,
                "value": 1,
            }
        )
        edges.extend(
            {"from": f"organisation:{org.id}", "to": f"network:{n}", "color": MEMBERSHIP_LINK,
             "value": 1, "category": "membership"}
            for n in sorted(networks_of[org.id])
        )
    isolated = sum(n.isolated for n in stats.networks)
    if isolated:
        nodes.append(isolated_heading(t("map.isolated.heading", lang, count=isolated)))
    legend = [
        LegendEntry("regional", t("map.legend.regional", lang), NETWORK_KIND["regional"][0], shape="dot"),
        LegendEntry("thematic", t("map.legend.thematic", lang), NETWORK_KIND["thematic"][0], shape="square"),
        LegendEntry("isolated", t("map.legend.isolated", lang), "#ffffff", shape="dot", border="#000000"),
        LegendEntry("bridging", t("map.legend.bridging", lang), BRIDGING[0], shape="diamond"),
        LegendEntry("shared", t("map.legend.shared", lang), SHARED_LINK, target="edge"),
        LegendEntry("cooperation", t("map.legend.cooperation", lang), COOPERATION_LINK, target="edge", dashes=True),
        LegendEntry("membership", t("map.legend.membership", lang), MEMBERSHIP_LINK, target="edge"),
    ]
    return Map(
        title=title,
        subtitle=t("map.networks.subtitle", lang) + links_note(why, len(kept), len(stats.links), min_shared, lang),
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=edges,
        redacted=redacted,
    )


def links_note(why: str, shown: int, total: int, min_shared: int | None, lang: str) -> str:
    """What the subtitle says about links left out, or nothing when all are drawn."""
    if why == "strongest":
        return " · " + t("map.links.strongest", lang, shown=shown, total=total)
    if why == "min_shared":
        return " · " + t("map.links.min_shared", lang, shown=shown, total=total, n=min_shared)
    return ""


def _network_node(n, lang: str) -> dict[str, Any]:
    colour, shape = NETWORK_KIND[n.kind]
    node = {
        "id": f"network:{n.id}",
        "label": n.name,
        "title": t(
            "map.tip.network", lang, name=n.name, kind=t(f"map.kind.{n.kind}", lang), status=n.status,
            partners=n.partners, degree=n.degree, betweenness=f"{n.betweenness:.3f}", community=n.community,
        ),
        "category": n.kind,
        "color": colour,
        "shape": shape,
        "value": max(n.partners, 1),
    }
    if n.isolated:
        # Apart from the rest and zoomed out with it: a fixed, larger label stays readable.
        node.update(category="isolated", apart=True, color={"background": colour, "border": "#000000"}, borderWidth=3,
                    font={"size": 30}, scaling={"label": {"enabled": False}})
    return node


def isolated_heading(text: str) -> dict[str, Any]:
    """The label over the isolated networks (a text node, set apart with them)."""
    return {"id": "heading:isolated", "label": text, "title": text, "category": "isolated", "shape": "text",
            "apart": True, "heading": True, "font": {"size": 44}, "scaling": {"label": {"enabled": False}}}


def _link_edge(link: Link, names: dict[str, str], lang: str) -> dict[str, Any]:
    cooperation = link.cooperation
    return {
        "from": f"network:{link.source_id}",
        "to": f"network:{link.target_id}",
        "value": link.weight,
        "title": t(
            "map.tip.link", lang, source=names[link.source_id], target=names[link.target_id],
            shared=link.shared_partners, cooperation=t("map.tip.link.cooperation", lang) if cooperation else "",
        ),
        "color": COOPERATION_LINK if cooperation else SHARED_LINK,
        "dashes": cooperation,
        "category": "cooperation" if cooperation else "shared",
    }


def home_states(engine: Any) -> dict[str, str]:
    """Network id -> the Land most of its regions lie in (ties: the smaller id); networks above the Länder have none."""
    found: dict[str, Counter] = defaultdict(Counter)
    for row in run_query(engine, "network/regions"):
        if row["state_id"]:
            found[row["network_id"]][row["state_id"]] += 1
    return {nid: min(counts.items(), key=lambda item: (-item[1], item[0]))[0] for nid, counts in found.items()}


def _by_state(engine: Any, network_rows: list[dict[str, Any]], title: str, lang: str, redacted: bool,
              max_nodes: int) -> Map:
    """One node per Land at its place on the map, the links between Länder, isolated networks apart (or counted).

    Links are counted from the memberships (``network_rows``: ``network/partner_ids``, a network per row with its
    partners' ids) and cooperations (:func:`.aggregate.group_links`): the list of every linked pair is what makes
    a large map slow and big.
    """
    germany = load_germany()
    home = home_states(engine)
    regions = run_query(engine, "places/regions")
    codes = {row["region_id"]: row["code"] for row in regions}
    names = {row["region_id"]: row["region_name"] for row in regions}
    group_of = {r["id"]: home.get(r["id"], NATIONWIDE) for r in network_rows}
    counted = group_links(
        ((organisation, row["id"]) for row in network_rows for organisation in row["partner_ids"]),
        ((row["source_id"], row["target_id"]) for row in run_query(engine, "network/cooperations")),
        group_of,
    )
    networks = [SimpleNamespace(id=r["id"], name=r["name"], kind=r["kind"], status=r["status"], partners=len(r["partner_ids"]),
                                degree=0, betweenness=0.0, community="-", isolated=r["id"] not in counted.linked)
                for r in network_rows]
    members: dict[str, list] = defaultdict(list)
    for n in networks:
        members[group_of[n.id]].append(n)
    isolated = [n for n in networks if n.isolated]
    one_by_one = len(isolated) <= MAX_APART
    x0, y0, x1, _ = germany.bbox
    nodes = []
    for group, grouped in sorted(members.items()):
        shape = germany.states.get(codes.get(group) or "")
        x, y = (shape.label if shape else (x1 + 900, y0 + 600))
        name = names.get(group, group) if group != NATIONWIDE else t("map.legend.nationwide", lang)
        alone = [n for n in grouped if n.isolated]
        tip = t("map.tip.state_group", lang, name=name, networks=len(grouped),
                isolated=len(alone), partners=sum(n.partners for n in grouped),
                inside=counted.inside[group], links=sum(v[0] for k, v in counted.between.items() if group in k))
        if alone and not one_by_one:
            tip += "\n\n" + t("map.aggregate.isolated", lang, count=len(alone)) + "\n"
            tip += listing(sorted(n.name for n in alone), lang)
        colour, node_shape = STATE_NODE
        nodes.append({"id": f"state:{group}", "label": f"{name} ({len(grouped)})", "title": tip,
                      "category": "state_group" if group != NATIONWIDE else NATIONWIDE, "color": colour,
                      "shape": node_shape, "value": len(grouped), "x": round(x * GEO_SCALE), "y": round(y * GEO_SCALE),
                      "fixed": True})
    edges = [
        {"from": f"state:{a}", "to": f"state:{b}", "value": count, "color": SHARED_LINK, "category": "shared",
         "title": t("map.tip.state_link", lang, source=names.get(a, a), target=names.get(b, b), links=count, shared=shared)}
        for (a, b), (count, shared) in sorted(counted.between.items()) if count
    ]
    legend = [
        LegendEntry("state_group", t("map.legend.state_group", lang), STATE_NODE[0], shape="hexagon"),
        LegendEntry(NATIONWIDE, t("map.legend.nationwide", lang), STATE_NODE[0], shape="hexagon"),
        LegendEntry("isolated", t("map.legend.isolated", lang), "#ffffff", shape="dot", border="#000000"),
        LegendEntry("shared", t("map.legend.state_link", lang), SHARED_LINK, target="edge"),
    ]
    subtitle = t("map.networks.aggregated", lang, networks=len(networks), max_nodes=max_nodes)
    if one_by_one:
        nodes.extend(_network_node(n, lang) for n in isolated)
        if isolated:
            nodes.append(isolated_heading(t("map.isolated.heading", lang, count=len(isolated))))
    else:
        legend = [entry for entry in legend if entry.category != "isolated"]
        subtitle += " · " + t("map.aggregate.isolated.counted", lang, count=len(isolated), limit=MAX_APART)
    return Map(
        title=title,
        subtitle=subtitle,
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=edges,
        redacted=redacted,
        options={"physics": {"enabled": False}, "nodes": {"scaling": {"min": 14, "max": 60}}},
    )
