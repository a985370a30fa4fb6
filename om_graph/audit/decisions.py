"""What each implementation stage asks the Leitungskreis to decide: the briefing's wording, kept in the profile.

The slides end the stages with "Was sollen wir tun – heute bitte entscheiden"; the 2012 criteria
say who may decide what. The defaults below offer, per stage, the options those criteria give
and cite the clause for each: networks settle questions among themselves and the Leitungskreis
decides where they cannot agree (Handlungsrahmen, last item; Rahmenbedingungen, item 11); the
Plenum may withdraw the right to the name on the Leitung's proposal (withdrawal paragraph). A
profile may reword any of them (``briefing: {decisions: {"1": {question: {en: ..., de: ...}}}}``)
and set how many new Botschafter the briefing plans and how many gaps it shows per Land.

>>> settings = BriefingSettings()
>>> sorted(settings.decisions), settings.plan_k
(['1', '2', '3', '4', 'conflicts', 'outside'], 3)
>>> settings.decisions["1"].options[-1].source
'001, withdrawal paragraph'
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

#: The sections that ask for a decision: the four stages, the networks outside them, and OM111 conflicts.
DECISION_KEYS = ("1", "2", "3", "4", "outside", "conflicts")


def _words(value: dict[str, str]) -> dict[str, str]:
    if "en" not in value or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise ValueError("needs an English text (en) and no empty text")
    return value


class Option(BaseModel):
    """One thing the Leitungskreis can decide, and the clause that allows it."""

    model_config = ConfigDict(extra="forbid")

    text: dict[str, str]
    source: str = ""

    @field_validator("text")
    @classmethod
    def _text(cls, value: dict[str, str]) -> dict[str, str]:
        return _words(value)


class Decision(BaseModel):
    """The question a section puts to the Leitungskreis, with its options."""

    model_config = ConfigDict(extra="forbid")

    question: dict[str, str]
    options: list[Option] = []

    @field_validator("question")
    @classmethod
    def _question(cls, value: dict[str, str]) -> dict[str, str]:
        return _words(value)


def _option(en: str, de: str, source: str) -> Option:
    return Option(text={"en": en, "de": de}, source=source)


DEFAULT_DECISIONS: dict[str, Decision] = {
    "1": Decision(
        question={
            "en": "OM does not know how these networks meet the criteria, or there is criticism of them on record. "
            "What should we do?",
            "de": "Von diesen Netzwerken wissen wir nicht, wie sie die Kriterien erfüllen, oder es gibt Kritik an "
            "ihnen. Was sollen wir tun?",
        },
        options=[
            _option(
                "Ask each network for a report to the Plenum and for its two contacts, by a date we set.",
                "Jedes Netzwerk um einen Bericht an das Plenum und um seine zwei Ansprechpartner bitten, bis zu "
                "einem Termin, den wir setzen.",
                "001 Rahmenbedingungen, item 7; 000 §1",
            ),
            _option(
                "The Leitungskreis clarifies the criticism with the network and the partners concerned and decides "
                "if they cannot agree.",
                "Der Leitungskreis klärt die Kritik mit dem Netzwerk und den betroffenen Partnern und entscheidet, "
                "falls keine Einigung erzielt wird.",
                "001 Handlungsrahmen, last item",
            ),
            _option(
                "Propose to the Plenum that it withdraw the right to the name OM network.",
                "Dem Plenum vorschlagen, dem Netzwerk die Berechtigung zu entziehen, sich "
                "Offensive-Mittelstands-Netzwerk zu nennen.",
                "001, withdrawal paragraph",
            ),
        ],
    ),
    "2": Decision(
        question={
            "en": "The contacts of these networks are active, but OM does not know their work. What should we do?",
            "de": "Die Ansprechpartner dieser Netzwerke sind aktiv, aber wir kennen die Netzwerkarbeit nicht. "
            "Was sollen wir tun?",
        },
        options=[
            _option(
                "Ask the contacts to inform the Plenum about the network's work, in person or in writing.",
                "Die Ansprechpartner bitten, das Plenum über die Arbeit des Netzwerks zu informieren, persönlich "
                "oder schriftlich.",
                "001 Rahmenbedingungen, item 7",
            ),
            _option(
                "Ask a Botschafter to visit the network and report back.",
                "Einen Botschafter bitten, das Netzwerk zu besuchen und zu berichten.",
                "000 §3",
            ),
        ],
    ),
    "3": Decision(
        question={
            "en": "These networks are active, but do not meet every criterion (some have intermediary partners who "
            "do not want to be named as contacts). What should we do?",
            "de": "Diese Netzwerke sind aktiv, erfüllen aber nicht alle Kriterien (einige haben intermediäre "
            "Partner, die nicht als Ansprechpartner genannt werden wollen). Was sollen wir tun?",
        },
        options=[
            _option(
                "Agree with each network which criteria it meets by when; it acts on its own responsibility within "
                "the criteria.",
                "Mit jedem Netzwerk vereinbaren, welche Kriterien es bis wann erfüllt; es handelt in eigener "
                "Verantwortung im Rahmen der Kriterien.",
                "001 Handlungsrahmen, item 1",
            ),
            _option(
                "Ask an intermediary partner to name one of the two contacts, or accept the network as it is for "
                "a set time.",
                "Einen intermediären Partner bitten, einen der zwei Ansprechpartner zu stellen, oder das Netzwerk "
                "für eine bestimmte Zeit so anerkennen.",
                "000 §1",
            ),
            _option(
                "Where networks and partners cannot agree, the Leitungskreis decides and informs the Plenum.",
                "Wo Netzwerke und Partner sich nicht einigen, entscheidet der Leitungskreis und teilt es dem "
                "Plenum mit.",
                "001 Handlungsrahmen, last item",
            ),
        ],
    ),
    "4": Decision(
        question={
            "en": "These networks meet all requirements. Do we confirm them?",
            "de": "Diese Netzwerke erfüllen alle Anforderungen. Bestätigen wir sie?",
        },
        options=[
            _option(
                "Confirm them, and name their partners on OM's partner list by mutual consent.",
                "Bestätigen und ihre Partner einvernehmlich auf der Partnerliste der Offensive Mittelstand nennen.",
                "001 Handlungsrahmen, item 4",
            ),
            _option(
                "Ask them to share their practice with other networks (synergies between networks).",
                "Sie bitten, ihre Praxis mit anderen Netzwerken zu teilen (Synergien zu anderen Netzwerken).",
                "001 Handlungsrahmen, item 4",
            ),
        ],
    ),
    "outside": Decision(
        question={
            "en": "These networks are outside the stages: their right to the name was withdrawn, or they hold "
            "partner status only. Is anything to be done?",
            "de": "Diese Netzwerke stehen außerhalb der Umsetzungsstadien: die Berechtigung zum Namen wurde "
            "entzogen, oder sie haben nur den Status eines Partners. Ist etwas zu tun?",
        },
        options=[
            _option(
                "Ask a network whose right to the name was withdrawn to stop presenting itself as an OM network.",
                "Ein Netzwerk, dem die Berechtigung entzogen wurde, bitten, nicht mehr als OM-Netzwerk aufzutreten.",
                "001, withdrawal paragraph",
            ),
            _option(
                "Keep a closed network as a partner; it cannot be an OM network.",
                "Ein geschlossenes Netzwerk als Partner führen; es kann kein OM-Netzwerk sein.",
                "001 Rahmenbedingungen, item 10",
            ),
        ],
    ),
    "conflicts": Decision(
        question={
            "en": "These OM networks work in the same region or on the same topic without an agreed sub-network. "
            "Who clarifies it?",
            "de": "Diese OM-Netzwerke arbeiten in derselben Region oder zum selben Thema ohne vereinbartes "
            "Teilnetzwerk. Wer klärt es?",
        },
        options=[
            _option(
                "The networks agree in consensus on a smaller local network within the larger one's region.",
                "Die Netzwerke vereinbaren im Konsens ein kleineres lokales Netzwerk in der Region des größeren.",
                "001 Rahmenbedingungen, item 11",
            ),
            _option(
                "If they reach no agreement, the Leitungskreis is called in and decides.",
                "Kommt es zu keiner Einigung, wird der Leitungskreis hinzugezogen und entscheidet.",
                "001 Rahmenbedingungen, item 11",
            ),
        ],
    ),
}


class BriefingSettings(BaseModel):
    """The briefing's wording and sizes: the decisions asked per section, Botschafter to plan, gaps per Land."""

    model_config = ConfigDict(extra="forbid")

    decisions: dict[str, Decision] = Field(default_factory=lambda: dict(DEFAULT_DECISIONS))
    plan_k: int = Field(3, ge=1, strict=True)
    gaps_per_state: int = Field(3, ge=1, strict=True)

    @field_validator("decisions")
    @classmethod
    def _known_sections(cls, value: dict[str, Decision]) -> dict[str, Decision]:
        unknown = sorted(set(value) - set(DECISION_KEYS))
        if unknown:
            raise ValueError(f"unknown section(s) {', '.join(unknown)}; known: {', '.join(DECISION_KEYS)}")
        return {**DEFAULT_DECISIONS, **value}
