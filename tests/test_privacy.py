"""One privacy seam: --redact-persons pseudonymises the rows of every query, so every output agrees.

The same person has the same pseudonymous id and name in the audit, the ambassador coverage,
the ambassador map and the export; no output of a redacting command names a person of the
example by id, name or e-mail address.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from om_graph.cli import app
from om_graph.dataset.sources import EXAMPLE_AS_OF, example_dataset
from om_graph.engines.contract import answer
from om_graph.engines.embedded import EmbeddedEngine
from om_graph.privacy import pseudonym, pseudonymous_email, pseudonymous_id, redacting
from om_graph.queries.registry import all_queries, get_query

PERSONS = example_dataset().persons
runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def written(tmp_path: Path, name: str, *args: str) -> str:
    out = tmp_path / name
    invoke(*args, "--output", str(out))
    return out.read_text(encoding="utf-8")


# -- the queries declare their persons --------------------------------------------------------
def _personal(value) -> bool:
    """Does ``value`` (a cell, or an item of a list) hold an id, name or e-mail address of a person of the example?"""
    values = value if isinstance(value, list) else [value]
    return any(v in PERSONAL for v in values if isinstance(v, str))


PERSONAL = {v for p in PERSONS for v in (p.id, p.name, p.email) if v}


def test_every_column_that_holds_persons_is_declared() -> None:
    """Run every query on the example: wherever a person shows up, the query declares it, so the wrapper hides it."""
    engine = EmbeddedEngine(example_dataset())
    shown = set()
    for query in all_queries():
        params = {"as_of": EXAMPLE_AS_OF} if "as_of" in query.params else {}
        for row in answer(engine, query, params):
            for column, value in row.items():
                cells = {f"{column}.{k}": v for k, v in value.items()} if isinstance(value, dict) else {column: value}
                for key, cell in cells.items():
                    if _personal(cell):
                        shown.add(query.name)
                        assert key in query.persons, f"{query.name}: {key} holds persons but is not declared"
    assert {"coverage/ambassadors", "rules/OM301_two_contacts", "rules/OM403_target"} <= shown, "the check can fail"
    assert get_query("rules/OM301_two_contacts").persons == {"evidence.coordination": "id", "evidence.moderation": "id"}
    assert get_query("rules/OM403_target").persons == {"evidence.ambassadors": "id"}


def test_wrapper_pseudonymises_declared_columns_keeps_the_rest_and_the_name() -> None:
    engine = EmbeddedEngine(example_dataset())
    hidden = redacting(engine)
    assert hidden.name == engine.name == "embedded"
    assert redacting(hidden) is hidden, "wrapping twice changes nothing"
    query = get_query("coverage/ambassadors")
    plain, redacted = answer(engine, query), answer(hidden, query)
    assert len(plain) == len(redacted)
    expected = sorted(
        (
            {
                "person_id": pseudonymous_id(row["person_id"]),
                "person_name": pseudonym(row["person_id"]),
                "region_ids": row["region_ids"],
                "network_ids": row["network_ids"],
            }
            for row in plain
        ),
        key=lambda row: row["person_id"],
    )
    assert redacted == expected, "ids and names pseudonymised, lists and order canonical, the rest unchanged"
    regions = answer(hidden, get_query("coverage/regions"), {"level": "state"})
    assert all(row["ambassador_ids"] == sorted(row["ambassador_ids"]) for row in regions), "lists sorted after pseudonymising"
    networks = get_query("network/networks")
    assert answer(hidden, networks) == answer(engine, networks), "queries without persons pass through"


# -- one pseudonym per person, in every output ----------------------------------------------------
def _pseudonyms(ids: set[str]) -> set[str]:
    return {pseudonymous_id(p) for p in ids}


def test_the_same_person_has_the_same_pseudonym_everywhere(tmp_path: Path) -> None:
    audit = json.loads(invoke("audit", "--example", "--format", "json", "--fail-on", "never", "--redact-persons"))
    coverage = json.loads(invoke("ambassadors", "coverage", "--example", "--format", "json", "--redact-persons"))
    drawn = written(tmp_path, "a.html", "map", "ambassadors", "--example", "--redact-persons")
    export = json.loads(written(tmp_path, "g.json", "export", "--example", "--format", "json", "--redact-persons"))

    exported = {e["om_id"]: e for e in export["elements"] if e["type"] == "Person"}
    assert set(exported) == _pseudonyms({p.id for p in PERSONS}), "the export names every person by the pseudonymous id"
    for person in PERSONS:
        props = exported[pseudonymous_id(person.id)]
        assert props["name"] == pseudonym(person.id)
        assert props.get("email") == (pseudonymous_email(person.id) if person.email else None)
    names = {pid: props["name"] for pid, props in exported.items()}

    ambassadors = {p.person_id for p in _example_ambassadors()}
    in_coverage = {a["person_id"]: a["name"] for a in coverage["ambassadors"]}
    assert set(in_coverage) == _pseudonyms(ambassadors)
    # The map of Germany draws ambassadors as markers, each with its label beside it.
    markers = re.findall(r'<g class="om-marker" id="(m\d+)" data-id="person:([^"]+)" data-category="ambassador"', drawn)
    labels = dict(re.findall(r'data-marker="(m\d+)"[^>]*>([^<]*)</text>', drawn))
    in_map = {pid: html.unescape(labels[m]) for m, pid in markers}
    assert in_map == in_coverage, "the map's ambassadors are the coverage report's, by id and name"
    assert all(names[pid] == name for pid, name in in_coverage.items()), "and the export's"

    for finding in audit["findings"]:
        for key in {"OM301": ("coordination", "moderation"), "OM403": ("ambassadors",)}.get(finding["code"], ()):
            assert set(finding["evidence"][key]) <= set(exported), f"{finding['code']} names persons by the export's ids"
            assert all(pid in finding["message"] for pid in finding["evidence"][key]), "and is worded from them"
    cited = {pid for f in audit["findings"] if f["code"] == "OM403" for pid in f["evidence"]["ambassadors"]}
    assert cited and cited <= set(in_coverage), "OM403 cites ambassadors as the coverage report lists them"
    for region in coverage["regions"]:
        assert all(a["name"] == names[a["person_id"]] for a in region["ambassadors"])


def _example_ambassadors():
    from om_graph.features.coverage.report import coverage_report

    return coverage_report(EmbeddedEngine(example_dataset()), as_of=EXAMPLE_AS_OF).ambassadors


# -- no redacting command names anyone ---------------------------------------------------------
#: Every command offering --redact-persons, with the arguments it needs and the file it writes (None: stdout).
REDACTING = {
    ("audit",): (["--format", "json", "--fail-on", "never"], None),
    ("gaps",): (["--format", "json"], None),
    ("ambassadors", "coverage"): (["--format", "json"], None),
    ("ambassadors", "plan"): (["--add", "3"], None),
    ("map", "networks"): ([], "map.html"),
    ("map", "ambassadors"): ([], "map.html"),
    ("map", "audit"): ([], "map.html"),
    ("export",): (["--format", "graphml"], "graph.graphml"),
    ("briefing",): ([], "briefing.html"),
}


def _commands_offering(option: str) -> set[tuple[str, ...]]:
    found = set()

    def walk(command, path: tuple[str, ...]) -> None:
        if hasattr(command, "commands"):  # a group
            for name, sub in command.commands.items():
                walk(sub, (*path, name))
        elif any(option in p.opts for p in command.params):
            found.add(path)

    walk(typer.main.get_command(app), ())
    return found


def test_the_table_covers_every_command_offering_redaction() -> None:
    assert _commands_offering("--redact-persons") == set(REDACTING)


def _mentions(text: str) -> set[str]:
    found = set()
    for person in PERSONS:
        for value in (person.id, person.name, person.email):
            if value and re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text):
                found.add(value)
    return found


@pytest.mark.parametrize("command", sorted(REDACTING), ids=" ".join)
def test_no_redacting_output_names_a_person_of_the_example(command: tuple[str, ...], tmp_path: Path) -> None:
    extra, target = REDACTING[command]
    args = [*command, "--example", *extra, "--redact-persons"]
    text = written(tmp_path, target, *args) if target else invoke(*args)
    assert _mentions(text) == set()
    for person in PERSONS:
        assert person.name not in text and (not person.email or person.email not in text)
