"""The house rules of the package: no import cycle, small modules, a short top floor.

The layers themselves (cli -> features -> audit -> queries -> engines -> dataset) are
import-linter contracts in pyproject.toml, checked by ``lint-imports`` in CI.
"""

from __future__ import annotations

from pathlib import Path

import grimp
import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "om_graph"
MAX_LINES = 400
MAX_TOP_ENTRIES = 15


def test_no_import_cycle() -> None:
    imports = grimp.build_graph("om_graph", exclude_type_checking_imports=True)
    graph = nx.DiGraph()
    for module in imports.modules:
        graph.add_node(module)
        graph.add_edges_from((module, other) for other in imports.find_modules_directly_imported_by(module))
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, cycles


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_top_floor_has_at_most_15_entries() -> None:
    entries = [p.name for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    assert len(entries) <= MAX_TOP_ENTRIES, sorted(entries)
