"""The words of the input model: the values an enum column accepts, and who counts as what.

Kept apart from :mod:`om_graph.dataset.model` (which re-exports every name) so the model
module stays one page of sheets.
"""

from __future__ import annotations

from enum import StrEnum


class RegionLevel(StrEnum):
    country = "country"
    state = "state"
    district = "district"


class OrganisationKind(StrEnum):
    chamber_of_commerce = "chamber_of_commerce"
    chamber_of_crafts = "chamber_of_crafts"
    business_association = "business_association"
    employer_association = "employer_association"
    trade_union = "trade_union"
    accident_insurer = "accident_insurer"
    health_insurer = "health_insurer"
    economic_development = "economic_development"
    employment_agency = "employment_agency"
    research_institute = "research_institute"
    public_authority = "public_authority"
    consultancy = "consultancy"
    company = "company"
    other = "other"


#: Kinds that support companies without being one of them (DOMAIN: "Intermediary organisation").
INTERMEDIARY_KINDS = frozenset(
    {
        OrganisationKind.chamber_of_commerce,
        OrganisationKind.chamber_of_crafts,
        OrganisationKind.business_association,
        OrganisationKind.employer_association,
        OrganisationKind.trade_union,
        OrganisationKind.accident_insurer,
        OrganisationKind.health_insurer,
        OrganisationKind.economic_development,
        OrganisationKind.employment_agency,
        OrganisationKind.research_institute,
        OrganisationKind.public_authority,
    }
)


class NetworkKind(StrEnum):
    regional = "regional"
    thematic = "thematic"


class NetworkStatus(StrEnum):
    applied = "applied"
    recognised = "recognised"
    partner_only = "partner_only"
    withdrawn = "withdrawn"


#: Statuses under which a network acts as an OM network and is held to the criteria.
OM_NETWORK_STATUSES = frozenset({NetworkStatus.applied, NetworkStatus.recognised})


class ContactRole(StrEnum):
    coordination = "coordination"
    moderation = "moderation"


class ActivityKind(StrEnum):
    meeting = "meeting"
    plenum_report = "plenum_report"
    partner_briefing = "partner_briefing"
    instrument_use = "instrument_use"
    joint_activity = "joint_activity"


class CheckItemKind(StrEnum):
    topic = "topic"
    checkpoint = "checkpoint"
    measure = "measure"


class TrafficLight(StrEnum):
    red = "red"
    yellow = "yellow"
    green = "green"


#: Kinds that are not OM partners unless the record says so (``om_partner`` or ``partner_since``):
#: OM's partners are the organisations that support companies, not the companies themselves.
NOT_PARTNER_BY_DEFAULT = frozenset({OrganisationKind.company})
