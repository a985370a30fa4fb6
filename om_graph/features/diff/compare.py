"""What changed between two audits: stages, networks, findings, and the stages per federal state.

Networks are matched by id. A network *moved* when its place (stage 1-4, or outside the
stages) differs; it comes with the reasons of both audits. Findings are matched by code and
subject (kind and id): in both audits a finding is *still open*, only in the new one *new*,
only in the old one *resolved*; when a subject holds several findings of one code, they pair
up in the order of their evidence and the rest count as new or resolved. When the two audits
checked different rules, only the rules both checked are compared, and the diff says so.

>>> from om_graph.features.history.snapshot import Snapshot
>>> def snap(day, stage, codes):
...     return Snapshot.from_json({"as_of": day, "networks": [{"id": "n1", "name": "OM Nord", "stage": stage}],
...         "findings": [{"code": c, "severity": "error", "subject_kind": "network", "subject_id": "n1"} for c in codes]})
>>> d = diff(snap("2025-01-31", 3, ["OM104", "OM107"]), snap("2025-06-30", 4, ["OM107", "OM202"]))
>>> [(m.network_id, m.old_place, m.new_place) for m in d.moved]
[('n1', 3, 4)]
>>> [f.code for f in d.new_findings], [f.code for f in d.resolved_findings], [f.code for f, _ in d.open_findings]
(['OM202'], ['OM104'], ['OM107'])
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from om_graph.features.history.snapshot import OUTSIDE, STAGES, FindingState, NetworkState, Snapshot

#: Places in report order: the four stages, then outside.
PLACES: tuple[int | str, ...] = (*STAGES, OUTSIDE)


@dataclass(frozen=True)
class Move:
    """A network in both audits whose place changed."""

    network_id: str
    name: str
    old_place: int | str
    new_place: int | str
    old: NetworkState
    new: NetworkState

    @property
    def direction(self) -> str:
        """``up`` towards stage 4, ``down`` towards stage 1, ``apart`` into or out of the stages."""
        if OUTSIDE in (self.old_place, self.new_place):
            return "apart"
        return "up" if self.new_place > self.old_place else "down"  # type: ignore[operator]


@dataclass(frozen=True)
class StateMovement:
    """One federal state: networks per place in each audit (``state_id`` None: no state on record)."""

    state_id: str | None
    name: str
    old: dict[int | str, int]
    new: dict[int | str, int]

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True)
class AuditDiff:
    old: Snapshot
    new: Snapshot
    moved: list[Move]
    added: list[NetworkState]
    removed: list[NetworkState]
    unchanged: int
    new_findings: list[FindingState]
    resolved_findings: list[FindingState]
    open_findings: list[tuple[FindingState, FindingState]]
    states: list[StateMovement] | None
    compared_rules: tuple[str, ...] | None

    @property
    def same_profile(self) -> bool:
        """Same profile name and, where both audits kept them, the same settings."""
        if self.old.profile != self.new.profile:
            return False
        old, new = self.old.profile_settings, self.new.profile_settings
        return old is None or new is None or _audit_settings(old) == _audit_settings(new)

    @property
    def same_data(self) -> bool | None:
        """Did both audits read the same data (same hash on the same basis)? ``None`` when one has no hash."""
        old, new = self.old.dataset, self.new.dataset
        if not old.get("sha256") or not new.get("sha256") or old.get("basis") != new.get("basis"):
            return None
        return old["sha256"] == new["sha256"]


def diff(old: Snapshot, new: Snapshot) -> AuditDiff:
    """Compare audit ``old`` with audit ``new``."""
    moved, unchanged = [], 0
    for network_id in sorted(old.networks.keys() & new.networks.keys()):
        before, after = old.networks[network_id], new.networks[network_id]
        if before.place != after.place:
            moved.append(Move(network_id, after.name, before.place, after.place, before, after))
        else:
            unchanged += 1
    moved.sort(key=lambda m: (_rank(m.new_place), m.network_id))
    added = [new.networks[i] for i in sorted(new.networks.keys() - old.networks.keys())]
    removed = [old.networks[i] for i in sorted(old.networks.keys() - new.networks.keys())]

    compared = None
    if old.rules and new.rules and set(old.rules) != set(new.rules):
        compared = tuple(sorted(set(old.rules) & set(new.rules)))
    keep = (lambda f: f.code in compared) if compared is not None else (lambda f: True)
    new_findings, resolved, still_open = _match([f for f in old.findings if keep(f)], [f for f in new.findings if keep(f)])
    return AuditDiff(
        old=old,
        new=new,
        moved=moved,
        added=added,
        removed=removed,
        unchanged=unchanged,
        new_findings=new_findings,
        resolved_findings=resolved,
        open_findings=still_open,
        states=_states(old, new) if old.has_places and new.has_places else None,
        compared_rules=compared,
    )


def _audit_settings(settings: dict) -> dict:
    """The settings that change findings: thresholds, disabled rules, ambassador settings (not names or wording)."""
    return {k: v for k, v in settings.items() if k not in ("name", "description", "briefing")}


def _rank(place: int | str) -> int:
    return PLACES.index(place)


def _evidence_key(f: FindingState) -> str:
    return json.dumps(f.evidence, sort_keys=True, ensure_ascii=False, default=str)


def _match(
    old: Iterable[FindingState], new: Iterable[FindingState]
) -> tuple[list[FindingState], list[FindingState], list[tuple[FindingState, FindingState]]]:
    by_key_old: dict[tuple, list[FindingState]] = {}
    by_key_new: dict[tuple, list[FindingState]] = {}
    for f in old:
        by_key_old.setdefault(f.key, []).append(f)
    for f in new:
        by_key_new.setdefault(f.key, []).append(f)
    added, resolved, still_open = [], [], []
    for key in sorted(by_key_old.keys() | by_key_new.keys()):
        before = sorted(by_key_old.get(key, []), key=_evidence_key)
        after = sorted(by_key_new.get(key, []), key=_evidence_key)
        still_open += list(zip(before, after))
        resolved += before[len(after):]
        added += after[len(before):]
    order = {"error": 0, "warning": 1, "info": 2}

    def sort_key(f: FindingState) -> tuple:
        return (order.get(f.severity, 3), f.code, f.subject_kind, f.subject_id)

    return sorted(added, key=sort_key), sorted(resolved, key=sort_key), sorted(still_open, key=lambda p: sort_key(p[1]))


def _states(old: Snapshot, new: Snapshot) -> list[StateMovement]:
    before, after = old.stage_counts_by_state(), new.stage_counts_by_state()
    names = {**old.state_names, **new.state_names}
    empty = {p: 0 for p in PLACES}
    keys = sorted(before.keys() | after.keys(), key=lambda s: (s is None, names.get(s or "", s or "")))
    return [
        StateMovement(state, names.get(state, state) if state else "", before.get(state, empty), after.get(state, empty))
        for state in keys
    ]
