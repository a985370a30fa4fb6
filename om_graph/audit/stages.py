"""Implementation stages (Umsetzungsstadien) from the slides, with the reasons for each.

Stages are for networks that claim to be OM networks (status applied or recognised); the
others (name withdrawn, partner status only) are listed apart (:class:`ApartNetwork`).

1. OM does not know how the network meets the criteria: no named contacts, too few of the
   facts the profile asks for on record (:class:`~om_graph.audit.profile.StageSettings`), or
   criticism on record.
2. Contacts are named, but OM knows nothing of the network's work (no meeting or Plenum
   report in the window).
3. Active, but at least one criterion is not met (an ``error`` finding); the slides' typical
   case, intermediary partners who do not want to be named as contacts, is given as a reason.
4. Active and meets all requirements (no ``error`` finding). A criterion not on record is no
   error: it keeps a network out of stage 4 only through the facts of stage 1.

>>> f = NetworkFacts("n1", "OM Nord", "recognised", True, contacts=2, criticisms=0, meetings=3, reports=1,
...                  refusing_intermediaries=0, members=5, application_known=True, principles_known=True,
...                  logo_known=False)
>>> classify(f, error_codes=[]).stage
4
"""

from __future__ import annotations

from dataclasses import dataclass

from om_graph.audit.profile import StageSettings
from om_graph.i18n import t


@dataclass(frozen=True)
class NetworkFacts:
    """What OM knows of a network's work: the row of the ``stages`` query for one network."""

    id: str
    name: str
    status: str
    om_network: bool
    contacts: int
    criticisms: int
    meetings: int
    reports: int
    refusing_intermediaries: int
    members: int
    application_known: bool
    principles_known: bool
    logo_known: bool

    def known(self, fact: str) -> bool:
        """Is ``fact`` (one of :data:`~om_graph.audit.profile.Fact`) on record?"""
        return {
            "application": self.application_known,
            "principles": self.principles_known,
            "logo": self.logo_known,
            "members": self.members > 0,
        }[fact]


@dataclass(frozen=True)
class Reason:
    key: str
    values: dict[str, object]

    def text(self, lang: str) -> str:
        values = self.values
        if self.key == "not_on_record":
            values = {"facts": ", ".join(fact_word(str(f), lang) for f in self.values["facts"])}  # type: ignore[union-attr]
        return t(f"reason.{self.key}", lang, **values)


@dataclass(frozen=True)
class StageResult:
    network_id: str
    network_name: str
    stage: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class ApartNetwork:
    """A network that does not claim OM network status, outside the stages, with its findings' codes (OM112)."""

    network_id: str
    network_name: str
    status: str
    codes: tuple[str, ...]

    def status_text(self, lang: str) -> str:
        if self.status == "withdrawn":
            return t("apart.withdrawn", lang)
        return t("apart.partner_only", lang)


def classify(facts: NetworkFacts, error_codes: list[str], settings: StageSettings | None = None) -> StageResult:
    """Place one OM network in its stage; ``error_codes`` are the codes of its error findings."""
    settings = settings or StageSettings()
    reasons: list[Reason] = []
    if facts.criticisms:
        reasons.append(Reason("criticism", {"count": facts.criticisms}))
    if not facts.contacts:
        reasons.append(Reason("no_contacts", {}))
    unknown = tuple(f for f in settings.facts if not facts.known(f))
    if len(settings.facts) - len(unknown) < settings.required:
        reasons.append(Reason("not_on_record", {"facts": unknown}))
    if reasons:
        return _result(facts, 1, reasons)
    if not facts.meetings and not facts.reports:
        return _result(facts, 2, [Reason("work_unknown", {})])
    if error_codes:
        reasons.append(Reason("criteria_not_met", {"codes": ", ".join(sorted(set(error_codes)))}))
        if facts.refusing_intermediaries:
            reasons.append(Reason("intermediaries_unnamed", {"count": facts.refusing_intermediaries}))
        return _result(facts, 3, reasons)
    return _result(facts, 4, [Reason("all_met", {})])


def fact_word(fact: str, lang: str) -> str:
    """A fact a profile may ask for, in words."""
    if fact == "application":
        return t("fact.application", lang)
    if fact == "principles":
        return t("fact.principles", lang)
    if fact == "logo":
        return t("fact.logo", lang)
    return t("fact.members", lang)


def _result(facts: NetworkFacts, stage: int, reasons: list[Reason]) -> StageResult:
    return StageResult(facts.id, facts.name, stage, tuple(reasons))
