"""Cell parsing shared by all formats: the spellings people and spreadsheets use."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import pytest

from om_graph.dataset.io.cells import (
    BOOL_MESSAGE,
    FLOAT_MESSAGE,
    INT_MESSAGE,
    CellError,
    converter,
    is_blank,
)


class Colour(StrEnum):
    red = "red"
    green = "green"


@pytest.mark.parametrize("value", [None, "", "   ", "\t\n"])
def test_blank_cells_are_absent(value: object) -> None:
    assert is_blank(value)


@pytest.mark.parametrize("value", [0, False, "0", "x", "nein"])
def test_values_are_not_blank(value: object) -> None:
    assert not is_blank(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-31", dt.date(2025, 12, 31)),
        (" 31.12.2025 ", dt.date(2025, 12, 31)),
        ("1.2.2025", dt.date(2025, 2, 1)),
        ("01.02.2025", dt.date(2025, 2, 1)),
        ("2025-12-31T00:00:00", dt.date(2025, 12, 31)),
        ("31.12.2025 00:00", dt.date(2025, 12, 31)),
        (dt.datetime(2025, 12, 31, 0, 0), dt.date(2025, 12, 31)),
        (dt.date(2025, 12, 31), dt.date(2025, 12, 31)),
    ],
)
def test_dates(value: object, expected: dt.date) -> None:
    assert converter(dt.date | None)(value) == expected


@pytest.mark.parametrize("value", ["31.02.2025", "2025-13-01", "12/31/2025", "31.12.25", "heute", 46022, True])
def test_bad_dates(value: object) -> None:
    with pytest.raises(CellError, match=r"^not a date \(use 2025-12-31 or 31\.12\.2025\)$"):
        converter(dt.date)(value)


@pytest.mark.parametrize(
    "value", ["true", "TRUE", "yes", "Ja", "wahr", "WAHR", "1", "x", "X", " ja ", True, 1, 1.0]
)
def test_true(value: object) -> None:
    assert converter(bool)(value) is True


@pytest.mark.parametrize("value", ["false", "No", "nein", "FALSCH", "0", False, 0, 0.0])
def test_false(value: object) -> None:
    assert converter(bool | None)(value) is False


@pytest.mark.parametrize("value", ["vielleicht", "2", "-", 2, 0.5])
def test_bad_booleans(value: object) -> None:
    with pytest.raises(CellError) as caught:
        converter(bool)(value)
    assert str(caught.value) == BOOL_MESSAGE


@pytest.mark.parametrize(("value", "expected"), [("3", 3), (" -3 ", -3), (3, 3), (3.0, 3)])
def test_integers(value: object, expected: int) -> None:
    assert converter(int | None)(value) == expected


@pytest.mark.parametrize("value", ["3.5", "drei", 3.5, True, "3,0"])
def test_bad_integers(value: object) -> None:
    with pytest.raises(CellError) as caught:
        converter(int)(value)
    assert str(caught.value) == INT_MESSAGE == "not a whole number"


@pytest.mark.parametrize(("value", "expected"), [("0,5", 0.5), ("0.5", 0.5), ("3", 3.0), (2, 2.0), (0.25, 0.25)])
def test_floats_accept_decimal_comma(value: object, expected: float) -> None:
    assert converter(float)(value) == expected


@pytest.mark.parametrize("value", ["1.234,5", "nan", "inf", "halb", False])
def test_bad_floats(value: object) -> None:
    with pytest.raises(CellError) as caught:
        converter(float)(value)
    assert str(caught.value) == FLOAT_MESSAGE


def test_enums_ignore_case_and_list_allowed_values() -> None:
    assert converter(Colour | None)(" Green ") == "green"
    with pytest.raises(CellError, match="^must be one of: red, green$"):
        converter(Colour)("blue")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("  München ", "München"), (9162, "9162"), (3.0, "3"), (1.5, "1.5"), (dt.datetime(2025, 1, 2), "2025-01-02")],
)
def test_text_from_typed_cells(value: object, expected: str) -> None:
    assert converter(str | None)(value) == expected


@pytest.mark.parametrize(("value", "kind"), [(["a"], "list"), ({"a": 1}, "mapping")])
def test_nested_values_are_rejected(value: object, kind: str) -> None:
    with pytest.raises(CellError, match=f"^expected a single value, not a {kind}$"):
        converter(str)(value)
