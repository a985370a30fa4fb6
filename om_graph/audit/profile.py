"""Profiles: the thresholds rules apply, kept out of the queries.

The built-in ``default`` profile takes every value from the source documents (the 2012
criteria and the slides), as each rule's :class:`~om_graph.queries.rules.Param` defaults say. A
user's profile is a small YAML file that changes some of them or switches rules off::

    name: strict-bavaria
    params:
      OM104: {min_partners: 5}
    disabled: [OM304]
    ambassadors: {level: district, max_networks: 4, weights: {network: 3, intermediary: 2, company: 1}}

The ``ambassadors`` section sets the ambassador coverage report and planner (``om-graph
ambassadors``). Its defaults are om-graph's own planning defaults, not OM's: the sources
name no level, workload or weights for ambassadors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from om_graph.errors import InputError
from om_graph.queries.rules import get_rule
from om_graph.queries.rules import UnknownRuleError


class ElementWeights(BaseModel):
    """How much covering one element of each kind is worth to the planner (om-graph's defaults)."""

    model_config = ConfigDict(extra="forbid")

    network: float = Field(3.0, ge=0, strict=True)
    intermediary: float = Field(2.0, ge=0, strict=True)
    company: float = Field(1.0, ge=0, strict=True)


class AmbassadorSettings(BaseModel):
    """Ambassador coverage and planning: the region level, a workload limit and element weights.

    om-graph's own planning defaults (the sources give none): the federal state as the level,
    as OM401/OM404 audit by default; at most 3 networks an ambassador is active in; a network
    weighs 3, an intermediary organisation 2, a company 1, because an ambassador reaches many
    companies through one network or chamber.
    """

    model_config = ConfigDict(extra="forbid")

    level: Literal["state", "district"] = "state"
    max_networks: int = Field(3, ge=0, strict=True)
    weights: ElementWeights = ElementWeights()


class Profile(BaseModel):
    """Rule parameters by code, plus rules switched off."""

    model_config = ConfigDict(extra="forbid")

    name: str = "default"
    description: str = "Thresholds of the 2012 criteria and the slides (OM's own sources)."
    params: dict[str, dict[str, Any]] = {}
    disabled: list[str] = []
    ambassadors: AmbassadorSettings = AmbassadorSettings()

    def params_for(self, code: str) -> dict[str, Any]:
        """The rule's parameters: its source defaults, overridden by this profile."""
        rule = get_rule(code)
        values = {name: p.default for name, p in rule.params.items()}
        values.update(self.params.get(code, {}))
        return values

    def is_enabled(self, code: str) -> bool:
        return code not in self.disabled


DEFAULT_PROFILE = Profile()


def load_profile(path: Path | None) -> Profile:
    """Read a user's profile, checking every code and parameter it names."""
    if path is None:
        return DEFAULT_PROFILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        profile = Profile.model_validate(raw)
    except OSError as exc:
        raise InputError(f"{path}: cannot read profile: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{path}{where}: not valid YAML") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{path}:{field}: {err['msg']}") from None
    for code in [*profile.params, *profile.disabled]:
        try:
            get_rule(code)
        except UnknownRuleError:
            raise InputError(f"{path}:{code}: unknown rule code") from None
    for code, values in profile.params.items():
        rule = get_rule(code)
        for name, value in values.items():
            if name not in rule.params:
                known = ", ".join(rule.params) or "none"
                raise InputError(f"{path}:params.{code}.{name}: unknown parameter (known: {known})")
            expected = type(rule.params[name].default)
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                continue
            if not isinstance(value, expected) or isinstance(value, bool) != isinstance(rule.params[name].default, bool):
                raise InputError(f"{path}:params.{code}.{name}: expected {expected.__name__}, got {value!r}")
    return profile.model_copy(update={"params": {k.upper(): v for k, v in profile.params.items()},
                                      "disabled": [c.upper() for c in profile.disabled]})
