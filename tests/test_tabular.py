"""Office-ready tables: every report as a workbook (``--format xlsx``) and as German Excel's CSV (``--format csv-de``).

Workbooks are read back as Excel would (openpyxl): title and as-of row, frozen and filtered header
in an Excel table, fitted widths, real number and date cells, German headers, names before ids,
a name that starts with "=" stored as text. CSV for German Excel is parsed the way Excel does
(``;``, UTF-8 with BOM); machine CSV keeps its English keys.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.io import read_dataset, write_dataset
from om_graph.dataset.sources import example_dataset
from xlsx_read import column_width

runner = CliRunner()
EVIL = '=HYPERLINK("http://evil.example","klick")'

#: Each report as a workbook: its command, the sheets it must have (German), and a German header of its main sheet.
WORKBOOKS = {
    "audit": (["audit", "--example", "--fail-on", "never"], ["Überblick", "Netzwerke", "Befunde"], "Umsetzungsstadium 4"),
    "gaps": (["gaps", "--example"], ["Lücken", "Überblick"], "Lücke"),
    "coverage": (["ambassadors", "coverage", "--example"],
                 ["Regionen", "Netzwerke", "Organisationsarten", "Botschafter", "Befunde"], "Botschafter"),
    "plan": (["ambassadors", "plan", "--example", "--add", "2", "--method", "greedy"], ["Plan", "Wie gefunden"], "Zugewinn"),
    "network": (["network", "stats", "--example"], ["Überblick", "Netzwerke", "Organisationen", "Verbindungen"], "Partner"),
}


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def excel_rows(text: str) -> list[list[str]]:
    """What German Excel sees: the file's bytes as UTF-8 with BOM, split at semicolons."""
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf"), "no BOM: Excel would read the umlauts as Windows-1252"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.fixture(scope="module")
def evil_data(tmp_path_factory) -> Path:
    """The example with one network named like a formula (the isolated one, so every report shows it)."""
    data = example_dataset()
    networks = [n.model_copy(update={"name": EVIL}) if n.id == "he-rhein-main" else n for n in data.networks]
    path = tmp_path_factory.mktemp("evil") / "om.yaml"
    write_dataset(data.model_copy(update={"networks": networks}), path, "yaml")
    return path


@pytest.mark.parametrize("report", WORKBOOKS)
def test_every_workbook_opens_with_title_frozen_filtered_header_and_fitted_widths(report: str, tmp_path: Path) -> None:
    args, sheets, header = WORKBOOKS[report]
    target = tmp_path / f"{report}.xlsx"
    invoke(*args, "--lang", "de", "-o", str(target))  # the extension picks the workbook
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == sheets
    for ws in book.worksheets:
        assert ws["A1"].value and ws["A1"].font.bold
        assert "Daten: das mitgelieferte Beispiel" in ws["A2"].value and "Stand 30.06.2025" in ws["A2"].value
        assert ws.freeze_panes == "A5"
        (table,) = ws.tables.values()
        assert table.ref.startswith("A4:") and table.autoFilter is not None and table.tableStyleInfo.name
        for column in range(1, ws.max_column + 1):
            cells = [ws.cell(row=r, column=column) for r in range(4, ws.max_row + 1)]
            longest = max(10 if c.is_date else len(str(c.value or "")) for c in cells)  # a date shows as 30.06.2025
            assert min(longest, 60) <= column_width(ws, column) <= 62
    main = book.worksheets[0] if report != "network" else book["Netzwerke"]
    assert header in [c.value for c in main[4]]


@pytest.mark.parametrize("report", ["audit", "coverage", "plan"])
def test_workbooks_of_profiled_reports_name_the_profile(report: str, tmp_path: Path) -> None:
    args, _, _ = WORKBOOKS[report]
    invoke(*args, "--lang", "de", "--format", "xlsx", "-o", str(tmp_path / "r.xlsx"))
    assert "Profil Standard" in openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets[0]["A2"].value


def test_audit_workbook_counts_stages_names_networks_first_and_spreads_evidence(tmp_path: Path) -> None:
    target = tmp_path / "audit.xlsx"
    invoke("audit", "--example", "--lang", "de", "--fail-on", "never", "-o", str(target))
    report = json.loads(invoke("audit", "--example", "--format", "json", "--fail-on", "never").stdout)
    book = openpyxl.load_workbook(target)
    summary = {r[0]: r for r in book["Überblick"].iter_rows(min_row=5, values_only=True)}
    everyone = summary["alle Netzwerke"]
    stages = [n["stage"] for n in report["networks"]]
    assert list(everyone[1:5]) == [stages.count(s) for s in (1, 2, 3, 4)]
    assert everyone[5] == len(report["apart"]) and everyone[6] == len(report["networks"]) + len(report["apart"])
    assert summary["Bayern"][6] >= 1  # per federal state, by name
    networks = list(book["Netzwerke"].iter_rows(min_row=5, values_only=True))
    assert {r[1] for r in networks} == {n["id"] for n in report["networks"]} | {a["id"] for a in report["apart"]}
    names = {n["id"]: n["name"] for n in report["networks"]}
    assert all(r[0] == names[r[1]] for r in networks if r[1] in names)  # the name first, then the id
    findings = book["Befunde"]
    headers = [c.value for c in findings[4]]
    assert headers[:7] == ["Schwere", "Regel", "Kriterium", "Betrifft ein(e)", "Betrifft", "Kennung", "Befund"]
    assert "evidence" not in headers and "Letzter Partnerbeitritt" in headers  # evidence in worded columns, not JSON
    joined = [row[headers.index("Letzter Partnerbeitritt")] for row in findings.iter_rows(min_row=5)]
    dated = [cell for cell in joined if cell.value is not None]
    assert dated and all(cell.is_date and cell.number_format == "DD.MM.YYYY" for cell in dated)
    assert not any(str(v).startswith("{") for row in findings.iter_rows(min_row=5, values_only=True) for v in row)


def test_coverage_workbook_has_real_numbers_and_percentages(tmp_path: Path) -> None:
    invoke("ambassadors", "coverage", "--example", "--lang", "de", "-o", str(tmp_path / "c.xlsx"))
    regions = openpyxl.load_workbook(tmp_path / "c.xlsx")["Regionen"]
    headers = [c.value for c in regions[4]]
    share = headers.index("Anteil abgedeckt") + 1
    cells = [regions.cell(row=r, column=share) for r in range(5, regions.max_row + 1)]
    numbers = [c for c in cells if c.value is not None]
    assert numbers and all(isinstance(c.value, (int, float)) and c.number_format == "0.0 %" for c in numbers)
    assert regions.cell(row=5, column=headers.index("Wo") + 1).value.startswith("Deutschland › ")


@pytest.mark.parametrize(
    ("args", "sheet", "column"),
    [
        (["audit", "--fail-on", "never"], "Netzwerke", 1),
        (["gaps"], "Lücken", 2),
        (["ambassadors", "coverage"], "Netzwerke", 1),
        (["network", "stats"], "Netzwerke", 1),
    ],
    ids=["audit", "gaps", "coverage", "network"],
)
def test_a_name_that_looks_like_a_formula_stays_text(args: list[str], sheet: str, column: int, evil_data: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    invoke(*args, str(evil_data), "--lang", "de", "-o", str(target))
    ws = openpyxl.load_workbook(target)[sheet]
    cells = [ws.cell(row=r, column=column) for r in range(5, ws.max_row + 1)]
    (evil,) = [c for c in cells if c.value == EVIL]
    assert evil.data_type == "s" and evil.quotePrefix


@pytest.mark.parametrize(
    ("args", "first_header", "umlaut"),
    [
        (["audit", "--example", "--fail-on", "never"], "Schwere", "unvollständig"),
        (["audit", "--example", "--fail-on", "never", "--per", "network"], "Name", "Nürnberg"),
        (["gaps", "--example"], "Lücke", "Überlappende"),
        (["ambassadors", "coverage", "--example"], "Bundesland", "Thüringen"),
        (["ambassadors", "plan", "--example", "--add", "2", "--method", "greedy"], "Nr.", "Zugewinn"),
        (["network", "stats", "--example"], "Name", "Nürnberg"),
    ],
    ids=["audit", "audit-per-network", "gaps", "coverage", "plan", "network"],
)
def test_csv_de_opens_in_german_excel_as_columns_with_umlauts(args: list[str], first_header: str, umlaut: str) -> None:
    rows = excel_rows(invoke(*args, "--format", "csv-de").stdout)
    header, *body = rows
    assert header[0] == first_header and body
    assert all(len(row) == len(header) for row in body)
    assert umlaut in "".join(header) + "".join(c for row in body for c in row)


def test_csv_de_writes_decimal_commas_percentages_and_german_dates() -> None:
    plan = excel_rows(invoke("ambassadors", "plan", "--example", "--add", "2", "--method", "greedy", "--format", "csv-de").stdout)
    share = plan[0].index("Anteil abgedeckt")
    assert all(row[share].endswith(" %") and "," in row[share] for row in plan[1:])
    machine = list(csv.DictReader(io.StringIO(
        invoke("ambassadors", "plan", "--example", "--add", "2", "--method", "greedy", "--format", "csv").stdout)))
    assert [row[share] for row in plan[1:]] == [f"{float(m['share']) * 100:.1f} %".replace(".", ",") for m in machine]
    audit = invoke("audit", "--example", "--fail-on", "never", "--format", "csv-de").stdout
    assert "15.09.2017" in audit and "2017-09-15" not in audit
    stats = excel_rows(invoke("network", "stats", "--example", "--format", "csv-de").stdout)
    betweenness = stats[0].index("Vermittlerrolle (Betweenness)")
    assert all("." not in row[betweenness] for row in stats[1:]) and any("," in row[betweenness] for row in stats[1:])


def test_csv_de_escapes_formulas(evil_data: Path) -> None:
    rows = excel_rows(invoke("gaps", str(evil_data), "--format", "csv-de").stdout)
    assert "'" + EVIL in [cell for row in rows for cell in row]


def test_csv_de_follows_lang_when_given() -> None:
    header = excel_rows(invoke("gaps", "--example", "--format", "csv-de", "--lang", "en").stdout)[0]
    assert header[0] == "Gap"  # the dialect stays German Excel's; the words follow --lang


def test_csv_de_goes_to_a_csv_file(tmp_path: Path) -> None:
    target = tmp_path / "luecken.csv"
    invoke("gaps", "--example", "--format", "csv-de", "-o", str(target))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")


def test_machine_csv_keeps_english_keys_iso_dates_and_no_bom() -> None:
    text = invoke("audit", "--example", "--fail-on", "never", "--format", "csv").stdout
    assert text.startswith("code,rule,severity,subject_kind,subject_id,subject_name,message,evidence,source\n")
    assert '""last_joined"":""2017-09-15""' in text


def test_audit_per_network_lists_every_network_including_those_without_findings() -> None:
    report = json.loads(invoke("audit", "--example", "--format", "json", "--fail-on", "never").stdout)
    rows = list(csv.DictReader(io.StringIO(invoke("audit", "--example", "--per", "network", "--format", "csv", "--fail-on", "never").stdout)))
    ids = [r["id"] for r in rows]
    assert ids == sorted({n["id"] for n in report["networks"]} | {a["id"] for a in report["apart"]})
    with_findings = {f["subject_id"] for f in report["findings"] if f["subject_kind"] == "network"}
    clean = [r for r in rows if r["id"] not in with_findings]
    assert clean and all(r["findings"] == "0" and r["error"] == "0" for r in clean)
    stage = {n["id"]: n["stage"] for n in report["networks"]}
    for row in rows:
        assert row["stage"] == (str(stage[row["id"]]) if row["id"] in stage else "")
        mine = [f for f in report["findings"] if f["subject_kind"] == "network" and f["subject_id"] == row["id"]]
        assert [int(row[s]) for s in ("error", "warning", "info")] == [sum(f["severity"] == s for f in mine) for s in ("error", "warning", "info")]
    bayern = next(r for r in rows if r["id"] == "by-bayern")
    assert bayern["states"] == "DE-BY" and bayern["status"] == "recognised"  # ids and codes: a machine format


def test_audit_per_network_json_and_its_refusal_for_the_table() -> None:
    document = json.loads(invoke("audit", "--example", "--per", "network", "--format", "json", "--fail-on", "never").stdout)
    assert {"as_of", "profile", "networks"} <= set(document)
    apart = [n for n in document["networks"] if n["stage"] is None]
    assert apart and all(n["status"] in ("withdrawn", "partner_only") for n in apart)
    result = runner.invoke(app, ["audit", "--example", "--per", "network", "--format", "table"])
    assert result.exit_code == 2 and "--per network" in result.stderr and result.stdout == ""


def test_audit_xlsx_networks_sheet_is_the_per_network_data(tmp_path: Path) -> None:
    invoke("audit", "--example", "--lang", "de", "--fail-on", "never", "-o", str(tmp_path / "a.xlsx"))
    sheet = [r for r in openpyxl.load_workbook(tmp_path / "a.xlsx")["Netzwerke"].iter_rows(min_row=5, values_only=True)]
    rows = excel_rows(invoke("audit", "--example", "--lang", "de", "--per", "network", "--format", "csv-de", "--fail-on", "never").stdout)
    assert [(r[0], r[1]) for r in sheet] == [(r[0], r[1]) for r in rows[1:]]


@pytest.mark.parametrize("command", [["example"], ["regions", "de"]])
def test_a_csv_de_dataset_round_trips_through_om_graphs_reader(command: list[str], tmp_path: Path) -> None:
    target = tmp_path / "daten"
    invoke(*command, str(target), "--format", "csv-de")
    first = (target / "regions.csv").read_bytes()
    assert first.startswith(b"\xef\xbb\xbf") and b";" in first.splitlines()[0]
    rows = excel_rows(first.decode("utf-8"))
    assert rows[0][:2] == ["id", "name"] and any("Thüringen" in row for row in rows)  # a dataset keeps its field names
    if command == ["example"]:
        assert read_dataset(target) == example_dataset()
    else:
        assert len(read_dataset(target).regions) == len(rows) - 1


def test_a_csv_de_dataset_holds_names_windows_1252_cannot(tmp_path: Path) -> None:
    data = example_dataset()
    people = [data.persons[0].model_copy(update={"name": "Ayşe Łukasiewicz"}), *data.persons[1:]]
    changed = data.model_copy(update={"persons": people})
    write_dataset(changed, tmp_path / "daten", "csv-de")
    assert read_dataset(tmp_path / "daten") == changed


def test_caption_dates_follow_the_language(tmp_path: Path) -> None:
    invoke("gaps", "--example", "-o", str(tmp_path / "g.xlsx"))
    ws = openpyxl.load_workbook(tmp_path / "g.xlsx").worksheets[0]
    assert "as of 2025-06-30" in ws["A2"].value and dt.date(2025, 6, 30).isoformat() in ws["A2"].value


def test_cypher_run_rows_in_german_excels_dialect() -> None:
    from om_graph.engines.neo4j.runner import render_rows

    text = render_rows(["name", "share", "since", "regions"],
                       [{"name": "Kammer Süd", "share": 0.25, "since": dt.date(2025, 6, 30), "regions": ["DE-BY"]}], "csv-de")
    assert excel_rows(text) == [["name", "share", "since", "regions"], ["Kammer Süd", "0,25", "30.06.2025", '["DE-BY"]']]


def test_a_workbook_without_output_is_refused_before_the_audit_is_saved(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", "--example", "--format", "xlsx", "--save", str(tmp_path / "history")])
    assert result.exit_code == 2 and "--output" in result.stderr
    assert not (tmp_path / "history").exists() or not any((tmp_path / "history").iterdir())


@pytest.mark.parametrize("report", WORKBOOKS)
def test_german_workbooks_and_csv_hold_no_english_word(report: str, tmp_path: Path) -> None:
    """The check of ``test_german_everywhere`` (words only English texts use, raw keys) on every cell."""
    german = pytest.importorskip("test_german_everywhere")
    args, _, _ = WORKBOOKS[report]
    invoke(*args, "--lang", "de", "-o", str(tmp_path / "r.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert german.english_in("\n".join([*book.sheetnames, *cells]), ids=german.example_ids()) == []
    assert german.english_in(invoke(*args, "--format", "csv-de").stdout, ids=german.example_ids()) == []
