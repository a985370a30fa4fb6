"""The one workbook writer: what the office sees when it opens any report's xlsx."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from om_graph.workbook import Caption, Column, Sheet, workbook_bytes
from xlsx_read import column_width

COLUMNS = [
    Column("name", "Netzwerk"),
    Column("partners", "Partner", "int"),
    Column("share", "Anteil", "percent"),
    Column("since", "Seit", "date"),
    Column("regions", "Regionen"),
]
ROWS = [
    {"name": "=HYPERLINK(\"http://evil.example\")", "partners": 12, "share": 0.759, "since": "2025-06-30", "regions": ["DE-BY", "DE-BW"]},
    {"name": "OM-Netzwerk Münsterland mit einem sehr langen Namen", "partners": 3, "share": 1.0, "since": dt.date(2024, 1, 2), "regions": []},
]


def read(lang: str = "de", rows=ROWS, columns=COLUMNS):
    data = workbook_bytes([Sheet("Netzwerke", columns, rows)], Caption("Prüfung", "Stand 30.06.2025", ("Profil default",)), lang)
    return openpyxl.load_workbook(io.BytesIO(data))["Netzwerke"]


def test_title_caption_and_frozen_filtered_header() -> None:
    ws = read()
    assert ws["A1"].value == "Prüfung"
    assert ws["A2"].value == "Stand 30.06.2025 · Profil default"
    assert [c.value for c in ws[4]] == ["Netzwerk", "Partner", "Anteil", "Seit", "Regionen"]
    assert ws.freeze_panes == "A5"
    (table,) = ws.tables.values()
    assert table.ref == "A4:E6" and table.tableStyleInfo.name


def test_cells_are_real_numbers_percentages_and_dates() -> None:
    ws = read()
    assert ws["B5"].value == 12 and ws["B5"].number_format == "#,##0"
    assert ws["C5"].value == pytest.approx(0.759) and ws["C5"].number_format == "0.0 %"
    assert ws["D5"].value.date() == dt.date(2025, 6, 30) and ws["D5"].number_format == "DD.MM.YYYY"
    assert read("en")["D5"].number_format == "YYYY-MM-DD" and read("en")["C5"].number_format == "0.0%"
    assert ws["E5"].value == "DE-BY, DE-BW"


def test_a_name_that_looks_like_a_formula_stays_text() -> None:
    cell = read()["A5"]
    assert cell.value == '=HYPERLINK("http://evil.example")'
    assert cell.data_type == "s" and cell.quotePrefix  # stays text once edited, too
    assert not read()["A6"].quotePrefix


def test_widths_fit_the_longest_value() -> None:
    ws = read()
    assert column_width(ws, 1) >= len(ROWS[1]["name"])
    assert column_width(ws, 2) < 15


def test_an_empty_report_still_opens_with_its_header() -> None:
    ws = read(rows=[])
    assert [c.value for c in ws[4]] == ["Netzwerk", "Partner", "Anteil", "Seit", "Regionen"]


def test_repeated_headers_and_long_sheet_names_are_made_valid() -> None:
    data = workbook_bytes(
        [Sheet("Ein sehr langer Tabellenname: über 31 Zeichen", [Column("a", "X"), Column("b", "X"), Column("c", "x")],
               [{"a": 1, "b": 2, "c": 3}])] * 2,
        Caption("T"),
        "en",
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert len(book.sheetnames) == 2 and all(len(n) <= 31 and ":" not in n for n in book.sheetnames)
    assert [c.value for c in book.worksheets[0][4]] == ["X", "X (2)", "x (3)"]  # Excel ignores case here


def test_auto_columns_keep_numbers_as_numbers() -> None:
    data = workbook_bytes([Sheet("S", [Column("v", "Wert", "auto")], [{"v": 12}, {"v": 0.25}, {"v": "exakt"}])], Caption("T"), "de")
    ws = openpyxl.load_workbook(io.BytesIO(data))["S"]
    assert [ws.cell(row=r, column=1).value for r in (5, 6, 7)] == [12, 0.25, "exakt"]
