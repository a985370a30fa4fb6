"""What an export holds: the graph model's rows as nodes and edges with keys and plain attributes, in a fixed order.

Nodes come sorted by (label, id), edges by (type, start label, end label, start id, end id,
key columns), one at a time: a writer streams them and never holds the document. The same
rows give the same bytes, whichever engine they were read from. Relationships the model
draws twice between the same nodes (an activity ``HELD`` by a network that is also its
partner network) are one edge, as ``om-graph load`` stores them.

Attribute types are the model's, not the data's (:func:`node_types`, :func:`edge_types`), so
a GraphML or GEXF writer can declare its keys before the first node without a pass over the
graph, and a file declares the same keys whatever rows it holds.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from operator import itemgetter
from typing import Any, Callable, Iterator, Mapping

from om_graph.dataset.graph import LABEL_BY_SHEET, NODES, RELATIONSHIPS, GraphRows, RelSpec
from om_graph.dataset.model import RECORD_BY_SHEET, references
from om_graph.privacy import pseudonymous_id, redact_person

#: Relationships stored in one direction that mean the same both ways.
UNDIRECTED = frozenset({"BORDERS", "COOPERATES_WITH"})
#: Keys a viewer reads on its own: a property of the same name is written as ``<name>_property``.
RESERVED = ("label", "type", "om_id", "x", "y")
#: What the audit adds to a network, and map coordinates, with their types (see :mod:`.annotate`).
ANNOTATION_TYPES: dict[str, type] = {
    "stage": int, "findings": int, "errors": int, "warnings": int, "ambassador_covered": bool, "x": float, "y": float,
}

Attrs = dict[str, Any]


@dataclass(frozen=True)
class Annotations:
    """What the export adds to nodes: the audit per network, and map coordinates by ``(label, id)``.

    ``networks`` may still be computed while the export is written (:class:`~.pending.Pending`).
    """

    networks: Mapping[str, Attrs] = field(default_factory=dict)
    points: dict[tuple[str, str], tuple[float, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportGraph:
    """The rows to export, what the audit and the map add to them, and whether persons are pseudonymised."""

    rows: GraphRows
    annotations: Annotations = field(default_factory=Annotations)
    redact_persons: bool = False

    def nodes(self) -> Iterator[tuple[str, Attrs]]:
        """``(key, attributes)`` of every node, ``Label:id``, sorted by label and id."""
        for group in self.node_groups():
            for props in group.records:
                yield f"{group.label}:{props['id']}", self.node_attrs(group, props)

    def node_attrs(self, group: NodeGroup, props: Attrs) -> Attrs:
        """A node's attributes: ``label``, ``type``, ``om_id``, its properties, the audit's and its place's."""
        label, oid = group.label, props["id"]
        attrs: Attrs = {"label": shown(props), "type": label, "om_id": oid}
        for name, out in group.fields:
            v = props.get(name)
            if v is not None:
                attrs[out] = v if type(v) is str else plain_value(v)
        if label == "Network" and oid in self.annotations.networks:
            attrs.update(self.annotations.networks[oid])
        point = self.annotations.points.get((label, oid))
        if point is not None:
            attrs["x"], attrs["y"] = point
        return attrs

    def node_groups(self) -> Iterator[NodeGroup]:
        """The nodes label by label, each label's sorted by id (persons pseudonymised)."""
        for label in sorted(self.rows.nodes):
            records = self.rows.nodes[label]
            if self.redact_persons and label == "Person":
                records = [redact_person(props) for props in records]
            yield NodeGroup(label, _fields(_SHEET_BY_LABEL[label]), sorted(records, key=itemgetter("id")))

    def waiting(self) -> str | None:
        """The label whose nodes wait for an audit still computed elsewhere, if any: a writer writes them as late as it can."""
        return "Network" if getattr(self.annotations.networks, "computing", False) else None

    def annotated_ids(self, label: str) -> set[str]:
        """The ids of nodes of ``label`` that the audit or the map adds attributes to."""
        found = {oid for (of, oid) in self.annotations.points if of == label}
        return found | set(self.annotations.networks) if label == "Network" else found

    def edges(self) -> Iterator[tuple[str, str, str, Attrs]]:
        """``(key, source, target, attributes)`` of every relationship, sorted, each pattern's duplicates folded.

        Edges without properties share one attributes dict per type: read them, never change them.
        """
        for group in self.edge_groups():
            rtype, fields = group.type, group.fields
            bare: Attrs = {"type": rtype}
            source_of, target_of = f"{group.start_label}:", f"{group.end_label}:"
            key_of = f"{rtype}:{group.start_label}:"
            for start, end, props in group.rels():
                key = f"{key_of}{start}->{target_of}{end}{group.suffix(props)}"
                attrs = bare
                if props:
                    attrs = {"type": rtype}
                    for name, out in fields:
                        v = props.get(name)
                        if v is not None:
                            attrs[out] = v if type(v) is str else plain_value(v)
                yield key, source_of + start, target_of + end, attrs

    def edge_groups(self) -> Iterator[EdgeGroup]:
        """The relationships pattern by pattern (type, start label, end label), sorted: a writer renders
        each pattern from one template instead of building a key and a dict per edge."""
        person = pseudonymous_id if self.redact_persons else None
        by_pattern: dict[tuple[str, str, str], list[RelSpec]] = {}
        for spec in self.rows.rels:
            by_pattern.setdefault((spec.type, spec.start_label, spec.end_label), []).append(spec)
        for (rtype, start_label, end_label), specs in sorted(by_pattern.items()):
            start_of = person if person and start_label == "Person" else None
            end_of = person if person and end_label == "Person" else None
            rels = [rel for spec in specs for rel in self.rows.rels[spec]]
            if start_of or end_of:
                rels = [((start_of or _same)(s), (end_of or _same)(e), p) for s, e, p in rels]
            merge_keys = specs[0].merge_keys
            # stable: of rows that MERGE folds together the last one wins, as in a load
            if merge_keys or _has_nul(rels):
                rels.sort(key=_sort_key(merge_keys))
            else:  # the same order, a third of the time: one string compared instead of a pair
                rels.sort(key=_pair)
            fields = () if specs[0].sheet in LABEL_BY_SHEET else _fields(specs[0].sheet)
            yield EdgeGroup(rtype, start_label, end_label, merge_keys, fields, rels)


@dataclass(frozen=True)
class NodeGroup:
    """The nodes of one label, sorted by id, and the properties they may carry (property, attribute name)."""

    label: str
    fields: tuple[tuple[str, str], ...]
    records: list[Attrs]


@dataclass(frozen=True)
class EdgeGroup:
    """The relationships of one pattern, sorted as :meth:`ExportGraph.edges` yields them (persons pseudonymised)."""

    type: str
    start_label: str
    end_label: str
    #: Properties that tell apart two relationships between the same nodes: their values end the edge's key.
    merge_keys: tuple[str, ...]
    #: (property, attribute name) of the properties an edge may carry, sorted.
    fields: tuple[tuple[str, str], ...]
    sorted_rels: list[tuple[str, str, Attrs]]

    def rels(self) -> Iterator[tuple[str, str, Attrs]]:
        """``(start, end, properties)``, the last of rows that are one relationship only (as MERGE keeps it)."""
        rels = self.sorted_rels
        if not rels:
            return
        if self.merge_keys:
            order = _sort_key(self.merge_keys)
            current, kept = order(rels[0]), rels[0]
            for rel in rels:
                following = order(rel)
                if following != current:
                    yield kept
                    current = following
                kept = rel
            yield kept
            return
        kept = rels[0]
        for rel in rels:
            if rel[0] != kept[0] or rel[1] != kept[1]:
                yield kept
            kept = rel
        yield kept

    def suffix(self, props: Attrs) -> str:
        """What follows ``end`` in an edge's key: ``:value`` of each merge key."""
        return "".join([f":{plain_value(props.get(name))}" for name in self.merge_keys])


_SHEET_BY_LABEL = {spec.label: spec.sheet for spec in NODES}


@cache
def _fields(sheet: str) -> tuple[tuple[str, str], ...]:
    """The properties a row of ``sheet`` may carry (its fields that are not references, but ``id``), sorted,
    each with the attribute name it is exported under."""
    record = RECORD_BY_SHEET[sheet]
    refs = references(record)
    names = sorted(name for name in record.model_fields if name not in refs and name != "id")
    return tuple((name, f"{name}_property" if name in RESERVED else name) for name in names)


def _pair(rel: tuple[str, str, Attrs]) -> str:
    """``(start, end)`` as one string that sorts as the pair does, when neither holds a NUL."""
    return f"{rel[0]}\x00{rel[1]}"


def _has_nul(rels: list[tuple[str, str, Attrs]]) -> bool:
    """Does any start or end id hold a NUL? (Two joins in C, not a Python step per relationship.)"""
    return "\x00" in "".join(map(_start, rels)) or "\x00" in "".join(map(_end, rels))


_start, _end = itemgetter(0), itemgetter(1)


def _same(value: str) -> str:
    return value


def _sort_key(merge_keys: tuple[str, ...]) -> Callable[[tuple[str, str, Attrs]], tuple]:
    if not merge_keys:
        return itemgetter(0, 1)
    return lambda rel: (rel[0], rel[1], *(str(plain_value(rel[2].get(k))) for k in merge_keys))


def shown(props: Attrs) -> str:
    """What a viewer shows on the node: its name, else its title (activities), else its id."""
    return str(props.get("name") or props.get("title") or props["id"])


def plain_value(value: Any) -> Any:
    """A value as JSON holds it: enums by value, dates as ISO text, collections as sorted lists."""
    if type(value) is str:  # most values: checked first
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(plain_value(v) for v in value)
    return value


@cache
def node_types() -> dict[str, type]:
    """Every node attribute an export can hold, with its type (bool, int, float or str)."""
    found: dict[str, set[type]] = {"label": {str}, "type": {str}, "om_id": {str}}
    for spec in NODES:
        _add_fields(found, spec.sheet)
    for name, kind in ANNOTATION_TYPES.items():
        found.setdefault(name, set()).add(kind)
    return _one_type_each(found)


@cache
def edge_types() -> dict[str, type]:
    """Every edge attribute an export can hold, with its type."""
    found: dict[str, set[type]] = {"type": {str}}
    for sheet in sorted({spec.sheet for spec in RELATIONSHIPS} - set(LABEL_BY_SHEET)):
        _add_fields(found, sheet)
    return _one_type_each(found)


def _add_fields(found: dict[str, set[type]], sheet: str) -> None:
    fields = RECORD_BY_SHEET[sheet].model_fields
    for name, out in _fields(sheet):
        found.setdefault(out, set()).add(_scalar(fields[name].annotation))


def _scalar(annotation: Any) -> type:
    """The type a field's values have in an export: bool, int or float as they are, everything else text."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if annotation in (bool, int, float):
        return annotation
    return str


def _one_type_each(found: dict[str, set[type]]) -> dict[str, type]:
    """A name with values of several types is text everywhere, so that it has one declared type."""
    return {name: kinds.pop() if len(kinds) == 1 else str for name, kinds in sorted(found.items())}
