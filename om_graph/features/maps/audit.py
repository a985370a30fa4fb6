"""The audit map: networks coloured by implementation stage (1-4), each with its findings.

Edges are the network of networks' links (shared partners), so clusters of struggling
networks show; clicking a network lists its stage reasons and findings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from om_graph.queries.registry import run_query
from om_graph.audit.run import Finding, run_audit
from om_graph.i18n import pick, t
from om_graph.audit.profile import DEFAULT_PROFILE, Profile
from om_graph.privacy import redact_finding
from om_graph.features.maps.build import LegendEntry, Map
from om_graph.features.maps.words import WORDS

STAGE_COLOURS = {1: "#d73027", 2: "#fc8d59", 3: "#fee08b", 4: "#1a9850"}
LINK_COLOUR = "#9e9e9e"

def audit_map(
    engine: Any,
    *,
    as_of: dt.date,
    lang: str = "en",
    redact: bool = False,
    profile: Profile = DEFAULT_PROFILE,
) -> Map:
    """Audit ``engine`` as of ``as_of`` and map every network by its stage."""
    result = run_audit(engine, as_of=as_of, profile=profile, lang=lang)
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        if finding.subject_kind == "network":
            findings[finding.subject_id].append(redact_finding(finding, lang, profile) if redact else finding)
    nodes = []
    for stage in result.stages:
        listed = findings.get(stage.network_id, [])
        tip = pick(
            WORDS["tip.audit"],
            lang,
            name=stage.network_name,
            stage=stage.stage,
            reasons="; ".join(reason.text(lang) for reason in stage.reasons),
            count=len(listed),
            findings="".join(
                pick(WORDS["tip.finding"], lang, code=f.code, severity=t(f"severity.{f.severity}", lang), message=f.message)
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
            f"stage{stage}", pick(WORDS["legend.stage"], lang, stage=stage, meaning=t(f"stage.{stage}", lang)), colour
        )
        for stage, colour in STAGE_COLOURS.items()
    ]
    legend.append(LegendEntry("shared", pick(WORDS["legend.shared"], lang), LINK_COLOUR, target="edge"))
    return Map(
        title=pick(WORDS["audit.title"], lang, as_of=as_of.isoformat()),
        subtitle=pick(WORDS["audit.subtitle"], lang),
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=edges,
        redacted=redact,
        options={"nodes": {"scaling": {"min": 12, "max": 32}}},
    )
