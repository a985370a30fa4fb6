"""Calendar arithmetic shared by the rules, the stages and the generator."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=4096)  # rules ask the same few days again and again (a hundred thousand times at scale 100)
def months_before(day: dt.date, months: int) -> dt.date:
    """``day`` minus whole months, clamped to the month's end like Cypher's duration arithmetic.

    >>> months_before(dt.date(2024, 2, 29), 12)
    datetime.date(2023, 2, 28)
    >>> months_before(dt.date(2025, 3, 31), 1)
    datetime.date(2025, 2, 28)
    """
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
