"""The audit map: networks coloured by implementation stage (1-4), each with its findings.

Edges are the network of networks' links (shared partners), so clusters of struggling
networks show; clicking a network lists its stage reasons and findings. Findings are worded from
the rows' evidence, so on a redacting engine (:func:`om_graph.privacy.redacting`) they name
persons by their pseudonyms.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from om_graph.queries.registry import run_query
from om_graph.audit.run import Finding, run_audit
from om_graph.i18n import t
from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.features.maps.build import LegendEntry, Map

STAGE_COLOURS = {1: "#d73027", 2: "#fc8d59", 3: "#fee08b", 4: "#1a9850"}
LINK_COLOUR = "#9e9e9e"

def audit_map(
    engine: Any,
    *,
    as_of: dt.date,
    lang: str = "en",
    redacted: bool = False,
    profile: Profile = DEFAULT_PROFILE,
) -> Map:
    """Audit ``engine`` as of ``as_of`` and map every network by its stage (``redacted``: say so in the subtitle)."""
    result = run_audit(engine, as_of=as_of, profile=profile, lang=lang)
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        if finding.subject_kind == "network":
            findings[finding.subject_id].append(finding)
    nodes = []
    for stage in result.stages:
        listed = findings.get(stage.network_id, [])
        tip = t(
            "map.tip.audit",
            lang,
            name=stage.network_name,
            stage=t("stage.name", lang, stage=stage.stage),
            reasons="; ".join(reason.text(lang) for reason in stage.reasons),
            count=len(listed),
            findings="".join(
                t("map.tip.finding", lang, code=f.code, severity=t(f"severity.{f.severity}", lang), message=f.message)
                for f in listed
            ),
        )
        nodes.append(
            {
                "id": f"network:{stage.network_id}",
                "label": stage.network_name,
                "title": tip,
                "category": f"stage{stage.stage}",
                "color": STAGE_COLOURS[stage.stage],
                "shape": "dot",
                "value": len(listed) + 2,
            }
        )
    edges = [
        {
            "from": f"network:{link['source_id']}",
            "to": f"network:{link['target_id']}",
            "value": max(link["shared_partners"], 1),
            "color": LINK_COLOUR,
            "category": "shared",
        }
        for link in run_query(engine, "network/links")
    ]
    legend = [
        LegendEntry(
            f"stage{stage}", f"{t('stage.name', lang, stage=stage)}: {t(f'stage.{stage}', lang)}", colour
        )
        for stage, colour in STAGE_COLOURS.items()
    ]
    legend.append(LegendEntry("shared", t("map.legend.shared", lang), LINK_COLOUR, target="edge"))
    return Map(
        title=t("map.audit.title", lang, as_of=as_of.isoformat()),
        subtitle=t("map.audit.subtitle", lang),
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=edges,
        redacted=redacted,
        options={"nodes": {"scaling": {"min": 12, "max": 32}}},
    )
