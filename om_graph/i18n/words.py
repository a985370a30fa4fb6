"""Words made from codes the data and the rules carry: enumerated values, source citations, engines, profiles.

Machine formats keep the codes (``recognised``, ``001 Rahmenbedingungen, item 7``); every human
format words them here, so a German reader reads "anerkannt" and "Punkt 7".

>>> value_word("chamber_of_crafts", "de"), value_word("p-blanko", "de")
('Handwerkskammer', 'p-blanko')
>>> cite("001 Rahmenbedingungen, items 2-3", "de"), cite("001, withdrawal paragraph", "de")
('001 Rahmenbedingungen, Punkte 2-3', '001, Absatz zum Entzug der Berechtigung')
>>> engine_word("embedded", "de"), profile_word("default", "de"), profile_word("bayern", "de")
('eingebettet (im Arbeitsspeicher)', 'Standard', 'bayern')
"""

from __future__ import annotations

import re

from om_graph.i18n.lookup import has, t

_ITEMS = re.compile(r"\bitems (\S+)")
_ITEM = re.compile(r"\bitem (\S+)")


def value_word(value: object, lang: str) -> str:
    """An enumerated value (status, kind, field, reason) as a word of ``lang``; anything else as it is."""
    text = "" if value is None else str(value)
    return t(f"value.{text}", lang) if text and has(f"value.{text}") else text


def cite(source: str, lang: str) -> str:
    """A rule's source (``001 Rahmenbedingungen, item 7``) in ``lang``: the document's name stays, the words change."""
    text = source.replace("special item", t("source.special", lang))
    text = text.replace("withdrawal paragraph", t("source.withdrawal", lang))
    text = text.replace("last item", t("source.last", lang))
    text = _ITEMS.sub(lambda m: t("source.items", lang, items=m.group(1)), text)
    return _ITEM.sub(lambda m: t("source.item", lang, item=m.group(1)), text)


def engine_word(engine: str, lang: str) -> str:
    """The engine's name as a reader of ``lang`` understands it."""
    return t(f"engine.{engine}", lang) if has(f"engine.{engine}") else engine


def profile_word(profile: str, lang: str) -> str:
    """The profile's name: the built-in one worded, a user's own as named."""
    return t("profile.default", lang) if profile == "default" else profile
