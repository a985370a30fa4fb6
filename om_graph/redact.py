"""Redaction of personal data: stable pseudonyms for people in maps and exports.

Contacts and ambassadors are people; their names and e-mail addresses are personal data
(GDPR). A redacted output names each person by a pseudonym derived from the person's id,
so the same person gets the same pseudonym in every map and export. Pseudonyms are 32 bits
of a SHA-256 digest: two of 1,000 people share one with a chance of about 1 in 8,600.

>>> pseudonym("p1")
'Person F64551FC'
>>> pseudonym("p1") == pseudonym("p1") != pseudonym("p2")
True
>>> pseudonymous_id("p1")
'person-f64551fc'
>>> pseudonymous_email("p1")
'person-f64551fc@redacted.invalid'
"""

from __future__ import annotations

import hashlib
from typing import Any

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


def redact_person(props: dict[str, Any]) -> dict[str, Any]:
    """A Person node's properties with id, name and e-mail replaced by the pseudonyms of its id."""
    out = dict(props)
    out["id"] = pseudonymous_id(props["id"])
    out["name"] = pseudonym(props["id"])
    if props.get("email") is not None:
        out["email"] = pseudonymous_email(props["id"])
    return out
