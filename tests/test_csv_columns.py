"""CSV tables are parsed column by column (om_graph.dataset.io.columns) for speed; what a user gets must
not depend on it: the same records, the same problems in the same order, as the row-by-row parse that
every other format takes. Each case reads a CSV folder both ways and compares.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from om_graph.dataset.io import read_raw
from om_graph.dataset.io.raw import RawInput, RawRow
from om_graph.dataset.io.validate import build_dataset
from om_graph.errors import ValidationFailed

HEADER = "id,name,kind,intermediary,om_partner,partner_since,parent_id,region_id\n"
REGIONS = "id,name,level,parent_id\nDE,Deutschland,country,\nDE-BY,Bayern,state,DE\n09162,München,district,DE-BY\n"
NETWORKS = "id,name,kind,open,status,regions\nn1, OM Bayern ,regional,ja,,DE-BY; 09162\nn2,OM Süd,Thematic,,applied,\n"
MEMBERS = "organisation_id,network_id,since,named_consent\no1,n1,31.12.2020,x\no2,n1,2021-01-05,\no1,n2,,nein\n"

CASES: dict[str, dict[str, str]] = {
    "clean": {"organisations": HEADER + "o1,Kammer,chamber_of_crafts,,,2015-03-01,,09162\no2,Firma A,company,ja,,,o1,\n"},
    "short and blank rows": {"organisations": HEADER + "o1,Kammer,chamber_of_crafts\n,,,\n\no2,Firma A,company,,,,o1\n"},
    "a row longer than the header": {"organisations": HEADER + "o1,Kammer,chamber_of_crafts\no2,Firma,company,,,,,,stray\n"},
    "bad cells": {"organisations": HEADER + "o1,Kammer,guild,vielleicht,,31.02.2025,,\no2,Firma\x07 A,company,,,,o9,DE-XX\n"},
    "blank required cells": {"organisations": HEADER + "o1, ,company\n,Firma,company\no3,Firma B,\n"},
    "duplicates and cycles": {"organisations": HEADER + "o1,A,company,,,,o2\no2,B,company,,,,o1\no1,C,company\n"},
    "a missing required column": {"organisations": "id,name\no1,Kammer\n"},
    "an unknown column": {"organisations": "id,name,kind,colour\no1,Kammer,company,blue\n"},
}


def _write(folder: Path, sheets: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in {"regions": REGIONS, "networks": NETWORKS, "memberships": MEMBERS, **sheets}.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def _as_rows(raw: RawInput) -> RawInput:
    """The same input with every table as rows of cells by name: the row-by-row parse."""
    for sheet in raw.sheets:
        if sheet.cells is not None:
            sheet.rows = [RawRow(n, dict(zip(sheet.header or [], c))) for n, c in zip(sheet.numbers, sheet.cells)]
            sheet.cells, sheet.numbers = None, []
    return raw


def _outcome(raw: RawInput) -> object:
    try:
        dataset = build_dataset(raw)
    except ValidationFailed as error:
        return error.problems
    return {sheet: [(type(r).__name__, [(k, type(v).__name__, v) for k, v in r.__dict__.items()]) for r in dataset.records(sheet)]
            for sheet in type(dataset).model_fields}


@pytest.mark.parametrize("case", sorted(CASES))
def test_columns_give_what_rows_give(tmp_path: Path, case: str) -> None:
    folder = _write(tmp_path / "data", CASES[case])
    assert any(sheet.cells is not None for sheet in read_raw(folder).sheets)  # the column path is taken
    by_columns = _outcome(read_raw(folder))
    by_rows = _outcome(_as_rows(read_raw(folder)))
    assert by_columns == by_rows
    if case == "clean":
        assert isinstance(by_columns, dict) and len(by_columns["organisations"]) == 2


def test_bad_cells_are_each_reported_once_at_file_row_field(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", CASES["bad cells"])
    with pytest.raises(ValidationFailed) as caught:
        build_dataset(read_raw(folder))
    lines = caught.value.problems
    for expected in ("organisations.csv:2:kind: must be one of", "organisations.csv:2:intermediary: not a yes/no value",
                     "organisations.csv:2:partner_since: not a date", "organisations.csv:3:name: contains the control character U+0007",
                     "organisations.csv:3:parent_id: no organisation with id 'o9'", "organisations.csv:3:region_id: no region with id 'DE-XX'"):
        assert sum(line.startswith(expected) for line in lines) == 1, (expected, lines)


def test_ids_named_by_many_rows_are_one_string(tmp_path: Path) -> None:
    """Memory: a reference is the very string of the id it names, not a copy per row."""
    folder = _write(tmp_path / "data", CASES["clean"])
    dataset = build_dataset(read_raw(folder))
    network = next(n for n in dataset.networks if n.id == "n1")
    assert all(m.network_id is network.id for m in dataset.memberships if m.network_id == "n1")
    assert sys.getrefcount(network.id) > 2
