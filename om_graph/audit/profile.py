"""Profiles: the thresholds rules apply, kept out of the queries.

The built-in ``default`` profile takes every value from the source documents (the 2012
criteria and the slides), as each rule's :class:`~om_graph.queries.rules.Param` defaults say. A
user's profile is a small YAML file that changes some of them or switches rules off::

    name: strict-bavaria
    params:
      OM104: {min_partners: 5}
    disabled: [OM304]
    scopes: {OM402: both}
    not_on_record_severity: info
    stages: {facts: [application, principles, members], min_known: 2}
    ambassadors: {level: district, max_networks: 4, weights: {network: 3, intermediary: 2, company: 1}}

``scopes`` changes the kinds of network a rule audits (``regional``, ``thematic`` or ``both``;
each rule's default comes from its clause, see ``om-graph rules``). A finding whose facts are not
on record ("not on record: please check ...") takes ``not_on_record_severity`` (``warning`` or
``info``, never ``error``). ``stages`` names the facts OM must hold to judge a network: with fewer
than ``min_known`` of them on record (default: all) it is in stage 1 (:class:`StageSettings`).
The ``ambassadors`` section sets the ambassador coverage report and planner (``om-graph
ambassadors``). Its defaults are om-graph's own planning defaults, not OM's: the sources
name no level, workload or weights for ambassadors. The ``briefing`` section words what each
stage asks the Leitungskreis to decide (defaults citing the 2012 criteria, see
:mod:`om_graph.audit.decisions`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from om_graph.audit.decisions import BriefingSettings
from om_graph.dataset.io.text import read_utf8
from om_graph.errors import InputError
from om_graph.queries.rules import Scope, UnknownRuleError, get_rule


class ElementWeights(BaseModel):
    """How much covering one element of each kind is worth to the planner (om-graph's defaults)."""

    model_config = ConfigDict(extra="forbid")

    network: float = Field(3.0, ge=0, le=1000, strict=True, allow_inf_nan=False)
    intermediary: float = Field(2.0, ge=0, le=1000, strict=True, allow_inf_nan=False)
    company: float = Field(1.0, ge=0, le=1000, strict=True, allow_inf_nan=False)


class AmbassadorSettings(BaseModel):
    """Ambassador coverage and planning: the region level, a workload limit and element weights.

    om-graph's own planning defaults (the sources give none): the federal state as the level,
    as OM401/OM404 audit by default; at most 3 networks an ambassador is active in; a network
    weighs 3, an intermediary organisation 2, a company 1, because an ambassador reaches many
    companies through one network or chamber.
    """

    model_config = ConfigDict(extra="forbid")

    level: Literal["state", "district"] = "state"
    max_networks: int = Field(3, ge=0, le=1000, strict=True)
    weights: ElementWeights = ElementWeights()


#: Facts a profile may ask OM to hold before it judges a network (see :class:`StageSettings`).
Fact = Literal["application", "principles", "logo", "members"]


class StageSettings(BaseModel):
    """Which facts OM must hold to judge a network; with fewer on record it is in stage 1.

    The slides' stage 1: "Von einigen Netzwerken wissen wir gar nicht, wie sie die Kriterien
    erfüllen". Facts: ``application`` (a part of it on record: region or topic, goals,
    approach), ``principles`` (acknowledged or not), ``logo`` (the partner logo shown or not),
    ``members`` (at least one). The default asks for the two framework conditions only a record
    can show (2012 criteria, Rahmenbedingungen, items 1-3), both of them (``min_known`` blank:
    all). Named contacts are asked for in any case: the slides' own sign of stage 1.
    """

    model_config = ConfigDict(extra="forbid")

    facts: list[Fact] = ["application", "principles"]
    min_known: int | None = Field(None, ge=0, strict=True)

    @model_validator(mode="after")
    def _at_most_all(self) -> "StageSettings":
        if self.min_known is not None and self.min_known > len(self.facts):
            raise ValueError(f"min_known {self.min_known} is more than the {len(self.facts)} facts named")
        return self

    @property
    def required(self) -> int:
        """How many of the facts must be on record."""
        return len(self.facts) if self.min_known is None else self.min_known


class Profile(BaseModel):
    """Rule parameters by code, rules switched off, rule scopes, and how unknowns are reported."""

    model_config = ConfigDict(extra="forbid")

    name: str = "default"
    description: str = "Thresholds of the 2012 criteria and the slides (OM's own sources)."
    params: dict[str, dict[str, Any]] = {}
    disabled: list[str] = []
    scopes: dict[str, Scope] = {}
    not_on_record_severity: Literal["warning", "info"] = "warning"
    stages: StageSettings = StageSettings()
    ambassadors: AmbassadorSettings = AmbassadorSettings()
    briefing: BriefingSettings = BriefingSettings()

    def params_for(self, code: str) -> dict[str, Any]:
        """The rule's parameters: its source defaults, overridden by this profile; with the network
        kinds of its scope (``kinds``) for rules about networks."""
        rule = get_rule(code)
        values = {name: p.default for name, p in rule.params.items()}
        values.update(self.params.get(code, {}))
        scope = self.scope_of(code)
        if scope is not None:
            values["kinds"] = scope.kinds
        return values

    def scope_of(self, code: str) -> Scope | None:
        """The kinds of network a rule audits: the profile's choice, else the rule's clause."""
        return self.scopes.get(code) or get_rule(code).scope

    def is_enabled(self, code: str) -> bool:
        return code not in self.disabled


DEFAULT_PROFILE = Profile()


#: What values a rule parameter may take, by what its name says it is: a window or validity of
#: months (at most 100 years, so dates stay in the calendar), a smallest count, a share, a region
#: level. Every parameter matches one (tests check), so a new one cannot escape the check.
PARAM_RANGES: dict[str, tuple[Any, ...]] = {
    "_months": (1, 1200),
    "min_": (0, 1_000_000),
    "max_share": (0.0, 1.0),
    "level": ("country", "state", "district"),
}


def param_range(name: str) -> tuple[Any, ...] | None:
    """The allowed range (low, high) or values of the rule parameter ``name`` (see :data:`PARAM_RANGES`)."""
    for pattern, allowed in PARAM_RANGES.items():
        if name == pattern or (pattern.endswith("_") and name.startswith(pattern)) or (
            pattern.startswith("_") and name.endswith(pattern)
        ):
            return allowed
    return None


def _out_of_range(name: str, value: Any) -> str | None:
    """Why ``value`` is not allowed for parameter ``name``, or None."""
    allowed = param_range(name)
    if allowed is None:
        return None
    if isinstance(allowed[0], str):
        return None if value in allowed else f"{value!r} is not one of: {', '.join(allowed)}"
    low, high = allowed
    if not (low <= value <= high):  # NaN fails every comparison, so it lands here too
        return f"{value!r} is out of range ({low} to {high})"
    return None


def load_profile(path: Path | None) -> Profile:
    """Read a user's profile, checking every code and parameter it names, and every number's range."""
    if path is None:
        return DEFAULT_PROFILE
    try:
        raw = yaml.safe_load(read_utf8(path, "profile")) or {}
        profile = Profile.model_validate(raw)
    except RecursionError:
        raise InputError(f"{path}: nested too deeply to be a profile") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{path}{where}: not valid YAML") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{path}:{field}: {err['msg']}") from None
    for code in [*profile.params, *profile.disabled, *profile.scopes]:
        try:
            get_rule(code)
        except UnknownRuleError:
            raise InputError(f"{path}:{code}: unknown rule code") from None
    for code in profile.scopes:
        if get_rule(code).scope is None:
            raise InputError(f"{path}:scopes.{code}: {code.upper()} is about no network, so it has no scope")
    for code, values in profile.params.items():
        rule = get_rule(code)
        for name, value in values.items():
            if name not in rule.params:
                known = ", ".join(rule.params) or "none"
                raise InputError(f"{path}:params.{code}.{name}: unknown parameter (known: {known})")
            expected = type(rule.params[name].default)
            widened = expected is float and isinstance(value, int) and not isinstance(value, bool)
            if not widened and (
                not isinstance(value, expected) or isinstance(value, bool) != isinstance(rule.params[name].default, bool)
            ):
                raise InputError(f"{path}:params.{code}.{name}: expected {expected.__name__}, got {value!r}")
            if problem := _out_of_range(name, value):
                raise InputError(f"{path}:params.{code}.{name}: {problem}")
    return profile.model_copy(update={"params": {k.upper(): v for k, v in profile.params.items()},
                                      "disabled": [c.upper() for c in profile.disabled],
                                      "scopes": {k.upper(): v for k, v in profile.scopes.items()}})
