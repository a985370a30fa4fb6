"""Colours everyone can tell apart, and a shape or pattern beside each colour.

The eight colours of Okabe and Ito ("Color Universal Design", 2002/2008) stay distinct for the
common forms of colour blindness. A stage or a coverage class never relies on colour alone:
stages also differ in marker shape (1 triangle, 2 diamond, 3 square, 4 circle) and coverage
in fill pattern (full: solid, partial: diagonal lines, none: cross-hatch), so a map printed in
grey still reads.
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#999999"
LIGHT_GREY = "#d9d9d9"

#: Implementation stage -> (colour, vis-network shape, SVG marker symbol).
STAGES = {
    1: (OKABE_ITO["vermillion"], "triangle", "triangle"),
    2: (OKABE_ITO["orange"], "diamond", "diamond"),
    3: (OKABE_ITO["sky_blue"], "square", "square"),
    4: (OKABE_ITO["bluish_green"], "dot", "circle"),
}

#: Coverage class -> (colour, SVG pattern: solid, lines or cross).
COVERAGE = {
    "full": (OKABE_ITO["bluish_green"], "solid"),
    "partial": (OKABE_ITO["yellow"], "lines"),
    "none": (OKABE_ITO["vermillion"], "cross"),
    "empty": ("#f4f4f4", "solid"),
}
#: Outlines of the ambassador gaps on the map: OM401 solid, OM404 (white spot) dashed.
GAP_OUTLINE = {"OM401": (OKABE_ITO["black"], False), "OM404": (OKABE_ITO["reddish_purple"], True)}
PLAN_COLOUR = OKABE_ITO["blue"]

NETWORK_KIND = {"regional": (OKABE_ITO["blue"], "dot"), "thematic": (OKABE_ITO["reddish_purple"], "square")}
BRIDGING = (OKABE_ITO["orange"], "diamond")
STATE_NODE = (OKABE_ITO["sky_blue"], "hexagon")
AMBASSADOR = (OKABE_ITO["black"], "star")
SHARED_LINK = GREY
COOPERATION_LINK = OKABE_ITO["vermillion"]
MEMBERSHIP_LINK = OKABE_ITO["orange"]


def fill(pattern: str, colour: str, prefix: str = "om-pattern") -> str:
    """The SVG ``fill`` of a coverage class: a plain colour, or the pattern drawn over it."""
    return colour if pattern == "solid" else f"url(#{prefix}-{pattern}-{colour.lstrip('#').lower()})"


def svg_patterns(fills: list[tuple[str, str]], size: float, prefix: str = "om-pattern") -> str:
    """``<pattern>`` definitions, cells of ``size`` user units, for the (pattern, colour) pairs that are not solid."""
    out = []
    width = size / 7
    for pattern, colour in sorted(set(fills)):
        if pattern == "solid":
            continue
        ident = fill(pattern, colour, prefix)[5:-1]
        strokes = f'<path d="M0 {size}L{size} 0" stroke="#000" stroke-width="{width:.1f}" stroke-opacity="0.6"/>'
        if pattern == "cross":
            strokes += f'<path d="M0 0L{size} {size}" stroke="#000" stroke-width="{width:.1f}" stroke-opacity="0.6"/>'
        out.append(
            f'<pattern id="{ident}" patternUnits="userSpaceOnUse" width="{size}" height="{size}">'
            f'<rect width="{size}" height="{size}" fill="{colour}"/>{strokes}</pattern>'
        )
    return "".join(out)
