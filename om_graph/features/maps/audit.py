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
from om_graph.features.maps.build import LegendEntry, Map
from om_graph.features.maps.geo import GeoMap, GeoRegion, Marker, SideItem
from om_graph.features.maps.networks import isolated_heading, links_note
from om_graph.features.maps.palette import LIGHT_GREY, SHARED_LINK, STAGES
from om_graph.features.maps.places import network_points, places, spread, unplaced_text
from om_graph.features.maps.readable import thin
from om_graph.i18n import t
from om_graph.queries.registry import run_query

#: Room between networks that share a spot on the map of Germany, in map units.
SPACING = 70


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
) -> Map | GeoMap:
    """Audit ``engine`` as of ``as_of`` and map every network by its stage (``redacted``: say so in the subtitle)."""
    result = run_audit(engine, as_of=as_of, profile=profile, lang=lang)
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
    title = t("map.audit.title", lang, as_of=as_of.isoformat())
    if geo:
        return _on_germany(engine, networks, legend, title, lang, redacted, level)
    all_links = [(k["source_id"], k["target_id"], max(k["shared_partners"], 1), k["cooperation"])
                 for k in run_query(engine, "network/links")]
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


def _on_germany(engine: Any, networks: list, legend: list[LegendEntry], title: str, lang: str, redacted: bool,
                level: str) -> GeoMap:
    """The networks at their regions on the map of Germany, over the Länder or Kreise of ``level``."""
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
    unplaced = [SideItem(unplaced_text(u, lang)) for u in found.unplaced]
    if unplaced:
        lists.append(("om-unplaced-list", t("map.geo.unplaced", lang), unplaced))
    return GeoMap(
        title=title,
        subtitle=t("map.audit.geo.subtitle", lang),
        lang=lang,
        level=level,
        legend=legend,
        regions=regions,
        markers=markers,
        lists=lists,
        redacted=redacted,
    )
