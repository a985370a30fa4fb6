"""Reading the catalogues (``<lang>.yaml`` beside this module) and looking words up in them.

Import these from :mod:`om_graph.i18n`.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import yaml

#: The language every other one falls back to, and the one that must hold every key.
FALLBACK = "en"


@cache
def languages() -> tuple[str, ...]:
    """The languages with a catalogue (``<lang>.yaml`` in this package), sorted."""
    return tuple(sorted(f.name.removesuffix(".yaml") for f in files(__package__).iterdir() if f.name.endswith(".yaml")))


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every key and text of ``lang``'s catalogue (read once); empty for a language without one."""
    if lang not in languages():
        return {}
    # libyaml's loader where PyYAML has it: the same dict in a tenth of the time (0.1 s a catalogue, on every command).
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((files(__package__) / f"{lang}.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    bad = sorted(str(k) for k, v in data.items() if not isinstance(k, str) or not isinstance(v, str))
    if bad:
        raise ValueError(f"i18n/{lang}.yaml: values must be strings (quote yes, no, numbers): {', '.join(bad)}")
    return data


def t(key: str, lang: str = FALLBACK, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` (else English), filled with ``values``.

    >>> t("word.none", "de"), t("word.none", "en")
    ('keine', 'none')
    >>> t("no.such.key", "de")
    Traceback (most recent call last):
    KeyError: 'no.such.key'
    """
    text = catalogue(lang).get(key)
    if text is None:
        text = catalogue(FALLBACK)[key]
    return text.format(**values)


def has(key: str) -> bool:
    """Whether the catalogues know ``key`` (for words looked up from data, such as evidence keys)."""
    return key in catalogue(FALLBACK)


def pick(entry: dict[str, str], lang: str, /, **values: object) -> str:
    """One ``{"en": ..., "de": ...}`` entry (a rule's or gap kind's words) in ``lang``, else English.

    >>> pick({"en": "{n} gaps", "de": "{n} Lücken"}, "de", n=2)
    '2 Lücken'
    """
    return entry.get(lang, entry[FALLBACK]).format(**values)
