"""Every format round-trips the same dataset, and real-world files (BOM, German Excel) read."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from strategies import datasets

from om_graph.errors import InputError, UsageError
from om_graph.dataset.io import FORMATS, OutputError, read_dataset, write_dataset
from om_graph.dataset.model import RECORD_TYPES, Dataset

D = dt.date

#: Every sheet, every field type (text, optional text, enum, optional enum, bool,
#: optional bool, date, optional date), set and blank; text that CSV must quote, that
#: YAML must not read as numbers or booleans, and that Excel must not read as formulas.
RICH = Dataset.model_validate(
    {
        "meta": [{"as_of": D(2025, 6, 30), "source": "Netzwerkliste; Stand Juni", "kept_by": "Geschäftsstelle"}],
        "regions": [
            {"id": "DE", "name": "Deutschland", "level": "country", "code": "DE"},
            {"id": "DE-BY", "name": "Bayern", "level": "state", "parent_id": "DE", "code": "DE-BY"},
            {"id": "09162", "name": "München", "level": "district", "parent_id": "DE-BY", "code": "09162"},
            {"id": "09184", "name": "Landkreis München", "level": "district", "parent_id": "DE-BY", "code": "09184"},
            {"id": "09564", "name": "Nürnberg", "level": "district", "parent_id": "DE-BY",
             "aliases": ["Nürnberger Land", "Frankenmetropole; Noris"]},
        ],
        "borders": [{"region_id": "09162", "neighbour_id": "09184"}],
        "topics": [
            {"id": "digitalisierung", "name": "Digitalisierung", "keywords": "digital; Mittelstand 4.0"},
            {"id": "0712", "name": "true"},
        ],
        "organisations": [
            {"id": "o1", "name": "Handwerkskammer für München und Oberbayern", "kind": "chamber_of_crafts",
             "partner_since": D(2019, 3, 1), "region_id": "09162"},
            {"id": "o2", "name": "Müller & Söhne GmbH; Werk 2, \"Süd\"", "kind": "company", "om_partner": False,
             "intermediary": False, "parent_id": "o3", "region_id": "09564"},
            {"id": "o3", "name": "Beratung Groß KG", "kind": "consultancy", "intermediary": True},
        ],
        "persons": [
            {"id": "p1", "name": "Jörg Weiß", "email": "joerg.weiss@example.org", "organisation_id": "o1"},
            {"id": "p2", "name": "Anna Bäcker"},
        ],
        "networks": [
            {"id": "n1", "name": "OM Bayern", "kind": "regional", "status": "recognised",
             "homepage": "https://om-bayern.example.org", "logo_on_homepage": True, "principles_acknowledged": True,
             "application_date": D(2024, 12, 31), "application_scope": "Bayern",
             "application_goals": "Gute Arbeit im Mittelstand\nzweite Zeile: 50 % mehr Betriebe",
             "application_approach": "=Treffen+Check"},
            {"id": "n2", "name": "Digital & gesund", "kind": "thematic", "topic": "Digitalisierung", "open": False,
             "status": "applied", "presents_as_om": False, "advertises_commercial": True},
            {"id": "n3", "name": "yes", "kind": "regional", "topic": "1.0", "status": "partner_only"},
            {"id": "n4", "name": "Runde Nürnberg", "kind": "regional", "status": "withdrawn", "regions": "09564; 09162"},
        ],
        "network_regions": [{"network_id": "n1", "region_id": "DE-BY"}, {"network_id": "n4", "region_id": "09564"}],
        "memberships": [
            {"organisation_id": "o1", "network_id": "n1", "since": D(2020, 1, 15)},
            {"organisation_id": "o2", "network_id": "n1", "named_consent": False},
            {"organisation_id": "o1", "network_id": "n2"},
        ],
        "contacts": [
            {"network_id": "n1", "person_id": "p1", "role": "coordination"},
            {"network_id": "n1", "person_id": "p2", "role": "moderation"},
        ],
        "activities": [
            {"id": "a1", "network_id": "n1", "kind": "meeting", "date": D(2025, 2, 1), "title": "Netzwerktreffen",
             "host_id": "o1"},
            {"id": "a2", "network_id": "n1", "kind": "instrument_use", "date": D(2025, 3, 4),
             "instrument": "INQA-Unternehmenscheck"},
            {"id": "a3", "network_id": "n1", "kind": "joint_activity", "date": D(2025, 5, 6),
             "partner_network_id": "n2"},
            {"id": "a4", "network_id": "n2", "kind": "plenum_report", "date": D(2024, 11, 30)},
            {"id": "a5", "network_id": "n2", "kind": "partner_briefing", "date": D(2025, 1, 9)},
            {"network_id": "n2", "kind": "meeting", "date": D(2025, 2, 9)},
        ],
        "cooperations": [{"network_id": "n1", "partner_network_id": "n2", "since": D(2023, 7, 1)}],
        "sub_networks": [{"network_id": "n4", "parent_network_id": "n1", "agreed_on": D(2022, 10, 10)}],
        "criticisms": [
            {"id": "c1", "network_id": "n2", "date": D(2025, 4, 1), "summary": "Werbung für „eigene“ Produkte – ärgerlich"},
            {"network_id": "n3"},
        ],
        "ambassadors": [{"person_id": "p1", "region_id": "DE-BY", "since": D(2021, 6, 1)}],
        "ambassador_networks": [{"person_id": "p1", "network_id": "n1"}],
        "approaches": [{"person_id": "p1", "organisation_id": "o2", "date": D(2025, 2, 28)}, {"person_id": "p1", "organisation_id": "o3"}],
        "check_items": [
            {"id": "T1", "kind": "topic", "title": "Strategie", "version": "2024"},
            {"id": "T1.1", "kind": "checkpoint", "title": "Ziele sind bekannt", "parent_id": "T1", "version": "2024"},
            {"id": "M1", "kind": "measure", "title": "Zielbild erarbeiten", "parent_id": "T1.1", "version": "2024"},
        ],
        "self_declarations": [
            {"id": "s1", "organisation_id": "o2", "signed_on": D(2025, 3, 31), "form_complete": True,
             "catalogue_version": "2024"},
            {"id": "s2", "organisation_id": "o2"},
        ],
        "ratings": [
            {"declaration_id": "s1", "item_id": "T1.1", "traffic_light": "yellow"},
            {"declaration_id": "s1", "item_id": "M1"},
        ],
        "action_plan": [
            {"id": "m1", "declaration_id": "s1", "title": "Zielbild erarbeiten", "urgency": "hoch",
             "responsible": "Geschäftsführung", "deadline": D(2025, 9, 30), "control": "Quartalsgespräch"},
            {"id": "m2", "declaration_id": "s1", "title": "Nachsteuern"},
        ],
    }
)


def target(tmp_path: Path, fmt: str) -> Path:
    return tmp_path / {"csv": "data", "csv-de": "daten", "xlsx": "om.xlsx", "yaml": "om.yaml", "json": "om.json"}[fmt]


def test_fixture_covers_every_sheet() -> None:
    assert all(RICH.records(r.sheet) for r in RECORD_TYPES)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    path = target(tmp_path, fmt)
    write_dataset(RICH, path, fmt)
    assert read_dataset(path) == RICH


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_empty_dataset(tmp_path: Path, fmt: str) -> None:
    path = target(tmp_path, fmt)
    write_dataset(Dataset(), path, fmt)
    assert read_dataset(path) == Dataset()


@pytest.mark.parametrize("fmt", ["csv", "csv-de"])
def test_rewriting_a_csv_folder_removes_emptied_sheets_and_keeps_other_files(tmp_path: Path, fmt: str) -> None:
    path = target(tmp_path, fmt)
    write_dataset(RICH, path, fmt)
    (path / "README.txt").write_text("notes", encoding="utf-8")
    smaller = RICH.model_copy(update={"criticisms": []})
    write_dataset(smaller, path, fmt)
    assert not (path / "criticisms.csv").exists()
    assert (path / "README.txt").exists()
    assert read_dataset(path) == smaller


def test_csv_is_utf8_comma_iso(tmp_path: Path) -> None:
    write_dataset(RICH, tmp_path / "data", "csv")
    regions = (tmp_path / "data" / "regions.csv").read_bytes().decode("utf-8")
    assert "Nürnberger Land; Frankenmetropole; Noris" in regions  # a list is one cell, as people write it
    text = (tmp_path / "data" / "networks.csv").read_bytes().decode("utf-8")
    assert text.splitlines()[0] == ",".join(RICH.networks[0].__class__.model_fields)
    assert "2024-12-31" in text and "true" in text
    assert not (tmp_path / "data" / "networks.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_de_is_what_german_excel_opens(tmp_path: Path) -> None:
    write_dataset(RICH, tmp_path / "daten", "csv-de")
    data = (tmp_path / "daten" / "organisations.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8, umlauts intact
    text = data.decode("utf-8-sig")
    assert text.startswith("id;name;kind;intermediary;om_partner;partner_since;parent_id;region_id\r\n")
    assert "o1;Handwerkskammer für München und Oberbayern;chamber_of_crafts;;;01.03.2019;;09162\r\n" in text
    assert "nein" in text


def test_xlsx_has_bold_frozen_header_real_dates_and_all_sheets(tmp_path: Path) -> None:
    path = tmp_path / "om.xlsx"
    write_dataset(RICH.model_copy(update={"criticisms": []}), path, "xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [r.sheet for r in RECORD_TYPES]
    sheet = workbook["networks"]
    assert sheet["A1"].value == "id" and sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(2, 12).value == dt.datetime(2024, 12, 31)  # application_date
    assert sheet.cell(2, 12).is_date
    assert sheet.cell(2, 15).value == "=Treffen+Check" and sheet.cell(2, 15).data_type == "s"
    assert sheet.column_dimensions["B"].width >= len("Digital & gesund")
    assert workbook["criticisms"].max_row == 1  # header only: the file doubles as a template


def test_yaml_is_readable(tmp_path: Path) -> None:
    path = tmp_path / "om.yaml"
    write_dataset(RICH, path, "yaml")
    text = path.read_text(encoding="utf-8")
    assert "name: München" in text
    assert "application_date: 2024-12-31" in text
    assert "name: 'yes'" in text
    assert "  aliases:\n  - Nürnberger Land\n  - Frankenmetropole\n  - Noris\n" in text
    assert list(yaml.safe_load(text)) == [r.sheet for r in RECORD_TYPES]


def test_format_follows_suffix_by_default(tmp_path: Path) -> None:
    write_dataset(RICH, tmp_path / "om.json")
    write_dataset(RICH, tmp_path / "folder")
    assert read_dataset(tmp_path / "om.json") == read_dataset(tmp_path / "folder") == RICH


def test_utf8_with_bom_and_comma(tmp_path: Path) -> None:
    folder = tmp_path / "bom"
    folder.mkdir()
    (folder / "networks.csv").write_bytes(
        b"\xef\xbb\xbfid,name,kind,open,application_date\r\nn1,\"OM S\xc3\xbcd, Bayern\",regional,no,2025-12-31\r\n"
    )
    (network,) = read_dataset(folder).networks
    assert (network.id, network.name, network.open, network.application_date) == (
        "n1", "OM Süd, Bayern", False, D(2025, 12, 31)
    )


def test_german_excel_csv(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "organisations.csv").write_bytes(
        "id;name;kind;om_partner;partner_since;region_id\r\n"
        "o1;Handwerkskammer für München;chamber_of_crafts;ja;31.12.2025;\r\n"
        "o2;Bäckerei Schöne, Süß & Co.;company;NEIN;1.2.2025;\r\n"
        "o3;Straßenbau Weiß;Company;x;;\r\n".encode("cp1252")
    )
    (folder / "networks.csv").write_bytes(
        "sep=;\r\nid;name;kind;open;principles_acknowledged\r\nn1;Netzwerk Nürnberg;regional;WAHR;FALSCH\r\n".encode("cp1252")
    )
    data = read_dataset(folder)
    o1, o2, o3 = data.organisations
    assert o1.name == "Handwerkskammer für München" and o1.partner_since == D(2025, 12, 31) and o1.om_partner
    assert o2.name == "Bäckerei Schöne, Süß & Co." and o2.partner_since == D(2025, 2, 1) and not o2.om_partner
    assert o3.kind == "company" and o3.om_partner and o3.partner_since is None and o3.region_id is None
    assert data.networks[0].open is True and data.networks[0].principles_acknowledged is False


def test_tab_separated_and_blank_rows(tmp_path: Path) -> None:
    folder = tmp_path / "tabs"
    folder.mkdir()
    (folder / "regions.csv").write_text("id\tname\tlevel\n\nDE\tDeutschland\tcountry\n\t\t\n", encoding="utf-8")
    assert [r.name for r in read_dataset(folder).regions] == ["Deutschland"]


def test_excel_cells_typed_by_excel(tmp_path: Path) -> None:
    """Numbers for text ids, date-time cells, real booleans and 1/0 as Excel stores them."""
    path = tmp_path / "hand.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "organisations"
    sheet.append(["id", "name", "kind", "om_partner", "intermediary", "partner_since"])
    sheet.append([1, "Kammer", "chamber_of_commerce", False, 1, dt.datetime(2025, 12, 31)])
    sheet.append([2.0, "Firma", "company", None, 0.0, "31.12.2025"])
    workbook.create_sheet("Tabelle2")  # Excel's empty default sheets are ignored
    workbook.save(path)
    o1, o2 = read_dataset(path).organisations
    assert (o1.id, o1.om_partner, o1.intermediary, o1.partner_since) == ("1", False, True, D(2025, 12, 31))
    assert (o2.id, o2.om_partner, o2.intermediary, o2.partner_since) == ("2", None, False, D(2025, 12, 31))
    assert o2.is_om_partner  # a company, but a partner since a date on record


def test_yaml_scalars_are_read_by_field_type(tmp_path: Path) -> None:
    path = tmp_path / "hand.yml"
    path.write_text(
        "regions:\n  - {id: '0712', name: Bayern, level: state, code: 0712}\n"
        "networks:\n  - {id: n1, name: no, kind: Thematic, open: nein, application_date: 31.12.2025}\n"
        "persons:\n",
        encoding="utf-8",
    )
    data = read_dataset(path)
    assert data.regions[0].code == "0712"
    network = data.networks[0]
    assert (network.name, network.kind, network.open, network.application_date) == ("no", "thematic", False, D(2025, 12, 31))


def test_json_native_types(tmp_path: Path) -> None:
    path = tmp_path / "om.json"
    path.write_text('{"networks": [{"id": "n1", "name": "OM", "kind": "regional", "open": false}]}', encoding="utf-8")
    assert read_dataset(path).networks[0].open is False


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.yaml", "missing.yaml: no such file or folder"),
        ("data.txt", "data.txt: unsupported input '.txt' (use a folder of CSV files, .xlsx, .yaml, .yml or .json)"),
        ("networks.csv", "give the folder that holds the CSV files"),
        ("old.xls", "save it as .xlsx"),
    ],
)
def test_unreadable_paths_are_one_line_input_errors(tmp_path: Path, monkeypatch, name: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    if name != "missing.yaml":
        Path(name).write_text("x", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_dataset(Path(name))
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith(name)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.yaml", "networks: [\n  {id: n1\n", "bad.yaml:3: not valid YAML"),
        ("bad.json", '{"networks": [}', "bad.json:1: not valid JSON"),
        ("bad.xlsx", "not a zip", "bad.xlsx: not a readable Excel workbook"),
    ],
)
def test_broken_files_are_input_errors(tmp_path: Path, monkeypatch, name: str, content: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_dataset(Path(name))
    assert str(caught.value).startswith(message)


def test_unknown_output_format(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="use one of: csv, csv-de, xlsx, yaml, json"):
        write_dataset(RICH, tmp_path / "x", "xls")


def test_failed_write_leaves_existing_output_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "daten"
    write_dataset(RICH, path, "csv-de")
    before = {p.name: p.read_bytes() for p in path.iterdir()}
    # a lone surrogate (JSON's "\ud800") is no character: no UTF-8 file can hold it
    broken = RICH.model_copy(update={"persons": [*RICH.persons[:1], RICH.persons[1].model_copy(update={"name": "Anna \ud800"})]})
    with pytest.raises(OutputError, match=r"persons\.csv:3:name: '\\ud800' cannot be written in utf-8-sig"):
        write_dataset(broken, path, "csv-de")
    assert {p.name: p.read_bytes() for p in path.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["daten"]  # no temporary left behind


def test_failed_first_write_creates_nothing(tmp_path: Path) -> None:
    bad = RICH.model_copy(update={"persons": [RICH.persons[0].model_copy(update={"name": "bell\x07"})]})
    with pytest.raises(OutputError, match=r"om\.xlsx\[persons\]:2:name: contains a control character"):
        write_dataset(bad, tmp_path / "om.xlsx", "xlsx")
    with pytest.raises(OutputError):
        write_dataset(bad.model_copy(update={"persons": [RICH.persons[0].model_copy(update={"name": "Ω\udc80"})]}), tmp_path / "new", "csv")
    assert list(tmp_path.iterdir()) == []


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    write_dataset(RICH, tmp_path / "om.yaml", "yaml")
    write_dataset(RICH, tmp_path / "data", "csv")
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "om.yaml").stat().st_mode & 0o777 == 0o666 & ~mask
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o777 & ~mask


@pytest.mark.parametrize("fmt", FORMATS)
def test_random_datasets_round_trip(fmt: str) -> None:
    """Datasets the property tests generate survive every format unchanged."""
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(datasets())
    def round_trip(dataset: Dataset) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = target(Path(folder), fmt)
            write_dataset(dataset, path, fmt)
            assert read_dataset(path) == dataset

    round_trip()
