"""User-facing words in English and German, with OM's official German terms.

Rule titles and messages live beside each rule; this module holds the words of the
reports and the command line.

>>> t("stage.name", "de", stage=3)
'Umsetzungsstadium 3'
"""

from __future__ import annotations

LANGS = ("en", "de")

TEXTS: dict[str, dict[str, str]] = {
    "stage.name": {"en": "stage {stage}", "de": "Umsetzungsstadium {stage}"},
    "stage.1": {"en": "OM does not know how it meets the criteria", "de": "OM weiß nicht, wie es die Kriterien erfüllt"},
    "stage.2": {"en": "contacts active, work unknown to OM", "de": "Ansprechpartner aktiv, Netzwerkarbeit OM unbekannt"},
    "stage.3": {"en": "active, criteria not all met", "de": "aktiv, Kriterien nicht alle erfüllt"},
    "stage.4": {"en": "meets all requirements", "de": "erfüllt alle Anforderungen"},
    "reason.criticism": {"en": "{count} criticism(s) on record", "de": "{count} Kritikpunkt(e) aktenkundig"},
    "reason.no_contacts": {"en": "no contact named (Netzwerkkoordination, moderation)", "de": "keine Ansprechpartner benannt (Netzwerkkoordination, Moderation)"},
    "reason.work_unknown": {"en": "no meeting or Plenum report known in the last 12 months", "de": "kein Treffen und kein Bericht an das Plenum in den letzten 12 Monaten bekannt"},
    "reason.criteria_not_met": {"en": "criteria not met: {codes}", "de": "Kriterien nicht erfüllt: {codes}"},
    "reason.intermediaries_unnamed": {"en": "{count} intermediary partner(s) decline to be named as contacts", "de": "{count} intermediäre Partner wollen nicht als Ansprechpartner genannt werden"},
    "reason.all_met": {"en": "no error finding", "de": "kein Befund der Stufe Fehler"},
    "severity.error": {"en": "error", "de": "Fehler"},
    "severity.warning": {"en": "warning", "de": "Warnung"},
    "severity.info": {"en": "info", "de": "Hinweis"},
    "kind.network": {"en": "Network", "de": "Netzwerk"},
    "kind.region": {"en": "Region", "de": "Region"},
    "kind.organisation": {"en": "Organisation", "de": "Organisation"},
    "kind.self_declaration": {"en": "Self-declaration", "de": "Selbsterklärung"},
    "report.title": {"en": "OM network audit as of {as_of}", "de": "Prüfung der OM-Netzwerke, Stand {as_of}"},
    "report.profile": {"en": "profile: {profile}, engine: {engine}", "de": "Profil: {profile}, Engine: {engine}"},
    "report.summary": {
        "en": "{networks} networks, {findings} findings: {errors} errors, {warnings} warnings, {infos} info",
        "de": "{networks} Netzwerke, {findings} Befunde: {errors} Fehler, {warnings} Warnungen, {infos} Hinweise",
    },
    "report.stages": {"en": "stages", "de": "Umsetzungsstadien"},
    "report.no_findings": {"en": "no findings", "de": "keine Befunde"},
    "report.other": {"en": "Regions, organisations and self-declarations", "de": "Regionen, Organisationen und Selbsterklärungen"},
    "validate.ok": {"en": "{path}: valid ({records} records in {sheets} sheets)", "de": "{path}: gültig ({records} Datensätze in {sheets} Tabellen)"},
    "validate.problems": {"en": "{count} problem(s) found; nothing was written.", "de": "{count} Problem(e) gefunden; es wurde nichts geschrieben."},
}


def t(key: str, lang: str = "en", **values: object) -> str:
    """The text for ``key`` in ``lang`` (English where no German exists), filled with ``values``."""
    return pick(TEXTS[key], lang, **values)


def pick(entry: dict[str, str], lang: str, **values: object) -> str:
    """One entry of a words table (``{"en": ..., "de": ...}``) in ``lang``, English where no German exists.

    Modules with words of their own (gap kinds, map legends) keep them beside their code and use this.

    >>> pick({"en": "{n} gaps", "de": "{n} Lücken"}, "de", n=2)
    '2 Lücken'
    """
    return entry.get(lang, entry["en"]).format(**values)
