"""The packaged map of Germany: what scripts/build_geo.py builds, the borders it computes, and `om-graph regions de`."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.geo import load_germany
from om_graph.dataset.io import read_dataset
from om_graph.synth.geography import load_geo

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_geo.py"


def build_script():
    spec = importlib.util.spec_from_file_location("build_geo", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_geo"] = module
    spec.loader.exec_module(module)
    return module


def test_package_file_is_what_the_script_builds() -> None:
    """Staleness check: rebuild from ../shared/geo and compare byte for byte (needs shapely and the source)."""
    shapely = pytest.importorskip("shapely", reason="the rebuild needs shapely: pip install -e '.[geo]'")
    script = build_script()
    if not (script.SOURCE / "vg5000_2021_kreise.geojson").exists():
        pytest.skip(f"the official boundaries are not at {script.SOURCE}")
    built_with = re.search(r'"built_with":"([^"]+)"', script.TARGET.read_text(encoding="utf-8")).group(1)
    here = f"shapely {shapely.__version__}, GEOS {'.'.join(map(str, shapely.geos_version))}"
    if built_with != here:
        pytest.skip(f"the package file was built with {built_with}, this machine has {here}: simplification may differ")
    assert script.render(script.build()) == script.TARGET.read_text(encoding="utf-8"), "run python scripts/build_geo.py"


def test_germany_has_its_laender_and_todays_kreise() -> None:
    germany = load_germany()
    assert len(germany.states) == 16 and len(germany.districts) == 400
    assert "16056" not in germany.districts, "Eisenach belongs to the Wartburgkreis since 1 July 2021"
    assert {d.state for d in germany.districts.values()} == set(germany.states)
    assert germany.attribution == "© GeoBasis-DE / BKG 2021 (Daten verändert)"


def test_shapes_lie_where_they_are() -> None:
    """Screen coordinates: x grows eastwards, y southwards."""
    states = load_germany().states
    by, nw, sh = states["DE-BY"].centroid, states["DE-NW"].centroid, states["DE-SH"].centroid
    assert by[0] > nw[0] and by[1] > nw[1], "Bayern lies south-east of Nordrhein-Westfalen"
    assert sh[1] < nw[1], "Schleswig-Holstein lies north of Nordrhein-Westfalen"
    assert states["DE-BY"].area_km2 == max(s.area_km2 for s in states.values())
    assert 60_000 < states["DE-BY"].area_km2 < 80_000


def test_borders_are_computed_from_the_shapes() -> None:
    germany = load_germany()
    assert ("DE-BE", "DE-BB") in germany.state_borders or ("DE-BB", "DE-BE") in germany.state_borders
    berlin = {b if a == "11000" else a for a, b in germany.district_borders if "11000" in (a, b)}
    assert berlin and all(code.startswith("12") for code in berlin), "Berlin borders only Brandenburg's Kreise"
    assert ("09162", "09184") in germany.district_borders, "München and Landkreis München"
    assert ("01056", "03359") not in germany.district_borders, "Pinneberg and Stade face each other across the Elbe only"
    for a, b in germany.district_borders:
        assert a < b
        if a[:2] != b[:2]:
            states = {germany.districts[a].state, germany.districts[b].state}
            assert tuple(sorted(states)) in germany.state_borders


def test_the_generator_uses_the_computed_borders() -> None:
    geo = load_geo()
    germany = load_germany()
    pairs = {tuple(sorted((geo.district_ids[a], geo.district_ids[b]))) for a, b in geo.district_borders}
    assert pairs == set(germany.district_borders)
    assert all(geo.district_neighbours), "every Kreis has a neighbour"


runner = CliRunner()


def test_regions_de_writes_input_sheets_that_validate(tmp_path) -> None:
    out = tmp_path / "regions"
    result = runner.invoke(app, ["regions", "de", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["borders.csv", "regions.csv"]
    dataset = read_dataset(out)
    germany = load_germany()
    assert len(dataset.regions) == 1 + 16 + 400
    codes = {r.code for r in dataset.regions}
    assert set(germany.states) | set(germany.districts) <= codes
    assert len(dataset.borders) == len(germany.state_borders) + len(germany.district_borders)


def test_regions_de_refuses_a_folder_with_other_sheets(tmp_path) -> None:
    (tmp_path / "networks.csv").write_text("id,name,kind\n", encoding="utf-8")
    result = runner.invoke(app, ["regions", "de", str(tmp_path)])
    assert result.exit_code == 2 and "networks.csv" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["networks.csv"]


def test_regions_de_writes_a_workbook(tmp_path) -> None:
    result = runner.invoke(app, ["regions", "de", str(tmp_path / "de.xlsx"), "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    assert len(read_dataset(tmp_path / "de.xlsx").regions) == 417
