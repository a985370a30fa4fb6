"""Turn one cell, as any format delivers it, into the value the model expects.

Spreadsheets are typed by people: German and ISO dates, "ja"/"x" for yes, decimal
commas, whole numbers that Excel stores as 3.0. Parsing happens here, once, so every
format accepts the same spellings and reports the same messages.

>>> parse = converter(dt.date | None)
>>> parse("31.12.2025"), parse("2025-12-31"), parse("1.2.2025")
(datetime.date(2025, 12, 31), datetime.date(2025, 12, 31), datetime.date(2025, 2, 1))
>>> converter(bool)("Ja"), converter(bool)("x"), converter(bool)("FALSCH")
(True, True, False)
>>> converter(float)("0,5"), converter(int)(3.0)
(0.5, 3)
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, Union, get_args, get_origin

from om_graph.dataset.io.raw import UnreadableCell

DATE_MESSAGE = "not a date (use 2025-12-31 or 31.12.2025)"
BOOL_MESSAGE = "not a yes/no value (use true/false, ja/nein, yes/no, 1/0 or x)"
INT_MESSAGE = "not a whole number"
FLOAT_MESSAGE = "not a number (use 0.5 or 0,5)"

TRUE_WORDS = frozenset({"true", "yes", "ja", "wahr", "1", "x"})
FALSE_WORDS = frozenset({"false", "no", "nein", "falsch", "0"})

# An optional time after the date is tolerated (exports of date-time cells) and dropped; it must be
# a time of day (25:61 is not).
_TIME = r"(?:[ T](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?"
_ISO_DATE = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_GERMAN_DATE = re.compile(rf"(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}){_TIME}")
_INTEGER = re.compile(r"[+-]?\d+")
#: Whole numbers a graph database stores (64 bits): a longer one is a typing mistake.
_INT_LIMIT = 2**63 - 1
#: Characters no name or text holds: C0 controls but tab and line breaks, DEL, C1 controls. They
#: break workbooks, GraphML and GEXF, and drive terminals.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
CONTROL = _CONTROL


class CellError(ValueError):
    """A cell that cannot be read as its field's type; the message is shown to the user."""


def is_blank(value: Any) -> bool:
    """Blank cells are absent, so the model's default applies (empty text is never data)."""
    if value is None:
        return True
    if value.__class__ is str:  # the common case first: millions of CSV cells
        return not value.strip()
    return isinstance(value, str) and not value.strip()


def converter(annotation: Any) -> Callable[[Any], Any]:
    """The parser for a field annotated ``annotation`` (``X | None`` parses as ``X``)."""
    base = _without_none(annotation)
    if base is bool:
        return to_bool
    if base is int:
        return to_int
    if base is float:
        return to_float
    if base is dt.date:
        return to_date
    if isinstance(base, type) and issubclass(base, Enum):
        return _enum_converter(base)
    if base is str:
        return to_str
    if get_origin(base) is list:
        return to_list
    return _scalar


def _without_none(annotation: Any) -> Any:
    """``X | None`` as ``X``; any other annotation as it is."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


without_none = _without_none


def has_control(text: str) -> bool:
    """Does ``text`` hold a control character (see :data:`_CONTROL`)? Tab and line breaks are text."""
    return not text.isprintable() and _CONTROL.search(text) is not None


def _control_error(text: str) -> CellError:
    char = _CONTROL.search(text)[0]  # type: ignore[index]
    return CellError(f"contains the control character U+{ord(char):04X}; remove it")


def _scalar(value: Any) -> Any:
    if isinstance(value, UnreadableCell):
        raise CellError(value.message)
    if isinstance(value, dict):
        raise CellError("expected a single value, not a mapping")
    if isinstance(value, (list, tuple, set)):
        raise CellError("expected a single value, not a list")
    return value


def to_str(value: Any) -> str:
    """Text; numbers and dates that a spreadsheet typed for us are turned back into text."""
    value = _scalar(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if has_control(text):
        raise _control_error(text)
    return text


def to_list(value: Any) -> list[str] | None:
    """A list cell: ``a; b`` (or one item per line) in a spreadsheet, a list in YAML; blanks dropped.

    >>> to_list("DE-NI; DE-HB"), to_list(["09564", 9563]), to_list(" ; ")
    (['DE-NI', 'DE-HB'], ['09564', '9563'], None)
    """
    if isinstance(value, dict):
        raise CellError("expected a list or ;-separated text, not a mapping")
    items = value if isinstance(value, (list, tuple)) else [value]
    out = []
    for item in items:
        for part in to_str(item).replace("\n", ";").split(";"):  # ";" separates wherever it is
            if part.strip():
                out.append(part.strip())
    return out or None


def to_bool(value: Any) -> bool:
    value = _scalar(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    raise CellError(BOOL_MESSAGE)


def to_int(value: Any) -> int:
    value = _scalar(value)
    if isinstance(value, bool):
        raise CellError(INT_MESSAGE)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        if len(value.strip()) > 20:  # int() refuses over 4,300 digits; nothing here needs 20
            raise CellError(f"too large a number (at most {_INT_LIMIT:,})")
        value = int(value.strip())
    if isinstance(value, int):
        if abs(value) > _INT_LIMIT:
            raise CellError(f"too large a number (at most {_INT_LIMIT:,})")
        return value
    raise CellError(INT_MESSAGE)


def to_float(value: Any) -> float:
    value = _scalar(value)
    if isinstance(value, bool):
        raise CellError(FLOAT_MESSAGE)
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:  # an integer too large for any float
            raise CellError(FLOAT_MESSAGE) from None
        if math.isfinite(number):  # NaN and infinity from JSON or YAML are not numbers anyone typed
            return number
        raise CellError(FLOAT_MESSAGE)
    if isinstance(value, str):
        text = value.strip()
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise CellError(FLOAT_MESSAGE) from None
        if math.isfinite(number):
            return number
    raise CellError(FLOAT_MESSAGE)


def to_date(value: Any) -> dt.date:
    value = _scalar(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if m := _ISO_DATE.fullmatch(text):
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            if m := _GERMAN_DATE.fullmatch(text):
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:  # 31.02.2025 and the like
            pass
    raise CellError(DATE_MESSAGE)


def text_converter(annotation: Any) -> Callable[[str], Any]:
    """The parser for a non-blank, already stripped text cell: :func:`converter` without its type checks.

    CSV cells are all text, so this is the path almost every cell takes; it gives exactly
    what :func:`converter` gives for the same text.

    >>> text_converter(dt.date | None)("2025-12-31"), text_converter(bool)("Ja")
    (datetime.date(2025, 12, 31), True)
    """
    base = _without_none(annotation)
    if base is str:
        return str
    if base is dt.date:
        return _text_to_date
    if base is bool:
        return _text_to_bool
    if isinstance(base, type) and issubclass(base, Enum):
        return _enum_converter(base, text=True)
    return converter(annotation)


def _text_to_date(text: str) -> dt.date:
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # to_date words the message
    return to_date(text)


_WORDS = {**{w: True for w in TRUE_WORDS}, **{w: False for w in FALSE_WORDS}}


def _text_to_bool(text: str) -> bool:
    found = _WORDS.get(text.lower())
    if found is None:
        raise CellError(BOOL_MESSAGE)
    return found


def _enum_converter(enum: type[Enum], text: bool = False) -> Callable[[Any], str]:
    allowed = [str(member.value) for member in enum]
    by_folded = {a.casefold(): a for a in allowed}
    message = f"must be one of: {', '.join(allowed)}"

    def to_enum(value: Any) -> str:
        found = by_folded.get((value if text else to_str(value)).casefold())
        if found is None:
            raise CellError(message)
        return found

    return to_enum
