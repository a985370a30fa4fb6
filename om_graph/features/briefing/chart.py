"""Stacked horizontal bars as inline SVG: networks per stage, one bar per Land, no library, no script.

Each segment is a stage (or outside the stages) in a colour-blind-safe colour (Okabe-Ito) and
carries its count as text where it fits and as a ``<title>`` tooltip, so the chart reads in
black and white too. Text is escaped; the SVG is made to sit inside the briefing's HTML.

>>> svg = stacked_bars([("Bayern <BY>", {1: 1, 2: 0, 3: 2, 4: 1, "outside": 0}, "+1")], [1, 2, 3, 4, "outside"],
...                    {1: "stage 1", 2: "stage 2", 3: "stage 3", 4: "stage 4", "outside": "outside"}, "change")
>>> svg.startswith("<svg") and "Bayern &lt;BY&gt;" in svg and svg.count("data-place=") == 3
True
"""

from __future__ import annotations

from html import escape
from typing import Sequence

#: Okabe-Ito: distinguishable with every common colour-vision deficiency, and in grey print.
COLOURS: dict[int | str, str] = {1: "#D55E00", 2: "#E69F00", 3: "#56B4E9", 4: "#009E73", "outside": "#999999"}
#: Text on each colour: dark on the light ones, white on the dark ones.
INK: dict[int | str, str] = {1: "#ffffff", 2: "#000000", 3: "#000000", 4: "#ffffff", "outside": "#000000"}

LABEL_WIDTH, BAR_WIDTH, DELTA_WIDTH, ROW, BAR = 190, 420, 90, 22, 16


def stacked_bars(
    rows: Sequence[tuple[str, dict[int | str, int], str]],
    places: Sequence[int | str],
    place_labels: dict[int | str, str],
    delta_title: str | None = None,
) -> str:
    """One bar per row ``(label, counts per place, change text)``, scaled to the largest total."""
    longest = max([sum(counts.get(p, 0) for p in places) for _, counts, _ in rows] + [1])
    width = LABEL_WIDTH + BAR_WIDTH + (DELTA_WIDTH if delta_title else 0)
    top = 18 if delta_title else 0
    legend = _legend_positions(places, place_labels, width)
    legend_y = top + len(rows) * ROW + 12
    height = legend_y + 20 * (max(row for _, _, row in legend) + 1) + 4
    out = [
        f'<svg class="om-bars" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" font-family="sans-serif" font-size="12">'
    ]
    if delta_title:
        out.append(f'<text x="{width - 4}" y="12" text-anchor="end" fill="#555">{escape(delta_title)}</text>')
    for i, (label, counts, delta) in enumerate(rows):
        y = top + i * ROW
        out.append(f'<g class="om-bar" data-label="{escape(label)}">')
        out.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 3}" text-anchor="end">{escape(_short(label))}</text>')
        x = float(LABEL_WIDTH)
        for place in places:
            count = counts.get(place, 0)
            if not count:
                continue
            w = BAR_WIDTH * count / longest
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{COLOURS[place]}" data-place="{place}" '
                f'data-count="{count}"><title>{escape(place_labels[place])}: {count}</title></rect>'
            )
            if w >= 14:
                out.append(f'<text x="{x + w / 2:.1f}" y="{y + BAR - 4}" text-anchor="middle" fill="{INK[place]}">{count}</text>')
            x += w
        if delta_title and delta:
            out.append(f'<text x="{width - 4}" y="{y + BAR - 3}" text-anchor="end">{escape(delta)}</text>')
        out.append("</g>")
    for place, x, row in legend:
        y = legend_y + 20 * row
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{COLOURS[place]}"/>')
        out.append(f'<text x="{x + 16}" y="{y + 10}">{escape(place_labels[place])}</text>')
    out.append("</svg>")
    return "".join(out)


def _legend_positions(places: Sequence[int | str], labels: dict[int | str, str], width: int) -> list[tuple[int | str, int, int]]:
    """Where each legend entry goes: (place, x, row), wrapping before the chart's width."""
    out, x, row = [], 0, 0
    for place in places:
        size = 26 + 7 * len(labels[place])
        if x and x + size > width:
            x, row = 0, row + 1
        out.append((place, x, row))
        x += size
    return out


def _short(label: str, limit: int = 28) -> str:
    """A label that fits left of the bars (the full one is in the row's data and the tables)."""
    return label if len(label) <= limit else label[: limit - 1] + "…"
