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
        "title": dict(rule.title),
        "message": dict(rule.message),
        "summary": rule.summary(),
        "description": doc,
        "params": {n: {"default": p.default, "description": p.description} for n, p in rule.params.items()},
    }


def _render_table(lang: str) -> str:
    indent = " " * 16
    lines = [f"{'code':<6} {'severity':<8} title / source / parameters", "-" * 80]
    for rule in all_rules():
        lines.append(f"{rule.code:<6} {rule.severity.value:<8} {rule.title[lang]}"[:80])
        lines += textwrap.wrap(rule.source, 80, initial_indent=indent, subsequent_indent=indent)
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
        "| code | name | severity | title | source |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in all_rules():
        lines.append(f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.value} | {rule.title['en']} | {rule.source} |")
    for rule in all_rules():
        info = rule_info(rule)
        lines += ["", f"## {rule.code}", "", f"**{rule.title['en']}** / *{rule.title['de']}*", ""]
        lines += [f"- name: `{rule.name}`", f"- severity: `{rule.severity.value}`",
                  f"- subject: `{rule.subject_kind}`", f"- source: {rule.source}"]
        lines += [f"- message: \"{rule.message['en']}\" / \"{rule.message['de']}\""]
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
