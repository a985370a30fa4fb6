"""The ambassador map: Germany's Länder or Kreise filled by the share of weight an ambassador covers.

Every region of the level is drawn from the official boundaries by its ``code``; its fill is
the share of the weight of its elements (networks, intermediaries, companies, weighted as the
profile says) that an ambassador (Botschafter) covers, from the coverage report
(:mod:`om_graph.features.coverage.report`). Regions with OM networks or partners but no
ambassador (OM401) are outlined solid, white spots (OM404) dashed, and both are labelled and
listed at the side; a click on the list zooms to the region. Networks sit at their regions,
ambassadors at theirs. With ``plan_k`` the planner's K regions (:mod:`.coverage.planner`) are a
layer of their own, numbered in the order the planner picked them. Regions of the dataset
without a known code are listed with the reason.

Ambassadors are drawn as the rows name them: from a redacting engine
(:func:`om_graph.privacy.redacting`) by their pseudonyms, the same as in every other output.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.features.coverage.planner import plan as greedy_plan
from om_graph.features.coverage.report import RegionCoverage, coverage_instance, coverage_report
from om_graph.features.maps.aggregate import CLUSTER_KM, clustered, listing
from om_graph.features.maps.build import LegendEntry
from om_graph.features.maps.geo import GeoMap, GeoRegion, Marker, SideItem
from om_graph.features.maps.palette import AMBASSADOR, COVERAGE, GAP_OUTLINE, LIGHT_GREY, NETWORK_KIND, OKABE_ITO, PLAN_COLOUR, fill
from om_graph.features.maps.places import network_points, places, spread, unplaced_text
from om_graph.features.maps.readable import MAX_NODES
from om_graph.i18n import has, t

#: The rules whose regions the map marks as gaps, most severe first.
GAP_RULES = ("OM404", "OM401")
UNCOVERED_NETWORK = (OKABE_ITO["vermillion"], "triangle")
#: Room between markers that share a spot, in map units (tenths of a km).
SPACING = 70


def coverage_class(weight_covered: float, weight_total: float) -> str:
    """``full``, ``partial``, ``none`` (nothing of its weight covered) or ``empty`` (nothing to cover).

    >>> [coverage_class(*w) for w in ((3, 3), (1, 3), (0, 3), (0, 0))]
    ['full', 'partial', 'none', 'empty']
    """
    if not weight_total:
        return "empty"
    if weight_covered >= weight_total:
        return "full"
    return "partial" if weight_covered > 0 else "none"


def ambassadors_map(
    engine: Any,
    *,
    level: str | None = None,
    as_of: dt.date,
    lang: str = "en",
    redacted: bool = False,
    profile: Profile = DEFAULT_PROFILE,
    plan_k: int = 0,
    max_nodes: int = MAX_NODES,
) -> GeoMap:
    """The map of ``level`` (default: the profile's) with coverage, gaps, networks, ambassadors and a plan of ``plan_k`` regions.

    ``redacted`` only says so in the subtitle: pseudonyms come from a redacting engine. Above
    ``max_nodes`` OM networks, those close together are one marker with their number (:mod:`.aggregate`).
    """
    report = coverage_report(engine, profile, level, as_of=as_of, lang=lang)
    level = report.level
    found = places(engine, level)
    germany_shapes = found.germany.states if level == "state" else found.germany.districts
    gaps: dict[str, tuple[str, str]] = {}
    for finding in sorted((f for f in report.findings if f.code in GAP_RULES), key=lambda f: GAP_RULES.index(f.code)):
        gaps.setdefault(finding.subject_id, (finding.code, finding.message))
    names = report.person_names()

    drawn: dict[str, GeoRegion] = {}
    uncovered: list[tuple[int, float, SideItem]] = []
    for region in report.regions:
        code = found.codes.get(region.region_id)
        if code not in germany_shapes or code in drawn:
            continue
        bucket = coverage_class(region.weight.covered, region.weight.total)
        gap = gaps.get(region.region_id)
        tip = _region_tip(region, code, gap, [names.get(p, p) for p in region.ambassador_ids], lang)
        colour, pattern = COVERAGE[bucket]
        drawn[code] = GeoRegion(code, region.region_name, bucket, fill(pattern, colour), tip, region.region_id,
                                gap[0] if gap else None)
        missing = region.weight.total - region.weight.covered
        if gap:
            uncovered.append((GAP_RULES.index(gap[0]), -missing, SideItem(f"{gap[0]} · {region.region_name}", code, gap[0])))
        elif bucket in ("none", "partial"):
            text = t("map.geo.uncovered.item", lang, name=region.region_name, share=f"{region.weight.share or 0:.0%}")
            uncovered.append((len(GAP_RULES), -missing, SideItem(text, code, bucket)))
    for code, shape in germany_shapes.items():
        if code not in drawn:
            drawn[code] = GeoRegion(code, shape.name if level == "district" else _state_name(code, found), "base",
                                    LIGHT_GREY, t("map.geo.tip.not_in_data", lang, name=shape.name, code=code))

    network_names = {n.network_id: n.network_name for n in report.networks}
    covered_networks = {n.network_id for n in report.networks if n.covered}
    points, _ = network_points(engine, found)
    om_points = {nid: p for nid, p in points.items() if nid in network_names}
    spread_points = spread(om_points, SPACING)
    ambassador_points = {}
    for ambassador in report.ambassadors:
        spots = ([p for p in (found.point(r) for r in ambassador.region_ids) if p]
                 or [spread_points[n] for n in ambassador.network_ids if n in spread_points])
        if spots:
            ambassador_points[ambassador.person_id] = (sum(p[0] for p in spots) / len(spots), sum(p[1] for p in spots) / len(spots))
    regions_by_id = {r.region_id: r.region_name for r in report.regions} | {rid: row["region_name"] for rid, row in found.rows.items()}
    # One rule for both kinds of marker: more networks (or ambassadors) than max_nodes, and close ones are counted.
    many = max(len(network_names), len(ambassador_points)) > max_nodes
    markers = (_network_clusters if many else _network_markers)(om_points, network_names, covered_networks, lang)
    if many:
        markers += _ambassador_clusters(ambassador_points, report.ambassadors, lang)
    else:
        ambassador_points = spread(ambassador_points, SPACING)
        for ambassador in report.ambassadors:
            if ambassador.person_id not in ambassador_points:
                continue
            tip = t("map.tip.ambassador", lang, name=ambassador.person_name,
                    regions=", ".join(regions_by_id.get(r, r) for r in ambassador.region_ids) or "-",
                    networks=", ".join(network_names.get(n, n) for n in ambassador.network_ids) or "-")
            markers.append(Marker(f"person:{ambassador.person_id}", ambassador.person_name, "ambassador", *AMBASSADOR,
                                  *ambassador_points[ambassador.person_id], tip=tip,
                                  related=[f"network:{n}" for n in ambassador.network_ids], priority=3))

    plan_steps: dict[str, int] = {}
    plan_items: list[SideItem] = []
    if plan_k:
        chosen = greedy_plan(coverage_instance(report), plan_k)
        for number, step in enumerate(chosen.steps, start=1):
            code = found.codes.get(step.region_id)
            name = regions_by_id.get(step.region_id, step.region_id)
            if code in germany_shapes:
                plan_steps[code] = number
            plan_items.append(SideItem(t("map.geo.plan.item", lang, step=number, name=name, gain=f"{step.gain:g}",
                                         share=f"{step.share or 0:.0%}"), code if code in germany_shapes else None, "plan"))

    ranked = sorted(uncovered, key=lambda x: (x[0], x[1], x[2].text))
    lists = [("om-gaps-list", t("map.geo.uncovered", lang), [item for *_, item in ranked])]
    if plan_k:
        lists.append(("om-plan-list", t("map.geo.plan", lang, k=plan_k), plan_items))
    unplaced = [SideItem(unplaced_text(u, lang)) for u in found.unplaced]
    if unplaced:
        lists.append(("om-unplaced-list", t("map.geo.unplaced", lang), unplaced))
    level_word = t(f"level.{level}", lang) if has(f"level.{level}") else level
    subtitle = t("map.ambassadors.subtitle", lang, level=level_word)
    if many:
        subtitle += " · " + t("map.aggregate.geo.ambassadors", lang, networks=len(network_names),
                              ambassadors=len(ambassador_points), max_nodes=max_nodes, km=CLUSTER_KM)
    legend = _legend(lang, plan_k > 0)
    return GeoMap(
        title=t("map.ambassadors.title", lang),
        subtitle=subtitle,
        lang=lang,
        level=level,
        legend=legend,
        regions=[drawn[code] for code in sorted(drawn)],
        markers=markers,
        plan=plan_steps,
        lists=lists,
        redacted=redacted,
        patterns=[(pattern, colour) for colour, pattern in COVERAGE.values()],
    )


def _network_markers(points: dict, names: dict[str, str], covered: set[str], lang: str) -> list[Marker]:
    """One marker per OM network at its regions: covered by an ambassador or not."""
    yes, no = t("word.yes", lang), t("word.no", lang)
    return [
        Marker(
            f"network:{nid}", names[nid], "network" if nid in covered else "network_uncovered",
            *(NETWORK_KIND["regional"] if nid in covered else UNCOVERED_NETWORK), *point,
            tip=t("map.geo.tip.network", lang, name=names[nid], covered=yes if nid in covered else no),
            priority=2,
        )
        for nid, point in sorted(spread(points, SPACING).items())
    ]


def _network_clusters(points: dict, names: dict[str, str], covered: set[str], lang: str) -> list[Marker]:
    """OM networks close together, covered or not, as one marker with their number; a click lists them."""
    groups = clustered(points, {nid: "network" if nid in covered else "network_uncovered" for nid in points})
    spots = spread({i: point for i, (_, point, _) in enumerate(groups)}, SPACING)
    markers = []
    for i, (category, _, members) in enumerate(groups):
        listed = sorted(names[nid] for nid in members)
        word = t("word.yes" if category == "network" else "word.no", lang)
        if len(members) == 1:
            label, tip = listed[0], t("map.geo.tip.network", lang, name=listed[0], covered=word)
        else:
            label = t("map.aggregate.networks", lang, count=len(members))
            tip = t("map.aggregate.ambassadors.cluster", lang, count=len(members), covered=word)
        markers.append(Marker(f"cluster:{i}", label, category,
                              *(NETWORK_KIND["regional"] if category == "network" else UNCOVERED_NETWORK), *spots[i],
                              tip=tip, details=tip + "\n\n" + listing(listed, lang), priority=2))
    return markers


def _ambassador_clusters(points: dict, ambassadors: list, lang: str) -> list[Marker]:
    """Ambassadors close together as one star with their number; a click lists them with their networks."""
    who = {a.person_id: a for a in ambassadors}
    groups = clustered(points, {pid: "ambassador" for pid in points})
    spots = spread({i: point for i, (_, point, _) in enumerate(groups)}, SPACING)
    markers = []
    for i, (_, _, members) in enumerate(groups):
        lines = sorted(t("map.aggregate.ambassador.line", lang, name=who[pid].person_name, count=len(who[pid].network_ids))
                       for pid in members)
        label = who[members[0]].person_name if len(members) == 1 else t("map.aggregate.ambassadors", lang, count=len(members))
        tip = lines[0] if len(members) == 1 else label
        markers.append(Marker(f"cluster:a{i}", label, "ambassador", *AMBASSADOR, *spots[i], tip=tip,
                              details=tip + "\n\n" + listing(lines, lang), priority=3))
    return markers


def _state_name(code: str, found) -> str:
    return next((row["region_name"] for rid, row in found.rows.items() if found.codes.get(rid) == code), code)


def _region_tip(region: RegionCoverage, code: str, gap: tuple[str, str] | None, ambassadors: list[str], lang: str) -> str:
    counts = {kind: f"{int(tally.covered)}/{int(tally.total)}" for kind, tally in region.elements.items()}
    tip = t("map.geo.tip.region", lang, name=region.region_name, code=code,
            share=f"{region.weight.share or 0:.0%}", covered=f"{region.weight.covered:g}", total=f"{region.weight.total:g}",
            networks=counts["network"], intermediaries=counts["intermediary"], companies=counts["company"],
            ambassadors=", ".join(ambassadors) or "-")
    if gap:
        tip += t("map.tip.gap", lang, code=gap[0], message=gap[1])
    return tip


def _legend(lang: str, with_plan: bool) -> list[LegendEntry]:
    words = {
        "full": t("map.legend.coverage.full", lang),
        "partial": t("map.legend.coverage.partial", lang),
        "none": t("map.legend.coverage.none", lang),
        "empty": t("map.legend.coverage.empty", lang),
    }
    entries = [
        LegendEntry(bucket, words[bucket], fill(pattern, colour), shape="region") for bucket, (colour, pattern) in COVERAGE.items()
    ]
    entries.append(LegendEntry("base", t("map.legend.not_in_data", lang), LIGHT_GREY, shape="region"))
    entries.append(LegendEntry("OM401", t("map.legend.without_ambassador", lang), "#ffffff", shape="outline",
                               border=GAP_OUTLINE["OM401"][0]))
    entries.append(LegendEntry("OM404", t("map.legend.white_spot", lang), "#ffffff", shape="outline",
                               border=GAP_OUTLINE["OM404"][0], dashes=True))
    if with_plan:
        entries.append(LegendEntry("plan", t("map.legend.plan", lang), PLAN_COLOUR, shape="plan"))
    entries.append(LegendEntry("network", t("map.legend.network.covered", lang), NETWORK_KIND["regional"][0], shape="circle"))
    entries.append(LegendEntry("network_uncovered", t("map.legend.network.uncovered", lang), UNCOVERED_NETWORK[0], shape="triangle"))
    entries.append(LegendEntry("ambassador", t("map.legend.ambassador", lang), AMBASSADOR[0], shape="star"))
    return entries
