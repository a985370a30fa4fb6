"""The property graph both engines hold: labels, relationship types and properties.

One declarative table turns a :class:`~om_graph.dataset.model.Dataset` into node and relationship
rows. The embedded engine indexes these rows in memory and the Neo4j loader
writes the very same rows, so the two engines cannot drift apart.

>>> from om_graph.dataset.model import Dataset, Network
>>> rows = graph_rows(Dataset(networks=[Network(id="n1", name="OM Net", kind="regional")]))
>>> rows.nodes["Network"][0]["name"]
'OM Net'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter, itemgetter
from typing import Any, Callable

from om_graph.dataset.model import RECORD_BY_SHEET, Dataset, Organisation, Record, references


@dataclass(frozen=True)
class NodeSpec:
    """A sheet whose rows become nodes with ``label``."""

    sheet: str
    label: str


@dataclass(frozen=True)
class RelSpec:
    """A relationship drawn from a sheet: from ``start`` to ``end`` (field names; ``id`` = the row's node).

    Link sheets (no ``id``) carry their remaining columns as relationship properties.
    """

    sheet: str
    type: str
    start: str
    end: str
    start_label: str
    end_label: str
    doc: str
    #: When set, ``end`` is text naming a row of the end label's sheet by one of these fields
    #: (ignoring case and surrounding blanks), not its id; text that names none draws no edge.
    match: tuple[str, ...] = ()

    @property
    def merge_keys(self) -> tuple[str, ...]:
        """Properties that tell apart two relationships between the same nodes (e.g. a contact's role)."""
        unique = RECORD_BY_SHEET[self.sheet].unique_together
        return tuple(f for f in unique if f not in (self.start, self.end))


#: The label every node om-graph writes carries besides its own: om-graph's part of a shared
#: database is its nodes with this label and its relationship types between two of them, and
#: only that part is ever read, written or deleted (other applications' data stays as it is).
MARKER = "OmGraph"

NODES: tuple[NodeSpec, ...] = (
    NodeSpec("regions", "Region"),
    NodeSpec("topics", "Topic"),
    NodeSpec("organisations", "Organisation"),
    NodeSpec("persons", "Person"),
    NodeSpec("networks", "Network"),
    NodeSpec("activities", "Activity"),
    NodeSpec("criticisms", "Criticism"),
    NodeSpec("check_items", "CheckItem"),
    NodeSpec("self_declarations", "SelfDeclaration"),
    NodeSpec("action_plan", "PlannedAction"),
)
LABEL_BY_SHEET = {n.sheet: n.label for n in NODES}
SHEET_BY_LABEL = {n.label: n.sheet for n in NODES}

RELATIONSHIPS: tuple[RelSpec, ...] = (
    RelSpec("regions", "PART_OF", "id", "parent_id", "Region", "Region", "region lies within a larger region"),
    RelSpec("borders", "BORDERS", "region_id", "neighbour_id", "Region", "Region", "regions share a border (either direction)"),
    RelSpec("organisations", "SUBSIDIARY_OF", "id", "parent_id", "Organisation", "Organisation", "organisation belongs to a parent organisation"),
    RelSpec("organisations", "LOCATED_IN", "id", "region_id", "Organisation", "Region", "where an organisation is located"),
    RelSpec("persons", "WORKS_FOR", "id", "organisation_id", "Person", "Organisation", "a person's affiliation"),
    RelSpec("network_regions", "COVERS", "network_id", "region_id", "Network", "Region", "region a network covers"),
    RelSpec("networks", "ON_TOPIC", "id", "topic", "Network", "Topic", "its `topic` names the topic's id or name", ("id", "name")),
    RelSpec("memberships", "MEMBER_OF", "organisation_id", "network_id", "Organisation", "Network", "organisation takes part in a network"),
    RelSpec("contacts", "CONTACT_FOR", "person_id", "network_id", "Person", "Network", "named contact with `role`"),
    RelSpec("activities", "HELD", "network_id", "id", "Network", "Activity", "network held an activity"),
    RelSpec("activities", "HELD", "partner_network_id", "id", "Network", "Activity", "second network of a joint activity"),
    RelSpec("activities", "HOSTED", "host_id", "id", "Organisation", "Activity", "partner that hosted a meeting"),
    RelSpec("cooperations", "COOPERATES_WITH", "network_id", "partner_network_id", "Network", "Network", "recorded cooperation (either direction)"),
    RelSpec("sub_networks", "SUB_NETWORK_OF", "network_id", "parent_network_id", "Network", "Network", "consensus: works inside the other's region/topic"),
    RelSpec("criticisms", "CONCERNS", "id", "network_id", "Criticism", "Network", "criticism on record about a network"),
    RelSpec("ambassadors", "AMBASSADOR_FOR", "person_id", "region_id", "Person", "Region", "ambassador (Botschafter) for a region"),
    RelSpec("ambassador_networks", "AMBASSADOR_IN", "person_id", "network_id", "Person", "Network", "ambassador active in a network"),
    RelSpec("approaches", "APPROACHED", "person_id", "organisation_id", "Person", "Organisation", "ambassador approached an organisation"),
    RelSpec("check_items", "UNDER", "id", "parent_id", "CheckItem", "CheckItem", "checkpoint under a topic, measure under a checkpoint"),
    RelSpec("self_declarations", "DECLARED", "organisation_id", "id", "Organisation", "SelfDeclaration", "company signed a self-declaration"),
    RelSpec("ratings", "RATED", "declaration_id", "item_id", "SelfDeclaration", "CheckItem", "traffic light given to a check item"),
    RelSpec("action_plan", "PLANS", "declaration_id", "id", "SelfDeclaration", "PlannedAction", "measure in the declaration's plan"),
)


def node_properties(record: Record) -> dict[str, Any]:
    """The properties a row's node carries: its own fields, no references, no blanks."""
    refs = _references(type(record))
    # The records are flat (no nested models), so their __dict__ is what model_dump() would
    # return, without its per-row cost (a third of building a large graph).
    props = {k: v for k, v in record.__dict__.items() if v is not None and k not in refs}
    if isinstance(record, Organisation):
        # Stored resolved, so both engines and analysts' own queries agree on who counts.
        props["intermediary"] = record.is_intermediary
        props["om_partner"] = record.is_om_partner
    return props


def link_properties(record: Record) -> dict[str, Any]:
    """Properties of a relationship drawn from a link sheet: its non-reference columns."""
    refs = _references(type(record))
    return {k: v for k, v in record.__dict__.items() if v is not None and k not in refs}


@cache
def _references(record_type: type[Record]) -> frozenset[str]:
    return frozenset(references(record_type))


@cache
def node_maker(record_type: type[Record]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """:func:`node_properties` of a record of ``record_type`` (not an organisation) from its ``__dict__``,
    as a function written for the type: each own field named once, no loop over the record's fields and
    no test of the reference fields (half the time of a comprehension over 180,000 nodes at scale 100).

    Field names are identifiers from the code, never data; tests/test_fast_paths.py holds it to
    :func:`node_properties`.
    """
    refs = _references(record_type)
    own = [name for name in record_type.model_fields if name not in refs]
    if not all(name.isidentifier() for name in own):
        return lambda values: {k: v for k, v in values.items() if v is not None and k not in refs}
    lines = ["def node(values):", "    props = {}"]
    for name in own:
        lines += [f"    value = values[{name!r}]", f"    if value is not None: props[{name!r}] = value"]
    namespace: dict[str, Any] = {}
    exec("\n".join([*lines, "    return props"]), namespace)  # noqa: S102
    return namespace["node"]


_dict_of = attrgetter("__dict__")


@dataclass
class GraphRows:
    """Nodes by label and relationships by spec, as plain rows ready for either engine."""

    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rels: dict[RelSpec, list[tuple[str, str, dict[str, Any]]]] = field(default_factory=dict)
    #: The sheets they were made from when the dataset was read from some only (None: all, or not a dataset's).
    sheets: frozenset[str] | None = None

    def holds(self, spec: NodeSpec | RelSpec) -> bool:
        """Were the rows of this label or relationship made (its sheets read)? Not when left out of a selection."""
        if self.sheets is None:
            return True
        if isinstance(spec, NodeSpec):
            return spec.sheet in self.sheets
        return {spec.sheet, SHEET_BY_LABEL[spec.start_label], SHEET_BY_LABEL[spec.end_label]} <= self.sheets

    def counts(self) -> tuple[int, int]:
        return sum(map(len, self.nodes.values())), sum(map(len, self.rels.values()))


def graph_rows(dataset: Dataset) -> GraphRows:
    """Turn a validated dataset into node and relationship rows (of the labels and relationships its sheets hold)."""
    rows = GraphRows(sheets=None if dataset.sheets == RECORD_BY_SHEET.keys() else dataset.sheets)
    made_ids: dict[str, list[str]] = {}
    for spec in filter(rows.holds, NODES):
        records = dataset.records(spec.sheet)
        record_type = RECORD_BY_SHEET[spec.sheet]
        if record_type is Organisation:
            nodes = [node_properties(r) for r in records]
        else:
            nodes = list(map(node_maker(record_type), map(_dict_of, records)))
        if any("id" not in node for node in nodes):
            made_ids[spec.sheet] = row_ids(spec.sheet, [node.get("id") for node in nodes])
            for node, key in zip(nodes, made_ids[spec.sheet]):
                node["id"] = key
        rows.nodes[spec.label] = nodes
    rels: dict[RelSpec, list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for spec in filter(rows.holds, RELATIONSHIPS):
        is_node_sheet = spec.sheet in LABEL_BY_SHEET
        found = rels[spec]
        start_field, end_field = spec.start, spec.end
        records = dataset.records(spec.sheet)
        if spec.sheet in made_ids or spec.match:
            keys = made_ids.get(spec.sheet)
            lookup = _matcher(dataset, spec)
            for i, record in enumerate(records):
                values = dict(record.__dict__)
                if keys is not None:
                    values["id"] = keys[i]
                start, end = values[start_field], lookup(values[end_field])
                if start is not None and end is not None:
                    found.append((start, end, {} if is_node_sheet else link_properties(record)))
            continue
        refs = _references(RECORD_BY_SHEET[spec.sheet])
        if is_node_sheet:
            empty: dict[str, Any] = {}  # a node's relationships have no properties: one dict for all, never changed
            for record in records:
                values = record.__dict__
                start, end = values[start_field], values[end_field]
                if start is not None and end is not None:
                    found.append((start, end, empty))
            continue
        # Link sheets: rows with the same properties share one dict of them (200,000 memberships hold a
        # few thousand), read by both engines and never changed. link_properties inlined (a call per row
        # was a fifth of this at scale 100).
        own_fields = [f for f in RECORD_BY_SHEET[spec.sheet].model_fields if f not in refs]
        own: Callable[[dict[str, Any]], Any] = itemgetter(*own_fields) if own_fields else _nothing
        shared: dict[Any, dict[str, Any]] = {}
        for record in records:
            values = record.__dict__
            start, end = values[start_field], values[end_field]
            if start is None or end is None:
                continue
            try:
                props = shared.get(key := own(values))
            except (KeyError, TypeError):  # a list among them (unhashable), or a field it does not hold
                props, key = None, None
            if props is None:
                props = {k: v for k, v in values.items() if v is not None and k not in refs}
                if key is not None:
                    shared[key] = props
            found.append((start, end, props))
    rows.rels = {spec: rels[spec] for spec in RELATIONSHIPS if rows.holds(spec)}
    return rows


def _nothing(values: dict[str, Any]) -> tuple[()]:
    return ()


def row_ids(sheet: str, given: list[str | None]) -> list[str]:
    """Every row's node id: its own, else ``<sheet>#<position>`` (rows nothing refers to need none).

    >>> row_ids("activities", ["a1", None, "activities#2"])
    ['a1', 'activities#2+', 'activities#2']
    """
    taken = {key for key in given if key is not None}
    out = []
    for position, key in enumerate(given, start=1):
        if key is None:
            key = f"{sheet}#{position}"
            while key in taken:
                key += "+"
            taken.add(key)
        out.append(key)
    return out


def _matcher(dataset: Dataset, spec: RelSpec) -> Callable[[Any], Any]:
    """How ``spec``'s end value becomes a node id: as it is, or looked up by ``spec.match``."""
    if not spec.match:
        return lambda value: value
    sheet = next(n.sheet for n in NODES if n.label == spec.end_label)
    index: dict[str, str] = {}
    for field_name in reversed(spec.match):  # the first field wins: an id before a name
        for record in dataset.records(sheet):
            text = getattr(record, field_name)
            if text is not None:
                index[str(text).strip().lower()] = record.id
    return lambda value: None if value is None else index.get(str(value).strip().lower())


def schema_markdown() -> str:
    """The graph schema as a Markdown page (docs/schema.md is generated from this)."""
    lines = [
        "# Graph schema",
        "",
        "Generated by `om-graph schema --format markdown`; both engines hold exactly this model.",
        "Every node has a unique `id` within its label. Blank values are not stored.",
        f"In Neo4j every node om-graph writes also carries the label `{MARKER}`; om-graph's part of a",
        "database is those nodes and the relationships below between two of them. It reads, writes",
        "and deletes nothing else, so other applications' nodes, relationships and properties stay as they are.",
        "`om-graph audit --neo4j --write-back` adds each network's `stage` (with `stage_as_of`, `stage_profile`)",
        f"and one `(:Finding:{MARKER})-[:ABOUT]->(subject)` per finding (`code`, `severity`, `as_of`, `profile`, `message`).",
        "",
        "## Nodes",
        "",
        "| label | sheet | properties | what it is |",
        "| --- | --- | --- | --- |",
    ]
    for spec in NODES:
        rtype = RECORD_BY_SHEET[spec.sheet]
        refs = references(rtype)
        props = [f for f in rtype.model_fields if f not in refs]
        lines.append(f"| `{spec.label}` | `{spec.sheet}` | {', '.join(f'`{p}`' for p in props)} | {rtype.doc} |")
    lines += [
        "",
        "## Relationships",
        "",
        "| pattern | sheet | properties | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for rel in RELATIONSHIPS:
        rtype = RECORD_BY_SHEET[rel.sheet]
        props = (
            []
            if rel.sheet in LABEL_BY_SHEET
            else [f for f in rtype.model_fields if f not in references(rtype)]
        )
        pattern = f"`(:{rel.start_label})-[:{rel.type}]->(:{rel.end_label})`"
        lines.append(f"| {pattern} | `{rel.sheet}` | {', '.join(f'`{p}`' for p in props)} | {rel.doc} |")
    lines += [
        "",
        "## Values stored resolved",
        "",
        "- `Organisation.intermediary`: the column if given, else from `kind` (chambers, associations, unions,",
        "  insurers, development agencies, the employment agency, research institutes, public authorities).",
        "- `Organisation.om_partner`: the column if given, else `true` when `partner_since` is given, else `true`",
        "  for every kind but `company`: companies are OM partners only where the record says so.",
        "- `id` of an `Activity` or `Criticism` row that gives none: `<sheet>#<position>` (nothing refers to them).",
        "- Lists written in one cell (a network's `regions`, an ambassador's `regions` and `networks`) are",
        "  relationships like the rows of `network_regions`, `ambassadors` and `ambassador_networks`.",
    ]
    return "\n".join(lines) + "\n"
