"""The audit map: networks by implementation stage (1-4), each with its findings.

Two views of the same audit. As a graph (default), edges are the network of networks' links
(shared partners, thinned when dense as in :mod:`.readable`), so clusters of struggling networks
show. On the map of Germany (``geo=True``), each network sits at its regions, over the Länder or
Kreise of ``level``. Either way a stage has a colour and a shape of its own (:mod:`.palette`) and
clicking a network lists its stage reasons and findings. Findings are worded from the rows'
evidence, so on a redacting engine (:func:`om_graph.privacy.redacting`) they name persons by
their pseudonyms.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.audit.run import Finding, run_audit
from om_graph.dataset.geo import load_germany
from om_graph.features.maps.aggregate import CLUSTER_KM, LIST_LIMIT, clustered, listing
from om_graph.features.maps.build import LegendEntry, Map
from om_graph.features.maps.geo import GeoMap, GeoRegion, Marker, SideItem
from om_graph.features.maps.networks import GEO_SCALE, NATIONWIDE, home_states, isolated_heading, links_note
from om_graph.features.maps.palette import LIGHT_GREY, SHARED_LINK, STAGES
from om_graph.features.maps.places import network_points, places, spread, unplaced_text
from om_graph.features.maps.readable import MAX_NODES, thin
from om_graph.features.network.stats import network_links
from om_graph.i18n import format_date, t
from om_graph.queries.registry import run_query
from om_graph.queries.rules import network_rules

#: Room between networks that share a spot on the map of Germany, in map units.
SPACING = 70
#: Where a Land's node of each stage sits around the Land's place (canvas pixels), when many networks are aggregated.
STAGE_OFFSET = {1: (-22, -22), 2: (22, -22), 3: (-22, 22), 4: (22, 22)}


def audit_map(
    engine: Any,
    *,
    as_of: dt.date,
    lang: str = "en",
    redacted: bool = False,
    profile: Profile = DEFAULT_PROFILE,
    geo: bool = False,
    level: str = "state",
    min_shared: int | None = None,
    max_nodes: int = MAX_NODES,
) -> Map | GeoMap:
    """Audit ``engine`` as of ``as_of`` and map every network by its stage (``redacted``: say so in the subtitle).

    Above ``max_nodes`` networks the map aggregates (:mod:`.aggregate`): per Land and stage as a
    graph, counted markers on the map of Germany.
    """
    # Only the rules about networks: the map shows nothing else (and the stages depend on nothing else).
    result = run_audit(engine, as_of=as_of, profile=profile, lang=lang, rules=network_rules())
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        if finding.subject_kind == "network":
            findings[finding.subject_id].append(finding)
    networks = []
    for stage in result.stages:
        listed = findings.get(stage.network_id, [])
        tip = t(
            "map.tip.audit", lang,
            name=stage.network_name,
            stage=t("stage.name", lang, stage=stage.stage),
            reasons="; ".join(reason.text(lang) for reason in stage.reasons),
            count=len(listed),
            findings="".join(
                t("map.tip.finding", lang, code=f.code, severity=t(f"severity.{f.severity}", lang), message=f.message)
                for f in listed
            ),
        )
        networks.append((stage, listed, tip))
    legend = [
        LegendEntry(f"stage{stage}", f"{t('stage.name', lang, stage=stage)}: {t(f'stage.{stage}', lang)}", colour,
                    shape=shape if not geo else symbol)
        for stage, (colour, shape, symbol) in STAGES.items()
    ]
    title = t("map.audit.title", lang, as_of=format_date(as_of, lang))
    many = len(networks) > max_nodes
    if geo:
        return _on_germany(engine, networks, legend, title, lang, redacted, level, max_nodes if many else None)
    if many:
        return _by_state(engine, networks, legend, title, lang, redacted, max_nodes)
    all_links = [(k.source_id, k.target_id, k.weight, k.cooperation) for k in network_links(engine)]
    linked = {end for link in all_links for end in link[:2]}
    nodes = []
    for stage, listed, tip in networks:
        colour, shape, _ = STAGES[stage.stage]
        node = {"id": f"network:{stage.network_id}", "label": stage.network_name, "title": tip,
                "category": f"stage{stage.stage}", "color": colour, "shape": shape, "value": len(listed) + 2}
        if stage.network_id not in linked:  # isolated: apart, at the right, outlined, labelled
            node.update(apart=True, color={"background": colour, "border": "#000000"}, borderWidth=3,
                        font={"size": 30}, scaling={"label": {"enabled": False}})
        nodes.append(node)
    isolated = sum(1 for n in nodes if n.get("apart"))
    if isolated:
        nodes.append(isolated_heading(t("map.isolated.heading", lang, count=isolated)))
        legend.append(LegendEntry("isolated", t("map.legend.isolated", lang), "#ffffff", shape="dot", border="#000000"))
    kept, why = thin(all_links, len(nodes), min_shared)
    edges = [{"from": f"network:{a}", "to": f"network:{b}", "value": w, "color": SHARED_LINK, "category": "shared"}
             for a, b, w, _ in kept]
    legend.append(LegendEntry("shared", t("map.legend.shared", lang), SHARED_LINK, target="edge"))
    return Map(
        title=title,
        subtitle=t("map.audit.subtitle", lang) + links_note(why, len(kept), len(all_links), min_shared, lang),
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=edges,
        redacted=redacted,
        options={"nodes": {"scaling": {"min": 12, "max": 32}}},
    )


def _line(stage, listed: list[Finding], lang: str) -> str:
    """A network in a list of many: name, stage, number of findings."""
    return t("map.aggregate.audit.line", lang, name=stage.network_name, stage=t("stage.name", lang, stage=stage.stage),
             count=len(listed))


def _worst_first(members: list) -> list:
    """Networks of a group as a click lists them: lowest stage, most findings, then by name."""
    return sorted(members, key=lambda m: (m[0].stage, -len(m[1]), m[0].network_name, m[0].network_id))


def _by_state(engine: Any, networks: list, legend: list[LegendEntry], title: str, lang: str, redacted: bool,
              max_nodes: int) -> Map:
    """One node per Land and stage around the Land's place, sized by its networks; a click lists them, worst first."""
    germany = load_germany()
    home = home_states(engine)
    regions = run_query(engine, "places/regions")
    codes = {row["region_id"]: row["code"] for row in regions}
    names = {row["region_id"]: row["region_name"] for row in regions}
    groups: dict[tuple[str, int], list] = defaultdict(list)
    for item in networks:
        groups[(home.get(item[0].network_id, NATIONWIDE), item[0].stage)].append(item)
    x0, y0, x1, _ = germany.bbox
    nodes = []
    for (group, stage), members in sorted(groups.items()):
        shape = germany.states.get(codes.get(group) or "")
        x, y = (shape.label if shape else (x1 + 900, y0 + 600))
        dx, dy = STAGE_OFFSET[stage]
        name = names.get(group, group) if group != NATIONWIDE else t("map.legend.nationwide", lang)
        colour, node_shape, _ = STAGES[stage]
        head = t("map.aggregate.audit.group", lang, name=name, stage=t("stage.name", lang, stage=stage), count=len(members),
                 findings=sum(len(m[1]) for m in members))
        nodes.append({"id": f"group:{group}:{stage}", "label": str(len(members)), "title": head,
                      "details": head + "\n\n" + listing([_line(m[0], m[1], lang) for m in _worst_first(members)], lang),
                      "category": f"stage{stage}", "color": colour, "shape": node_shape, "value": len(members),
                      "x": round(x * GEO_SCALE + dx), "y": round(y * GEO_SCALE + dy), "fixed": True})
    return Map(
        title=title,
        subtitle=t("map.aggregate.audit", lang, networks=len(networks), max_nodes=max_nodes),
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=[],
        redacted=redacted,
        options={"physics": {"enabled": False}, "nodes": {"scaling": {"min": 8, "max": 36}}},
    )


def _on_germany(engine: Any, networks: list, legend: list[LegendEntry], title: str, lang: str, redacted: bool,
                level: str, max_nodes: int | None = None) -> GeoMap:
    """The networks at their regions on the map of Germany, over the Länder or Kreise of ``level``.

    With ``max_nodes`` (the map has more networks), networks of one stage close together are one marker.
    """
    found = places(engine, level)
    shapes = found.germany.states if level == "state" else found.germany.districts
    in_data = {code for rid, code in found.codes.items() if found.rows[rid]["level"] == level}
    regions = [
        GeoRegion(code, shape.name if level == "district" else code, "base" if code in in_data else "outside",
                  "#ffffff" if code in in_data else LIGHT_GREY, shape.name if level == "district" else code)
        for code, shape in sorted(shapes.items())
    ]
    ids = {code: rid for rid, code in found.codes.items() if found.rows[rid]["level"] == level}
    for region in regions:
        region.region_id = ids.get(region.code)
        region.name = found.rows[region.region_id]["region_name"] if region.region_id else region.name
        region.tip = f"{region.name} ({region.code})"
    points, _ = network_points(engine, found)
    if max_nodes is not None:
        return _clustered_on_germany(found, points, networks, legend, regions, title, lang, redacted, level, max_nodes)
    spots = spread(points, SPACING)
    markers, elsewhere = [], []
    for stage, listed, tip in networks:
        colour, _, symbol = STAGES[stage.stage]
        if stage.network_id not in spots:
            elsewhere.append(SideItem(f"{stage.network_name} · {t('stage.name', lang, stage=stage.stage)}", kind=f"stage{stage.stage}"))
            continue
        short = t("map.tip.audit.short", lang, name=stage.network_name, stage=t("stage.name", lang, stage=stage.stage),
                  count=len(listed))
        markers.append(Marker(f"network:{stage.network_id}", stage.network_name, f"stage{stage.stage}", colour, symbol,
                              *spots[stage.network_id], tip=short, details=tip, priority=1 + (4 - stage.stage)))
    legend = [*legend, LegendEntry("base", t("map.legend.region_in_data", lang), "#ffffff", shape="region"),
              LegendEntry("outside", t("map.legend.not_in_data", lang), LIGHT_GREY, shape="region")]
    lists = []
    if elsewhere:
        lists.append(("om-elsewhere-list", t("map.geo.elsewhere", lang), elsewhere))
    return _geo_map(found, lists, title=title, subtitle=t("map.audit.geo.subtitle", lang), lang=lang, level=level,
                    legend=legend, regions=regions, markers=markers, redacted=redacted)


def _clustered_on_germany(found, points: dict, networks: list, legend: list[LegendEntry], regions: list[GeoRegion],
                          title: str, lang: str, redacted: bool, level: str, max_nodes: int) -> GeoMap:
    """Networks of one stage within :data:`.aggregate.CLUSTER_KM` as one marker with their number; a click lists them."""
    by_id = {stage.network_id: (stage, listed) for stage, listed, _ in networks}
    placed = {nid: p for nid, p in points.items() if nid in by_id}
    groups = clustered(placed, {nid: f"stage{by_id[nid][0].stage}" for nid in placed})
    spots = spread({i: point for i, (_, point, _) in enumerate(groups)}, SPACING)
    markers = []
    for i, (category, _, members) in enumerate(groups):
        stage = by_id[members[0]][0].stage
        colour, _, symbol = STAGES[stage]
        listed = _worst_first([by_id[nid] for nid in members])
        if len(members) == 1:
            label = listed[0][0].network_name
            tip = t("map.tip.audit.short", lang, name=label, stage=t("stage.name", lang, stage=stage), count=len(listed[0][1]))
        else:
            label = t("map.aggregate.networks", lang, count=len(members))
            tip = t("map.aggregate.audit.cluster", lang, stage=t("stage.name", lang, stage=stage), count=len(members),
                    findings=sum(len(m[1]) for m in listed))
        details = tip + "\n\n" + listing([_line(m[0], m[1], lang) for m in listed], lang)
        markers.append(Marker(f"cluster:{i}", label, category, colour, symbol, *spots[i], tip=tip, details=details,
                              priority=1 + (4 - stage)))
    elsewhere = [_line(stage, listed, lang) for stage, listed in _worst_first(list(by_id.values()))
                 if stage.network_id not in placed]
    legend = [*legend, LegendEntry("base", t("map.legend.region_in_data", lang), "#ffffff", shape="region"),
              LegendEntry("outside", t("map.legend.not_in_data", lang), LIGHT_GREY, shape="region")]
    lists = []
    if elsewhere:
        shown = [SideItem(line) for line in elsewhere[:LIST_LIMIT]]
        if len(elsewhere) > LIST_LIMIT:
            shown.append(SideItem(t("map.aggregate.more", lang, count=len(elsewhere) - LIST_LIMIT)))
        lists.append(("om-elsewhere-list", t("map.geo.elsewhere", lang), shown))
    subtitle = t("map.aggregate.geo", lang, networks=len(networks), max_nodes=max_nodes, km=CLUSTER_KM)
    return _geo_map(found, lists, title=title, subtitle=subtitle, lang=lang, level=level,
                    legend=legend, regions=regions, markers=markers, redacted=redacted)


def _geo_map(found, lists: list, **parts) -> GeoMap:
    """The map of Germany with the side lists, networks without a place always last."""
    unplaced = [SideItem(unplaced_text(u, parts["lang"])) for u in found.unplaced]
    if unplaced:
        lists.append(("om-unplaced-list", t("map.geo.unplaced", parts["lang"]), unplaced))
    return GeoMap(lists=lists, **parts)
