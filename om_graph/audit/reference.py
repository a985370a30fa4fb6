"""The rule catalogue as users see it: ``om-graph rules`` and the generated docs/rules.md.

Everything here is read from the rules themselves, so the reference cannot drift from
the code.

>>> info = rule_info(get_rule("OM104"))
>>> info["code"], info["severity"], info["params"]["min_partners"]["default"]
('OM104', 'error', 3)
"""

from __future__ import annotations

import inspect
import json
import re
import textwrap
from typing import Any

from om_graph.i18n import FALLBACK, cite, format_number, has, pick, t, value_word
from om_graph.queries.rules import Rule, all_rules, get_rule

__all__ = ["rule_info", "render_rules", "get_rule"]


def rule_info(rule: type[Rule]) -> dict[str, Any]:
    doc = inspect.cleandoc(rule.__doc__ or "")
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "subject_kind": rule.subject_kind,
        "source": rule.source,
        "scope": rule.scope.value if rule.scope else None,
        "scope_source": rule.scope_source or None,
        "title": dict(rule.title),
        "message": dict(rule.message),
        "not_on_record_message": dict(rule.not_on_record_message) or None,
        "summary": rule.summary(),
        "description": doc,
        "params": {n: {"default": p.default, "description": p.description} for n, p in rule.params.items()},
    }


def _scope(rule: type[Rule], lang: str = "en") -> str:
    """The kinds of network a rule audits, and the clause for it (``-`` for rules about no network).

    In English the clause as the rule states it; in another language the scope worded, and only
    the clause's source and its German quote (the rule's own gloss is English).
    """
    if not rule.scope:
        return "-"
    if lang == FALLBACK:
        return f"{rule.scope.value} ({rule.scope_source})"
    clause = _CLAUSE.match(rule.scope_source)
    where = f"{cite(clause.group(1), lang)}: \"{clause.group(2)}\"" if clause else cite(rule.scope_source, lang)
    return f"{value_word(rule.scope.value, lang)} ({where})"


#: A scope's clause: its source, then the quoted words (``001 Handlungsrahmen, item 2: "der Bezug ..."``).
_CLAUSE = re.compile(r'^(.*?):? "(.*?)"')


def _default(value: Any, lang: str) -> str:
    """A parameter's default: as a profile writes it in English, with the reader's decimal sign otherwise."""
    if lang == FALLBACK or isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return t(f"level.{value}", lang) if has(f"level.{value}") else value
    return format_number(value, lang) if isinstance(value, (int, float)) else str(value)


def _render_table(lang: str) -> str:
    indent = " " * 16
    head = f"{t('audit.col.code', lang):<6} {t('audit.col.severity', lang):<8} {t('rules.columns', lang)}"
    lines = [head, "-" * 80]
    for rule in all_rules():
        lines.append(f"{rule.code:<6} {t('severity.' + rule.severity.value, lang):<8} {pick(rule.title, lang)}"[:80])
        lines += textwrap.wrap(cite(rule.source, lang), 80, initial_indent=indent, subsequent_indent=indent)
        if rule.scope:
            scope = t("rules.scope", lang, scope=_scope(rule, lang))
            lines += textwrap.wrap(scope, 80, initial_indent=indent, subsequent_indent=indent)
        params = ", ".join(
            t("rules.param", lang, label=t(f"param.{n}", lang), value=_default(p.default, lang)) for n, p in rule.params.items()
        )
        if params:
            lines += textwrap.wrap(params, 80, initial_indent=indent, subsequent_indent=indent)
    return "\n".join(lines) + "\n"


def _render_worded(lang: str) -> str:
    """The reference in a language other than English: every word from the catalogue and the rules' own words.

    The rules' docstrings (why each rule matters, with examples) are English documentation; this
    page gives, per rule, what a reader of ``lang`` needs: title, source, scope, message, parameters.
    """
    col = lambda key: t(f"audit.col.{key}", lang)  # noqa: E731
    lines = [f"# {t('rules.md.title', lang)}", "", t("rules.md.intro", lang), "",
             "| " + " | ".join([col("code"), t("rules.md.name", lang), col("severity"), t("rules.md.scope", lang), col("source")]) + " |",
             "| --- | --- | --- | --- | --- |"]
    for rule in all_rules():
        scope = value_word(rule.scope.value, lang) if rule.scope else "-"
        lines.append(f"| [{rule.code}](#{rule.code.lower()}) | {pick(rule.title, lang)} | "
                     f"{t('severity.' + rule.severity.value, lang)} | {scope} | {cite(rule.source, lang)} |")
    for rule in all_rules():
        lines += ["", f"## {rule.code}", "", f"**{pick(rule.title, lang)}**", ""]
        lines += [f"- {col('severity')}: {t('severity.' + rule.severity.value, lang)}",
                  f"- {col('subject')}: {value_word(rule.subject_kind, lang)}",
                  f"- {col('source')}: {cite(rule.source, lang)}",
                  f"- {t('rules.md.scope', lang)}: {_scope(rule, lang)}",
                  f"- {t('rules.md.message', lang)}: `{pick_raw(rule.message, lang)}`"]
        if rule.not_on_record_message:
            lines.append(f"- {t('rules.md.not_on_record', lang)}: `{pick_raw(rule.not_on_record_message, lang)}`")
        if rule.params:
            lines += ["", f"| {t('rules.md.param', lang)} | {t('rules.md.default', lang)} | {t('rules.md.meaning', lang)} |",
                      "| --- | --- | --- |"]
            lines += [f"| `{n}` | {_default(p.default, lang)} | {t(f'param.{n}', lang)} |" for n, p in rule.params.items()]
    return "\n".join(lines) + "\n"


def pick_raw(entry: dict[str, str], lang: str) -> str:
    """A rule's words in ``lang`` (else English) with their ``{placeholders}`` as they are: a template to read."""
    return entry.get(lang, entry[FALLBACK])


def _render_markdown() -> str:
    lines = [
        "# Rule reference",
        "",
        "Generated from the rule catalogue by `om-graph rules --format markdown`; do not edit by hand.",
        "Severity: `error` = a criterion is not met; `warning` = likely not met or at risk; `info` = worth a look.",
        "Sources: `001` = the 2012 criteria, `000` = the slides (see `shared/seeds`).",
        "",
        "A criterion is met, not met (the record says so), or not on record (a blank cell, a fact OM does not",
        "hold). Rules that can tell the last apart report it as \"not on record: please check ...\", with the",
        "profile's `not_on_record_severity` (default `warning`, never `error`) and the evidence flag",
        "`not_on_record: true`; such findings put no network in stage 3, but the facts the profile asks for",
        "(`stages.facts`) put a network that lacks them in stage 1.",
        "",
        "Scope: the kinds of network a rule audits (`regional`, `thematic` or `both`), from the clause it",
        "cites; a profile changes it with `scopes: {OM402: both}`. The slides' formal criteria are",
        "\"Kriterien für regionale Netzwerke\" (000 §1), the 2012 criteria name \"regionale oder fachliche",
        "Netzwerke\". Only networks with status `applied` or `recognised` are audited (OM112: withdrawn ones).",
        "",
        "| code | name | severity | scope | title | source |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in all_rules():
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} | "
            f"{rule.scope.value if rule.scope else '-'} | {rule.title['en']} | {rule.source} |"
        )
    for rule in all_rules():
        info = rule_info(rule)
        lines += ["", f"## {rule.code}", "", f"**{rule.title['en']}** / *{rule.title['de']}*", ""]
        lines += [f"- name: `{rule.name}`", f"- severity: `{rule.severity.value}`",
                  f"- subject: `{rule.subject_kind}`", f"- source: {rule.source}", f"- scope: {_scope(rule)}"]
        lines += [f"- message: \"{rule.message['en']}\" / \"{rule.message['de']}\""]
        if rule.not_on_record_message:
            lines += [f"- not on record: \"{rule.not_on_record_message['en']}\" / \"{rule.not_on_record_message['de']}\""]
        if info["params"]:
            lines += ["", "| parameter | default | meaning |", "| --- | --- | --- |"]
            lines += [f"| `{n}` | `{p['default']}` | {p['description']} |" for n, p in info["params"].items()]
        lines += ["", textwrap.dedent(info["description"])]
    return "\n".join(lines) + "\n"


def render_rules(fmt: str, lang: str = "en") -> str:
    """The catalogue as ``json`` (stable, English keys), ``markdown`` (docs/rules.md in English) or ``table``."""
    if fmt == "json":
        return json.dumps([rule_info(r) for r in all_rules()], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _render_markdown() if lang == FALLBACK else _render_worded(lang)
    return _render_table(lang)
