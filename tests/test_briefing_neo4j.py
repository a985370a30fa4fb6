"""The briefing reads the same on Neo4j as on the embedded engine: the same content, the same page."""

from __future__ import annotations

import pytest

from changes import changed_example
from om_graph.audit.profile import DEFAULT_PROFILE
from om_graph.audit.run import run_audit
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.briefing import build_briefing, render_briefing_html, render_briefing_xlsx
from om_graph.features.history import snapshot_of

pytestmark = pytest.mark.neo4j
SAME = {"source": "test", "fingerprint": {"sha256": "0" * 64, "basis": "files"}}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_same_briefing_on_both_engines(load_into_neo4j, lang: str) -> None:
    engine = EmbeddedEngine(example_dataset())
    baseline = snapshot_of(engine, run_audit(engine, as_of=EXAMPLE_AS_OF), DEFAULT_PROFILE, source="old")
    made = [
        build_briefing(e, as_of=EXAMPLE_AS_OF, lang=lang, baseline=baseline, **SAME)
        for e in (load_into_neo4j(changed_example()), EmbeddedEngine(changed_example()))
    ]
    on_neo4j, embedded = made
    assert on_neo4j.engine == "neo4j" and embedded.engine == "embedded"
    assert on_neo4j.content() == embedded.content()
    for briefing in made:
        briefing.engine = "either"
    assert render_briefing_html(on_neo4j) == render_briefing_html(embedded)
    assert len(render_briefing_xlsx(on_neo4j)) > 0
