"""The ambassador map: regions coloured by coverage, gaps marked, ambassadors linked to what they cover.

Every region of the level (``coverage/regions``) is drawn; its coverage is the share of its elements (networks, intermediaries, companies) an
ambassador (Botschafter) covers, from ``coverage/elements``. Regions where OM has networks or
partners but no ambassador (OM401) get a dark red border; white spots (OM404) are drawn white
with a dashed red border. Ambassadors link to the regions of the level they serve (their own
region, or the one it lies in or contains, as OM401 counts them) and the networks they are active in.

Ambassadors are drawn as the rows name them: from a redacting engine
(:func:`om_graph.privacy.redacting`) by their pseudonyms, the same as in every other output.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from om_graph.queries.registry import run_query
from om_graph.audit.run import run_audit
from om_graph.i18n import has, t
from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.features.coverage.report import audit_profile
from om_graph.features.maps.build import LegendEntry, Map

COVERAGE_COLOURS = {"full": "#66bd63", "partial": "#fee08b", "none": "#f4a582"}
WITHOUT_AMBASSADOR_BORDER = "#b2182b"
WHITE_SPOT_BORDER = "#d73027"
NETWORK_COLOUR = "#4575b4"
AMBASSADOR_COLOUR = "#1b7837"
EDGE_COLOURS = {"ambassador_region": "#1b7837", "ambassador_network": "#5aae61", "network_region": "#bdbdbd"}

#: The rules whose regions the map marks as gaps, most severe first.
GAP_RULES = ("OM404", "OM401")
ELEMENT_KINDS = ("network", "intermediary", "company")
TALLY_WORDS = {"network": "networks", "intermediary": "intermediaries", "company": "companies"}


def ambassadors_map(
    engine: Any,
    *,
    level: str | None = None,
    as_of: dt.date,
    lang: str = "en",
    redacted: bool = False,
    profile: Profile = DEFAULT_PROFILE,
) -> Map:
    """Regions of ``level`` (default: the profile's), their coverage and gaps, the networks in them, and the ambassadors.

    ``redacted`` only says so in the subtitle: pseudonyms come from a redacting engine.
    """
    level = level or profile.ambassadors.level
    elements = run_query(engine, "coverage/elements", {"level": level})
    gaps = _gaps(engine, level, as_of, lang, profile)
    network_names = {n["id"]: n["name"] for n in run_query(engine, "network/networks")}

    region_rows = run_query(engine, "coverage/regions", {"level": level})
    regions = {r["region_id"]: r["region_name"] for r in region_rows}
    tally: dict[str, dict[str, list[int]]] = defaultdict(lambda: {k: [0, 0] for k in ELEMENT_KINDS})
    networks_in: dict[str, set[str]] = defaultdict(set)
    for row in elements:
        counts = tally[row["region_id"]][row["element_kind"]]
        counts[0] += bool(row["covered"])
        counts[1] += 1
        if row["element_kind"] == "network":
            networks_in[row["region_id"]].add(row["element_id"])
    served: dict[str, list[str]] = defaultdict(list)
    for row in region_rows:
        for person_id in row["ambassador_ids"]:
            served[person_id].append(row["region_id"])

    nodes = [_region_node(rid, name, tally[rid], gaps.get(rid), lang) for rid, name in sorted(regions.items())]
    edges: list[dict[str, Any]] = []
    shown_networks: set[str] = set()
    for region_id, network_ids in sorted(networks_in.items()):
        for network_id in sorted(network_ids):
            shown_networks.add(network_id)
            edges.append(_edge(f"network:{network_id}", f"region:{region_id}", "network_region"))

    for row in run_query(engine, "coverage/ambassadors"):
        node = _ambassador_node(row, regions, network_names, lang)
        nodes.append(node)
        edges.extend(_edge(node["id"], f"region:{r}", "ambassador_region") for r in served.get(row["person_id"], ()))
        edges.extend(_edge(node["id"], f"network:{n}", "ambassador_network", dashes=True) for n in row["network_ids"])
        shown_networks.update(row["network_ids"])

    nodes.extend(
        {"id": f"network:{nid}", "label": network_names.get(nid, nid),
         "title": t("map.tip.network.short", lang, name=network_names.get(nid, nid)),
         "category": "network", "color": NETWORK_COLOUR, "shape": "dot", "value": 1}
        for nid in sorted(shown_networks)
    )
    level_word = t(f"level.{level}", lang) if has(f"level.{level}") else level
    return Map(
        title=t("map.ambassadors.title", lang),
        subtitle=t("map.ambassadors.subtitle", lang, level=level_word),
        lang=lang,
        legend=_legend(lang),
        nodes=nodes,
        edges=edges,
        redacted=redacted,
    )


def _ambassador_node(row: dict[str, Any], regions: dict[str, str], network_names: dict[str, str], lang: str) -> dict[str, Any]:
    """An ambassador, by the id and name of the row (pseudonyms from a redacting engine)."""
    name = row["person_name"]
    return {
        "id": f"person:{row['person_id']}",
        "label": name,
        "title": t(
            "map.tip.ambassador", lang, name=name,
            regions=", ".join(regions.get(r, r) for r in row["region_ids"]) or "-",
            networks=", ".join(network_names.get(n, n) for n in row["network_ids"]) or "-",
        ),
        "category": "ambassador",
        "color": AMBASSADOR_COLOUR,
        "shape": "star",
        "value": 2,
    }


def _gaps(engine: Any, level: str, as_of: dt.date, lang: str, profile: Profile) -> dict[str, tuple[str, str]]:
    """Region id -> (rule code, message) of its most severe gap finding at ``level``, as the coverage report has them."""
    found: dict[str, tuple[str, str]] = {}
    result = run_audit(engine, as_of=as_of, profile=audit_profile(profile, level), rules=",".join(GAP_RULES), lang=lang)
    for finding in sorted(result.findings, key=lambda f: GAP_RULES.index(f.code)):
        found.setdefault(finding.subject_id, (finding.code, finding.message))
    return found


def _region_node(region_id: str, name: str, tally: dict[str, list[int]], gap: tuple[str, str] | None, lang: str) -> dict[str, Any]:
    covered = sum(c for c, _ in tally.values())
    total = sum(n for _, n in tally.values())
    share = covered / total if total else 0.0
    bucket = "full" if total and covered == total else "partial" if covered else "none"
    tip = t(
        "map.tip.region", lang, name=name, id=region_id, covered=covered, total=total, share=f"{share:.0%}",
        **{TALLY_WORDS[kind]: f"{c}/{n}" for kind, (c, n) in tally.items()},
    )
    node = {
        "id": f"region:{region_id}",
        "label": name,
        "category": bucket,
        "color": COVERAGE_COLOURS[bucket],
        "shape": "square",
        "value": max(total, 1),
    }
    if gap:
        code, message = gap
        tip += t("map.tip.gap", lang, code=code, message=message)
        if code == "OM404":
            node.update(category="white_spot", color={"background": "#ffffff", "border": WHITE_SPOT_BORDER},
                        borderWidth=3, shapeProperties={"borderDashes": [6, 4]})
        else:
            node.update(category="without_ambassador",
                        color={"background": COVERAGE_COLOURS[bucket], "border": WITHOUT_AMBASSADOR_BORDER}, borderWidth=4)
    node["title"] = tip
    return node


def _edge(source: str, target: str, category: str, dashes: bool = False) -> dict[str, Any]:
    return {"from": source, "to": target, "category": category, "color": EDGE_COLOURS[category], "dashes": dashes,
            "width": 2 if category != "network_region" else 1}


def _legend(lang: str) -> list[LegendEntry]:
    return [
        LegendEntry("full", t("map.legend.coverage.full", lang), COVERAGE_COLOURS["full"], shape="square"),
        LegendEntry("partial", t("map.legend.coverage.partial", lang), COVERAGE_COLOURS["partial"], shape="square"),
        LegendEntry("none", t("map.legend.coverage.none", lang), COVERAGE_COLOURS["none"], shape="square"),
        LegendEntry("without_ambassador", t("map.legend.without_ambassador", lang), COVERAGE_COLOURS["none"], shape="square",
                    border=WITHOUT_AMBASSADOR_BORDER),
        LegendEntry("white_spot", t("map.legend.white_spot", lang), "#ffffff", shape="square", border=WHITE_SPOT_BORDER,
                    dashes=True),
        LegendEntry("network", t("map.legend.network", lang), NETWORK_COLOUR),
        LegendEntry("ambassador", t("map.legend.ambassador", lang), AMBASSADOR_COLOUR, shape="star"),
        LegendEntry("ambassador_region", t("map.legend.ambassador_region", lang), EDGE_COLOURS["ambassador_region"], target="edge"),
        LegendEntry("ambassador_network", t("map.legend.ambassador_network", lang), EDGE_COLOURS["ambassador_network"],
                    target="edge", dashes=True),
        LegendEntry("network_region", t("map.legend.network_region", lang), EDGE_COLOURS["network_region"], target="edge"),
    ]
