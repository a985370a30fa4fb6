"""The network-of-networks map: networks sized by partners, linked by shared partners.

Edge width is the number of shared partners; a cooperation on record draws the link dashed
and orange. Bridging organisations, as ``om-graph network stats`` defines them (without them
some of their networks would have no chain of shared partners left), appear as diamonds
linked to each of their networks, so a user sees who holds the landscape together. The
metrics come from :mod:`om_graph.features.network.stats`, so map and statistics agree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from om_graph.queries.registry import run_query
from om_graph.i18n import t
from om_graph.features.network.stats import Link, stats_from_rows
from om_graph.features.maps.build import LegendEntry, Map

KIND_COLOURS = {"regional": "#4575b4", "thematic": "#8e63b5"}
BRIDGING_COLOUR = "#e7298a"
SHARED_COLOUR = "#9e9e9e"
COOPERATION_COLOUR = "#e08214"
MEMBERSHIP_COLOUR = "#f1b6da"



def networks_map(engine: Any, *, lang: str = "en", as_of: dt.date | None = None, redacted: bool = False) -> Map:
    """Every network, every link between two networks, and every bridging organisation.

    ``as_of`` (the date the data describes) follows the title; the map names organisations
    only, so ``redacted`` changes nothing but the subtitle.
    """
    networks = run_query(engine, "network/networks")
    memberships = run_query(engine, "network/memberships")
    stats = stats_from_rows(networks, run_query(engine, "network/links"), memberships)
    names = {n.id: n.name for n in stats.networks}
    nodes = [
        {
            "id": f"network:{n.id}",
            "label": n.name,
            "title": t(
                "map.tip.network", lang, name=n.name, kind=t(f"map.kind.{n.kind}", lang), status=n.status,
                partners=n.partners, degree=n.degree, betweenness=f"{n.betweenness:.3f}", community=n.community,
            ),
            "category": n.kind,
            "color": KIND_COLOURS[n.kind],
            "shape": "dot",
            "value": max(n.partners, 1),
        }
        for n in stats.networks
    ]
    edges = [_link_edge(link, names, lang) for link in stats.links]
    networks_of: dict[str, list[str]] = defaultdict(list)
    for row in memberships:
        networks_of[row["organisation_id"]].append(row["network_id"])
    for org in stats.organisations:
        if not org.bridging:
            continue
        nodes.append(
            {
                "id": f"organisation:{org.id}",
                "label": org.name,
                "title": t(
                    "map.tip.bridging", lang, name=org.name, count=org.networks,
                    networks="\n".join(sorted(names[n] for n in networks_of[org.id])),
                ),
                "category": "bridging",
                "color": BRIDGING_COLOUR,
                "shape": "diamond",
                "value": 1,
            }
        )
        edges.extend(
            {"from": f"organisation:{org.id}", "to": f"network:{n}", "color": MEMBERSHIP_COLOUR,
             "value": 1, "category": "membership"}
            for n in sorted(networks_of[org.id])
        )
    legend = [
        LegendEntry("regional", t("map.legend.regional", lang), KIND_COLOURS["regional"]),
        LegendEntry("thematic", t("map.legend.thematic", lang), KIND_COLOURS["thematic"]),
        LegendEntry("bridging", t("map.legend.bridging", lang), BRIDGING_COLOUR, shape="diamond"),
        LegendEntry("shared", t("map.legend.shared", lang), SHARED_COLOUR, target="edge"),
        LegendEntry("cooperation", t("map.legend.cooperation", lang), COOPERATION_COLOUR, target="edge", dashes=True),
        LegendEntry("membership", t("map.legend.membership", lang), MEMBERSHIP_COLOUR, target="edge"),
    ]
    return Map(
        title=t("map.networks.title", lang) + (f" ({as_of.isoformat()})" if as_of else ""),
        subtitle=t("map.networks.subtitle", lang),
        lang=lang,
        legend=legend,
        nodes=nodes,
        edges=edges,
        redacted=redacted,
    )


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
        "color": COOPERATION_COLOUR if cooperation else SHARED_COLOUR,
        "dashes": cooperation,
        "category": "cooperation" if cooperation else "shared",
    }
