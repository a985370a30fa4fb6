"""om-graph rules and om-graph schema: what om-graph checks, and what it reads."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import Lang, LangOpt, OutputOpt
from om_graph.cli.progress import deliver
from om_graph.cli.target import format_for_output, format_given


class CatalogueFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class SchemaFormat(StrEnum):
    json = "json"
    markdown = "markdown"


def rules(
    fmt: Annotated[CatalogueFormat, typer.Option("--format", "-f", help="Output format.")] = CatalogueFormat.table,
    lang: LangOpt = Lang.en,
    output: OutputOpt = None,
) -> None:
    """List the rule catalogue: code, severity, clause cited and parameters."""
    from om_graph.audit.reference import render_rules

    with reported_errors():
        fmt = format_for_output(fmt, output, format_given())  # -o rules.json means json
        deliver(render_rules(fmt.value, lang.value), output)


def schema(
    fmt: Annotated[
        SchemaFormat, typer.Option("--format", "-f", help="json = JSON Schema of the input; markdown = graph schema page.")
    ] = SchemaFormat.json,
    output: OutputOpt = None,
) -> None:
    """Print the JSON Schema of the input data, or the graph schema as Markdown."""
    from om_graph.dataset.graph import schema_markdown
    from om_graph.dataset.model import Dataset

    with reported_errors():
        fmt = format_for_output(fmt, output, format_given())
        if fmt == SchemaFormat.json:
            text = json.dumps(Dataset.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
        else:
            text = schema_markdown()
        deliver(text, output)
