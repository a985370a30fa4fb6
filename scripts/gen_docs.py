"""Regenerate the docs pages that come from code: the rule reference, the graph schema, the German examples.

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


def command_example(*args: str) -> str:
    """What ``om-graph ARGS`` prints for the bundled example (stdout only), as a user would see it."""
    from typer.testing import CliRunner

    from om_graph.cli import app

    result = CliRunner().invoke(app, list(args), env={"OM_GRAPH_LANG": "", "OM_GRAPH_CONFIG": ""})
    if result.exit_code not in (0, 1):  # 1: the example has findings on purpose
        raise RuntimeError(f"om-graph {' '.join(args)} failed: {result.output}")
    return result.stdout


def diff_example(lang: str = "de") -> str:
    """``om-graph diff`` of two saved audits of the example half a year apart (renamed: a saved name holds the time)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for day in ("2025-01-31", "2025-06-30"):
            history = Path(folder) / day
            command_example("audit", "--example", "--as-of", day, "--save", str(history), "--format", "json")
            (saved,) = history.iterdir()
            paths.append(str(saved.rename(Path(folder) / f"audit-{day}.json")))
        return command_example("diff", *paths, "--lang", lang, "--format", "markdown")


#: German samples of every human report (docs/examples), from the bundled example.
GERMAN_EXAMPLES = {
    "examples/audit-de.md": lambda: command_example("audit", "--example", "--lang", "de", "--format", "markdown"),
    "examples/audit-de.txt": lambda: command_example("audit", "--example", "--lang", "de"),
    "examples/rules-de.md": lambda: command_example("rules", "--lang", "de", "--format", "markdown"),
    "examples/gaps-de.txt": lambda: command_example("gaps", "--example", "--lang", "de"),
    "examples/ambassadors-coverage-de.txt": lambda: command_example("ambassadors", "coverage", "--example", "--lang", "de"),
    # greedy: the exact planner prints the seconds it took, which differ from run to run
    "examples/ambassadors-plan-de.txt": lambda: command_example(
        "ambassadors", "plan", "--example", "--add", "3", "--method", "greedy", "--lang", "de"
    ),
    "examples/network-stats-de.txt": lambda: command_example("network", "stats", "--example", "--lang", "de"),
    "examples/diff-de.md": diff_example,
}

GENERATED = {
    "rules.md": lambda: render_rules("markdown"),
    "schema.md": schema_markdown,
    "data-format.md": data_format_markdown,
    "examples/briefing-de.html": briefing_example,
    **GERMAN_EXAMPLES,
}


def main() -> None:
    for name, make in GENERATED.items():
        (DOCS / name).parent.mkdir(exist_ok=True)
        (DOCS / name).write_text(make(), encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
