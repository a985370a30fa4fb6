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
import textwrap
from typing import Any

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


def _scope(rule: type[Rule]) -> str:
    """The kinds of network a rule audits, and the clause for it (``-`` for rules about no network)."""
    return f"{rule.scope.value} ({rule.scope_source})" if rule.scope else "-"


def _render_table(lang: str) -> str:
    indent = " " * 16
    lines = [f"{'code':<6} {'severity':<8} title / source / scope / parameters", "-" * 80]
    for rule in all_rules():
        lines.append(f"{rule.code:<6} {rule.severity.value:<8} {rule.title[lang]}"[:80])
        lines += textwrap.wrap(rule.source, 80, initial_indent=indent, subsequent_indent=indent)
        if rule.scope:
            lines += textwrap.wrap(f"scope: {_scope(rule)}", 80, initial_indent=indent, subsequent_indent=indent)
        params = ", ".join(f"{n}={p.default}" for n, p in rule.params.items())
        if params:
            lines += textwrap.wrap(params, 80, initial_indent=indent, subsequent_indent=indent)
    return "\n".join(lines) + "\n"


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
    if fmt == "json":
        return json.dumps([rule_info(r) for r in all_rules()], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return _render_markdown()
    return _render_table(lang)
