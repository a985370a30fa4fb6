"""Build om-graph's small map of Germany from the official boundaries: ``om_graph/dataset/data/geo_de.json``.

Input: BKG VG5000 (as of 1 January 2021, ``../shared/geo/``, Datenlizenz Deutschland
Namensnennung 2.0). Steps, each deterministic:

1. Read the 401 Kreise; merge Eisenach (16056) into the Wartburgkreis (16063), as since
   1 July 2021, giving today's 400 Kreise keyed by their AGS (Kreisschlüssel).
2. Neighbours from the full geometry: two Kreise border when their boundaries share a line
   (more than ``MIN_SHARED_KM``), not just a point; two Länder when two of their Kreise do.
3. Project to a plane (spherical Lambert azimuthal equal-area centred on Germany, kilometres,
   y pointing south as on screen), so the package draws maps without a geometry library.
4. Simplify the Kreise as one coverage (``shapely.coverage_simplify``, tolerance
   ``TOLERANCE_KM``): shared borders are simplified once, so neighbours still meet without
   gaps or overlaps. The Länder are the union of their simplified Kreise.
5. Write SVG path data (relative moves, coordinates in tenths of a kilometre), the label point
   (pole of inaccessibility) and centroid of each region, and the neighbours.

Needs shapely >= 2.1 (``pip install -e '.[geo]'``) at build time only.

    python scripts/build_geo.py            # rewrite the package file
    python scripts/build_geo.py --check    # exit 1 if the package file differs from a fresh build
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "geo"
TARGET = ROOT / "om_graph" / "dataset" / "data" / "geo_de.json"
#: om-graph's names of the Kreise ("Landkreis Rostock" beside the city of Rostock, where BKG says "Rostock" twice).
NAMES = ROOT / "om_graph" / "dataset" / "data" / "regions_de.yaml"

#: Douglas-Peucker tolerance of the coverage simplification, in kilometres.
TOLERANCE_KM = 1.2
#: Parts smaller than this (islets, in km²) are dropped after simplification; the largest part always stays.
MIN_PART_KM2 = 4.0
#: Two regions border when their common boundary is longer than this (km); a shared point is not a border.
MIN_SHARED_KM = 0.05
#: Path coordinates are written in units of 1/UNITS_PER_KM km.
UNITS_PER_KM = 10
#: Centre of the projection (degrees): about the middle of Germany.
LON0, LAT0 = 10.45, 51.16
EARTH_RADIUS_KM = 6371.0

STATE_CODES = {
    "01": "DE-SH", "02": "DE-HH", "03": "DE-NI", "04": "DE-HB", "05": "DE-NW", "06": "DE-HE",
    "07": "DE-RP", "08": "DE-BW", "09": "DE-BY", "10": "DE-SL", "11": "DE-BE", "12": "DE-BB",
    "13": "DE-MV", "14": "DE-SN", "15": "DE-ST", "16": "DE-TH",
}
#: Thuringian reform of 1 July 2021: Eisenach joined the Wartburgkreis.
MERGED = {"16056": "16063"}
ATTRIBUTION = "© GeoBasis-DE / BKG 2021 (Daten verändert)"
LICENCE = "Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)"
SOURCE_NOTE = "BKG VG5000, Ebenen, Stand 01.01.2021; simplified and projected by scripts/build_geo.py"


def project(lon: float, lat: float) -> tuple[float, float]:
    """Spherical Lambert azimuthal equal-area, km from the centre, y growing southwards (screen order)."""
    lam, phi = math.radians(lon - LON0), math.radians(lat)
    phi0 = math.radians(LAT0)
    k = math.sqrt(2 / (1 + math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)))
    x = EARTH_RADIUS_KM * k * math.cos(phi) * math.sin(lam)
    y = EARTH_RADIUS_KM * k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
    return x, -y


def build(source: Path = SOURCE) -> dict:
    import shapely
    from shapely.geometry import MultiPolygon, Polygon, shape

    import yaml

    ours = {str(k): v for state in yaml.safe_load(NAMES.read_text(encoding="utf-8"))["states"]
            for k, v in state["districts"].items()}
    raw = json.loads((source / "vg5000_2021_kreise.geojson").read_text(encoding="utf-8"))
    parts: dict[str, list] = {}
    names: dict[str, str] = {}
    for feature in raw["features"]:
        ars = feature["properties"]["ARS"]
        key = MERGED.get(ars, ars)
        geometry = shapely.transform(shape(feature["geometry"]), _projected)
        parts.setdefault(key, []).append(shapely.make_valid(geometry))
        if ars not in MERGED:
            names[key] = ours.get(key, feature["properties"]["GEN"])
    keys = sorted(parts)
    full = [shapely.union_all(parts[k]) for k in keys]

    tree = shapely.STRtree(full)
    district_borders = []
    for i, j in zip(*tree.query(full, predicate="intersects")):
        if i < j and full[i].boundary.intersection(full[j].boundary).length > MIN_SHARED_KM:
            district_borders.append((keys[i], keys[j]))
    district_borders.sort()
    state_borders = sorted({tuple(sorted((STATE_CODES[a[:2]], STATE_CODES[b[:2]])))
                            for a, b in district_borders if a[:2] != b[:2]})

    simplified = [_clean(g, Polygon, MultiPolygon) for g in shapely.coverage_simplify(full, TOLERANCE_KM)]
    districts = {}
    for key, geometry in zip(keys, simplified):
        districts[key] = _region(names[key], geometry, state=STATE_CODES[key[:2]])
    states = {}
    for prefix, code in sorted(STATE_CODES.items(), key=lambda item: item[1]):
        members = [g for k, g in zip(keys, simplified) if k[:2] == prefix]
        states[code] = _region(None, _clean(shapely.coverage_union_all(members), Polygon, MultiPolygon))
    bounds = shapely.union_all(simplified).bounds
    return {
        "attribution": ATTRIBUTION,
        "licence": LICENCE,
        "source": SOURCE_NOTE,
        "projection": f"Lambert azimuthal equal-area (sphere R={EARTH_RADIUS_KM:g} km) at {LON0}E {LAT0}N; y southwards",
        "units_per_km": UNITS_PER_KM,
        "tolerance_km": TOLERANCE_KM,
        "min_part_km2": MIN_PART_KM2,
        "built_with": f"shapely {shapely.__version__}, GEOS {'.'.join(map(str, shapely.geos_version))}",
        "bbox": [_unit(v) for v in bounds],
        "states": states,
        "districts": districts,
        "state_borders": [list(pair) for pair in state_borders],
        "district_borders": [list(pair) for pair in district_borders],
    }


def _projected(coords):
    import numpy

    return numpy.array([project(lon, lat) for lon, lat in coords])


def _clean(geometry, polygon_type, multi_type):
    """Polygons only, islets below MIN_PART_KM2 dropped (the largest part always kept), largest first."""
    polygons = [g for g in getattr(geometry, "geoms", [geometry]) if isinstance(g, polygon_type) and not g.is_empty]
    polygons.sort(key=lambda p: (-p.area, p.bounds))
    kept = polygons[:1] + [p for p in polygons[1:] if p.area >= MIN_PART_KM2]
    return multi_type(kept)


def _region(name: str | None, geometry, state: str | None = None) -> dict:
    from shapely.ops import polylabel

    largest = geometry.geoms[0]
    label = polylabel(largest, tolerance=0.5)
    centroid = geometry.centroid
    region = {
        "path": _path(geometry),
        "centroid": [_unit(centroid.x), _unit(centroid.y)],
        "label": [_unit(label.x), _unit(label.y)],
        "area_km2": round(geometry.area),
    }
    if name is not None:
        region["name"] = name
    if state is not None:
        region["state"] = state
    return region


def _unit(value: float) -> int:
    return round(value * UNITS_PER_KM)


def _path(geometry) -> str:
    """SVG path data: one subpath per ring, relative moves on the integer grid, closed with z."""
    out = []
    x0 = y0 = 0
    for polygon in geometry.geoms:
        for ring in [polygon.exterior, *polygon.interiors]:
            points = []
            for x, y in list(ring.coords)[:-1]:
                point = (_unit(x), _unit(y))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 3:
                continue
            first = points[0]
            out.append(f"m{first[0] - x0} {first[1] - y0}")
            moves = [f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:])]
            out.append("l" + " ".join(moves) + "z")
            x0, y0 = first  # after z the current point is the subpath's start
    return "".join(out).replace(" -", "-")


def _points(path: str) -> int:
    """Points of an SVG path as written by :func:`_path`: one per coordinate pair."""
    import re

    return len(re.findall(r"-?\d+", path)) // 2


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="folder with the VG5000 GeoJSON files")
    parser.add_argument("--check", action="store_true", help="exit 1 if the package file is not what this builds")
    args = parser.parse_args(argv)
    text = render(build(args.source))
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python scripts/build_geo.py", file=sys.stderr)
            return 1
        print(f"{TARGET.relative_to(ROOT)} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    data = json.loads(text)
    points = sum(_points(r["path"]) for r in data["districts"].values())
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(text.encode()):,} bytes, {len(data['states'])} Länder, "
          f"{len(data['districts'])} Kreise of {points:,} points, {len(data['district_borders'])} Kreis borders, "
          f"{len(data['state_borders'])} Land borders")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
