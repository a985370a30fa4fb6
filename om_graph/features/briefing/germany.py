"""The Botschafter coverage on a map of Germany, as a static inline SVG for the briefing (where the geometry exists).

The seam to the map of Germany: the shapes of the Länder and Kreise come from
:mod:`om_graph.dataset.geo` (``load_germany``). Where this om-graph has no such module, or
no region of the coverage level has a known code, :func:`germany_map_svg` returns ``None`` and
the briefing shows the coverage as a table only. A region is found by its ``code`` (the
``places/regions`` query), else by its id where the id is itself an official code (``DE-BY``).

Regions are filled by the share of weight an ambassador covers (none, part, all, nothing to
cover), OM401 regions get a solid black outline, OM404 white spots a dashed one, and the plan's
regions their step number. The attribution the geometry's licence requires is printed below.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from markupsafe import Markup

from om_graph.i18n import t

if TYPE_CHECKING:
    from om_graph.features.briefing.build import Briefing

#: Fills by coverage class (Okabe-Ito based, distinct in grey print by lightness).
FILLS = {"none": "#D55E00", "part": "#F0E442", "full": "#009E73", "empty": "#eeeeee"}


def coverage_class(covered: float, total: float) -> str:
    """``empty`` (nothing to cover), ``none``, ``part`` or ``full``.

    >>> [coverage_class(c, t) for c, t in ((0, 0), (0, 5), (2, 5), (5, 5))]
    ['empty', 'none', 'part', 'full']
    """
    if total <= 0:
        return "empty"
    if covered <= 0:
        return "none"
    return "full" if covered >= total else "part"


def germany_map_svg(b: "Briefing") -> dict | None:
    """The map (``svg`` markup, ``legend`` entries, ``attribution``), or ``None`` where it cannot be drawn."""
    try:
        from om_graph.dataset.geo import load_germany
    except ImportError:
        return None
    germany = load_germany()
    level = b.coverage.level
    shapes = germany.states if level == "state" else germany.districts
    gap_codes = {f.subject_id: f.code for f in b.ambassador_gaps()}
    plan = {p.region_id: i for i, p in enumerate(b.planned, 1)}
    drawn, labels = [], []
    for region in b.coverage.regions:
        code = b.region_codes.get(region.region_id, region.region_id)
        shape = shapes.get(code)
        if shape is None:
            continue
        fill = FILLS[coverage_class(region.weight.covered, region.weight.total)]
        gap = gap_codes.get(region.region_id)
        stroke = ' stroke="#000" stroke-width="28"' if gap == "OM401" else (
            ' stroke="#000" stroke-width="28" stroke-dasharray="60 40"' if gap == "OM404" else ' stroke="#fff" stroke-width="6"')
        tip = escape(f"{region.region_name}" + (f" ({gap})" if gap else ""))
        drawn.append(f'<path d="{escape(shape.path)}" fill="{fill}"{stroke} data-region="{escape(region.region_id)}">'
                     f'<title>{tip}</title></path>')
        if region.region_id in plan:
            x, y = shape.label
            labels.append(f'<circle cx="{x}" cy="{y}" r="170" fill="#000"/><text x="{x}" y="{y + 70}" text-anchor="middle" '
                          f'font-size="200" fill="#fff" font-weight="bold">{plan[region.region_id]}</text>')
    if not drawn:
        return None
    outlines = "".join(f'<path d="{escape(s.path)}" fill="none" stroke="#555" stroke-width="10"/>'
                       for s in germany.states.values()) if level == "district" else ""
    x0, y0, x1, y1 = germany.bbox
    pad = 120
    svg = (f'<svg class="om-germany" role="img" viewBox="{x0 - pad} {y0 - pad} {x1 - x0 + 2 * pad} {y1 - y0 + 2 * pad}" '
           f'font-family="sans-serif">{"".join(drawn)}{outlines}{"".join(labels)}</svg>')
    lang = b.lang
    legend = [
        (FILLS["none"], t("briefing.map.none", lang)),
        (FILLS["part"], t("briefing.map.part", lang)),
        (FILLS["full"], t("briefing.map.full", lang)),
        (FILLS["empty"], t("briefing.map.empty", lang)),
    ]
    return {"svg": Markup(svg), "legend": legend, "outlines": t("briefing.map.outlines", lang),
            "attribution": f"{t('map.attribution.source', lang)}: {germany.attribution}, {germany.licence}"}
