"""The rule catalogue: every rule module under this package, by its code.

Rules live one per module, grouped by the part of the criteria they come from
(``framework``, ``scope``, ``formal``, ``ambassadors``, ``declaration``); the query
registry (:mod:`om_graph.queries.registry`) finds them like every other query.

>>> [r.code for r in all_rules()][:3]
['OM101', 'OM102', 'OM103']
"""

from __future__ import annotations

import fnmatch

from om_graph.errors import UsageError
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity, is_not_on_record

__all__ = [
    "Hit", "Param", "Rule", "RuleContext", "Scope", "Severity", "all_rules", "get_rule", "is_not_on_record", "network_rules", "select_rules",
]  # fmt: skip


class UnknownRuleError(UsageError):
    """A rule code or pattern that names no rule."""


def _rules() -> dict[str, type[Rule]]:
    from om_graph.queries.registry import discover

    return discover().rules


def all_rules() -> list[type[Rule]]:
    """Every rule, sorted by code."""
    return list(_rules().values())


def network_rules() -> str:
    """The codes of the rules whose findings are about a network, as a ``--rules`` list: a network's stage and
    its findings depend on no other rule, and the rest (regions, organisations, self-declarations) is a third of an
    audit's time."""
    return ",".join(rule.code for rule in all_rules() if rule.subject_kind == "network")


def get_rule(code: str) -> type[Rule]:
    try:
        return _rules()[code.upper()]
    except KeyError:
        raise UnknownRuleError(f"unknown rule code {code!r}") from None


def select_rules(patterns: str | None) -> list[type[Rule]]:
    """Rules matching a comma-separated list of codes or globs such as ``OM1*,OM302``.

    >>> [r.code for r in select_rules("OM10[45],OM302")]
    ['OM104', 'OM105', 'OM302']
    """
    rules = all_rules()
    if not patterns:
        return rules
    wanted = [p.strip().upper() for p in patterns.split(",") if p.strip()]
    chosen = [rule for rule in rules if any(fnmatch.fnmatchcase(rule.code, p) for p in wanted)]
    unmatched = [p for p in wanted if not any(fnmatch.fnmatchcase(r.code, p) for r in rules)]
    if unmatched:
        raise UnknownRuleError(f"no rule matches {', '.join(unmatched)}")
    return chosen
