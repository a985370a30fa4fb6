"""The input data model: what OM's office records about its networks.

Each class is one sheet of the Excel workbook, one CSV file and one key of the YAML
file. Field names are also the property names in the graph (see ``graph_model``), so
an analyst who knows the spreadsheet knows the Cypher.

Fields that point at another entity are annotated with :class:`Ref`; validation uses
that to check every reference, and the graph builder to draw the relationship.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field


class Ref:
    """Marks a field as a reference to the ``id`` of another entity (by its sheet name)."""

    def __init__(self, sheet: str) -> None:
        self.sheet = sheet

    def __repr__(self) -> str:
        return f"Ref({self.sheet!r})"


class Record(BaseModel):
    """Base of all input rows: strict about unknown columns, lenient about blanks."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=True)

    sheet: ClassVar[str]
    doc: ClassVar[str]
    #: Fields that together must be unique within the sheet (besides ``id``).
    unique_together: ClassVar[tuple[str, ...]] = ()


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


class Region(Record):
    sheet = "regions"
    doc = "Germany, its federal states and districts; `parent_id` builds the hierarchy."
    id: str
    name: str
    level: RegionLevel
    parent_id: Annotated[str | None, Ref("regions")] = None
    code: str | None = Field(None, description="AGS district key or ISO 3166-2 code")


class Border(Record):
    sheet = "borders"
    doc = "Two neighbouring regions (stored once, read both ways)."
    unique_together = ("region_id", "neighbour_id")
    region_id: Annotated[str, Ref("regions")]
    neighbour_id: Annotated[str, Ref("regions")]


class Organisation(Record):
    sheet = "organisations"
    doc = "Any organisation: OM partners, intermediaries, consultants, companies."
    id: str
    name: str
    kind: OrganisationKind
    intermediary: bool | None = Field(
        None, description="Overrides the default derived from `kind` when given"
    )
    om_partner: bool = True
    partner_since: dt.date | None = None
    parent_id: Annotated[str | None, Ref("organisations")] = Field(
        None, description="Parent organisation; partners under one parent count as one group"
    )
    region_id: Annotated[str | None, Ref("regions")] = Field(None, description="Where it is located")

    @property
    def is_intermediary(self) -> bool:
        if self.intermediary is not None:
            return self.intermediary
        return self.kind in INTERMEDIARY_KINDS


class Person(Record):
    sheet = "persons"
    doc = "Contact persons and ambassadors (personal data: redact before sharing)."
    id: str
    name: str
    email: str | None = None
    organisation_id: Annotated[str | None, Ref("organisations")] = None


class Network(Record):
    sheet = "networks"
    doc = "A regional or thematic network and what OM knows about its standing."
    id: str
    name: str
    kind: NetworkKind
    topic: str | None = None
    open: bool = True
    status: NetworkStatus = NetworkStatus.recognised
    presents_as_om: bool = True
    homepage: str | None = None
    logo_on_homepage: bool = False
    advertises_commercial: bool = False
    principles_acknowledged: bool = False
    application_date: dt.date | None = None
    application_scope: str | None = Field(None, description="Region or topic named in the application")
    application_goals: str | None = None
    application_approach: str | None = None


class NetworkRegion(Record):
    sheet = "network_regions"
    doc = "A region a network covers (covering a state covers all its districts)."
    unique_together = ("network_id", "region_id")
    network_id: Annotated[str, Ref("networks")]
    region_id: Annotated[str, Ref("regions")]


class Membership(Record):
    sheet = "memberships"
    doc = "An organisation taking part in a network."
    unique_together = ("organisation_id", "network_id")
    organisation_id: Annotated[str, Ref("organisations")]
    network_id: Annotated[str, Ref("networks")]
    since: dt.date | None = None
    named_consent: bool = Field(True, description="Agrees to be named as a contact of the network")


class Contact(Record):
    sheet = "contacts"
    doc = "A person named as the network's contact for coordination or moderation."
    unique_together = ("network_id", "person_id", "role")
    network_id: Annotated[str, Ref("networks")]
    person_id: Annotated[str, Ref("persons")]
    role: ContactRole


class Activity(Record):
    sheet = "activities"
    doc = "Meetings, reports to the Plenum, partner briefings, instrument use, joint activities."
    id: str
    network_id: Annotated[str, Ref("networks")]
    kind: ActivityKind
    date: dt.date
    title: str | None = None
    host_id: Annotated[str | None, Ref("organisations")] = Field(None, description="Hosting partner")
    instrument: str | None = Field(None, description="For instrument_use, e.g. INQA-Unternehmenscheck")
    partner_network_id: Annotated[str | None, Ref("networks")] = Field(
        None, description="The other network of a joint activity"
    )


class Cooperation(Record):
    sheet = "cooperations"
    doc = "A recorded cooperation between two networks."
    unique_together = ("network_id", "partner_network_id")
    network_id: Annotated[str, Ref("networks")]
    partner_network_id: Annotated[str, Ref("networks")]
    since: dt.date | None = None


class SubNetwork(Record):
    sheet = "sub_networks"
    doc = "Recorded consensus that a smaller network works inside a larger one's region or topic."
    unique_together = ("network_id", "parent_network_id")
    network_id: Annotated[str, Ref("networks")]
    parent_network_id: Annotated[str, Ref("networks")]
    agreed_on: dt.date | None = None


class Criticism(Record):
    sheet = "criticisms"
    doc = "Criticism of a network on record with OM."
    id: str
    network_id: Annotated[str, Ref("networks")]
    date: dt.date | None = None
    summary: str | None = None


class AmbassadorRegion(Record):
    sheet = "ambassadors"
    doc = "A person acting as OM ambassador (Botschafter) for a region."
    unique_together = ("person_id", "region_id")
    person_id: Annotated[str, Ref("persons")]
    region_id: Annotated[str, Ref("regions")]
    since: dt.date | None = None


class AmbassadorNetwork(Record):
    sheet = "ambassador_networks"
    doc = "A network an ambassador is active in."
    unique_together = ("person_id", "network_id")
    person_id: Annotated[str, Ref("persons")]
    network_id: Annotated[str, Ref("networks")]


class Approach(Record):
    sheet = "approaches"
    doc = "An organisation an ambassador has approached."
    unique_together = ("person_id", "organisation_id")
    person_id: Annotated[str, Ref("persons")]
    organisation_id: Annotated[str, Ref("organisations")]
    date: dt.date | None = None


class CheckItem(Record):
    sheet = "check_items"
    doc = "The OM-Praxis-Check catalogue: topics, their checkpoints and measures."
    id: str
    kind: CheckItemKind
    title: str
    parent_id: Annotated[str | None, Ref("check_items")] = None


class SelfDeclaration(Record):
    sheet = "self_declarations"
    doc = "A company's self-declaration after completing the OM-Praxis-Check."
    id: str
    organisation_id: Annotated[str, Ref("organisations")]
    signed_on: dt.date | None = None
    form_complete: bool = False


class Rating(Record):
    sheet = "ratings"
    doc = "The traffic light a self-declaration gives one check item (blank = not rated)."
    unique_together = ("declaration_id", "item_id")
    declaration_id: Annotated[str, Ref("self_declarations")]
    item_id: Annotated[str, Ref("check_items")]
    traffic_light: TrafficLight | None = None


class PlannedAction(Record):
    sheet = "action_plan"
    doc = "One measure of a self-declaration's measure plan (Maßnahmenplan)."
    id: str
    declaration_id: Annotated[str, Ref("self_declarations")]
    title: str
    urgency: str | None = None
    responsible: str | None = None
    deadline: dt.date | None = None
    control: str | None = None


#: Every sheet, in the order they are read, written and documented.
RECORD_TYPES: tuple[type[Record], ...] = (
    Region,
    Border,
    Organisation,
    Person,
    Network,
    NetworkRegion,
    Membership,
    Contact,
    Activity,
    Cooperation,
    SubNetwork,
    Criticism,
    AmbassadorRegion,
    AmbassadorNetwork,
    Approach,
    CheckItem,
    SelfDeclaration,
    Rating,
    PlannedAction,
)
RECORD_BY_SHEET: dict[str, type[Record]] = {r.sheet: r for r in RECORD_TYPES}


def references(record_type: type[Record]) -> dict[str, str]:
    """Map each reference field of ``record_type`` to the sheet it points at."""
    refs = {}
    for name, field in record_type.model_fields.items():
        for meta in field.metadata:
            if isinstance(meta, Ref):
                refs[name] = meta.sheet
    return refs


class Dataset(BaseModel):
    """A whole, validated dataset: one list of records per sheet."""

    model_config = ConfigDict(extra="forbid")

    regions: list[Region] = []
    borders: list[Border] = []
    organisations: list[Organisation] = []
    persons: list[Person] = []
    networks: list[Network] = []
    network_regions: list[NetworkRegion] = []
    memberships: list[Membership] = []
    contacts: list[Contact] = []
    activities: list[Activity] = []
    cooperations: list[Cooperation] = []
    sub_networks: list[SubNetwork] = []
    criticisms: list[Criticism] = []
    ambassadors: list[AmbassadorRegion] = []
    ambassador_networks: list[AmbassadorNetwork] = []
    approaches: list[Approach] = []
    check_items: list[CheckItem] = []
    self_declarations: list[SelfDeclaration] = []
    ratings: list[Rating] = []
    action_plan: list[PlannedAction] = []

    def records(self, sheet: str) -> list[Any]:
        return getattr(self, sheet)

    def to_plain(self) -> dict[str, list[dict[str, Any]]]:
        """Sheets as plain dicts (blank fields dropped): the YAML/JSON form of the dataset."""
        return {
            r.sheet: [rec.model_dump(mode="json", exclude_none=True) for rec in self.records(r.sheet)]
            for r in RECORD_TYPES
            if self.records(r.sheet)
        }
