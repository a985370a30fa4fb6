"""The words people read, one catalogue per language: ``en.yaml``, ``de.yaml`` beside this module.

A catalogue maps flat dotted keys (``stage.name``, ``map.legend.shared``, ``coverage.header.share``)
to Python format strings. :func:`t` has one fallback rule: the language asked for, else English;
a key missing in English is a programming error (``KeyError``). Adding a language is adding a
``<lang>.yaml`` with every key of ``en.yaml`` (``tests/test_i18n.py`` checks that).

Rule titles and messages, and gap kinds' titles and descriptions, stay beside their rule or kind
as ``{"en": ..., "de": ...}`` dicts; :func:`pick` words those.

>>> t("stage.name", "de", stage=3)
'Umsetzungsstadium 3'
>>> t("stage.name", "fr", stage=3)
'stage 3'
"""

from __future__ import annotations

from om_graph.i18n.formats import format_date, format_number, format_percent
from om_graph.i18n.lookup import FALLBACK, catalogue, has, languages, pick, t
from om_graph.i18n.words import cite, engine_word, profile_word, value_word

__all__ = [
    "FALLBACK", "catalogue", "cite", "engine_word", "format_date", "format_number", "format_percent", "has",
    "languages", "pick", "profile_word", "t", "value_word",
]
