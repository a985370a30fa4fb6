"""What every input row is: a :class:`Record` of one sheet, its references and its list cells.

The sheets themselves are in :mod:`om_graph.dataset.model`.
"""

from __future__ import annotations

from collections import deque
from itertools import repeat
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict


class Ref:
    """Marks a field as a reference to the ``id`` of another entity (by its sheet name)."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet

    def __repr__(self) -> str:
        return f"Ref({self.sheet!r})"


def split_list(value: Any) -> Any:
    """A cell's list: ``"a; b"`` (or one per line) or a YAML list, blanks dropped; nothing left is blank.

    ``;`` separates items wherever it is, so a list reads back the same from a spreadsheet cell.

    >>> split_list("09564; 09563;"), split_list(["DE-NI", "DE-HB; DE-HH", " "]), split_list(" ")
    (['09564', '09563'], ['DE-NI', 'DE-HB', 'DE-HH'], None)
    """
    if isinstance(value, str):
        value = [value]
    if isinstance(value, (list, tuple)):
        items = [part.strip() for v in value for part in v.replace("\n", ";").split(";")] if all(
            isinstance(v, str) for v in value
        ) else value
        return [v for v in items if v != ""] or None
    return value


#: A list written in one cell, ``;``-separated.
TextList = Annotated[list[str] | None, BeforeValidator(split_list)]


class Record(BaseModel):
    """Base of all input rows: strict about unknown columns, lenient about blanks."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=True)

    sheet: ClassVar[str]
    doc: ClassVar[str]
    #: Fields that together must be unique within the sheet (besides ``id``).
    unique_together: ClassVar[tuple[str, ...]] = ()
    #: Fields of which every row must give at least one.
    one_of: ClassVar[tuple[str, ...]] = ()
    #: How many rows the sheet may hold (None: any number).
    max_rows: ClassVar[int | None] = None


R = TypeVar("R", bound=Record)


def build_records(model: type[R], fields: list[dict[str, Any]], given: set[str]) -> list[R]:
    """Records of ``model`` from dicts that hold every field of the model, in its order, each value
    already of its field's type (as the cell parsers give them): what ``model_construct`` makes,
    without its per-row Python work (a second of a large landscape's reading).

    ``given`` is every record's set of fields given (one set shared by the sheet, as nothing changes
    records in place). Validation decides what is valid; this only builds.

    >>> from om_graph.dataset.model import Membership
    >>> [m] = build_records(Membership, [{"organisation_id": "o1", "network_id": "n1", "since": None,
    ...                                   "named_consent": True}], {"organisation_id", "network_id"})
    >>> m == Membership(organisation_id="o1", network_id="n1")
    True
    """
    records = list(map(model.__new__, repeat(model, len(fields))))
    set_slot = object.__setattr__
    for slot, values in (("__dict__", fields), ("__pydantic_fields_set__", repeat(given)),
                         ("__pydantic_extra__", repeat(None)), ("__pydantic_private__", repeat(None))):
        deque(map(set_slot, records, repeat(slot), values), maxlen=0)  # in C: no Python step per record
    return records
