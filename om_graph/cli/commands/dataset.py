"""om-graph validate, example and generate: check a dataset, or write one to start from."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import Lang, LangOpt
from om_graph.cli.source import DATASET, Source, takes_source
from om_graph.i18n import t


class DataFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    yaml = "yaml"


@takes_source(DATASET)
def validate(source: Source, lang: LangOpt = Lang.en) -> None:
    """Check a dataset: types, required fields, unique ids and every reference. Reports all problems."""
    with reported_errors():
        dataset = source.dataset()
    records = sum(len(dataset.records(s)) for s in type(dataset).model_fields)
    sheets = sum(1 for s in type(dataset).model_fields if dataset.records(s))
    typer.echo(t("validate.ok", lang.value, path=source.path or "example", records=records, sheets=sheets))


def example(
    target: Annotated[Path, typer.Argument(help="Folder (csv) or file (xlsx, yaml) to write the example to.")],
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", help="Format to write.")] = DataFormat.yaml,
) -> None:
    """Write the bundled example dataset, to start your own from it."""
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.sources import example_dataset

    with reported_errors():
        dest = target
        if fmt != DataFormat.csv and target.suffix == "":
            dest = target / f"om-example.{fmt.value}"
        write_dataset(example_dataset(), dest, fmt.value)
    typer.echo(f"wrote {dest}")


def generate(
    target: Annotated[Path, typer.Argument(help="Folder (csv) or file (xlsx, yaml) to write the landscape to.")],
    scale: Annotated[float, typer.Option("--scale", help="1 = OM's size today; everything but regions grows linearly.")] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same files.")] = 1,
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", help="Format to write.")] = DataFormat.csv,
) -> None:
    """Write a synthetic, Germany-sized landscape of networks for trials and benchmarks."""
    from om_graph.dataset.io import write_dataset
    from om_graph.synth import generate_landscape

    with reported_errors():
        dataset = generate_landscape(scale, seed)
        write_dataset(dataset, target, fmt.value)
    typer.echo(f"wrote {target}: {len(dataset.networks)} networks, {len(dataset.organisations)} organisations, "
               f"{len(dataset.memberships)} memberships (scale {scale:g}, seed {seed})")
