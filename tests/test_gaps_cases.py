"""Every gap kind's firing and passing cases, from tests/gap_cases/<kind>.yml, on the embedded engine.

A case file holds a ``kind``, a ``base`` dataset and named ``cases``; each case adds sheets to
the base (as in tests/rule_cases), may set a ``region`` filter, and lists the gaps it
``expect`` s by side ``a``, side ``b`` and ``region``, with ``region_path`` and ``evidence``
compared where given. Test ids are ``<kind>_<case>``: ``pytest -k unlinked_border``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from casefiles import merge
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.gaps.find import all_kinds, find_gaps
from om_graph.dataset.model import Dataset
from om_graph.dataset.sources import example_dataset

CASES_DIR = Path(__file__).parent / "gap_cases"


@dataclass
class GapCase:
    kind: str
    name: str
    dataset: Dataset
    region: str | None
    expect: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.kind}_{self.name}"


def load_gap_cases(path: Path) -> list[GapCase]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        GapCase(
            kind=doc["kind"],
            name=case["name"],
            dataset=Dataset.model_validate(merge(doc.get("base"), case.get("data"))),
            region=case.get("region"),
            expect=case.get("expect") or [],
        )
        for case in doc["cases"]
    ]


CASES = [c for path in sorted(CASES_DIR.glob("*.yml")) for c in load_gap_cases(path)]


def gaps_of(case: GapCase, engine) -> list[dict[str, Any]]:
    """The case's gaps in the form cases are written in."""
    return [
        {"a": g.a_id, "b": g.b_id, "region": g.region_id, "region_path": sorted(g.region_path), "evidence": g.evidence}
        for g in find_gaps(engine, kinds=[case.kind], region=case.region)
    ]


def assert_case(case: GapCase, found: list[dict[str, Any]]) -> None:
    key = lambda row: (row["a"], row.get("b") or "")  # noqa: E731
    assert sorted((f["a"], f["b"], f["region"]) for f in found) == sorted(
        (e["a"], e.get("b"), e["region"]) for e in case.expect
    ), found
    by_sides = {key(f): f for f in found}
    for expected in case.expect:
        for detail in ("region_path", "evidence"):
            if detail in expected:
                want = sorted(expected[detail]) if detail == "region_path" else expected[detail]
                assert by_sides[key(expected)][detail] == want, (expected, by_sides[key(expected)])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_gap_case(case: GapCase) -> None:
    assert_case(case, gaps_of(case, EmbeddedEngine(case.dataset)))


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_every_kind_has_firing_and_passing_cases(kind) -> None:
    mine = [c for c in CASES if c.kind == kind.code]
    assert any(c.expect for c in mine), f"{kind.code} has no firing case"
    assert any(not c.expect for c in mine), f"{kind.code} has no passing case"
    assert any(c.region for c in mine), f"{kind.code} has no region-filter case"


def test_every_case_file_is_a_known_kind() -> None:
    assert {c.kind for c in CASES} == {k.code for k in all_kinds()}


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_example_shows_every_kind(kind) -> None:
    """The bundled example is the tour of om-graph: each kind of gap appears in it."""
    assert find_gaps(EmbeddedEngine(example_dataset()), kinds=[kind.code])


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_every_kind_documents_itself(kind) -> None:
    assert set(kind.title) == set(kind.description) == {"en", "de"}
    assert (CASES_DIR.parent.parent / "docs" / "gaps.md").read_text(encoding="utf-8").count(f"`{kind.code}`") >= 1
