"""The installed wheel carries what the package reads at run time: Cypher files, the example, the word catalogues."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from om_graph.queries.registry import all_queries

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_cypher_files_and_example(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("om_graph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for query in all_queries():
        assert f"om_graph/cypher/{query.cypher_file}" in names
    assert {"om_graph/cypher/schema.cypher", "om_graph/cypher/stages.cypher", "om_graph/dataset/data/example.yaml", "om_graph/dataset/data/regions_de.yaml"} <= names
    assert {"om_graph/i18n/en.yaml", "om_graph/i18n/de.yaml"} <= names, "the word catalogues"
