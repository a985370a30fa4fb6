"""om-graph validate, example and generate: check a dataset, or write one to start from."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.language import ui_lang
from om_graph.cli.options import ForceOpt, Lang, LangOpt
from om_graph.cli.source import DATASET, Source, takes_source
from om_graph.cli.target import SUFFIX_FORMATS, holds_dataset
from om_graph.errors import UsageError
from om_graph.i18n import format_number, t


class DataFormat(StrEnum):
    csv = "csv"
    csv_de = "csv-de"
    xlsx = "xlsx"
    yaml = "yaml"
    json = "json"


@takes_source(DATASET)
def validate(source: Source, lang: LangOpt = Lang.en) -> None:
    """Check a dataset: types, required fields, unique ids and every reference. Reports all problems."""
    with reported_errors():
        dataset = source.dataset()
    records = sum(len(dataset.records(s)) for s in type(dataset).model_fields)
    sheets = sum(1 for s in type(dataset).model_fields if dataset.records(s))
    typer.echo(t("validate.ok", lang.value, path=source.path or t("source.example", lang.value), records=records, sheets=sheets))


def example(
    target: Annotated[Path, typer.Argument(help="Folder (csv, csv-de) or file (xlsx, yaml, json) to write the example to.")],
    fmt: Annotated[
        Optional[DataFormat],
        typer.Option("--format", "-f", help="Format to write (default: the file's extension, else yaml).", show_default=False),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Write the bundled example dataset, to start your own from it."""
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.sources import example_dataset

    with reported_errors():
        dest, chosen = _destination(target, fmt, DataFormat.yaml, "om-example", force)
        write_dataset(example_dataset(), dest, chosen.value)
    typer.echo(_wrote(dest))


#: The largest landscape: scale 1000 (about 4 million rows) takes about 5 GB of memory and two
#: minutes to write (docs/benchmarks.md); memory grows linearly, so 1e6 would need terabytes.
MAX_SCALE = 1000


def generate(
    target: Annotated[Path, typer.Argument(help="Folder (csv, csv-de) or file (xlsx, yaml, json) to write the landscape to.")],
    scale: Annotated[
        float, typer.Option("--scale", help=f"1 = OM's size today; everything but regions grows linearly (at most {MAX_SCALE}).")
    ] = 1.0,
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same files.")] = 1,
    fmt: Annotated[
        Optional[DataFormat],
        typer.Option("--format", "-f", help="Format to write (default: the file's extension, else csv).", show_default=False),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Write a synthetic, Germany-sized landscape of networks for trials and benchmarks."""
    from om_graph.dataset.io import write_dataset
    from om_graph.synth import generate_landscape

    with reported_errors():
        if scale > MAX_SCALE:
            raise UsageError(f"--scale {scale:g}: at most {MAX_SCALE} (scale 1000 needs about 5 GB of memory; "
                             "memory grows with the scale)")
        dest, chosen = _destination(target, fmt, DataFormat.csv, "om-landscape", force)
        dataset = generate_landscape(scale, seed)
        write_dataset(dataset, dest, chosen.value)
    lang = ui_lang()
    detail = t("progress.generated", lang, networks=len(dataset.networks), organisations=len(dataset.organisations),
               memberships=len(dataset.memberships), scale=format_number(scale, lang), seed=seed)
    typer.echo(_wrote(dest, detail, lang))


def _wrote(dest: Path, detail: str | None = None, lang: str | None = None) -> str:
    """``wrote DEST`` (``geschrieben: DEST``) for stdout: writing a dataset is these commands' result."""
    lang = lang or ui_lang()
    return t("progress.wrote_detail", lang, path=dest, detail=detail) if detail else t("progress.wrote", lang, path=dest)


def _destination(target: Path, fmt: DataFormat | None, default: DataFormat, stem: str, force: bool) -> tuple[Path, DataFormat]:
    """Where a new dataset goes and in which format: ``--format``, else the file's extension, else ``default``.

    A CSV dataset is a folder; a file format into a folder (or a name without extension) writes
    ``stem.<format>`` inside it. A mismatch of ``--format`` and extension is refused, and so is a
    target holding a dataset already, unless ``force``.
    """
    suffix = target.suffix.lower()
    implied = SUFFIX_FORMATS.get(suffix)
    if suffix == ".csv":
        raise UsageError(f"{target}: a CSV dataset is a folder of files, one per sheet; give a folder name")
    if implied is not None and implied not in DataFormat.__members__:
        raise UsageError(f"{target}: a dataset cannot be written as {suffix}; use .xlsx, .yaml, .json or a folder")
    if fmt is not None and implied is not None and fmt.value != implied:
        raise UsageError(f"{target}: a {suffix} file cannot hold --format {fmt.value}; give --format {implied}, "
                         "or a file name that matches")
    chosen = fmt or (DataFormat(implied) if implied else default)
    dest = target
    if chosen not in (DataFormat.csv, DataFormat.csv_de) and implied is None:
        dest = target / f"{stem}.{chosen.value}"
    taken = holds_dataset(dest)
    if taken and not force:
        raise UsageError(f"{taken}; writing would replace it (give another name, or --force)")
    return dest, chosen
