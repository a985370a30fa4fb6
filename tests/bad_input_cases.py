"""Every class of bad input and output om-graph meets, with the cases that try it: one table.

``tests/test_bad_input.py`` runs every case, and renders :data:`CLASSES` with the number of
cases per class into docs/reliability.md, so the page cannot drift from what is tested:
``python tests/bad_input_cases.py`` rewrites that table.

A case is a command line (``argv``, run through typer's runner, or in a child process with
``subprocess=True``) built in a fresh folder by ``make``, and what it must get: the exit code
and a pattern of the one line on stderr (``lines`` says how many; ``None``: the lines of a
validation report). A failing case must leave every file as it was. ``check`` looks at the
result further (a file's content or mode): it asserts, or returns something true. A case without ``argv`` is a ``call``: a Python
check of a library function where the command line cannot reach (names that validation
refuses but a Neo4j database may hold).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "reliability.md"


@dataclass(frozen=True)
class Class:
    """A class of bad input or output, and what om-graph promises for it."""

    key: str
    what: str
    gets: str


@dataclass(frozen=True)
class Case:
    cls: str
    name: str
    argv: Callable[[Path], list[str]] | None = None
    exit: int = 2
    stderr: str = ""
    lines: int | None = 1
    check: Callable[[Path, Any], None] | None = None
    subprocess: bool = False
    call: Callable[[Path], None] | None = None
    #: Set up something that must run beside the command (a reader of a named pipe).
    beside: Callable[[Path], Any] | None = None
    env: dict[str, str] = field(default_factory=dict)


CLASSES = [
    Class("write", "Output that cannot be written: a folder as `-o`, `-o ''`, a parent that is a file, a name too long, "
          "a read-only folder, a full disk, a link to nothing, a socket",
          "one line `error: FILE: ...` naming the reason, exit 2, nothing written"),
    Class("clobber", "Output over the data being read: `-o` naming the input file or a sheet file of its folder (also "
          "through a link); `example` or `generate` into a file or folder holding a dataset",
          "refused before any work, exit 2, unless `--force`"),
    Class("format", "A file name whose extension says another format: `example ex.xlsx`, `generate g.xlsx`, "
          "`gaps --format xlsx -o g.csv`",
          "with no `--format`, the extension decides; a mismatch is refused, exit 2"),
    Class("special", "`-o` that is not a plain new file: a link to a file or to `/proc/self/fd/1`, a device (like "
          "`/dev/null`), a named pipe, an existing file with its own permissions",
          "a link is followed (the file it names is replaced, the link stays); devices and pipes are written through; "
          "an existing file keeps its mode"),
    Class("formula", "Names beginning with `=`, `+`, `-`, `@`, a tab or CR in the spreadsheets people open "
          "(CSV of audit, gaps, network stats, ambassadors coverage and plan, `cypher run`; gaps workbook)",
          "CSV: a leading `'` (shown as text, never run); workbooks: a text cell marked as text; JSON verbatim"),
    Class("markup", "HTML in names of a Markdown report; escape sequences and other control characters in terminal "
          "tables and error lines",
          "HTML escaped (`&lt;script&gt;`); control characters shown as `\\x1b`"),
    Class("csv", "CSV files that are not what they seem: a quote never closed or closed mid-cell, one Windows-1252 "
          "byte in UTF-8, bytes of no text encoding, UTF-16 without BOM, a 1 MB cell, 100,000 columns, a link to "
          "nothing as a sheet",
          "the cause first, at `file:row:field` (row and field where the quote opened or the byte is), no follow-on "
          "reference errors for that sheet, repeated problems counted; exit 2"),
    Class("mapping", "YAML and JSON that would lose data or crash: a key twice (a second `networks:`, a field twice "
          "in a row), nesting 100,000 deep, integers over 4,300 digits, NUL bytes, not UTF-8",
          "keys given twice reported with their lines; the rest one line each with the line where known; exit 2"),
    Class("workbook", "Workbooks that are damaged or lie: a formula without a saved value, an error value (`#N/A`), "
          "a stray cell at XFD1048576, not a zip, malformed XML, a bad shared-string index, an entity-expansion DTD",
          "cells reported at `book.xlsx[sheet]:row:field` with the cell; damage one line; read streaming, only the "
          "rows the sheet holds; exit 2"),
    Class("cells", "Cells no name holds: control characters (ESC, NUL, BEL), a time of day that is none "
          "(`2025-01-01 25:61`), a number too long to store",
          "refused at validation naming the cell, exit 2"),
    Class("empty", "Input with no dataset in it: an empty folder, 0-byte files, empty or comment-only YAML, `{}`, "
          "a workbook of empty sheets; a dataset without networks",
          "one line `PATH: holds no dataset`, exit 2; an audit of data without networks says so on stderr"),
    Class("options", "Options and arguments out of range: `--as-of 0001-01-01`, `--format pdf`, `--lang fr`, an "
          "unknown option or region, `generate --scale 1e6`, `cypher run` on a file that is not UTF-8",
          "one line `error: ...` (with the command whose `--help` explains it), exit 2"),
    Class("profile", "Profiles that are not UTF-8, or hold absurd numbers: `validity_months: 1000000000`, "
          "`window_months: 1.0e+30`, `min_partners: -5`, `max_share: .nan`, weights `.inf` or negative",
          "one line `PROFILE:field: ...` with the allowed range, exit 2 (UTF-16 with BOM is read)"),
]


# -- building inputs -------------------------------------------------------------------------------
def _csv(folder: Path, sheets: dict[str, list[list[str]]]) -> Path:
    folder.mkdir(exist_ok=True)
    for name, rows in sheets.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows(rows)
    return folder


#: A small valid dataset: memberships refer to networks and organisations.
SMALL = {
    "networks": [["id", "name", "kind"], ["n1", "OM Nord", "regional"], ["n2", "Digital gesund", "thematic"]],
    "organisations": [["id", "name", "kind"], ["o1", "Müller GmbH", "company"], ["o2", "Kammer Süd", "chamber_of_crafts"]],
    "memberships": [["organisation_id", "network_id"], ["o1", "n1"], ["o2", "n1"], ["o1", "n2"]],
}


def small(tmp: Path, **changes: list[list[str]]) -> Path:
    return _csv(tmp / "data", {**SMALL, **changes})


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def example(tmp: Path, name: str, fmt: str | None = None) -> Path:
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.sources import example_dataset

    write_dataset(example_dataset(), tmp / name, fmt)
    return tmp / name


def workbook(tmp: Path, rows: dict[str, list[list[Any]]], name: str = "om.xlsx") -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet, table in rows.items():
        ws = book.create_sheet(sheet)
        for row in table:
            ws.append(row)
    book.save(tmp / name)
    return tmp / name


def rewrite_part(path: Path, part: str, change: Callable[[str], str]) -> Path:
    """Rewrite one XML part of a workbook (``xl/worksheets/sheet1.xml``) as a damaged tool would."""
    with zipfile.ZipFile(path) as source:
        parts = {item.filename: source.read(item.filename) for item in source.infolist()}
    parts[part] = change(parts[part].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def networks_book(tmp: Path) -> Path:
    return workbook(tmp, {"networks": [["id", "name", "kind"], ["n1", "OM Nord", "regional"]]})


def evil(tmp: Path) -> Path:
    """The example with names that spreadsheets would run, as YAML."""
    from om_graph.dataset.io import write_dataset
    from om_graph.dataset.sources import example_dataset

    data = example_dataset()
    names = ['=HYPERLINK("http://attacker.invalid","x")', "@SUM(1+1)", "+1+1", "-1+1", "\t=1+1", "\r=1+1"]
    data = data.model_copy(update={
        "networks": [n.model_copy(update={"name": names[i % len(names)]}) for i, n in enumerate(data.networks)],
        "organisations": [o.model_copy(update={"name": names[i % len(names)]}) for i, o in enumerate(data.organisations)],
        "regions": [r.model_copy(update={"name": names[i % len(names)]}) for i, r in enumerate(data.regions)],
        "persons": [p.model_copy(update={"name": names[i % len(names)]}) for i, p in enumerate(data.persons)],
    })
    write_dataset(data, tmp / "evil.yaml", "yaml")
    return tmp / "evil.yaml"


def readonly_folder(tmp: Path) -> Path:
    """A folder nobody may write in: chmod for a user; for root (who may write anywhere) sysfs."""
    if os.geteuid() != 0:
        folder = tmp / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    return Path("/sys")


# -- checking results ------------------------------------------------------------------------------
FORMULA = re.compile(r"^[=+\-@\t\r]")


def _no_live_formula_in_csv(text: str, expect: int) -> None:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    live = [c for c in cells if FORMULA.match(c) and not re.fullmatch(r"[+-]?\d+([.,]\d+)?", c)]
    guarded = [c for c in cells if c[:2] in ("'=", "'@", "'+", "'-", "'\t", "'\r")]
    assert not live, live[:3]
    assert len(guarded) >= expect, guarded


def csv_out(expect: int) -> Callable[[Path, Any], None]:
    return lambda tmp, result: _no_live_formula_in_csv((tmp / "out.csv").read_text(encoding="utf-8"), expect)


def gaps_workbook(tmp: Path, result: Any) -> None:
    sheet = openpyxl.load_workbook(tmp / "gaps.xlsx").active
    suspicious = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and FORMULA.match(c.value)]
    assert suspicious and all(c.data_type == "s" and c.quotePrefix for c in suspicious)


def json_verbatim(tmp: Path, result: Any) -> None:
    names = {f["subject_name"] for f in json.loads((tmp / "out.json").read_text(encoding="utf-8"))["findings"]}
    assert '=HYPERLINK("http://attacker.invalid","x")' in names and not any(n.startswith("'") for n in names)


def is_workbook(path: str) -> Callable[[Path, Any], None]:
    def check(tmp: Path, result: Any) -> None:
        assert zipfile.is_zipfile(tmp / path), f"{path} is not a workbook"
    return check


def mode_kept(tmp: Path, result: Any) -> None:
    assert stat.S_IMODE((tmp / "report.txt").stat().st_mode) == 0o600
    assert (tmp / "report.txt").read_text(encoding="utf-8").startswith("OM network audit")


def link_kept(tmp: Path, result: Any) -> None:
    assert (tmp / "latest.txt").is_symlink() and os.readlink(tmp / "latest.txt") == "reports/audit.txt"
    assert (tmp / "reports" / "audit.txt").read_text(encoding="utf-8").startswith("OM network audit")


def json_on_stdout(tmp: Path, result: Any) -> None:
    assert json.loads(result.stdout)["findings"]
    assert (tmp / "stdout").is_symlink(), "the link to stdout was replaced by a file"


def device(tmp: Path, name: str, minor: int) -> Path:
    """A private copy of a memory device (``/dev/null`` is 1:3, ``/dev/full`` 1:7) in ``tmp``.

    Never the system's own: a broken writer would replace ``/dev/null`` with a file for everyone.
    Making a device node needs root; elsewhere the case is skipped.
    """
    import pytest

    try:
        os.mknod(tmp / name, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return tmp / name


def still_a_device(tmp: Path, result: Any) -> None:
    assert stat.S_ISCHR((tmp / "null").lstat().st_mode) and sorted(p.name for p in tmp.iterdir()) == ["null"]


def pipe_reader(tmp: Path) -> Any:
    """A named pipe ``tmp/pipe`` and a thread that reads it (the command blocks until it does)."""
    import threading

    os.mkfifo(tmp / "pipe")
    got: dict[str, bytes] = {}

    def read() -> None:
        with open(tmp / "pipe", "rb") as pipe:
            got["data"] = pipe.read()

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def socket_file(tmp: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp / "sock"))
    return tmp / "sock"


def many_columns(tmp: Path) -> Path:
    row = ["n1", "OM Nord", "regional"] + ["x"] * 100_000
    return small(tmp, networks=[["id", "name", "kind"], row, ["n2", "Digital gesund", "thematic"]])


def big_cell(tmp: Path) -> Path:
    return small(tmp, networks=[["id", "name", "kind"], ["n1", "x" * 1_000_000, "regional"], ["n2", "Digital gesund", "thematic"]])


# -- calls: library functions the command line cannot reach with such data -------------------------
def _engine_with_names(name: str) -> Any:
    from om_graph.dataset.model import Dataset, Network
    from om_graph.engines.embedded import EmbeddedEngine

    return EmbeddedEngine(Dataset(networks=[Network(id="n1", name=name, kind="regional", status="recognised")]))


def table_escapes_terminal_control(tmp: Path) -> None:
    from om_graph.audit.render.table import render_table
    from om_graph.audit.run import run_audit

    result = run_audit(_engine_with_names("OM\x1b[2J\x1b]0;owned\x07 Nord"), as_of=__import__("datetime").date(2025, 6, 30))
    text = render_table(result)
    assert "\x1b" not in text and "\x07" not in text and "OM\\x1b[2J" in text


def cypher_csv_is_neutralised(tmp: Path) -> None:
    from om_graph.engines.neo4j.runner import render_rows

    text = render_rows(["name", "n"], [{"name": "=cmd|' /C calc'!A0", "n": -3}], "csv")
    assert text.splitlines()[1] == "'=cmd|' /C calc'!A0,-3"


def cypher_table_escapes(tmp: Path) -> None:
    from om_graph.engines.neo4j.runner import render_rows

    assert "\x1b" not in render_rows(["name"], [{"name": "a\x1b[31mb"}], "table")


def gaps_table_escapes(tmp: Path) -> None:
    from om_graph.features.gaps.find import find_gaps
    from om_graph.features.gaps.render import render_gaps

    text = render_gaps(find_gaps(_engine_with_names("Netz\x1b[31m")), "table")
    assert "\x1b" not in text and "Netz\\x1b[31m" in text


def full_disk_leaves_old_file(tmp: Path) -> None:
    """A disk that fills up while the report is written: the old report stays, no temporary is left."""
    import errno

    import pytest

    from om_graph.output import OutputError, write_atomic

    target = tmp / "report.csv"
    target.write_text("old", encoding="utf-8")
    original = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    Path.write_bytes = full  # type: ignore[method-assign]
    try:
        with pytest.raises(OutputError, match=r"report\.csv: cannot write \(No space left on device\)"):
            write_atomic(target, "new")
    finally:
        Path.write_bytes = original  # type: ignore[method-assign]
    assert [p.name for p in tmp.iterdir()] == ["report.csv"] and target.read_text(encoding="utf-8") == "old"


def problems_are_capped(tmp: Path) -> None:
    from om_graph.dataset.io.raw import Problem
    from om_graph.dataset.io.validate import MAX_PER_SOURCE, shown

    lines = shown([Problem("networks.csv", row, "kind", "bad") for row in range(2, 100_002)])
    assert len(lines) == MAX_PER_SOURCE + 1
    assert lines[-1] == f"networks.csv: {100_000 - MAX_PER_SOURCE:,} more problems not shown (the first {MAX_PER_SOURCE} are)"


def then(*steps: Any) -> Any:
    """The last of ``steps``: a case's set-up steps, evaluated in order, then its command line."""
    return steps[-1]


def _run(*args: str) -> Callable[[Path], list[str]]:
    return lambda tmp: list(args)


CASES: list[Case] = [
    # -- write: output that cannot be written -----------------------------------------------------------
    Case("write", "folder_as_output", lambda t: then((t / "reports").mkdir(), ["audit", "--example", "-o", "reports"]),
         stderr=r"error: reports: is a folder; give a file name"),
    Case("write", "empty_output", _run("audit", "--example", "-o", ""), stderr=r"error: no file name given"),
    Case("write", "parent_is_a_file", lambda t: then((t / "notes").write_text("x"), ["audit", "--example", "-o", "notes/audit.txt"]),
         stderr=r"error: notes/audit.txt: cannot write \(notes is a file, not a folder\)"),
    Case("write", "name_too_long", _run("audit", "--example", "-o", "a" * 300 + ".txt"),
         stderr=r"error: a{300}\.txt: cannot write \(File name too long\)"),
    Case("write", "name_near_the_limit", _run("audit", "--example", "--fail-on", "never", "-o", "a" * 250 + ".txt"),
         exit=0, stderr=r"wrote a{250}\.txt"),
    Case("write", "readonly_folder", lambda t: ["audit", "--example", "-o", str(readonly_folder(t) / "audit.txt")],
         stderr=r"error: .*/audit\.txt: cannot write \((Permission denied|Read-only file system)\)"),
    Case("write", "full_disk_device", lambda t: then(device(t, "full", 7), ["audit", "--example", "-o", "full"]),
         stderr=r"error: full: cannot write \(No space left on device\)"),
    Case("write", "full_disk_file", call=full_disk_leaves_old_file),
    Case("write", "dangling_link", lambda t: then(os.symlink("gone/report.txt", t / "report.txt"), ["audit", "--example", "-o", "report.txt"]),
         stderr=r"error: report\.txt: is a link to gone/report\.txt, which does not exist; give a file"),
    Case("write", "socket", lambda t: then(socket_file(t), ["audit", "--example", "-o", "sock"]),
         stderr=r"error: sock: is a special file \(not a file, device or pipe\); give a file name"),
    Case("write", "workbook_to_folder", lambda t: then((t / "g").mkdir(), ["gaps", "--example", "-f", "xlsx", "-o", "g"]),
         stderr=r"error: g: is a folder; give a file name"),
    Case("write", "map_parent_is_a_file", lambda t: then((t / "maps").write_text("x"), ["map", "networks", "--example", "-o", "maps/n.html"]),
         stderr=r"error: maps/n\.html: cannot write \(maps is a file, not a folder\)"),
    Case("write", "csv_dataset_into_a_file", lambda t: then((t / "data").write_text("x"), ["example", "data", "--format", "csv", "--force"]),
         stderr=r"error: data: is a file; give a folder for CSV output"),
    # -- clobber: output over the data being read ------------------------------------------------------
    Case("clobber", "output_is_the_input", lambda t: then([str(example(t, "om.json")), "-f", "json", "-o", "om.json"], ["audit", "om.json", "-f", "json", "-o", "om.json"]),
         stderr=r"error: om\.json: is the input om\.json; writing the report there would replace your data \(give another file, or --force\)"),
    Case("clobber", "output_is_a_sheet_of_the_input", lambda t: then(small(t), ["audit", "data", "-f", "csv", "-o", "data/networks.csv"]),
         stderr=r"error: data/networks\.csv: is in the input folder data, where it would be read as a sheet next time"),
    Case("clobber", "output_is_a_new_csv_in_the_input_folder", lambda t: then(small(t), ["gaps", "data", "-f", "csv", "-o", "data/gaps.csv"]),
         stderr=r"error: data/gaps\.csv: is in the input folder data"),
    Case("clobber", "output_links_to_the_input", lambda t: then(example(t, "om.yaml"), os.symlink("om.yaml", t / "alias.yaml"), ["export", "om.yaml", "--format", "json", "-o", "alias.yaml"]),
         stderr=r"error: alias\.yaml: is the input om\.yaml"),
    Case("clobber", "export_over_the_input", lambda t: then(example(t, "om.json"), ["export", "om.json", "--format", "json", "-o", "om.json"]),
         stderr=r"error: om\.json: is the input om\.json"),
    Case("clobber", "map_over_the_input", lambda t: then(example(t, "om.yaml"), ["map", "networks", "om.yaml", "-o", "om.yaml"]),
         stderr=r"error: om\.yaml: is the input om\.yaml"),
    Case("clobber", "force_writes_over_the_input", lambda t: then(example(t, "om.json"), ["audit", "om.json", "-f", "json", "-o", "om.json",
                                                                                          "--force", "--fail-on", "never"]),
         exit=0, stderr=r"wrote om\.json", check=lambda t, r: json.loads((t / "om.json").read_text())["findings"]),
    Case("clobber", "example_into_a_dataset_folder", lambda t: then(small(t), ["example", "data", "--format", "csv"]),
         stderr=r"error: data holds a dataset \(memberships\.csv, networks\.csv, organisations\.csv\); writing would replace it "
                r"\(give another name, or --force\)"),
    Case("clobber", "generate_into_a_dataset_folder", lambda t: then(small(t), ["generate", "data", "--scale", "0.1"]),
         stderr=r"error: data holds a dataset"),
    Case("clobber", "example_over_a_file", lambda t: then(example(t, "om.yaml"), ["example", "om.yaml"]),
         stderr=r"error: om\.yaml exists; writing would replace it"),
    Case("clobber", "example_force", lambda t: then(small(t), ["example", "data", "--format", "csv", "--force"]), exit=0,
         lines=None, check=lambda t, r: (t / "data" / "regions.csv").exists()),
    # -- format: the extension names the format ----------------------------------------------------------
    Case("format", "example_xlsx", _run("example", "ex.xlsx"), exit=0, lines=None, check=is_workbook("ex.xlsx")),
    Case("format", "generate_xlsx", _run("generate", "g.xlsx", "--scale", "0.1"), exit=0, lines=None, check=is_workbook("g.xlsx")),
    Case("format", "example_json", _run("example", "ex.json"), exit=0, lines=None,
         check=lambda t, r: json.loads((t / "ex.json").read_text(encoding="utf-8"))["networks"]),
    Case("format", "example_mismatch", _run("example", "ex.xlsx", "--format", "yaml"),
         stderr=r"error: ex\.xlsx: a \.xlsx file cannot hold --format yaml; give --format xlsx, or a file name that matches"),
    Case("format", "example_csv_file", _run("example", "ex.csv"),
         stderr=r"error: ex\.csv: a CSV dataset is a folder of files, one per sheet; give a folder name"),
    Case("format", "gaps_xlsx_named_csv", _run("gaps", "--example", "--format", "xlsx", "-o", "g.csv"),
         stderr=r"error: g\.csv: a \.csv file cannot hold --format xlsx; give --format csv, or a file name that matches"),
    Case("format", "gaps_named_xlsx", _run("gaps", "--example", "-o", "g.xlsx"), exit=0, stderr=r"wrote g\.xlsx",
         check=is_workbook("g.xlsx")),
    Case("format", "audit_named_json", _run("audit", "--example", "--fail-on", "never", "-o", "a.json"), exit=0,
         stderr=r"wrote a\.json", check=lambda t, r: json.loads((t / "a.json").read_text())["summary"]),
    Case("format", "stats_json_named_csv", _run("network", "stats", "--example", "--format", "json", "-o", "s.csv"),
         stderr=r"error: s\.csv: a \.csv file cannot hold --format json; give --format csv"),
    Case("format", "stats_named_html", _run("network", "stats", "--example", "-o", "s.pdf.html"),
         stderr=r"error: s\.pdf\.html: a \.html file cannot hold the default format \(table\); the formats here are"),
    Case("format", "rules_named_md", _run("rules", "-o", "rules.md"), exit=0, stderr=r"wrote rules\.md",
         check=lambda t, r: (t / "rules.md").read_text(encoding="utf-8").startswith("#")),
    # -- special: links, devices, pipes, modes -------------------------------------------------------------
    Case("special", "link_to_a_file", lambda t: then((t / "reports").mkdir(), (t / "reports" / "audit.txt").write_text("old"), os.symlink("reports/audit.txt", t / "latest.txt"), ["audit", "--example", "--fail-on", "never", "-o", "latest.txt"]),
         exit=0, stderr=r"wrote latest\.txt", check=link_kept),
    Case("special", "device", lambda t: then(device(t, "null", 3), ["audit", "--example", "--fail-on", "never", "-o", "null"]),
         exit=0, stderr=r"wrote null", check=still_a_device),
    Case("special", "link_to_stdout", lambda t: then(os.symlink("/proc/self/fd/1", t / "stdout"),
                                                      ["audit", "--example", "--fail-on", "never", "-f", "json", "-o", "stdout"]),
         exit=0, stderr=r"wrote stdout", check=json_on_stdout, subprocess=True),
    Case("special", "named_pipe", _run("audit", "--example", "--fail-on", "never", "-f", "json", "-o", "pipe"), exit=0,
         stderr=r"wrote pipe", beside=pipe_reader),
    Case("special", "mode_kept", lambda t: then((t / "report.txt").write_text("old"), (t / "report.txt").chmod(0o600), ["audit", "--example", "--fail-on", "never", "-o", "report.txt"]), exit=0, stderr=r"wrote report\.txt", check=mode_kept),
    # -- formula: names a spreadsheet would run ------------------------------------------------------------
    Case("formula", "audit_csv", lambda t: then(evil(t), ["audit", "evil.yaml", "-f", "csv", "--fail-on", "never", "-o", "out.csv"]),
         exit=0, stderr=r"wrote out\.csv", check=csv_out(5)),
    Case("formula", "gaps_csv", lambda t: then(evil(t), ["gaps", "evil.yaml", "-f", "csv", "-o", "out.csv"]), exit=0,
         stderr=r"wrote out\.csv", check=csv_out(3)),
    Case("formula", "gaps_xlsx", lambda t: then(evil(t), ["gaps", "evil.yaml", "-o", "gaps.xlsx"]), exit=0,
         stderr=r"wrote gaps\.xlsx", check=gaps_workbook),
    Case("formula", "network_stats_csv", lambda t: then(evil(t), ["network", "stats", "evil.yaml", "-f", "csv", "-o", "out.csv"]),
         exit=0, stderr=r"wrote out\.csv", check=csv_out(5)),
    Case("formula", "coverage_csv", lambda t: then(evil(t), ["ambassadors", "coverage", "evil.yaml", "-f", "csv", "-o", "out.csv"]),
         exit=0, stderr=r"wrote out\.csv", check=csv_out(3)),
    Case("formula", "plan_csv", lambda t: then(evil(t), ["ambassadors", "plan", "evil.yaml", "--add", "3", "-f", "csv", "-o", "out.csv"]),
         exit=0, stderr=r"wrote out\.csv", check=csv_out(1)),
    Case("formula", "cypher_run_csv", call=cypher_csv_is_neutralised),
    Case("formula", "json_verbatim", lambda t: then(evil(t), ["audit", "evil.yaml", "-f", "json", "--fail-on", "never", "-o", "out.json"]),
         exit=0, stderr=r"wrote out\.json", check=json_verbatim),
    # -- markup: HTML in Markdown, escape sequences in terminals -----------------------------------------------
    Case("markup", "markdown_html", lambda t: then(small(t, networks=[["id", "name", "kind", "status"],
                                                                    ["n1", "<script>alert(1)</script>", "regional", "recognised"],
                                                                    ["n2", "Digital gesund", "thematic", "applied"]]), ["audit", "data", "-f", "markdown", "--fail-on", "never", "-o", "out.md"]), exit=0, stderr=r"wrote out\.md",
         check=lambda t, r: "<script>" not in (t / "out.md").read_text() and "&lt;script&gt;" in (t / "out.md").read_text()),
    Case("markup", "audit_table", call=table_escapes_terminal_control),
    Case("markup", "gaps_table", call=gaps_table_escapes),
    Case("markup", "cypher_table", call=cypher_table_escapes),
    Case("markup", "error_line", _run("gaps", "--example", "--region", "DE\x1b[2J"),
         stderr=r"error: --region DE\\x1b\[2J: no region with this id in the data"),
    # -- csv: files that are not what they seem ----------------------------------------------------------------
    Case("csv", "quote_never_closed", lambda t: then(write_bytes(small(t) / "networks.csv",
                                                                  b'id,name,kind\nn1,OM Nord,regional\nn2,"Digital gesund,thematic\n'),
                                                      ["validate", "data"]),
         lines=None, stderr=r"networks\.csv:3:name: a quote opens this cell and is never closed; the rest of the file would be read into it\n"
                            r"1 problem\(s\) found"),
    Case("csv", "quote_closed_mid_cell", lambda t: then(write_bytes(small(t) / "networks.csv",
                                                                  b'id,name,kind\nn1,"OM Nord,regional\nn2,"Digital" gesund,thematic\n'), ["validate", "data"]), lines=None,
         stderr=r"networks\.csv:2:name: a quote opens this cell and closes before its end; inside a quoted cell write a quote twice"),
    Case("csv", "quote_swallowing_rows", lambda t: then(write_bytes(small(t) / "organisations.csv",
                                                                  b'id,name,kind\no1,"M\xc3\xbcller GmbH,company\no2,Kammer,chamber_of_crafts\n'
                                                                  b'o3,"Quoted",company\n'), ["validate", "data"]), lines=None,
         stderr=r"^organisations\.csv:2:name: a quote opens this cell and closes before its end.*\n1 problem\(s\) found"),
    Case("csv", "one_cp1252_byte_in_utf8", lambda t: then(write_bytes(small(t) / "organisations.csv",
                                                                    b"id,name,kind\no1,M\xc3\xbcller GmbH,company\no2,K\xf6ln Kammer,company\n"), ["validate", "data"]), lines=None,
         stderr=r"organisations\.csv:3:name: line 3: byte 0xF6 is not UTF-8, though the rest of the file is \(in Windows-1252 it "
                r"would be 'ö'\); save the file as UTF-8 again"),
    Case("csv", "whole_file_cp1252", lambda t: then(write_bytes(small(t) / "organisations.csv",
                                                              "id;name;kind\no1;Müller GmbH;company\no2;Kammer Süd;company\n".encode("cp1252")), ["validate", "data"]), exit=0, stderr=r"", lines=0,
         check=lambda t, r: "valid" in r.stdout),
    Case("csv", "byte_of_no_encoding", lambda t: then(write_bytes(small(t) / "organisations.csv", b"id,name,kind\no1,M\x81ller,company\n"), ["validate", "data"]), lines=None,
         stderr=r"organisations\.csv:2:name: line 2: byte 0x81 is neither UTF-8 nor Windows-1252 text"),
    Case("csv", "utf16_without_bom", lambda t: then(write_bytes(small(t) / "networks.csv",
                                                              "id,name,kind\nn1,OM,regional\n".encode("utf-16-le")), ["validate", "data"]), lines=None, stderr=r"networks\.csv: line 1: is full of NUL bytes: UTF-16 without byte-order mark"),
    Case("csv", "bom_then_not_utf8", lambda t: then(write_bytes(small(t) / "networks.csv", b"\xef\xbb\xbfid,name,kind\nn1,\xfc,regional\n"), ["validate", "data"]), lines=None, stderr=r"networks\.csv:2:name: line 2: starts as UTF-8 \(byte-order mark\) but is not"),
    Case("csv", "megabyte_cell_first_and_alone", lambda t: then(big_cell(t), ["validate", "data"]), lines=None,
         stderr=r"^networks\.csv:2: a cell longer than 131,072 characters \(the most om-graph reads\)\n1 problem\(s\) found"),
    Case("csv", "hundred_thousand_columns", lambda t: then(many_columns(t), ["validate", "data"]), lines=None,
         stderr=r"^networks\.csv:1: 100,000 columns have values but no header \(D, E, F, G, H, \.\.\.\)\n1 problem\(s\) found"),
    Case("csv", "capped_problems", call=problems_are_capped),
    Case("csv", "dangling_link_as_sheet", lambda t: then(small(t), os.symlink("/nonexistent/regions.csv", t / "data" / "regions.csv"), ["validate", "data"]), lines=None, stderr=r"^regions\.csv: a link to /nonexistent/regions\.csv, which does not exist"),
    # -- mapping: YAML and JSON ------------------------------------------------------------------------------------
    Case("mapping", "yaml_networks_twice", lambda t: then((t / "om.yaml").write_text(
        "networks:\n  - {id: n1, name: OM Nord, kind: regional}\nregions: []\nnetworks:\n  - {id: n2, name: Süd, kind: regional}\n"), ["validate", "om.yaml"]), lines=None,
         stderr=r"om\.yaml:4: key 'networks' given twice in one mapping \(first on line 1\); the second would replace the first"),
    Case("mapping", "yaml_field_twice", lambda t: then((t / "om.yaml").write_text(
        "networks:\n  - id: n1\n    name: OM Nord\n    kind: regional\n    name: OM Süd\n"), ["validate", "om.yaml"]), lines=None,
         stderr=r"om\.yaml:5: key 'name' given twice in one mapping \(first on line 3\)"),
    Case("mapping", "json_key_twice", lambda t: then((t / "om.json").write_text(
        '{"networks": [{"id": "n1", "name": "A", "kind": "regional"}], "networks": []}'), ["validate", "om.json"]), lines=None,
         stderr=r"om\.json: key 'networks' appears twice in one object; the second would replace the first"),
    Case("mapping", "json_nested_100000", lambda t: then((t / "om.json").write_text('{"networks": ' + "[" * 100_000 + "]" * 100_000 + "}"), ["validate", "om.json"]), stderr=r"error: om\.json: nested too deeply to be a dataset"),
    Case("mapping", "yaml_nested_100000", lambda t: then((t / "om.yaml").write_text("networks:\n  - " + "- " * 100_000 + "x\n"), ["validate", "om.yaml"]), stderr=r"error: om\.yaml:2: nested too deeply to be a dataset"),
    Case("mapping", "yaml_flow_nested_100000", lambda t: then((t / "om.yaml").write_text("networks: " + "[" * 100_000 + "]" * 100_000 + "\n"), ["validate", "om.yaml"]), stderr=r"error: om\.yaml:\d+: (nested too deeply to be a dataset|not valid YAML)"),
    Case("mapping", "json_integer_5000_digits", lambda t: then((t / "om.json").write_text(
        '{"networks": [{"id": "n1", "name": "A", "kind": ' + "9" * 5000 + '}]}'), ["validate", "om.json"]), lines=None,
         stderr=r"om\.json\[networks\]:1:kind: must be one of: regional, thematic"),
    Case("mapping", "yaml_integer_5000_digits", lambda t: then((t / "om.yaml").write_text(
        "networks:\n  - {id: n1, name: A, kind: " + "9" * 5000 + "}\n"), ["validate", "om.yaml"]), lines=None,
         stderr=r"om\.yaml\[networks\]:1:kind: must be one of: regional, thematic"),
    Case("mapping", "yaml_nul_byte", lambda t: then((t / "om.yaml").write_text("networks:\n  - {id: n1, name: \"a\x00b\", kind: regional}\n"), ["validate", "om.yaml"]), stderr=r"error: om\.yaml:2: not valid YAML \(the character U\+0000 is not allowed\)"),
    Case("mapping", "yaml_not_utf8", lambda t: then(write_bytes(t / "om.yaml", b"networks:\n  - {id: n1, name: K\xf6ln, kind: regional}\n"), ["validate", "om.yaml"]), stderr=r"error: om\.yaml:2: not UTF-8 text: byte 0xF6 \(Windows-1252 'ö'\?\); save the file as UTF-8"),
    # -- workbook: damaged or lying workbooks ----------------------------------------------------------------------
    Case("workbook", "formula_without_value", lambda t: then(workbook(t, {"networks": [["id", "name", "kind"], ["n1", "=B5&\"x\"", "regional"]]}), ["validate", "om.xlsx"]), lines=None,
         stderr=r"om\.xlsx\[networks\]:2:name: cell B2 holds a formula without a saved value; open the workbook in Excel and save it again"),
    Case("workbook", "error_value", lambda t: then(workbook(t, {"networks": [["id", "name", "kind"], ["n1", "#N/A", "regional"]]}), ["validate", "om.xlsx"]), lines=None, stderr=r"om\.xlsx\[networks\]:2:name: cell B2 holds the Excel error #N/A"),
    Case("workbook", "stray_cell_at_xfd1048576", lambda t: then(rewrite_part(networks_book(t), "xl/worksheets/sheet1.xml", lambda x: x.replace(
        "</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>').replace(
        'ref="A1:C2"', 'ref="A1:XFD1048576"')), ["validate", "om.xlsx"]), lines=None,
         stderr=r"^om\.xlsx\[networks\]:1: column XFD has values but no header\n1 problem"),
    Case("workbook", "not_a_zip", lambda t: then((t / "om.xlsx").write_text("not a zip"), ["validate", "om.xlsx"]),
         stderr=r"error: om\.xlsx: not a readable Excel workbook \(\.xlsx\): not an \.xlsx file"),
    Case("workbook", "truncated_zip", lambda t: then(write_bytes(t / "om.xlsx", networks_book(t).read_bytes()[:900]), ["validate", "om.xlsx"]),
         stderr=r"error: om\.xlsx: not a readable Excel workbook \(\.xlsx\)"),
    Case("workbook", "malformed_sheet_xml", lambda t: then(rewrite_part(networks_book(t), "xl/worksheets/sheet1.xml",
                                                                      lambda x: x.replace("</sheetData>", "<row></sheetData>")), ["validate", "om.xlsx"]), stderr=r"error: om\.xlsx: not a readable Excel workbook \(\.xlsx\): damaged XML inside"),
    Case("workbook", "bad_shared_string_index", lambda t: then(rewrite_part(networks_book(t), "xl/worksheets/sheet1.xml", lambda x: x.replace(
        "</sheetData>", '<row r="3"><c r="A3" t="s"><v>999</v></c></row></sheetData>')), ["validate", "om.xlsx"]),
         stderr=r"error: om\.xlsx: not a readable Excel workbook \(\.xlsx\): a cell refers to a text the workbook does not hold"),
    Case("workbook", "entity_expansion", lambda t: then(rewrite_part(networks_book(t), "xl/worksheets/sheet1.xml", lambda x: x.replace(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "").replace("<worksheet", '<!DOCTYPE worksheet ['
        + '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + ']><worksheet', 1).replace(">OM Nord<", ">&j;<")), ["validate", "om.xlsx"]),
         stderr=r"error: om\.xlsx: not a readable Excel workbook \(\.xlsx\): damaged XML inside"),
    Case("workbook", "cell_beyond_xfd", lambda t: then(rewrite_part(networks_book(t), "xl/worksheets/sheet1.xml", lambda x: x.replace(
        "</sheetData>", '<row r="3"><c r="ZZZ3" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')), ["validate", "om.xlsx"]),
         stderr=r"error: om\.xlsx: not a readable Excel workbook \(\.xlsx\): a cell beyond Excel's last one"),
    # -- cells: values no name holds -----------------------------------------------------------------------------
    Case("cells", "escape_in_csv_name", lambda t: then(small(t, networks=[["id", "name", "kind"], ["n1", "OM\x1b[31m Nord", "regional"]]), ["validate", "data"]), lines=None, stderr=r"networks\.csv:2:name: contains the control character U\+001B; remove it"),
    Case("cells", "nul_in_csv_id", lambda t: then(small(t, organisations=[["id", "name", "kind"], ["o1\x00", "Müller", "company"],
                                                                     ["o2", "Kammer", "company"]]), ["validate", "data"]), lines=None, stderr=r"organisations\.csv:2:id: contains the control character U\+0000; remove it"),
    Case("cells", "c1_control_in_workbook", lambda t: then(rewrite_part(networks_book(t), "xl/worksheets/sheet1.xml",
                                                                     lambda x: x.replace(">OM Nord<", ">OM&#x9B;2J Nord<")),
                                                        ["validate", "om.xlsx"]),
         lines=None, stderr=r"om\.xlsx\[networks\]:2:name: contains the control character U\+009B"),
    Case("cells", "time_25_61", lambda t: then(small(t, memberships=[["organisation_id", "network_id", "since"], ["o1", "n1", "2025-01-01 25:61"]]), ["validate", "data"]), lines=None, stderr=r"memberships\.csv:2:since: not a date \(use 2025-12-31 or 31\.12\.2025\)"),
    Case("cells", "c1_control_in_csv_name", lambda t: then(small(t, networks=[["id", "name", "kind"], ["n1", "OM\x9b2J Nord", "regional"]]), ["validate", "data"]), lines=None, stderr=r"networks\.csv:2:name: contains the control character U\+009B; remove it"),
    # -- empty: input without a dataset -----------------------------------------------------------------------------
    Case("empty", "empty_folder", lambda t: then((t / "data").mkdir(), ["validate", "data"]),
         stderr=r"error: data: holds no dataset \(no sheet with a row\)"),
    Case("empty", "zero_byte_files", lambda t: then((t / "data").mkdir(), [(t / "data" / f"{s}.csv").write_bytes(b"") for s in SMALL], ["validate", "data"]), stderr=r"error: data: holds no dataset"),
    Case("empty", "zero_byte_yaml", lambda t: then((t / "om.yaml").write_bytes(b""), ["audit", "om.yaml"]), stderr=r"error: om\.yaml: holds no dataset"),
    Case("empty", "comment_only_yaml", lambda t: then((t / "om.yaml").write_text("# networks: later\n"), ["validate", "om.yaml"]),
         stderr=r"error: om\.yaml: holds no dataset"),
    Case("empty", "empty_json_object", lambda t: then((t / "om.json").write_text("{}"), ["audit", "om.json"]),
         stderr=r"error: om\.json: holds no dataset"),
    Case("empty", "workbook_of_empty_sheets", lambda t: then(workbook(t, {"networks": [], "Tabelle1": []}), ["validate", "om.xlsx"]),
         stderr=r"error: om\.xlsx: holds no dataset"),
    Case("empty", "audit_without_networks", lambda t: then((t / "om.yaml").write_text("regions:\n  - {id: DE, name: Deutschland, level: country}\n"), ["audit", "om.yaml", "--as-of", "2025-06-30"]), exit=0,
         stderr=r"note: the data holds no OM network, so no network was audited or placed in a stage"),
    # -- options: out of range ------------------------------------------------------------------------------------------
    Case("options", "as_of_year_1", _run("audit", "--example", "--as-of", "0001-01-01"),
         stderr=r"error: --as-of: 0001-01-01 is outside 1900-01-01 to 2999-12-31"),
    Case("options", "as_of_year_9999", _run("audit", "--example", "--as-of", "31.12.9999"),
         stderr=r"error: --as-of: 31\.12\.9999 is outside 1900-01-01 to 2999-12-31"),
    Case("options", "as_of_time_25_61", _run("audit", "--example", "--as-of", "2025-01-01 25:61"),
         stderr=r"error: --as-of: not a date: '2025-01-01 25:61'"),
    Case("options", "format_pdf", _run("audit", "--example", "--format", "pdf"),
         stderr=r"error: Invalid value for '--format' / '-f': 'pdf' is not one of 'table', 'json', 'csv', 'markdown', 'csv-de', 'xlsx'\. "
                r"\(see: om-graph audit --help\)"),
    Case("options", "lang_fr", _run("gaps", "--example", "--lang", "fr"),
         stderr=r"error: Invalid value for '--lang'.*'fr' is not one of 'en', 'de'\. \(see: om-graph gaps --help\)"),
    Case("options", "unknown_option", _run("network", "stats", "--example", "--fromat", "csv"),
         stderr=r"error: No such option: --fromat \(Possible options: --format\) \(see: om-graph network stats --help\)"),
    Case("options", "missing_argument", _run("generate"), stderr=r"error: Missing argument 'target'\. \(see: om-graph generate --help\)"),
    Case("options", "unknown_command", _run("audti"), stderr=r"error: No such command 'audti'"),
    Case("options", "unknown_region", _run("gaps", "--example", "--region", "DE-XX"),
         stderr=r"error: --region DE-XX: no region with this id in the data"),
    Case("options", "scale_1e6", _run("generate", "big", "--scale", "1e6"),
         stderr=r"error: --scale 1e\+06: at most 1000 \(scale 1000 needs about 5 GB of memory"),
    Case("options", "scale_nan", _run("generate", "big", "--scale", "nan"), stderr=r"error: scale must be a positive number"),
    Case("options", "cypher_file_not_utf8", lambda t: then(write_bytes(t / "q.cypher", b"// K\xf6ln\nRETURN 1\n"), ["cypher", "run", "q.cypher"]),
         stderr=r"error: q\.cypher:1: not UTF-8 text: byte 0xF6"),
    Case("options", "cypher_file_missing", _run("cypher", "run", "nope.cypher"),
         stderr=r"error: nope\.cypher: cannot read query file \(No such file or directory\)"),
    # -- profile: encodings and ranges ------------------------------------------------------------------------------------
    Case("profile", "cp1252", lambda t: then(write_bytes(t / "p.yaml", "name: Köln\n".encode("cp1252")), ["audit", "--example", "--profile", "p.yaml"]), stderr=r"error: p\.yaml:1: not UTF-8 text: byte 0xF6"),
    Case("profile", "utf16_with_bom", lambda t: then(write_bytes(t / "p.yaml", "name: Köln\n".encode("utf-16")), ["audit", "--example", "--profile", "p.yaml", "-f", "json", "--fail-on", "never"]), exit=0, lines=0,
         check=lambda t, r: json.loads(r.stdout)["profile"] == "Köln"),
    *[
        Case("profile", name, lambda t, text=text: then((t / "p.yaml").write_text(text), ["audit", "--example", "--profile", "p.yaml"]),
             stderr=message)
        for name, text, message in [
            ("validity_months_1e9", "params: {OM504: {validity_months: 1000000000}}\n",
             r"error: p\.yaml:params\.OM504\.validity_months: 1000000000 is out of range \(1 to 1200\)"),
            ("window_months_1e30", "params: {OM202: {window_months: 1.0e+30}}\n",
             r"error: p\.yaml:params\.OM202\.window_months: expected int, got 1e\+30"),
            ("window_months_zero", "params: {OM202: {window_months: 0}}\n",
             r"error: p\.yaml:params\.OM202\.window_months: 0 is out of range \(1 to 1200\)"),
            ("min_partners_negative", "params: {OM104: {min_partners: -5}}\n",
             r"error: p\.yaml:params\.OM104\.min_partners: -5 is out of range \(0 to 1000000\)"),
            ("max_share_nan", "params: {OM106: {max_share: .nan}}\n",
             r"error: p\.yaml:params\.OM106\.max_share: nan is out of range \(0\.0 to 1\.0\)"),
            ("max_share_2", "params: {OM106: {max_share: 2}}\n",
             r"error: p\.yaml:params\.OM106\.max_share: 2 is out of range \(0\.0 to 1\.0\)"),
            ("weight_inf", "ambassadors: {weights: {network: .inf}}\n",
             r"error: p\.yaml:ambassadors\.weights\.network: Input should be a finite number"),
            ("weight_negative", "ambassadors: {weights: {company: -1.0}}\n",
             r"error: p\.yaml:ambassadors\.weights\.company: Input should be greater than or equal to 0"),
            ("max_networks_huge", "ambassadors: {max_networks: 1000000000}\n",
             r"error: p\.yaml:ambassadors\.max_networks: Input should be less than or equal to 1000"),
            ("level_unknown", "params: {OM401: {level: kreis}}\n",
             r"error: p\.yaml:params\.OM401\.level: 'kreis' is not one of: country, state, district"),
            ("nested_deeply", "params: " + "[" * 100_000 + "]" * 100_000 + "\n",
             r"error: p\.yaml(:\d+)?: (nested too deeply to be a profile|not valid YAML)"),
        ]
    ],
]


def counts() -> dict[str, int]:
    found = {c.key: 0 for c in CLASSES}
    for case in CASES:
        found[case.cls] += 1
    return found


BEGIN, END = "<!-- begin: generated by tests/bad_input_cases.py -->", "<!-- end: generated -->"


def table() -> str:
    """The Markdown table of classes, what each gets and how many cases try it."""
    n = counts()
    lines = [BEGIN, "", "| class | bad input or output | what it gets | cases |", "| --- | --- | --- | ---: |"]
    lines += [f"| `{c.key}` | {c.what} | {c.gets} | {n[c.key]} |" for c in CLASSES]
    lines += [f"| | **all** | | **{sum(n.values())}** |", "", END]
    return "\n".join(lines)


def page_with_table(text: str) -> str:
    """``text`` (docs/reliability.md) with its generated table replaced by the current one."""
    start, end = text.index(BEGIN), text.index(END) + len(END)
    return text[:start] + table() + text[end:]


if __name__ == "__main__":
    DOC.write_text(page_with_table(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}: {sum(counts().values())} cases in {len(CLASSES)} classes")
