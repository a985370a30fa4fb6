"""The shortcuts of a large audit give exactly what the plain code gives: same rows, same order, same bytes.

Each fast path (sorting canonical rows, indented JSON, wrapping report lines, reading a CSV table in
whole-list steps) is compared with the straightforward computation it replaces, on inputs chosen
to reach both the shortcut and its way back to the general code.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import textwrap

import pytest

from om_graph.audit.render.data import pretty_json
from om_graph.audit.render.table import WIDTH, wrap
from om_graph.dataset.graph import graph_rows
from om_graph.dataset.io.csv_folder import detect_delimiter
from om_graph.dataset.io.table import read_numbered_table, read_table
from om_graph.dataset.model import Dataset, Membership
from om_graph.engines.contract import _sort_key, canonical_rows, canonical_value

VALUES = [None, 0, 1, 2, 2.5, True, False, "", "a", "b", "a", {"x": [2, 1]}, {"x": 1}, [3, 1], ["b", "a"],
          dt.date(2025, 1, 2)]


def _plainly_sorted(rows: list[dict], columns: tuple[str, ...]) -> list[dict]:
    out = [{c: canonical_value(r[c]) for c in columns} for r in rows]
    return sorted(out, key=lambda r: tuple(_sort_key(r[c]) for c in columns))


@pytest.mark.parametrize("seed", range(5))
def test_canonical_rows_sort_as_the_whole_key_does(seed: int) -> None:
    pick = random.Random(seed)
    for _ in range(300):
        columns = tuple(f"c{i}" for i in range(pick.randint(1, 4)))
        pools = [pick.sample(VALUES, pick.randint(1, 4)) for _ in columns]
        rows = [{c: pick.choice(pool) for c, pool in zip(columns, pools)} for _ in range(pick.randint(0, 12))]
        got = canonical_rows(rows, columns)
        want = _plainly_sorted(rows, columns)
        assert [list(r.items()) for r in got] == [list(r.items()) for r in want]


def test_canonical_rows_still_refuse_a_row_with_other_columns() -> None:
    with pytest.raises(RuntimeError, match="expected"):
        canonical_rows([{"a": 1, "b": 2}], ("a",))


@pytest.mark.parametrize("value", [
    {}, [], {"a": [], "b": {}}, {"findings": [{"code": "OM101", "evidence": {"missing": ["x", "y"]}, "n": 3}]},
    {"name": 'Ölmühle "Nord"\n\u2028\x01\\', "share": 0.25, "big": 2**70, "yes": True, "none": None},
    {1: "a number as key", "t": (1, 2), "f": float("1e300")},
])
def test_pretty_json_is_json_dumps_indented(value: object) -> None:
    assert pretty_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("text", [
    "", " ", "short", "  leading", "trailing ", "tab\there", "line\nbreak", "no\u00a0break", "x" * 70, "x" * 90,
    "word " * 30, "by-lkr-muenchen " * 6,
])
@pytest.mark.parametrize("initial", ["", "  ", "  error    OM101  "])
def test_wrap_is_textwrap(text: str, initial: str) -> None:
    want = textwrap.wrap(text, WIDTH, initial_indent=initial, subsequent_indent="    ", break_on_hyphens=False,
                         break_long_words=False)
    assert wrap(text, initial, "    ") == want


@pytest.mark.parametrize("rows", [
    [["id", "name"], ["n1", "Nord"], ["n2", "Süd"]],  # the shortcut
    [["id", "name"]],  # a header alone
    [["id", " name "], ["n1", "Nord"]],  # names are stripped
    [["id", "name"], ["", " "], ["n2", "Süd"]],  # a blank row: counted, not kept
    [["id", "name"], ["n1"], ["n2", "Süd"]],  # a short row
    [["id", "name"], ["n1", "Nord", "stray"]],  # a cell without a header
    [["id", "id"], ["n1", "n2"]],  # a duplicate column
    [["id", ""], ["n1", "x"]],  # a column without a name
    [["", ""], ["id", "name"], ["n1", "Nord"]],  # the header further down
    [],
])
def test_reading_a_text_table_at_once_gives_the_row_by_row_sheet(rows: list[list[str]]) -> None:
    fast, fast_problems = read_table("networks", "networks.csv", [list(r) for r in rows], text=True)
    slow, slow_problems = read_numbered_table("networks", "networks.csv", enumerate([list(r) for r in rows], 1), True)
    assert fast == slow
    assert fast_problems == slow_problems


def test_the_delimiter_is_read_from_the_first_line_however_far_down() -> None:
    text = "\n" * 200_000 + "id;name\nn1;OM Nord, Süd\n"
    assert detect_delimiter(text) == (";", text)


def test_link_rows_with_equal_properties_are_equal_rows() -> None:
    day = dt.date(2024, 5, 1)
    members = [Membership(organisation_id=f"o{i}", network_id="n1", since=day if i % 2 else None) for i in range(4)]
    rels = next(found for spec, found in graph_rows(Dataset(memberships=members)).rels.items() if spec.type == "MEMBER_OF")
    assert [(s, e, dict(p)) for s, e, p in rels] == [
        ("o0", "n1", {"named_consent": True}),
        ("o1", "n1", {"since": day, "named_consent": True}),
        ("o2", "n1", {"named_consent": True}),
        ("o3", "n1", {"since": day, "named_consent": True}),
    ]


@pytest.mark.parametrize("seed", [1, 2])
def test_a_node_made_for_its_type_is_node_properties(seed: int) -> None:
    from om_graph.dataset.graph import NODES, node_maker, node_properties
    from om_graph.dataset.model import RECORD_BY_SHEET, Organisation
    from om_graph.dataset.sources import example_dataset
    from om_graph.synth.landscape import generate_landscape

    checked, with_blanks = 0, 0
    for dataset in (example_dataset(), generate_landscape(0.05, seed)):
        for spec in NODES:
            record_type = RECORD_BY_SHEET[spec.sheet]
            if record_type is Organisation:
                continue  # its nodes carry resolved values besides its fields: node_properties itself makes them
            make = node_maker(record_type)
            for record in dataset.records(spec.sheet):
                made = make(record.__dict__)
                assert list(made.items()) == list(node_properties(record).items())  # order too
                checked += 1
                with_blanks += None in record.__dict__.values()
    assert checked > 500 and with_blanks > 100


def test_a_row_made_by_a_dict_display_is_the_zipped_dict() -> None:
    from om_graph.dataset.io.columns import _row_maker

    values = ["n1", None, dt.date(2025, 1, 2), ["a", "b"], True]
    for names in (("id", "name", "since", "regions", "open"), ("id", "not an identifier", "x-y", "class", "_0")):
        made = _row_maker(names)(*values)
        assert list(made.items()) == list(dict(zip(names, values)).items())
