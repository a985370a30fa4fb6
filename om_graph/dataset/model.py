"""The input data model: what OM's office records about its networks.

Each class is one sheet of the Excel workbook, one CSV file and one key of the YAML
file. Field names are also the property names in the graph (see ``graph_model``), so
an analyst who knows the spreadsheet knows the Cypher.

Fields that point at another entity are annotated with :class:`Ref`; validation uses
that to check every reference, and the graph builder to draw the relationship.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from om_graph.dataset.record import Record, Ref, TextList
from om_graph.dataset.vocab import (
    INTERMEDIARY_KINDS,
    NOT_PARTNER_BY_DEFAULT,
    OM_NETWORK_STATUSES,  # noqa: F401 - re-exported: the model's words live in vocab
    ActivityKind,
    CheckItemKind,
    ContactRole,
    NetworkKind,
    NetworkStatus,
    OrganisationKind,
    RegionLevel,
    TrafficLight,
)
from om_graph.errors import SheetNotRead


class Meta(Record):
    sheet = "meta"
    doc = "What the dataset is: the day it describes, where it comes from, who keeps it (one row)."
    max_rows = 1
    as_of: dt.date | None = Field(None, description="The day the data describes: the default audit date")
    source: str | None = Field(None, description="Where the data comes from")
    kept_by: str | None = Field(None, description="Who keeps it up to date")


class Region(Record):
    sheet = "regions"
    doc = "Germany, its federal states and districts; `parent_id` builds the hierarchy."
    id: str
    name: str
    level: RegionLevel
    parent_id: Annotated[str | None, Ref("regions")] = None
    code: str | None = Field(None, description="AGS district key or ISO 3166-2 code")
    aliases: TextList = Field(None, description="Other names a network's name may use for it (Münsterland), `;`-separated")


class Border(Record):
    sheet = "borders"
    doc = "Two neighbouring regions (stored once, read both ways)."
    unique_together = ("region_id", "neighbour_id")
    region_id: Annotated[str, Ref("regions")]
    neighbour_id: Annotated[str, Ref("regions")]


class Topic(Record):
    sheet = "topics"
    doc = "A topic thematic networks work on, and the words a network's name may use for it."
    id: str
    name: str
    keywords: TextList = Field(None, description="Words that refer to the topic in a name (gesund), `;`-separated")


class Organisation(Record):
    sheet = "organisations"
    doc = "Any organisation: OM partners, intermediaries, consultants, companies."
    id: str
    name: str
    kind: OrganisationKind
    intermediary: bool | None = Field(
        None, description="Overrides the default derived from `kind` when given"
    )
    om_partner: bool | None = Field(
        None, description="Blank: yes if `partner_since` is given, else yes for every kind but `company`"
    )
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

    @property
    def is_om_partner(self) -> bool:
        """Marked, else a partner since a date on record, else by kind (companies are not)."""
        if self.om_partner is not None:
            return self.om_partner
        return self.partner_since is not None or self.kind not in NOT_PARTNER_BY_DEFAULT


class Person(Record):
    sheet = "persons"
    doc = "Contact persons and ambassadors (personal data: redact before sharing)."
    id: str
    name: str
    email: str | None = None
    organisation_id: Annotated[str | None, Ref("organisations")] = None


class Network(Record):
    sheet = "networks"
    doc = "A regional or thematic network and what OM knows about its standing (blank: not on record)."
    id: str
    name: str
    kind: NetworkKind
    topic: str | None = Field(None, description="Free text, or the id or name of a row in `topics`")
    open: bool = True
    status: NetworkStatus = NetworkStatus.recognised
    presents_as_om: bool | None = Field(None, description="Still presents itself as an OM network")
    homepage: str | None = None
    logo_on_homepage: bool | None = Field(None, description="The OM partner logo is on its homepage")
    advertises_commercial: bool | None = None
    principles_acknowledged: bool | None = None
    application_date: dt.date | None = Field(None, description="When it applied to the Leitungskreis")
    application_scope: str | None = Field(None, description="Region or topic named in the application")
    application_goals: str | None = None
    application_approach: str | None = None
    regions: Annotated[TextList, Ref("regions")] = Field(
        None, description="Regions it covers, `;`-separated: the same as rows of `network_regions`"
    )


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
    id: str | None = Field(None, description="Optional: nothing refers to an activity")
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
    id: str | None = Field(None, description="Optional: nothing refers to a criticism")
    network_id: Annotated[str, Ref("networks")]
    date: dt.date | None = None
    summary: str | None = None


class AmbassadorRegion(Record):
    sheet = "ambassadors"
    doc = "A person acting as OM ambassador (Botschafter): the regions served, the networks active in."
    unique_together = ("person_id", "region_id")
    one_of = ("region_id", "regions", "networks")
    person_id: Annotated[str, Ref("persons")]
    region_id: Annotated[str | None, Ref("regions")] = None
    regions: Annotated[TextList, Ref("regions")] = Field(None, description="Several regions, `;`-separated")
    networks: Annotated[TextList, Ref("networks")] = Field(
        None, description="Networks active in, `;`-separated: the same as rows of `ambassador_networks`"
    )
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
    version: str | None = Field(None, description="The catalogue version it belongs to (versions can coexist)")


class SelfDeclaration(Record):
    sheet = "self_declarations"
    doc = "A company's self-declaration after completing the OM-Praxis-Check."
    id: str
    organisation_id: Annotated[str, Ref("organisations")]
    signed_on: dt.date | None = None
    form_complete: bool = False
    catalogue_version: str | None = Field(None, description="The `version` of the check items it rates")


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
    Meta,
    Region,
    Border,
    Topic,
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
    """A whole, validated dataset: one list of records per sheet.

    Lists written in one cell (a network's ``regions``, an ambassador's ``regions`` and
    ``networks``) become rows of their own sheets here, so every reader of a dataset finds
    each fact in one place.
    """

    model_config = ConfigDict(extra="forbid")

    meta: list[Meta] = []
    regions: list[Region] = []
    borders: list[Border] = []
    topics: list[Topic] = []
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

    @model_validator(mode="after")
    def _spread_lists(self) -> "Dataset":
        if any(n.regions for n in self.networks):
            covers = _Rows(self.network_regions, ("network_id", "region_id"))
            for n in self.networks:
                for region in n.regions or ():
                    covers.add(NetworkRegion(network_id=n.id, region_id=region))
            self.network_regions = covers.rows
            self.networks = [n.model_copy(update={"regions": None}) if n.regions else n for n in self.networks]
        if any(a.regions or a.networks or a.region_id is None for a in self.ambassadors):
            served = _Rows([], ("person_id", "region_id"))
            active = _Rows(self.ambassador_networks, ("person_id", "network_id"))
            for a in self.ambassadors:
                if a.region_id is not None:
                    served.add(a.model_copy(update={"regions": None, "networks": None}) if a.regions or a.networks else a)
                for region in a.regions or ():
                    served.add(AmbassadorRegion(person_id=a.person_id, region_id=region, since=a.since))
                for network in a.networks or ():
                    active.add(AmbassadorNetwork(person_id=a.person_id, network_id=network))
            self.ambassadors, self.ambassador_networks = served.rows, active.rows
        return self

    _sheets: frozenset[str] = PrivateAttr(default=frozenset(RECORD_BY_SHEET))
    sheets = property(lambda self: self._sheets, doc="The sheets it holds: all, or a command's (others unknown, not empty).")

    def records(self, sheet: str) -> list[Any]:
        if sheet not in self._sheets:
            raise SheetNotRead(f"sheet '{sheet}' was not read: this dataset holds only {', '.join(sorted(self._sheets))}")
        return getattr(self, sheet)

    @property
    def as_of(self) -> dt.date | None:
        """The day the dataset describes (its ``meta`` sheet), if it says."""
        return self.meta[0].as_of if self.meta else None

    def to_plain(self) -> dict[str, list[dict[str, Any]]]:
        """Sheets as plain dicts (blank fields dropped): the YAML/JSON form of the dataset."""
        return {
            r.sheet: [rec.model_dump(mode="json", exclude_none=True) for rec in self.records(r.sheet)]
            for r in RECORD_TYPES
            if self.records(r.sheet)
        }


class _Rows:
    """Rows of a link sheet with new ones appended once: the same fact twice is one row."""

    def __init__(self, rows: list[Any], key: tuple[str, ...]) -> None:
        self.rows, self.key = list(rows), key
        self.seen = {tuple(getattr(r, k) for k in key) for r in rows}

    def add(self, row: Any) -> None:
        found = tuple(getattr(row, k) for k in self.key)
        if found not in self.seen:
            self.seen.add(found)
            self.rows.append(row)
