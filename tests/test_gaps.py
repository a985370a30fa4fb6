"""Gap kinds as users meet them: each documented, each in the bundled example, filtered by region."""

from __future__ import annotations

from pathlib import Path

import pytest

from om_graph.dataset.sources import example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.gaps.find import all_kinds, find_gaps

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_example_shows_every_kind(kind) -> None:
    """The bundled example is the tour of om-graph: each kind of gap appears in it."""
    assert find_gaps(EmbeddedEngine(example_dataset()), kinds=[kind.code])


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_every_kind_documents_itself(kind) -> None:
    assert set(kind.title) == set(kind.description) == {"en", "de"}
    assert (DOCS / "gaps.md").read_text(encoding="utf-8").count(f"`{kind.code}`") >= 1


def test_kinds_are_listed_in_report_order() -> None:
    assert [k.code for k in all_kinds()] == [
        "unlinked_overlap", "unlinked_border", "isolated_network", "unaffiliated_intermediary", "pooling_candidate",
    ]


def test_region_filter_keeps_the_gaps_inside_the_region() -> None:
    engine = EmbeddedEngine(example_dataset())
    everything = find_gaps(engine)
    in_bavaria = find_gaps(engine, region="DE-BY")
    assert in_bavaria and len(in_bavaria) < len(everything)
    assert all("DE-BY" in gap.region_path for gap in in_bavaria)
    assert in_bavaria == [gap for gap in everything if "DE-BY" in gap.region_path]
