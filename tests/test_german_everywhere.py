"""Under ``--lang de`` every word a person reads is German: every command, every human format, help and errors.

The check is built from the catalogues, not from a list of words someone remembered: a word
is English-only when it occurs in an English text (``en.yaml``, a rule's or gap kind's English
words) and in no German one. Any such word in a German output fails the test, and so does a raw
code (``chamber_of_crafts``, ``no_reference``): a word with an underscore is a key nobody worded.
Proper names and codes are the only exceptions (:data:`NOT_ENGLISH`), kept short on purpose.
"""

from __future__ import annotations

import html
import os
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.features.gaps.find import all_kinds
from om_graph.i18n import catalogue
from om_graph.queries.rules import all_rules

#: Words that occur in English texts but are names or codes a German reader reads as they are.
NOT_ENGLISH = {
    "json",  # a file format
    "cypher",  # Neo4j's query language
    "neo4j", "bolt",  # the database and its protocol
    "highs",  # the solver's name
    "sha",  # SHA-256
    "png", "html", "xlsx", "csv", "pdf", "gexf", "graphml", "yaml", "toml",  # file formats
    "chromium",  # the browser's name
    "plenum", "leitungskreis", "netzwerkkoordination", "moderation", "botschafter",  # OM's own terms
    "inqa", "praxis", "check",  # INQA-Unternehmenscheck, OM-Praxis-Check: names of instruments
    "offensive", "mittelstand",  # the initiative's name
    "om", "graph",  # om-graph, the program's name
}

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
_RAW_KEY = re.compile(r"(?<![\w/.-])[a-z]+(?:_[a-z]+)+(?![\w/.-])")
_FIELD = re.compile(r"\{[^{}]*\}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(_FIELD.sub(" ", text))}


@cache
def english_only() -> frozenset[str]:
    """Words of English texts that no German text uses."""
    english, german = set(), set()
    for key, text in catalogue("en").items():
        english |= _words(text)
        german |= _words(catalogue("de")[key])
    for entry in [r.title for r in all_rules()] + [r.message for r in all_rules()] + [
        r.not_on_record_message for r in all_rules() if r.not_on_record_message
    ] + [k.title for k in all_kinds()] + [k.description for k in all_kinds()]:
        english |= _words(entry["en"])
        german |= _words(entry["de"])
    return frozenset(english - german - NOT_ENGLISH)


class _Text(HTMLParser):
    """The text a person reads in a page: text nodes and titles, not scripts, styles or markup."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "alt", "aria-label", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def readable(text: str, fmt: str) -> str:
    if fmt == "html":
        parser = _Text()
        parser.feed(text)
        return html.unescape(" ".join(parser.parts))
    return re.sub(r"`[^`]*`", " ", text)  # Markdown code spans hold ids


def english_in(text: str, fmt: str = "text", ids: frozenset[str] = frozenset()) -> list[str]:
    """The English-only words and raw keys in ``text``, ids of the data aside."""
    plain = readable(text, fmt)
    for ident in sorted(ids, key=len, reverse=True):
        plain = plain.replace(ident, " ")
    found = sorted(w for w in _words(plain) if w in english_only())
    found += sorted(set(_RAW_KEY.findall(plain)))
    return found


@cache
def example_ids() -> frozenset[str]:
    """The ids of the example's records (codes, not words: ``th-digital``), their names (``Main-Taunus-Kreis``) and
    its meta sheet's texts: data, not om-graph's words."""
    from om_graph.dataset.model import Dataset
    from om_graph.dataset.sources import example_dataset

    dataset = example_dataset()
    rows = [row for sheet in Dataset.model_fields for row in getattr(dataset, sheet) or []]
    ids = {row.id for row in rows if getattr(row, "id", None)}
    ids |= {row.name for row in rows if isinstance(getattr(row, "name", None), str) and row.name}
    meta = {str(value) for row in dataset.meta for value in row.model_dump().values() if isinstance(value, str)}
    return frozenset(ids | meta)


def test_the_check_finds_english_words_and_raw_keys() -> None:
    """The check can fail: an English header, an English word inside German, a raw code."""
    assert english_in("| network | stage | reasons |") == ["network", "reasons", "stage"]
    assert english_in("Netzwerkkoordination: Tanja Blanko; Status recognised") == ["recognised"]
    assert "chamber_of_crafts" in english_in("Art: chamber_of_crafts")
    assert english_in("<p>Netzwerke <b>gap</b></p><script>var network = 1;</script>", "html") == ["gap"]
    assert english_in("Prüfung der OM-Netzwerke, Stand 30.06.2025; Profil: Standard") == []


#: Words German and English write alike: a German text may be the English one when it holds only these.
SAME_IN_BOTH = {"in", "regional", "details", "name", "status", "plan", "region", "neo"} | NOT_ENGLISH


def left_english(english: dict[str, str], german: dict[str, str]) -> dict[str, str]:
    """German texts that are the English ones word for word, unless they hold only words both languages share."""
    return {key: text for key, text in english.items() if german.get(key) == text and not _words(text) <= SAME_IN_BOTH}


def test_no_german_text_is_left_english() -> None:
    """A German text copied from English would hide its words from :func:`english_only`: only shared words may be."""
    assert left_english(catalogue("en"), catalogue("de")) == {}


def test_the_catalogue_check_fails_on_an_english_text() -> None:
    """Left English in de.yaml (a header), the catalogue check names it."""
    german = {**catalogue("de"), "audit.col.reasons": catalogue("en")["audit.col.reasons"]}
    assert left_english(catalogue("en"), german) == {"audit.col.reasons": "reasons"}


runner = CliRunner()


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """Two saved audits of the example, half a year apart."""
    folder = tmp_path_factory.mktemp("history")
    for day in ("2025-01-31", "2025-06-30"):
        result = runner.invoke(app, ["audit", "--example", "--as-of", day, "--save", str(folder), "--fail-on", "never",
                                     "--format", "json"])
        assert result.exit_code == 0, result.output
        (folder.parent / f"bericht-{day}.json").write_text(result.stdout, encoding="utf-8")  # a plain English report
    return folder


def _commands(history: Path, tmp: Path) -> list[tuple[str, list[str]]]:
    old, new = sorted(history.iterdir())
    ex = ["--example", "--lang", "de"]
    runs = [
        ("text", ["audit", *ex, "--fail-on", "never"]),
        ("markdown", ["audit", *ex, "--fail-on", "never", "--format", "markdown"]),
        ("text", ["rules", "--lang", "de"]),
        ("markdown", ["rules", "--lang", "de", "--format", "markdown"]),
        ("text", ["validate", *ex]),
        ("text", ["gaps", *ex]),
        ("text", ["ambassadors", "coverage", *ex]),
        ("text", ["ambassadors", "coverage", *ex, "--level", "district"]),
        ("text", ["ambassadors", "plan", *ex, "--add", "3"]),
        ("text", ["ambassadors", "plan", *ex, "--add", "3", "--method", "greedy"]),
        ("text", ["network", "stats", *ex]),
        ("text", ["history", str(history), "--lang", "de"]),
        ("markdown", ["history", str(history), "--lang", "de", "--format", "markdown"]),
        ("text", ["diff", str(old), str(new), "--lang", "de"]),
        ("markdown", ["diff", str(old), str(new), "--lang", "de", "--format", "markdown"]),
        ("text", ["diff", str(history.parent / "bericht-2025-01-31.json"), str(history.parent / "bericht-2025-06-30.json"),
                  "--lang", "de"]),
        ("html", ["briefing", *ex, "--baseline", str(old), "-o", str(tmp / "briefing.html")]),
        ("html", ["map", "networks", *ex, "-o", str(tmp / "networks.html")]),
        ("html", ["map", "ambassadors", *ex, "-o", str(tmp / "ambassadors.html")]),
        ("html", ["map", "audit", *ex, "-o", str(tmp / "audit.html")]),
        ("text", ["config"]),  # no --lang: OM_GRAPH_LANG=de
        ("text", ["example", str(tmp / "beispiel.yaml")]),
        ("text", ["generate", str(tmp / "landschaft"), "--scale", "0.05"]),
    ]
    return runs


def _output(fmt: str, args: list[str]) -> str:
    result = runner.invoke(app, args, env={"OM_GRAPH_LANG": "de"})
    assert result.exit_code in (0, 1), f"{args}: {result.output}"
    if "-o" in args:  # the page, and the line saying it was written (without the file's name: not a word of ours)
        path = args[args.index("-o") + 1]
        return Path(path).read_text(encoding="utf-8") + "\n" + result.output.replace(path, " ")
    return result.output


def test_every_human_output_is_german(history: Path, tmp_path: Path) -> None:
    english = {}
    for fmt, args in _commands(history, tmp_path):
        text = _output(fmt, args).replace(str(tmp_path), " ")  # a file's path is the user's, not our words
        if args[0] == "config":  # the settings' keys are what the file says (as_of, neo4j.user): typed as they are
            from om_graph.cli.config import SETTINGS

            text = re.sub("|".join(re.escape(k) for k in sorted(SETTINGS, key=len, reverse=True)), " ", text)
            text = text.replace(os.environ.get("OM_GRAPH_CONFIG") or "\0", " ")  # the test's own file, a name
        found = english_in(text, fmt, example_ids())
        if found:
            english[" ".join(a for a in args if not a.startswith("/"))] = found
    assert not english, f"English under --lang de: {english}"


def _command_paths(command, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        paths += _command_paths(sub, (*prefix, name))
    return paths


def help_words(text: str, commands: set[str]) -> str:
    """Help without what a user types as it is: command and option names, metavars, types and choices."""
    text = re.sub(r"<[^>]*>", " ", text)  # types and choices: <table|json|csv>
    text = re.sub(r"(?<![\w])--?[a-z][a-z0-9-]*", " ", text)  # --redact-persons, -f
    text = re.sub(r"\b[A-Z][A-Z0-9_]+\b", " ", text)  # PATH, FILE, OM_GRAPH_LANG
    text = re.sub(r"\[Voreinstellung: [^\]]*\]", " ", text)  # a default is a choice as typed: [Voreinstellung: error]
    return re.sub(r"\b(" + "|".join(sorted(commands, key=len, reverse=True)) + r")\b", " ", text)


def _argument_names(command) -> set[str]:
    """The names of every command's arguments, as the help's Arguments panel lists them (``target``, ``file``)."""
    names = {p.name for p in command.params if p.param_type_name == "argument"}
    for sub in getattr(command, "commands", {}).values():
        names |= _argument_names(sub)
    return names


def test_every_help_is_german() -> None:
    """Help is printed before options are parsed, so it follows OM_GRAPH_LANG (or the config file)."""
    import typer.main

    english = {}
    root = typer.main.get_command(app)
    paths = _command_paths(root)
    commands = {name for path in paths for name in path} | {"om-graph"} | _argument_names(root)
    for path in paths:
        result = runner.invoke(app, [*path, "--help"], env={"OM_GRAPH_LANG": "de", "COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        found = english_in(help_words(result.output, commands))
        if found:
            english[" ".join(path) or "om-graph"] = found
    assert not english, f"English help under OM_GRAPH_LANG=de: {english}"


def test_help_follows_the_language_variable() -> None:
    """The shared options and the audit command read German under OM_GRAPH_LANG=de, English without it."""
    german = runner.invoke(app, ["audit", "--help"], env={"OM_GRAPH_LANG": "de", "COLUMNS": "200"}).output
    assert "Prüft jedes Netzwerk" in german and "Sprache der Ausgabe" in german
    assert "Stichtag der Prüfung" in german and "Language of the output" not in german
    english = runner.invoke(app, ["audit", "--help"], env={"OM_GRAPH_LANG": "", "COLUMNS": "200"}).output
    assert "Audit every network" in english and "Language of the output" in english


@pytest.mark.parametrize(
    "args, words",
    [
        (["audit", "--example", "--format", "pdf", "--lang", "de"], "ungültiger Wert für '--format' / '-f': 'pdf' ist keiner von"),
        (["audit", "--exampel", "--lang", "de"], "unbekannte Option: --exampel"),
        (["audit", "/gibt/es/nicht.xlsx", "--lang", "de"], "/gibt/es/nicht.xlsx: Datei oder Ordner nicht gefunden"),
        (["audit", "--example", "--as-of", "gestern", "--lang", "de"], "--as-of: kein Datum: 'gestern'"),
        (["ambassadors", "plan", "--example", "--add", "null", "--lang", "de"], "--add: keine ganze Zahl: 'null'"),
        (["gaps", "--example", "--format", "xlsx", "--lang", "de"], "bitte --output DATEI.xlsx angeben"),
        (["audit", "--example", "--lang", "de", "-o", "/"], "/: ist ein Ordner; bitte einen Dateinamen angeben"),
    ],
    ids=["bad-format", "unknown-option", "missing-file", "bad-date", "bad-add", "xlsx-to-stdout", "output-folder"],
)
def test_errors_are_german(args: list[str], words: str) -> None:
    """Errors start with "Fehler:"; click's usage errors and the library's common ones are worded in German."""
    result = runner.invoke(app, args, env={"OM_GRAPH_LANG": ""})
    assert result.exit_code == 2
    assert result.output.startswith("Fehler: "), result.output
    assert words in result.output
    assert english_in(result.output.replace("om-graph", " ")) == [], result.output


@pytest.mark.parametrize("pattern, key", __import__("om_graph.cli.messages", fromlist=["MESSAGES"]).MESSAGES,
                         ids=lambda v: v if isinstance(v, str) and "(" not in v else "")
def test_every_worded_error_matches_the_english_it_replaces(pattern: str, key: str) -> None:
    """A library message reworded in English reads exactly as before: the catalogue's English is the pattern's."""
    from om_graph.cli.messages import worded_error
    from om_graph.i18n import t

    english = t(f"cli.error.{key}", "en", **{name: f"x{name}" for name in re.compile(pattern).groupindex})
    assert re.fullmatch(pattern, english), (pattern, english)
    assert worded_error(english, "de") == t(f"cli.error.{key}", "de", **re.fullmatch(pattern, english).groupdict())
    assert worded_error(english, "en") == english


def _gen_docs():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_docs", Path(__file__).resolve().parent.parent / "scripts" / "gen_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(_gen_docs().GERMAN_EXAMPLES))
def test_german_examples_are_current_and_german(name: str) -> None:
    """docs/examples holds a German sample of every human report, as om-graph writes it today."""
    expected = _gen_docs().GERMAN_EXAMPLES[name]()
    path = Path(__file__).resolve().parent.parent / "docs" / name
    assert path.read_text(encoding="utf-8") == expected, f"docs/{name} is stale: run python scripts/gen_docs.py"
    fmt = "markdown" if name.endswith(".md") else "text"
    assert english_in(expected, fmt, example_ids()) == []


def test_german_audit_words_values_names_and_numbers() -> None:
    """What the issue found English or raw is German, by name, in German notation (table and Markdown alike)."""
    for fmt in ("table", "markdown"):
        result = runner.invoke(app, ["audit", "--example", "--lang", "de", "--fail-on", "never", "--format", fmt])
        text = " ".join(result.stdout.split())  # the table wraps lines
        assert "Stand 30.06.2025" in text and "Profil: Standard, Datenbank: eingebettet" in text
        assert "Netzwerkkoordination: Tanja Blanko (" in text  # a person by name, not p-blanko alone
        assert "Partnergruppe Elbtal Gruppe AG (" in text and "hält 100 % der 5" in text and "Grenze 50 %" in text
        assert "fehlt: Vorgehensweise, Ziele" in text and "mit Status anerkannt" in text
        assert "Mängel im Namen: weder Region noch Fachthema im Namen" in text
        company = "Tischlerei Wagner &amp; Söhne" if fmt == "markdown" else "Tischlerei Wagner & Söhne"  # Markdown escapes
        assert "zuletzt: 17.05.2023" in text and f"Unternehmen {company} (" in text
    markdown = runner.invoke(app, ["audit", "--example", "--lang", "de", "--fail-on", "never", "--format", "markdown"])
    assert "| Netzwerk | Umsetzungsstadium | Gründe |" in markdown.stdout
    assert "| 001 Rahmenbedingungen, Punkt 7 |" in markdown.stdout


def test_terminal_table_never_splits_an_id() -> None:
    """Ids (by-lkr-muenchen) stay on one line in the 80-column table."""
    result = runner.invoke(app, ["audit", "--example", "--lang", "de", "--fail-on", "never"])
    ids = {i for i in example_ids() if "-" in i}
    for line in result.stdout.splitlines():
        assert len(line) <= 80 or any(i in line for i in ids), line
        assert not re.search(r"\((?:[a-z]+-)+$", line), f"an id is cut at a hyphen: {line!r}"
