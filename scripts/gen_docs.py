"""Regenerate the docs pages that come from code: the rule reference, the graph schema, the example briefing.

Run ``python scripts/gen_docs.py`` after changing a rule or the model; a test fails while
the committed pages differ from what this writes.
"""

from __future__ import annotations

from pathlib import Path

from om_graph.audit.reference import render_rules
from om_graph.dataset.graph import schema_markdown
from om_graph.dataset.docs import data_format_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


def briefing_example(lang: str = "de") -> str:
    """The Leitungskreis briefing of the bundled example, exactly as ``om-graph briefing --example`` writes it."""
    import tempfile

    from typer.testing import CliRunner

    from om_graph.cli import app

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "briefing.html"
        result = CliRunner().invoke(app, ["briefing", "--example", "--lang", lang, "--output", str(page)])
        if result.exit_code != 0:
            raise RuntimeError(f"om-graph briefing failed: {result.output}")
        return page.read_text(encoding="utf-8")


GENERATED = {
    "rules.md": lambda: render_rules("markdown"),
    "schema.md": schema_markdown,
    "data-format.md": data_format_markdown,
    "examples/briefing-de.html": briefing_example,
}


def main() -> None:
    for name, make in GENERATED.items():
        (DOCS / name).parent.mkdir(exist_ok=True)
        (DOCS / name).write_text(make(), encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
