"""One audit as history keeps it: the JSON report and what it was an audit of.

A :class:`Snapshot` is read from a saved audit (``om-graph audit --save``, see :mod:`.store`)
or from a plain ``om-graph audit --format json`` report, and built in memory by the briefing.
Diff, history and briefing read only snapshots, so they treat saved and live audits alike.

The saved form (``format: om-graph-audit``, ``version: 1``) wraps the report with the as-of
date, the profile (name and settings), om-graph's version, where the data came from and a
hash of it, and per network the facts the report does not carry: status, kind, the federal
states it works in, and each stage reason as key and values, so reasons can be worded again
in another language. Fields a later om-graph adds to stages or findings are kept as read
(``extra``), never refused.

Placement: a network is in its stage 1-4 when it claims to be an OM network (status applied or
recognised, or no status on record) and the audit gave it a stage; every other network
(withdrawn, partner status only, listed ``apart`` by the report, or without a stage) is
*outside the stages*, as the slides' stages are for networks that claim to be OM networks.

>>> snap = Snapshot.from_json({"as_of": "2025-06-30", "profile": "default", "om_graph": "0.1.0",
...     "networks": [{"id": "n1", "name": "OM Nord", "stage": 3, "reasons": ["criteria not met: OM104"]}],
...     "findings": []})
>>> snap.networks["n1"].place, snap.stage_counts()
(3, {1: 0, 2: 0, 3: 1, 4: 0, 'outside': 0})
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from om_graph.errors import InputError

#: The saved form's marker and version (a later version is refused with a clear line).
FORMAT = "om-graph-audit"
VERSION = 1
STAGES = (1, 2, 3, 4)
OUTSIDE = "outside"
#: Statuses under which a network claims to be an OM network (as in the dataset model).
CLAIMING = frozenset({"applied", "recognised"})


@dataclass(frozen=True)
class NetworkState:
    """One network in one audit: its stage and why, and where it works."""

    id: str
    name: str
    stage: int | None
    reasons: tuple[str, ...]
    reason_keys: tuple[str, ...] = ()
    reason_details: tuple[dict[str, Any], ...] | None = None
    status: str | None = None
    kind: str | None = None
    states: tuple[str, ...] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def place(self) -> int | str:
        """Its stage 1-4, or ``"outside"`` for a network that does not claim to be an OM network."""
        if self.stage in STAGES and (self.status is None or self.status in CLAIMING) and not self.extra.get(OUTSIDE):
            return self.stage
        return OUTSIDE

    def reason_texts(self, lang: str) -> list[str]:
        """The reasons in ``lang`` where the audit kept them as keys and values, else as the report worded them."""
        if self.reason_details is None:  # a plain report: reasons without values can still be worded from their keys
            return [_reason_from_key(key, text, lang) or text for key, text in zip(self.reason_keys, self.reasons)] + list(
                self.reasons[len(self.reason_keys):])
        from om_graph.audit.stages import Reason

        texts = []
        for i, detail in enumerate(self.reason_details):
            try:
                texts.append(Reason(**detail).text(lang))
            except (KeyError, IndexError, TypeError, ValueError):
                texts.append(self.reasons[i] if i < len(self.reasons) else str(detail.get("key")))
        return texts


@dataclass(frozen=True)
class FindingState:
    """One finding as the report holds it; ``key`` matches it across audits (code and subject)."""

    code: str
    severity: str
    subject_kind: str
    subject_id: str
    subject_name: str
    message: str
    evidence: dict[str, Any]
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.code, self.subject_kind, self.subject_id)


@dataclass(frozen=True)
class Snapshot:
    """An audit: when, by which profile and version, of which data, and what it found."""

    as_of: dt.date
    profile: str
    version: str
    engine: str
    lang: str
    rules: tuple[str, ...]
    networks: dict[str, NetworkState]
    findings: tuple[FindingState, ...]
    profile_settings: dict[str, Any] | None = None
    dataset: dict[str, Any] = field(default_factory=dict)
    state_names: dict[str, str] = field(default_factory=dict)
    saved_at: str | None = None
    path: Path | None = None
    report: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def has_places(self) -> bool:
        """Does it know each network's federal states (saved audits do, plain reports do not)?"""
        return all(n.states is not None for n in self.networks.values())

    def stage_counts(self) -> dict[int | str, int]:
        """Networks per stage 1-4 and outside the stages."""
        counts: dict[int | str, int] = {**{s: 0 for s in STAGES}, OUTSIDE: 0}
        for network in self.networks.values():
            counts[network.place] += 1
        return counts

    def severity_counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
        return counts

    def stage_counts_by_state(self) -> dict[str | None, dict[int | str, int]]:
        """Per federal state (``None``: no state on record) the networks per place; a network counts in each of its states."""
        out: dict[str | None, dict[int | str, int]] = {}
        for network in self.networks.values():
            for state in network.states or (None,):
                counts = out.setdefault(state, {**{s: 0 for s in STAGES}, OUTSIDE: 0})
                counts[network.place] += 1
        return dict(sorted(out.items(), key=lambda item: (item[0] is None, self.state_names.get(item[0] or "", item[0] or ""))))

    def message(self, finding: FindingState, lang: str) -> str:
        """The finding's message in ``lang``: worded again from its evidence if the audit was in another language.

        Needs the profile's thresholds (kept in saved audits; the defaults for a plain report of
        the default profile); otherwise, or for a rule this om-graph does not know, the message as saved.
        """
        if lang == self.lang:
            return finding.message
        from om_graph.audit.profile import DEFAULT_PROFILE, Profile
        from om_graph.errors import OmGraphError
        from om_graph.queries.rules import get_rule

        try:
            if self.profile_settings is not None:
                profile = Profile.model_validate(self.profile_settings)
            elif self.profile == DEFAULT_PROFILE.name:
                profile = DEFAULT_PROFILE
            else:
                return finding.message
            names = {"network": {n.id: n.name for n in self.networks.values()}}  # the only names a report keeps
            return get_rule(finding.code).word(lang, finding.evidence, profile.params_for(finding.code), names)
        except (OmGraphError, KeyError, ValueError, IndexError, TypeError):
            return finding.message

    # -- reading --------------------------------------------------------------------------------
    @classmethod
    def from_json(cls, data: Any, path: Path | None = None) -> "Snapshot":
        """A saved audit or a plain JSON report; ``InputError`` naming the file and field when it is neither."""
        where = str(path) if path else "audit"
        if not isinstance(data, dict):
            raise InputError(f"{where}: not an om-graph audit (expected a JSON object)")
        if data.get("format") == FORMAT:
            if not isinstance(data.get("version"), int) or data["version"] > VERSION:
                raise InputError(f"{where}:version: saved by a newer om-graph (version {data.get('version')}); update om-graph")
            return cls._from_record(data, path, where)
        return cls._from_report(data, {}, path, where)

    @classmethod
    def _from_record(cls, data: dict[str, Any], path: Path | None, where: str) -> "Snapshot":
        report = data.get("report")
        if not isinstance(report, dict):
            raise InputError(f"{where}:report: missing; the file is not a complete saved audit")
        profile = data.get("profile") or {}
        return cls._from_report(
            report,
            data.get("networks") or {},
            path,
            where,
            profile_settings=profile.get("settings"),
            dataset=data.get("dataset") or {},
            state_names=data.get("states") or {},
            saved_at=data.get("saved_at"),
        )

    @classmethod
    def _from_report(cls, report: dict[str, Any], facts: dict[str, Any], path: Path | None, where: str, **more: Any) -> "Snapshot":
        for key in ("as_of", "networks", "findings"):
            if key not in report:
                raise InputError(f"{where}:{key}: missing; give a saved audit or the output of om-graph audit --format json")
        try:
            as_of = dt.date.fromisoformat(report["as_of"])
        except (TypeError, ValueError):
            raise InputError(f"{where}:as_of: not an ISO date: {report['as_of']!r}") from None
        networks = {}
        for key in ("networks", "apart"):
            for i, raw in enumerate(report.get(key) or ()):
                if not isinstance(raw, dict) or "id" not in raw:
                    raise InputError(f"{where}:{key}[{i}]: a network needs an id")
                if key == "apart":  # listed apart by the audit: outside the stages whatever else it says
                    raw = {**raw, "stage": None, OUTSIDE: True}
                networks[raw["id"]] = _network(raw, facts.get(raw["id"]) or {})
        findings = []
        for i, raw in enumerate(report["findings"]):
            try:
                findings.append(_finding(raw))
            except (KeyError, TypeError):
                raise InputError(f"{where}:findings[{i}]: a finding needs code, severity, subject_kind and subject_id") from None
        return cls(
            as_of=as_of,
            profile=str(report.get("profile", "default")),
            version=str(report.get("om_graph", "?")),
            engine=str(report.get("engine", "?")),
            lang=str(report.get("lang", "en")),
            rules=tuple(report.get("rules") or ()),
            networks=dict(sorted(networks.items())),
            findings=tuple(findings),
            path=path,
            report=report,
            **more,
        )


_KNOWN_NETWORK_KEYS = {"id", "name", "stage", "reasons", "reason_keys"}


def _network(raw: dict[str, Any], facts: dict[str, Any]) -> NetworkState:
    stage = raw.get("stage")
    details = facts.get("reasons")
    states = facts.get("states")
    return NetworkState(
        id=str(raw["id"]),
        name=str(raw.get("name") or raw["id"]),
        stage=stage if isinstance(stage, int) and not isinstance(stage, bool) else None,
        reasons=tuple(str(r) for r in raw.get("reasons") or ()),
        reason_keys=tuple(str(r) for r in raw.get("reason_keys") or ()),
        reason_details=tuple(details) if isinstance(details, list) else None,
        status=facts.get("status", raw.get("status")),
        kind=facts.get("kind", raw.get("kind")),
        states=tuple(states) if isinstance(states, list) else None,
        extra={k: v for k, v in raw.items() if k not in _KNOWN_NETWORK_KEYS},
    )


def _finding(raw: dict[str, Any]) -> FindingState:
    return FindingState(
        code=str(raw["code"]),
        severity=str(raw["severity"]),
        subject_kind=str(raw["subject_kind"]),
        subject_id=str(raw["subject_id"]),
        subject_name=str(raw.get("subject_name") or raw["subject_id"]),
        message=str(raw.get("message", "")),
        evidence=raw.get("evidence") if isinstance(raw.get("evidence"), dict) else {},
        raw=raw,
    )


def plain(value: Any) -> Any:
    """``value`` as JSON can hold it: dataclasses and mappings as objects, tuples and sets as lists, dates ISO.

    Stage results and reasons are read this way, whatever fields a later om-graph gives them.

    >>> plain({"d": dt.date(2025, 6, 30), "t": (1, 2)})
    {'d': '2025-06-30', 't': [1, 2]}
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value




def _reason_from_key(key: str, text: str, lang: str) -> str | None:
    """A plain report's reason in ``lang``: its English text read back through its key's English words.

    ``criteria not met: OM104`` gives ``codes`` = ``OM104``; a text in another language, or a reason
    whose values are words themselves (``not_on_record``), stays as the report has it.
    """
    import re
    import string

    from om_graph.i18n import catalogue, t

    english = catalogue("en").get(f"reason.{key}")
    if english is None or key == "not_on_record":
        return None
    pattern = "".join(re.escape(literal) + (f"(?P<{field}>.+?)" if field else "")
                      for literal, field, _, _ in string.Formatter().parse(english))
    match = re.fullmatch(pattern, text)
    return t(f"reason.{key}", lang, **match.groupdict()) if match else None
