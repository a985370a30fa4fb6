"""Redaction of personal data: stable pseudonyms for people, and the one engine wrapper that applies them.

Contacts and ambassadors are people; their names and e-mail addresses are personal data
(GDPR). A redacted output names each person by pseudonyms derived from the person's id, so
the same person gets the same pseudonyms in every report, map and export. Pseudonyms are 32
bits of a SHA-256 digest: two of 1,000 people share one with a chance of about 1 in 8,600.

>>> pseudonym("p1")
'Person F64551FC'
>>> pseudonym("p1") == pseudonym("p1") != pseudonym("p2")
True
>>> pseudonymous_id("p1")
'person-f64551fc'
>>> pseudonymous_email("p1")
'person-f64551fc@redacted.invalid'

Everything a report shows comes from query rows, and every query declares the columns that
hold persons (:attr:`om_graph.engines.contract.Query.persons`). :func:`redacting` wraps an
engine so those columns come back pseudonymised: whatever is drawn, counted or worded from
the rows afterwards names nobody. The export, which reads the dataset rather than an engine,
uses the same functions (:func:`redact_person`).
"""

from __future__ import annotations

import hashlib
from typing import Any, Callable, Mapping

from om_graph.engines.contract import Engine, Params, Query, Row

#: The properties of a Person node that identify the person.
PERSONAL_FIELDS = ("name", "email")


def _tag(person_id: str) -> str:
    return hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:8]


def pseudonym(person_id: str) -> str:
    """The name a redacted output shows for the person with ``person_id``."""
    return f"Person {_tag(person_id).upper()}"


def pseudonymous_id(person_id: str) -> str:
    """The id a redacted output gives the person: ids are often made from names (``p-mueller``)."""
    return f"person-{_tag(person_id)}"


def pseudonymous_email(person_id: str) -> str:
    """An address that cannot reach anyone (``.invalid`` is reserved, RFC 2606)."""
    return f"person-{_tag(person_id)}@redacted.invalid"


#: What a query's person column holds -> its pseudonym, made from the person's id.
PSEUDONYMS: dict[str, Callable[[str], str]] = {"id": pseudonymous_id, "name": pseudonym, "email": pseudonymous_email}


def redact_person(props: dict[str, Any]) -> dict[str, Any]:
    """A Person node's properties with id, name and e-mail replaced by the pseudonyms of its id."""
    out = dict(props)
    out["id"] = pseudonymous_id(props["id"])
    out["name"] = pseudonym(props["id"])
    if props.get("email") is not None:
        out["email"] = pseudonymous_email(props["id"])
    return out


def redacting(engine: Engine) -> Engine:
    """``engine`` answering every query with the person columns it declares pseudonymised.

    >>> from om_graph.engines.contract import Query, answer
    >>> people = Query("people", ("person_id", "person_name", "evidence"), lambda g, p: [
    ...     {"person_id": "p2", "person_name": "Anna Muster", "evidence": {"met": ["p2", "p1"], "count": 2}}], "",
    ...     persons={"person_id": "id", "person_name": "name", "evidence.met": "id"})
    >>> class Plain:
    ...     name = "embedded"
    ...     def rows(self, query, params):
    ...         return list(query.run(None, params))
    >>> hidden = redacting(Plain())
    >>> hidden.name
    'embedded'
    >>> answer(hidden, people)
    [{'person_id': 'person-3946ca64', 'person_name': 'Person 3946CA64', 'evidence': {'count': 2, 'met': ['person-3946ca64', 'person-f64551fc']}}]
    """
    return engine if isinstance(engine, _Redacting) else _Redacting(engine)


class _Redacting:
    """An engine whose rows name persons only by pseudonyms; :func:`answer` sorts lists afterwards."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def name(self) -> str:
        return self._engine.name

    @property
    def workers(self) -> int:
        return getattr(self._engine, "workers", 1)

    def rows(self, query: Query, params: Params) -> list[Row]:
        rows = self._engine.rows(query, params)
        if not query.persons:
            return rows
        return [redact_row(row, query.persons) for row in rows]


def redact_row(row: Row, persons: Mapping[str, str]) -> Row:
    """A copy of ``row`` with the person columns ``persons`` declares pseudonymised."""
    out = dict(row)
    ids = [key for key, holds in persons.items() if holds == "id" and "." not in key]
    owner = row.get(ids[0]) if len(ids) == 1 else None
    for key, holds in persons.items():
        column, _, inner = key.partition(".")
        if inner:
            evidence = out.get(column)
            if isinstance(evidence, dict) and inner in evidence:
                out[column] = {**evidence, inner: _pseudonymised(evidence[inner], PSEUDONYMS[holds])}
        elif column not in row:
            continue  # a row without its columns is refused by canonical_rows, after this
        elif holds == "id":
            out[column] = _pseudonymised(row[column], pseudonymous_id)
        elif row[column] is not None:
            # A name or e-mail is replaced by the pseudonym of the person's id, never made from itself.
            out[column] = PSEUDONYMS[holds](owner) if isinstance(owner, str) else None
    return out


def _pseudonymised(value: Any, pseudonymise: Callable[[str], str]) -> Any:
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(pseudonymise(str(v)) for v in value)
    return pseudonymise(str(value))
