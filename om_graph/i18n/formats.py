"""Numbers, shares and dates as a reader of ``lang`` writes them, through Babel (CLDR data).

The locale follows the catalogues' fallback rule: ``lang`` if it has a catalogue, else English.
Choices:

- Numbers use the locale's decimal and group separators: ``1,234.5`` (en), ``1.234,5`` (de).
- Shares (0.759) are percentages with ``decimals`` places in the locale's pattern:
  ``75.9%`` (en), ``75,9 %`` (de).
- Dates use the pattern of the catalogue key ``format.date``: ISO ``2025-06-30`` in English
  (unambiguous for every reader, and what the reports and JSON print today), ``30.06.2025`` in German.
- Babel's non-breaking spaces (German ``75,9\\u00a0%``) become plain spaces, so reports stay
  plain text that grep, spreadsheets and tests read alike.

Babel is imported on first use, so commands that format nothing do not load it.

>>> format_percent(0.759, "de"), format_percent(0.759, "en")
('75,9 %', '75.9%')
>>> import datetime as dt
>>> format_date(dt.date(2025, 6, 30), "de"), format_date(dt.date(2025, 6, 30), "en")
('30.06.2025', '2025-06-30')
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from om_graph.i18n.lookup import FALLBACK, languages, t

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def format_number(value: float | Decimal, lang: str, decimals: int | None = None) -> str:
    """``value`` with the locale's separators; ``decimals`` fixes the places (default: up to 3, as CLDR).

    >>> format_number(1234.5, "de"), format_number(1234.5, "en"), format_number(0.2449, "de", decimals=3)
    ('1.234,5', '1,234.5', '0,245')
    """
    from babel import Locale

    locale = Locale.parse(_locale(lang))
    return _apply(locale.decimal_formats[None], value, locale, decimals)


def format_percent(share: float | Decimal, lang: str, decimals: int = 1) -> str:
    """A share (0.759) as a percentage with ``decimals`` places in the locale's pattern.

    >>> format_percent(1, "de", decimals=0), format_percent(0.05, "en")
    ('100 %', '5.0%')
    """
    from babel import Locale

    locale = Locale.parse(_locale(lang))
    return _apply(locale.percent_formats[None], share, locale, decimals)


def format_date(day: dt.date, lang: str) -> str:
    """``day`` in the pattern of the catalogue key ``format.date`` (CLDR pattern syntax)."""
    from babel.dates import format_date as babel_date

    return babel_date(day, t("format.date", lang), locale=_locale(lang)).translate(_SPACES)


def _locale(lang: str) -> str:
    return lang if lang in languages() else FALLBACK


def _apply(pattern, value, locale, decimals: int | None) -> str:
    if decimals is not None:
        pattern = copy.copy(pattern)
        pattern.frac_prec = (decimals, decimals)
    return pattern.apply(value, locale).translate(_SPACES)
