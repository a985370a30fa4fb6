"""Regenerate the docs pages that come from code: the rule reference and the graph schema.

Run ``python scripts/gen_docs.py`` after changing a rule or the model; a test fails while
the committed pages differ from what this writes.
"""

from __future__ import annotations

from pathlib import Path

from om_graph.audit.reference import render_rules
from om_graph.dataset.graph import schema_markdown
from om_graph.dataset.docs import data_format_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"
GENERATED = {
    "rules.md": lambda: render_rules("markdown"),
    "schema.md": schema_markdown,
    "data-format.md": data_format_markdown,
}


def main() -> None:
    for name, make in GENERATED.items():
        (DOCS / name).write_text(make(), encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
