"""The Leitungskreis briefing: its sections and what each says, the baseline, the workbook, redaction, escaping,
the wording from the profile, the errors, and the German example in docs/examples."""

from __future__ import annotations

import importlib.util
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from changes import ADDED, BROKEN, FIXED, changed_example
from om_graph.audit.profile import Profile
from om_graph.audit.run import run_audit
from om_graph.cli import app
from om_graph.dataset.io import write_dataset
from om_graph.dataset.model import Dataset
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.features.briefing import build_briefing, render_briefing_html, render_briefing_xlsx
from om_graph.features.history import snapshot_of
from om_graph.privacy import redacting
from om_graph.workbook import HEADER_ROW

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
SECTIONS = ("cover", "landscape", "decisions", "decision-stage-1", "decision-stage-2", "decision-stage-3", "decision-stage-4",
            "outside", "conflicts", "together", "ambassadors", "annex")


class Sections(HTMLParser):
    """The ``data-network`` ids inside each element with an id (nested sections count for each)."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None]] = []
        self.networks: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.open.append((tag, attrs.get("id")))
        if attrs.get("id"):
            self.networks.setdefault(attrs["id"], [])
        if "data-network" in attrs:
            for _, ident in self.open:
                if ident:
                    self.networks[ident].append(attrs["data-network"])

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break


def sections(html: str) -> dict[str, list[str]]:
    parser = Sections()
    parser.feed(html)
    return parser.networks


@pytest.fixture(scope="module")
def example():
    return build_briefing(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF, source="example")


@pytest.fixture(scope="module")
def page(example) -> str:
    return render_briefing_html(example)


def test_every_section_is_there_and_the_page_loads_nothing(page: str) -> None:
    found = sections(page)
    assert set(SECTIONS) <= set(found)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "@page { size: A4" in page and "@media print" in page


def test_each_stage_lists_its_networks_under_its_decision(example, page: str) -> None:
    found = sections(page)
    audit = run_audit(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF)
    for stage in (1, 2, 3, 4):
        expected = sorted(s.network_id for s in audit.stages if s.stage == stage and s.network_id in example.networks
                          and example.networks[s.network_id].state.place == stage)
        assert sorted(found[f"decision-stage-{stage}"]) == expected
    in_stages = {n for s in (1, 2, 3, 4) for n in found[f"decision-stage-{s}"]}
    assert "rp-westpfalz" in found["outside"] and "rp-westpfalz" not in in_stages, "withdrawn: outside the stages"
    assert sorted(found["annex"]) == sorted(n.id for n in example_dataset().networks), "the annex holds every network"
    assert "Was sollen wir tun – heute bitte entscheiden" in page
    assert "001, withdrawal paragraph" in page, "the options cite the clause that allows them"


def test_conflicts_name_both_networks_and_their_regions(example, page: str) -> None:
    (conflict,) = example.conflicts()
    assert {conflict.a.state.id, conflict.b.state.id} == {"by-bayern", "by-lkr-muenchen"}
    assert conflict.shared_states == ("DE-BY",)
    assert 'data-networks="by-bayern by-lkr-muenchen"' in page and "Landkreis München" in page


def test_gaps_per_land_are_the_strongest_and_capped(example) -> None:
    by_state = example.gaps_by_state()
    assert by_state and all(len(g) <= example.profile.briefing.gaps_per_state for g in by_state.values())
    assert by_state["DE-BY"][0].kind == "unlinked_overlap", "overlaps come first"
    assert sum(len(g) for g in by_state.values()) <= len(example.gaps)


def test_the_plan_names_what_each_new_botschafter_covers(example, page: str) -> None:
    assert example.plan.method == "exact" and len(example.planned) == 3
    first = example.planned[0]
    assert first.covers and all(names for names in first.covers.values())
    assert first.region_name in page and "HiGHS" in page


def test_baseline_shows_what_changed(tmp_path: Path) -> None:
    engine = EmbeddedEngine(example_dataset())
    baseline = snapshot_of(engine, run_audit(engine, as_of=EXAMPLE_AS_OF), Profile(), source="old")
    briefing = build_briefing(EmbeddedEngine(changed_example()), as_of=EXAMPLE_AS_OF, baseline=baseline, source="new")
    assert briefing.networks[FIXED].was == 3 and briefing.networks[FIXED].state.place == 4
    assert briefing.networks[BROKEN].state.place == 1 and briefing.networks[ADDED].new_since_baseline
    html = render_briefing_html(briefing)
    row = re.search(r'<tr data-network="hb-bremen">.*?</tr>', html, re.S).group(0)
    assert "was stage 3" in row
    assert "since 2025-06-30" in html and "2 network(s) changed stage" in html


def test_redacted_briefing_names_nobody(tmp_path: Path) -> None:
    people = [p.name for p in example_dataset().persons]
    briefing = build_briefing(redacting(EmbeddedEngine(example_dataset())), as_of=EXAMPLE_AS_OF, redacted=True)
    html = render_briefing_html(briefing)
    book = render_briefing_xlsx(briefing)
    cells = " ".join(str(c.value) for ws in openpyxl.load_workbook(io.BytesIO(book)) for row in ws.iter_rows() for c in row)
    for name in people:
        assert name not in html and name not in cells
    assert "Person " in html and "pseudonyms" in html


def test_names_are_escaped_in_the_page_and_stay_text_in_the_workbook() -> None:
    sheets = example_dataset().to_plain()
    sheets["networks"].append({"id": "x-evil", "name": '<img src=x onerror="alert(1)">', "kind": "thematic"})
    sheets["networks"].append({"id": "x-formula", "name": "=HYPERLINK(\"x\")", "kind": "thematic"})
    briefing = build_briefing(EmbeddedEngine(Dataset.model_validate(sheets)), as_of=EXAMPLE_AS_OF)
    html = render_briefing_html(briefing)
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
    book = openpyxl.load_workbook(io.BytesIO(render_briefing_xlsx(briefing)))
    cell = next(c for row in book["Networks"].iter_rows() for c in row if c.value == '=HYPERLINK("x")')
    assert cell.data_type == "s"


def test_the_workbook_holds_the_same_content_and_the_full_lists(example) -> None:
    book = openpyxl.load_workbook(io.BytesIO(render_briefing_xlsx(example)))
    assert book.sheetnames == ["Cover", "Landscape", "Decisions", "Conflicts", "Gaps", "Botschafter", "Plan", "Networks",
                               "Findings", "Contacts"]
    decisions = table(book["Decisions"])
    assert sorted(r[2] for r in decisions) == sorted(n.id for n in example_dataset().networks)
    assert {r[0] for r in decisions if r[2] == "rp-westpfalz"} == {"outside the stages"}
    assert len(table(book["Gaps"])) == len(example.gaps)
    assert len(table(book["Findings"])) == len(example.snapshot.findings)
    contacts = table(book["Contacts"])
    assert ("OM-Netzwerk Bremen", "hb-bremen", "Moderation", "Ole Beispielsen") in {tuple(r[:4]) for r in contacts}


def table(sheet) -> list[list]:
    """The rows below a sheet's header, as values."""
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}", "the header stays in view"
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1) if any(c.value is not None for c in row)]


def test_the_profile_words_the_decisions(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text(
        "name: beirat\nbriefing:\n  plan_k: 2\n  decisions:\n    '1':\n      question:\n        en: 'Call them?'\n"
        "        de: 'Anrufen?'\n      options:\n        - text: {en: 'Yes, call', de: 'Ja, anrufen'}\n"
        "          source: Beschluss 2024\n",
        encoding="utf-8",
    )
    out = tmp_path / "b.html"
    result = runner.invoke(app, ["briefing", "--example", "--profile", str(profile), "--lang", "de", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    stage1 = re.search(r'id="decision-stage-1".*?</section>', html, re.S).group(0)
    assert "Anrufen?" in stage1 and "Beschluss 2024" in stage1
    assert "Die Ansprechpartner bitten" in html, "sections the profile leaves alone keep the defaults"
    assert html.count("<tr><td class=\"num\">") == 2, "plan_k: 2 new Botschafter"


def test_a_bad_profile_section_is_one_line(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("briefing:\n  decisions:\n    '5': {question: {en: x}}\n", encoding="utf-8")
    result = runner.invoke(app, ["briefing", "--example", "--profile", str(profile), "-o", str(tmp_path / "b.html")])
    assert result.exit_code == 2 and "briefing.decisions" in result.stderr and "unknown section" in result.stderr
    assert not (tmp_path / "b.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [([], "give -o FILE.html"), (["-o", "b.txt"], "written as .html, .xlsx or .pdf")],
)
def test_output_errors_are_one_line_and_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["briefing", "--example", *[a.replace("b.txt", str(tmp_path / "b.txt")) for a in args]])
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output
    assert not list(tmp_path.iterdir())


def test_pdf_without_chromium_says_what_to_do(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("OM_CHROMIUM", str(tmp_path / "no-such-chromium"))
    result = runner.invoke(app, ["briefing", "--example", "-o", str(tmp_path / "b.pdf")])
    assert result.exit_code == 2 and "could not print" in result.stderr
    assert not (tmp_path / "b.pdf").exists()


def test_cli_writes_html_and_xlsx_of_a_dataset_with_a_baseline(tmp_path: Path) -> None:
    data, history = tmp_path / "om.yaml", tmp_path / "history"
    write_dataset(example_dataset(), data)
    saved = runner.invoke(app, ["audit", str(data), "--save", str(history), "--fail-on", "never"])
    assert saved.exit_code == 0, saved.output
    (baseline,) = history.glob("*.json")
    for suffix in (".html", ".xlsx"):
        out = tmp_path / f"briefing{suffix}"
        result = runner.invoke(app, ["briefing", str(data), "--baseline", str(baseline), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert f"wrote {out}" in result.stderr and out.stat().st_size > 5000
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert str(data) in html and "Compared with" in html and baseline.name in html


def test_german_example_in_docs_is_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.briefing_example("de")
    actual = (ROOT / "docs" / "examples" / "briefing-de.html").read_text(encoding="utf-8")
    assert actual == expected, "docs/examples/briefing-de.html is stale: run python scripts/gen_docs.py"
    assert 'lang="de"' in actual and "Vorlage für den Leitungskreis" in actual and "Umsetzungsstadium 1" in actual
