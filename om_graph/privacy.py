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

import dataclasses
import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from om_graph.audit.run import AuditResult, Finding
    from om_graph.audit.profile import Profile

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


def redact_finding(finding: "Finding", lang: str, profile: "Profile") -> "Finding":
    """The finding with the person ids in its evidence replaced by pseudonyms, and re-worded."""
    from om_graph.queries.rules import get_rule

    rule = get_rule(finding.code)
    if not rule.person_evidence:
        return finding
    evidence = dict(finding.evidence)
    for key in rule.person_evidence:
        value = evidence.get(key)
        if isinstance(value, list):
            evidence[key] = sorted(pseudonym(v) for v in value)
        elif isinstance(value, str):
            evidence[key] = pseudonym(value)
    message = rule.word(lang, evidence, profile.params_for(finding.code))
    return dataclasses.replace(finding, evidence=evidence, message=message)


def redact_audit(result: "AuditResult", profile: "Profile") -> "AuditResult":
    """An audit result whose findings name no person: for reports that leave the office."""
    findings = sorted((redact_finding(f, result.lang, profile) for f in result.findings), key=lambda f: f.sort_key())
    return dataclasses.replace(result, findings=findings)
