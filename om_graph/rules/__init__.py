"""The rule catalogue: every rule module under this package, registered by its code.

Rules live one per module, grouped by the part of the criteria they come from
(``framework``, ``scope``, ``formal``, ``ambassadors``, ``declaration``).

>>> [r.code for r in all_rules()][:3]
['OM101', 'OM102', 'OM103']
"""

from __future__ import annotations

import fnmatch
import importlib
import pkgutil
from functools import cache

from ..errors import UsageError
from .base import Hit, Param, Rule, RuleContext, Severity

__all__ = ["Hit", "Param", "Rule", "RuleContext", "Severity", "all_rules", "get_rule", "select_rules"]

CATEGORIES = ("framework", "scope", "formal", "ambassadors", "declaration")


class UnknownRuleError(UsageError):
    """A rule code or pattern that names no rule."""


@cache
def _registry() -> dict[str, type[Rule]]:
    registry: dict[str, type[Rule]] = {}
    for category in CATEGORIES:
        package = importlib.import_module(f"{__name__}.{category}")
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for obj in vars(module).values():
                if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                    if obj.code in registry:
                        raise RuntimeError(f"duplicate rule code {obj.code}: {obj} and {registry[obj.code]}")
                    registry[obj.code] = obj
    return dict(sorted(registry.items()))


def all_rules() -> list[type[Rule]]:
    """Every rule, sorted by code."""
    return list(_registry().values())


def get_rule(code: str) -> type[Rule]:
    try:
        return _registry()[code.upper()]
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
    chosen = []
    for rule in rules:
        if any(fnmatch.fnmatchcase(rule.code, p) for p in wanted):
            chosen.append(rule)
    unmatched = [p for p in wanted if not any(fnmatch.fnmatchcase(r.code, p) for r in rules)]
    if unmatched:
        raise UnknownRuleError(f"no rule matches {', '.join(unmatched)}")
    return chosen
