"""Bad input is reported as ``LOCATION:FIELD: message``, every problem at once, in every format.

Each case gives sheets in a format-neutral way (lists of rows of text); the same data
is written as a CSV folder, a workbook and a YAML file, and the expected problems are
translated to each format's locations: item 1 of ``networks`` is ``networks.csv:2``,
``om.xlsx[networks]:2`` and ``om.yaml[networks]:1``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from om_graph.errors import ValidationFailed
from om_graph.dataset.io import read_dataset

Sheets = dict[str, list[dict[str, Any]]]

FORMATS = ["csv", "xlsx", "yaml"]
DATE = "not a date (use 2025-12-31 or 31.12.2025)"
BOOL = "not a yes/no value (use true/false, ja/nein, yes/no, 1/0 or x)"

#: A valid dataset; each case replaces whole sheets of it.
BASE: Sheets = {
    "regions": [
        {"id": "DE", "name": "Deutschland", "level": "country"},
        {"id": "DE-BY", "name": "Bayern", "level": "state", "parent_id": "DE"},
        {"id": "09162", "name": "München", "level": "district", "parent_id": "DE-BY"},
    ],
    "organisations": [{"id": "o1", "name": "Handwerkskammer für München", "kind": "chamber_of_crafts"}],
    "persons": [{"id": "p1", "name": "Jörg Weiß", "organisation_id": "o1"}],
    "networks": [
        {"id": "n1", "name": "OM Bayern", "kind": "regional"},
        {"id": "n2", "name": "Digital gesund", "kind": "thematic"},
    ],
    "check_items": [{"id": "T1", "kind": "topic", "title": "Strategie"}],
}


def write_input(tmp_path: Path, fmt: str, sheets: Sheets) -> Path:
    """Write ``sheets`` as typed by a user: every value as text, blank where not given."""
    if fmt == "yaml":
        path = tmp_path / "om.yaml"
        path.write_text(yaml.safe_dump(sheets, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return Path("om.yaml")
    tables = {name: _table(rows) for name, rows in sheets.items()}
    if fmt == "csv":
        folder = tmp_path / "data"
        folder.mkdir()
        for name, table in tables.items():
            with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as out:
                csv.writer(out).writerows(table)
        return Path("data")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, table in tables.items():
        sheet = workbook.create_sheet(name)
        for row in table:
            sheet.append([cell if cell != "" else None for cell in row])
    workbook.save(tmp_path / "om.xlsx")
    return Path("om.xlsx")


def _table(rows: list[dict[str, Any]]) -> list[list[Any]]:
    header = list(dict.fromkeys(key for row in rows for key in row))
    return [header] + [[row.get(key, "") for key in header] for row in rows]


def location(fmt: str, sheet: str, item: int | None) -> str:
    """Where item ``item`` (1-based) of ``sheet`` is reported in ``fmt``."""
    source = {"csv": f"{sheet}.csv", "xlsx": f"om.xlsx[{sheet}]", "yaml": f"om.yaml[{sheet}]"}[fmt]
    if item is None:
        return source
    return f"{source}:{item if fmt == 'yaml' else item + 1}"


def other_row(fmt: str, message: str) -> str:
    """``@2`` in an expected message names item 2 the way ``fmt`` counts it."""
    return re.sub(r"@(\d+)", lambda m: f"item {m[1]}" if fmt == "yaml" else f"row {int(m[1]) + 1}", message)


def problems_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, sheets: Sheets) -> list[str]:
    monkeypatch.chdir(tmp_path)
    path = write_input(tmp_path, fmt, sheets)
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(path)
    return caught.value.problems


def expected(fmt: str, problems: list[tuple[str, int | None, str | None, str]]) -> list[str]:
    lines = []
    for sheet, item, field, message in problems:
        where = location(fmt, sheet, item) + (f":{field}" if field else "")
        lines.append(f"{where}: {other_row(fmt, message)}")
    return lines


# (case id, sheets replacing those of BASE, expected (sheet, item, field, message) in report order)
CASES: list[tuple[str, Sheets, list[tuple[str, int | None, str | None, str]]]] = [
    (
        "bad_date",
        {"activities": [{"id": "a1", "network_id": "n1", "kind": "meeting", "date": "31.13.2025"}]},
        [("activities", 1, "date", DATE)],
    ),
    (
        "bad_date_text",
        {"criticisms": [{"id": "c1", "network_id": "n1", "date": "gestern"}]},
        [("criticisms", 1, "date", DATE)],
    ),
    (
        "bad_enum",
        {"networks": [{"id": "n1", "name": "OM Bayern", "kind": "regionl"}]},
        [("networks", 1, "kind", "must be one of: regional, thematic")],
    ),
    (
        "bad_optional_enum",
        {
            "self_declarations": [{"id": "s1", "organisation_id": "o1"}],
            "ratings": [{"declaration_id": "s1", "item_id": "T1", "traffic_light": "orange"}],
        },
        [("ratings", 1, "traffic_light", "must be one of: red, yellow, green")],
    ),
    (
        "bad_boolean",
        {"networks": [{"id": "n1", "name": "OM Bayern", "kind": "regional", "open": "vielleicht"}]},
        [("networks", 1, "open", BOOL)],
    ),
    (
        "required_blank",
        {"networks": [{"id": "n1", "name": "OM Bayern", "kind": "regional"}, {"id": "n2", "name": "  ", "kind": "thematic"}]},
        [("networks", 2, "name", "required")],
    ),
    (
        "three_problems_in_one_file",
        {
            "networks": [
                {"id": "n1", "name": "", "kind": "regional", "application_date": "2025-02-30"},
                {"id": "n2", "name": "Digital gesund", "kind": "Themen", "open": ""},
            ]
        },
        [
            ("networks", 1, "application_date", DATE),
            ("networks", 1, "name", "required"),
            ("networks", 2, "kind", "must be one of: regional, thematic"),
        ],
    ),
    (
        "duplicate_id",
        {
            "networks": [
                {"id": "n1", "name": "OM Bayern", "kind": "regional"},
                {"id": "n2", "name": "Digital gesund", "kind": "thematic"},
                {"id": "n1", "name": "OM Bayern (alt)", "kind": "regional"},
            ]
        },
        [("networks", 3, "id", "duplicate id 'n1' (first at @1)")],
    ),
    (
        "duplicate_unique_together",
        {
            "memberships": [
                {"organisation_id": "o1", "network_id": "n1"},
                {"organisation_id": "o1", "network_id": "n2"},
                {"organisation_id": "o1", "network_id": "n1", "since": "1.2.2025"},
            ]
        },
        [("memberships", 3, "organisation_id", "duplicate of @1 (organisation_id 'o1', network_id 'n1')")],
    ),
    (
        "missing_references",
        {
            "memberships": [{"organisation_id": "o1", "network_id": "n1"}, {"organisation_id": "o9", "network_id": "n99"}],
            "contacts": [{"network_id": "n1", "person_id": "p7", "role": "coordination"}],
        },
        [
            ("contacts", 1, "person_id", "no person with id 'p7'"),
            ("memberships", 2, "organisation_id", "no organisation with id 'o9'"),
            ("memberships", 2, "network_id", "no network with id 'n99'"),
        ],
    ),
    (
        "reference_from_row_with_other_problem",
        {"activities": [{"id": "a1", "network_id": "n1", "kind": "meeting", "date": "morgen", "host_id": "o2"}]},
        [("activities", 1, "date", DATE), ("activities", 1, "host_id", "no organisation with id 'o2'")],
    ),
    (
        "region_cycle",
        {
            "regions": [
                {"id": "DE", "name": "Deutschland", "level": "country"},
                {"id": "DE-BY", "name": "Bayern", "level": "state", "parent_id": "X"},
                {"id": "09162", "name": "München", "level": "district", "parent_id": "DE-BY"},
                {"id": "X", "name": "Irgendwo", "level": "district", "parent_id": "DE-BY"},
            ]
        },
        [("regions", 2, "parent_id", "region cycle DE-BY -> X -> DE-BY")],
    ),
    (
        "organisation_is_its_own_parent",
        {"organisations": [{"id": "o1", "name": "Kammer", "kind": "chamber_of_crafts", "parent_id": "o1"}]},
        [("organisations", 1, "parent_id", "organisation cycle o1 -> o1")],
    ),
    (
        "check_item_cycle",
        {
            "check_items": [
                {"id": "T1", "kind": "topic", "title": "Strategie"},
                {"id": "C1", "kind": "checkpoint", "title": "Ziele", "parent_id": "M1"},
                {"id": "M1", "kind": "measure", "title": "Zielbild", "parent_id": "C2"},
                {"id": "C2", "kind": "checkpoint", "title": "Wege", "parent_id": "C1"},
            ]
        },
        [("check_items", 2, "parent_id", "check item cycle C1 -> M1 -> C2 -> C1")],
    ),
    (
        "border_with_itself",
        {"borders": [{"region_id": "DE-BY", "neighbour_id": "09162"}, {"region_id": "09162", "neighbour_id": "09162"}]},
        [("borders", 2, "neighbour_id", "region '09162' cannot border itself")],
    ),
    (
        "cooperation_with_itself",
        {"cooperations": [{"network_id": "n1", "partner_network_id": "n1"}]},
        [("cooperations", 1, "partner_network_id", "network 'n1' cannot cooperate with itself")],
    ),
    (
        "sub_network_of_itself",
        {"sub_networks": [{"network_id": "n2", "parent_network_id": "n2"}]},
        [("sub_networks", 1, "parent_network_id", "network 'n2' cannot be its own sub-network")],
    ),
    (
        "joint_activity_with_itself",
        {
            "activities": [
                {"id": "a1", "network_id": "n1", "kind": "joint_activity", "date": "2025-03-01", "partner_network_id": "n1"}
            ]
        },
        [("activities", 1, "partner_network_id", "network 'n1' cannot be its own partner network")],
    ),
    (
        "unknown_id_in_a_list_cell",
        {
            "networks": [{"id": "n1", "name": "OM Bayern", "kind": "regional", "regions": "DE-BY; 09999; 09162"}],
            "ambassadors": [{"person_id": "p1", "regions": "DE-BY", "networks": "n1; n7"}],
        },
        [
            ("ambassadors", 1, "networks", "no network with id 'n7'"),
            ("networks", 1, "regions", "no region with id '09999'"),
        ],
    ),
    (
        "ambassador_row_naming_nothing",
        {"ambassadors": [{"person_id": "p1", "region_id": "DE-BY"}, {"person_id": "p1", "since": "2024-01-01"}]},
        [("ambassadors", 2, "region_id", "give region_id, regions or networks")],
    ),
    (
        "meta_holds_one_row",
        {"meta": [{"as_of": "2025-06-30"}, {"as_of": "2025-12-31", "kept_by": "Geschäftsstelle"}]},
        [("meta", 2, None, "the meta sheet holds 1 row; this is another")],
    ),
    (
        "meta_date",
        {"meta": [{"as_of": "Ende Juni"}]},
        [("meta", 1, "as_of", DATE)],
    ),
    (
        "declaration_names_a_version_the_catalogue_lacks",
        {
            "check_items": [{"id": "T1", "kind": "topic", "title": "Strategie", "version": "2024"}],
            "self_declarations": [
                {"id": "s1", "organisation_id": "o1", "catalogue_version": "2024"},
                {"id": "s2", "organisation_id": "o1", "catalogue_version": "2019"},
            ],
        },
        [("self_declarations", 2, "catalogue_version", "no check items of version '2019' (versions: 2024)")],
    ),
    (
        "unknown_sheet",
        {"netzwerke": [{"id": "n1"}]},
        [
            (
                "netzwerke",
                None,
                None,
                "unknown sheet 'netzwerke'; expected one of: meta, regions, borders, topics, organisations, persons, "
                "networks, network_regions, memberships, contacts, activities, cooperations, sub_networks, criticisms, "
                "ambassadors, ambassador_networks, approaches, check_items, self_declarations, ratings, action_plan",
            )
        ],
    ),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("case", "sheets", "problems"), CASES, ids=[c[0] for c in CASES])
def test_problem_is_reported_at_file_row_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, case: str, sheets: Sheets, problems: list
) -> None:
    found = problems_of(tmp_path, monkeypatch, fmt, BASE | sheets)
    assert found == expected(fmt, problems)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_problem_is_reported_together_sorted_by_file_then_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    sheets = BASE | {
        "networks": [
            {"id": "n1", "name": "OM Bayern", "kind": "regional", "open": "jein"},
            {"id": "n2", "name": "Digital gesund", "kind": "thematic"},
            {"id": "n3", "name": "", "kind": "regional"},
            {"id": "n1", "name": "OM Bayern", "kind": "regional"},
        ]
        + [{"id": f"x{i}", "name": f"Netz {i}", "kind": "regional"} for i in range(5)]
        + [{"id": "n10", "name": "Netz 10", "kind": "regional", "application_date": "2025-31-12"}],
        "memberships": [{"organisation_id": "o1", "network_id": "n99"}],
        "cooperations": [{"network_id": "n2", "partner_network_id": "n2", "since": "kürzlich"}],
    }
    assert problems_of(tmp_path, monkeypatch, fmt, sheets) == expected(
        fmt,
        [
            ("cooperations", 1, "since", DATE),
            ("cooperations", 1, "partner_network_id", "network 'n2' cannot cooperate with itself"),
            ("memberships", 1, "network_id", "no network with id 'n99'"),
            ("networks", 1, "open", BOOL),
            ("networks", 3, "name", "required"),
            ("networks", 4, "id", "duplicate id 'n1' (first at @1)"),
            ("networks", 10, "application_date", DATE),
        ],
    )


NETWORK_COLUMNS = (
    "id, name, kind, topic, open, status, presents_as_om, homepage, logo_on_homepage, advertises_commercial, "
    "principles_acknowledged, application_date, application_scope, application_goals, application_approach, regions"
)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_table_columns_are_checked_once_at_the_header(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    sheets = BASE | {
        "networks": [
            {"id": "n1", "nam": "OM Bayern", "kind": "regional", "farbe": "blau"},
            {"id": "n2", "nam": "Digital gesund", "kind": "thematic"},
        ]
    }
    assert problems_of(tmp_path, monkeypatch, fmt, sheets) == [
        f"{location(fmt, 'networks', 0)}:nam: unknown column; expected one of: {NETWORK_COLUMNS}",
        f"{location(fmt, 'networks', 0)}:farbe: unknown column; expected one of: {NETWORK_COLUMNS}",
        f"{location(fmt, 'networks', 0)}:name: required column missing",
    ]


def test_yaml_fields_are_checked_on_each_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sheets = BASE | {
        "networks": [
            {"id": "n1", "nam": "OM Bayern", "kind": "regional"},
            {"id": "n2", "name": "Digital gesund", "kind": "thematic", "farbe": "blau"},
        ]
    }
    assert problems_of(tmp_path, monkeypatch, "yaml", sheets) == [
        f"om.yaml[networks]:1:nam: unknown column; expected one of: {NETWORK_COLUMNS}",
        "om.yaml[networks]:1:name: required",
        f"om.yaml[networks]:2:farbe: unknown column; expected one of: {NETWORK_COLUMNS}",
    ]


def test_csv_header_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "networks.csv").write_text(
        "id,name,kind,name,\nn1,OM Bayern,regional,OM Bayern,vergessen\n\nn2,Digital gesund,thematic,,\n", encoding="utf-8"
    )
    (folder / "notes.CSV").write_text("", encoding="utf-8")  # empty: nothing to report
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(Path("data"))
    assert caught.value.problems == [
        "networks.csv:1:name: duplicate column (first in column B)",
        "networks.csv:1: column E has values but no header",
    ]


def test_yaml_structure_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("om.yaml").write_text(
        "networks:\n  - {id: n1, name: OM, kind: regional}\n  - just text\n  - {id: n2, name: [a, b], kind: thematic}\n"
        "regions: {id: DE}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(Path("om.yaml"))
    assert caught.value.problems == [
        "om.yaml[networks]:2: expected a mapping of field: value",
        "om.yaml[networks]:3:name: expected a single value, not a list",
        "om.yaml[regions]: expected a list of rows",
    ]


def test_yaml_top_level_must_be_a_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("om.yml").write_text("- networks\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(Path("om.yml"))
    assert caught.value.problems == ["om.yml: expected a mapping of sheet names to lists of rows"]


def test_paths_are_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in").mkdir()
    Path("in/om.yaml").write_text("networks:\n  - {id: n1, name: OM, kind: regionl}\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(Path("in/om.yaml"))
    assert caught.value.problems == ["in/om.yaml[networks]:1:kind: must be one of: regional, thematic"]
    assert str(caught.value) == "1 problem(s) in the input"


def test_row_numbers_count_blank_rows_like_the_spreadsheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "networks"
    sheet.append(["id", "name", "kind"])
    sheet.append(["n1", "OM Bayern", "regional"])
    sheet.append([])
    sheet.append(["n2", "Digital", "thematisch"])
    workbook.save("om.xlsx")
    Path("data").mkdir()
    Path("data/networks.csv").write_text("id;name;kind\nn1;OM Bayern;regional\n;;\nn2;Digital;thematisch\n", encoding="utf-8")
    for path, where in [("om.xlsx", "om.xlsx[networks]:4"), ("data", "networks.csv:4")]:
        with pytest.raises(ValidationFailed) as caught:
            read_dataset(Path(path))
        assert caught.value.problems == [f"{where}:kind: must be one of: regional, thematic"]


def test_a_sheet_given_twice_is_a_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("data").mkdir()
    Path("data/networks.csv").write_text("id,name,kind\nn1,OM,regional\n", encoding="utf-8")
    Path("data/networks.CSV").write_text("id,name,kind\nn2,OM,regional\n", encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        read_dataset(Path("data"))
    assert caught.value.problems == ["networks.csv: sheet 'networks' given twice (also networks.CSV)"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_data_written_by_hand_reads_in_every_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """No ids for rows nothing refers to, lists in one cell, blanks that stay blank, a meta row."""
    monkeypatch.chdir(tmp_path)
    sheets = BASE | {
        "meta": [{"as_of": "30.06.2025", "source": "Netzwerkliste der Geschäftsstelle", "kept_by": "Jörg Weiß"}],
        "regions": BASE["regions"] + [{"id": "09184", "name": "Landkreis München", "level": "district",
                                       "parent_id": "DE-BY", "aliases": "Würmtal; Isartal"}],
        "networks": [
            {"id": "n1", "name": "OM Bayern", "kind": "regional", "regions": "09162; 09184"},
            {"id": "n2", "name": "Digital gesund", "kind": "thematic", "principles_acknowledged": "nein"},
        ],
        "network_regions": [{"network_id": "n1", "region_id": "09162"}],
        "activities": [{"network_id": "n1", "kind": "meeting", "date": "2025-03-01"},
                       {"network_id": "n1", "kind": "meeting", "date": "2025-05-01"}],
        "criticisms": [{"network_id": "n2", "summary": "Beschwerde"}],
        "ambassadors": [{"person_id": "p1", "regions": "DE-BY", "networks": "n1;n2"}],
    }
    dataset = read_dataset(write_input(tmp_path, fmt, sheets))
    assert dataset.as_of == dt.date(2025, 6, 30) and dataset.meta[0].kept_by == "Jörg Weiß"
    assert {(r.network_id, r.region_id) for r in dataset.network_regions} == {("n1", "09162"), ("n1", "09184")}
    assert dataset.regions[-1].aliases == ["Würmtal", "Isartal"]
    assert [(a.person_id, a.region_id) for a in dataset.ambassadors] == [("p1", "DE-BY")]
    assert [(a.person_id, a.network_id) for a in dataset.ambassador_networks] == [("p1", "n1"), ("p1", "n2")]
    assert [a.id for a in dataset.activities] == [None, None] and dataset.criticisms[0].id is None
    n1, n2 = dataset.networks
    assert n1.principles_acknowledged is None and n1.logo_on_homepage is None and n1.regions is None
    assert n2.principles_acknowledged is False


def test_the_audit_date_is_read_from_the_meta_sheet_alone(tmp_path: Path) -> None:
    from om_graph.dataset.io import read_as_of

    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "meta.csv").write_text("as_of;kept_by\n31.12.2025;Geschäftsstelle\n", encoding="utf-8")
    (folder / "networks.csv").write_text("id,name,kind\nn1,OM,regionl\n", encoding="utf-8")  # read later, not now
    assert read_as_of(folder) == dt.date(2025, 12, 31)
    (folder / "meta.csv").write_text("as_of\nbald\n", encoding="utf-8")
    assert read_as_of(folder) is None  # the whole read reports it, with every other problem
    (folder / "meta.csv").unlink()
    assert read_as_of(folder) is None
