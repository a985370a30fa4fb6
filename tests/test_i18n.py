"""The word catalogues (``om_graph/i18n/<lang>.yaml``): complete in every language, every word used, one fallback rule.

Also the words that live beside their code: every rule's title and message, and every gap
kind's title and description, in English and German with the same placeholders.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from om_graph import i18n
from om_graph.i18n import lookup
from om_graph.features.gaps.find import all_kinds
from om_graph.i18n import (
    FALLBACK,
    catalogue,
    format_date,
    format_number,
    format_percent,
    languages,
    t,
)
from om_graph.queries.rules import all_rules

SOURCE = Path(__file__).resolve().parent.parent / "om_graph"

#: Keys the code builds at run time (``t(f"stage.{n}", ...)``, ``t("severity." + s, ...)``): every
#: catalogue key under one of these prefixes counts as used. A new dynamic lookup must be added here.
DYNAMIC_PREFIXES = {
    "stage.",  # stage number 1-4 (audit report, audit map)
    "load.column.",  # what om-graph load changed: created, updated, deleted, released, adopted
    "severity.",  # a finding's severity
    "reason.",  # why a network has its stage (audit.stages.Reason.key)
    "level.",  # region level of the coverage report and the ambassador map
    "coverage.kind.",  # element kinds (coverage.elements.ELEMENT_KINDS) as column headers
    "network.col.",  # columns of the network statistics table
    "network.method.",  # how betweenness was computed (exact, sampled)
    "gaps.evidence.",  # a gap's evidence keys
    "gaps.value.",  # evidence values that are words (a network's kind)
    "map.kind.",  # a network's kind in the networks map's tooltip
    "network.xlsx.",  # column headers and sheet names of the network statistics workbook
    "network.xlsx.summary.",  # the summary's measures (keys of NetworkStats.summary)
    "value.",  # enumerated values worded (i18n.value_word, rule evidence): statuses, kinds, fields, reasons
    "engine.",  # the engine's name (i18n.engine_word)
    "audit.col.",  # column headers of the audit report and the rule reference
    "param.",  # a rule's parameters in the rule reference
    "cli.click.",  # click's usage errors, worded (cli/errors.py)
    "cli.error.",  # the library's common errors, worded (cli/messages.py)
    "cli.error.noun.",  # a sheet's noun in a dataset problem (cli/messages.py)
    "help.",  # --help texts, found by their English text (cli/language.py)
    "progress.",  # spinner and progress texts, found by their English text (cli/language.py)
    "tabular.col.",  # column headers of the workbooks and csv-de (om_graph.workbook.Column keys)
    "tabular.evidence.",  # a finding's evidence keys as column headers of the audit workbook
    "tabular.method.",  # how the ambassador plan was found (exact, solver, greedy)
}

_LITERAL = re.compile(r"""\bt\(\s*(["'])([a-z0-9_.]+)\1\s*[,)]""")
_DYNAMIC = re.compile(r"""\bt\(\s*(?:f(["'])([a-z0-9_.]*)\{|(["'])([a-z0-9_.]+)\3\s*\+)""")
_KEY = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*")


def _sources() -> dict[Path, str]:
    """Every module of the package but the one defining ``t`` (its doctests show a missing key)."""
    skip = SOURCE / "i18n" / "lookup.py"
    return {p: p.read_text(encoding="utf-8") for p in sorted(SOURCE.rglob("*.py")) if p != skip}


def _keys_in_code() -> tuple[dict[str, list[str]], set[str]]:
    """Literal keys (key -> files using it) and the prefixes of keys built at run time."""
    literal: dict[str, list[str]] = {}
    dynamic: set[str] = set()
    for path, text in _sources().items():
        for match in _LITERAL.finditer(text):
            literal.setdefault(match.group(2), []).append(str(path.relative_to(SOURCE.parent)))
        for match in _DYNAMIC.finditer(text):
            dynamic.add(match.group(2) if match.group(2) is not None else match.group(4))
    return literal, dynamic


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_a_catalogue() -> None:
    assert {"en", "de"} <= set(languages())
    assert FALLBACK in languages()


@pytest.mark.parametrize("lang", languages())
def test_catalogue_file_is_flat_strings_without_duplicates(lang: str) -> None:
    """Flat ``key: "text"`` lines; PyYAML would silently keep the last of two equal keys, so look at the nodes."""
    text = (files(i18n) / f"{lang}.yaml").read_text(encoding="utf-8")
    root = yaml.compose(text)
    assert isinstance(root, yaml.MappingNode)
    keys = [k.value for k, _ in root.value]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    for key, value in catalogue(lang).items():
        assert _KEY.fullmatch(key), f"{lang}.yaml: key {key!r} is not lower-case dotted"
        assert isinstance(value, str) and value, f"{lang}.yaml: {key} needs a text (quote yes, no and numbers)"


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != FALLBACK])
def test_every_key_is_in_every_language(lang: str) -> None:
    english, other = set(catalogue(FALLBACK)), set(catalogue(lang))
    assert not english - other, f"missing in {lang}.yaml: {sorted(english - other)}"
    assert not other - english, f"only in {lang}.yaml, not in en.yaml: {sorted(other - english)}"


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != FALLBACK])
def test_placeholders_agree(lang: str) -> None:
    """A ``{placeholder}`` in English is in the other language and vice versa."""
    differ = {
        key: (sorted(_fields(text)), sorted(_fields(catalogue(lang)[key])))
        for key, text in catalogue(FALLBACK).items()
        if key in catalogue(lang) and _fields(text) != _fields(catalogue(lang)[key])
    }
    assert not differ, f"placeholders (en, {lang}) differ: {differ}"


@pytest.mark.parametrize("lang", languages())
def test_every_text_formats(lang: str) -> None:
    for key, text in catalogue(lang).items():
        t(key, lang, **{name: "x" for name in _fields(text)})


def test_every_key_the_code_uses_exists() -> None:
    literal, dynamic = _keys_in_code()
    assert literal, "found no t(...) calls: has the pattern changed?"
    missing = {key: files_ for key, files_ in literal.items() if key not in catalogue(FALLBACK)}
    assert not missing, f"keys used in code but not in en.yaml: {missing}"
    assert dynamic <= DYNAMIC_PREFIXES, f"keys built at run time: add to DYNAMIC_PREFIXES: {sorted(dynamic - DYNAMIC_PREFIXES)}"
    assert DYNAMIC_PREFIXES <= dynamic, f"DYNAMIC_PREFIXES the code no longer builds: {sorted(DYNAMIC_PREFIXES - dynamic)}"
    for prefix in DYNAMIC_PREFIXES:
        assert any(key.startswith(prefix) for key in catalogue(FALLBACK)), f"no key starts with {prefix}"


def test_every_key_is_used() -> None:
    """No dead words: each key is looked up literally, or under a prefix the code builds keys from."""
    literal, _ = _keys_in_code()
    dead = sorted(
        key for key in catalogue(FALLBACK) if key not in literal and not key.startswith(tuple(DYNAMIC_PREFIXES))
    )
    assert not dead, f"keys no code uses: {dead}"


def test_fallback_is_the_language_asked_for_else_english(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {
        "en": {"both": "{n} in English", "english_only": "only {n} in English"},
        "de": {"both": "{n} auf Deutsch"},
    }
    monkeypatch.setattr(lookup, "catalogue", lambda lang: texts.get(lang, {}))
    assert t("both", "de", n=1) == "1 auf Deutsch"
    assert t("both", "en", n=1) == "1 in English"
    assert t("english_only", "de", n=2) == "only 2 in English"
    assert t("both", "fr", n=3) == "3 in English"
    with pytest.raises(KeyError, match="german_only"):
        t("german_only", "de")


def test_a_key_missing_in_english_is_a_key_error() -> None:
    with pytest.raises(KeyError, match="no.such.key"):
        t("no.such.key", "de")


def test_values_may_be_named_like_the_parameters() -> None:
    assert t("map.tip.gap", "de", code="OM401", message="m") == "\nOM401: m"
    assert i18n.pick({"en": "{key} {lang}"}, "de", key="k", lang="l") == "k l"


def test_unified_words() -> None:
    """One word per idea: the region level reads the same in the coverage report and the ambassador map."""
    assert (t("level.state", "en"), t("level.state", "de")) == ("federal state", "Bundesland")
    assert (t("level.district", "en"), t("level.district", "de")) == ("district", "Landkreis / kreisfreie Stadt")
    assert (t("word.yes", "de"), t("word.no", "de"), t("word.none", "de")) == ("ja", "nein", "keine")


@pytest.mark.parametrize(
    "value, lang, decimals, expected",
    [
        (1234.5, "en", None, "1,234.5"),
        (1234.5, "de", None, "1.234,5"),
        (3, "de", None, "3"),
        (0.2449, "de", 3, "0,245"),
        (0.2449, "en", 3, "0.245"),
        (1234567, "de", None, "1.234.567"),
        (2.5, "fr", 2, "2.50"),
    ],
)
def test_format_number(value: float, lang: str, decimals: int | None, expected: str) -> None:
    assert format_number(value, lang, decimals=decimals) == expected


@pytest.mark.parametrize(
    "share, lang, decimals, expected",
    [
        (0.759, "de", 1, "75,9 %"),
        (0.759, "en", 1, "75.9%"),
        (1, "de", 0, "100 %"),
        (0, "en", 1, "0.0%"),
        (12.3456, "de", 1, "1.234,6 %"),
        (0.759, "xx", 1, "75.9%"),
    ],
)
def test_format_percent(share: float, lang: str, decimals: int, expected: str) -> None:
    assert format_percent(share, lang, decimals=decimals) == expected


def test_format_percent_has_plain_spaces() -> None:
    assert "\u00a0" not in format_percent(0.5, "de") and "\u202f" not in format_percent(0.5, "de")


@pytest.mark.parametrize(
    "lang, expected", [("de", "30.06.2025"), ("en", "2025-06-30"), ("fr", "2025-06-30")]
)
def test_format_date(lang: str, expected: str) -> None:
    assert format_date(dt.date(2025, 6, 30), lang) == expected


def test_format_date_pads_day_and_month() -> None:
    assert format_date(dt.date(2025, 1, 2), "de") == "02.01.2025"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_words_in_both_languages(rule) -> None:
    for name in ("title", "message"):
        entry = getattr(rule, name)
        assert {"en", "de"} <= set(entry), f"{rule.code}.{name} needs en and de"
        assert all(isinstance(v, str) and v for v in entry.values()), f"{rule.code}.{name}"
        assert _fields(entry["en"]) == _fields(entry["de"]), f"{rule.code}.{name}: placeholders differ"


@pytest.mark.parametrize("kind", all_kinds(), ids=lambda k: k.code)
def test_gap_kind_words_in_both_languages(kind) -> None:
    for name in ("title", "description"):
        entry = getattr(kind, name)
        assert {"en", "de"} <= set(entry), f"{kind.code}.{name} needs en and de"
        assert all(isinstance(v, str) and v for v in entry.values()), f"{kind.code}.{name}"
        assert _fields(entry["en"]) == _fields(entry["de"]), f"{kind.code}.{name}: placeholders differ"
