"""om-graph regions de: Germany's Länder and Kreise and their borders as input sheets, so nobody types 400 Kreise."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors

app = typer.Typer(
    help="Write the regions of a country as input sheets (regions and borders) to start a dataset from.",
    no_args_is_help=True,
)


class SheetFormat(StrEnum):
    csv = "csv"
    csv_de = "csv-de"
    xlsx = "xlsx"
    yaml = "yaml"


@app.command("de")
def germany(
    target: Annotated[Path, typer.Argument(help="Folder (csv) or file (xlsx, yaml) to write the sheets to.")],
    fmt: Annotated[SheetFormat, typer.Option("--format", "-f", help="Format to write.")] = SheetFormat.csv,
) -> None:
    """Germany: the country, 16 Länder (ISO 3166-2), 400 Kreise (Kreisschlüssel) and every border between them.

    Borders come from the official boundaries (BKG VG5000, © GeoBasis-DE / BKG 2021): two
    regions border when they share a line. A CSV folder that already holds other sheets is
    refused, so no dataset is overwritten.
    """
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.model import Dataset, RECORD_TYPES
    from om_graph.errors import UsageError
    from om_graph.synth.geography import load_geo, region_records

    with reported_errors():
        dest = target
        if fmt in (SheetFormat.xlsx, SheetFormat.yaml) and target.suffix == "":
            dest = target / f"regions-de.{fmt.value}"
        if fmt in (SheetFormat.csv, SheetFormat.csv_de) and dest.is_dir():
            others = sorted(
                f"{r.sheet}.csv" for r in RECORD_TYPES
                if r.sheet not in ("regions", "borders") and (dest / f"{r.sheet}.csv").exists()
            )
            if others:
                raise UsageError(f"{dest}: holds other sheets ({', '.join(others)}); write the regions to a new folder")
        regions, borders = region_records(load_geo())
        write_dataset(Dataset(regions=regions, borders=borders), dest, fmt.value)
    from om_graph.cli.language import ui_lang
    from om_graph.i18n import t

    lang = ui_lang()
    detail = t("progress.regions", lang, regions=len(regions), borders=len(borders))
    typer.echo(t("progress.wrote_detail", lang, path=dest, detail=detail))
