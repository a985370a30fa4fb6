"""Gap analyses agree on both engines for datasets dense in gaps, beyond the shared agreement test.

``strategies.datasets()`` draws networks of every status, so regional open OM networks with
regions, the only ones most gap kinds consider, are rare there. This strategy makes most
networks such networks and gives them more regions and members, so that every kind fires often.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from om_graph.queries.registry import run_query
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.gaps.find import all_kinds
from om_graph.dataset.model import Dataset
from strategies import datasets

pytestmark = pytest.mark.neo4j
EXAMPLES = int(os.environ.get("OM_AGREEMENT_EXAMPLES", "300")) // 3


@st.composite
def gap_dense_datasets(draw) -> Dataset:
    plain = draw(datasets()).to_plain()
    region_ids = [r["id"] for r in plain["regions"]]
    network_ids = [n["id"] for n in plain["networks"]]
    org_ids = [o["id"] for o in plain["organisations"]]
    for network in plain["networks"]:
        if draw(st.integers(0, 4)):
            network.update(status="recognised", open=True, kind="regional")
    covered = {(r["network_id"], r["region_id"]) for r in plain.get("network_regions", [])}
    districts = [r["id"] for r in plain["regions"] if r["level"] == "district"]
    covered |= set(draw(st.lists(st.tuples(st.sampled_from(network_ids), st.sampled_from(districts)), max_size=8)))
    plain["network_regions"] = [{"network_id": n, "region_id": r} for n, r in sorted(covered)]
    if draw(st.booleans()):  # few shared members: more unlinked pairs
        plain["memberships"] = []
    members = {(m["organisation_id"], m["network_id"]) for m in plain.get("memberships", [])}
    extra = draw(st.lists(st.tuples(st.sampled_from(org_ids), st.sampled_from(network_ids)), max_size=8))
    plain["memberships"] = plain.get("memberships", []) + [
        {"organisation_id": o, "network_id": n} for o, n in dict.fromkeys(extra) if (o, n) not in members
    ]
    bordering = {tuple(sorted((b["region_id"], b["neighbour_id"]))) for b in plain.get("borders", [])}
    pairs = draw(st.lists(st.tuples(st.sampled_from(region_ids[1:]), st.sampled_from(region_ids[1:])), max_size=6))
    bordering |= {tuple(sorted(pair)) for pair in pairs if pair[0] != pair[1]}
    plain["borders"] = [{"region_id": a, "neighbour_id": b} for a, b in sorted(bordering)]
    for organisation in plain["organisations"]:
        if "region_id" not in organisation and draw(st.booleans()):
            organisation["region_id"] = draw(st.sampled_from(region_ids))
    return Dataset.model_validate(plain)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(dataset=gap_dense_datasets())
def test_gap_dense_datasets_give_the_same_rows(dataset, load_into_neo4j) -> None:
    note("dataset:\n" + json.dumps(dataset.to_plain(), ensure_ascii=False, default=str))
    neo, emb = load_into_neo4j(dataset), EmbeddedEngine(dataset)
    for kind in all_kinds():
        on_neo4j = run_query(neo, kind.query)
        assert json.dumps(on_neo4j, sort_keys=True) == json.dumps(run_query(emb, kind.query), sort_keys=True), kind.code
