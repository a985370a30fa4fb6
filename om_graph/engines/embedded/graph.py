"""The embedded engine's graph: the graph model's rows held in plain dicts, indexed the way queries read them.

Nodes are keyed ``(label, id)`` and carry their properties; edges are keyed by
relationship type. Like Neo4j's relationship-type store, per-type adjacency lists make
"all MEMBER_OF edges into this network" a lookup, not a scan, so rules cost about
linearly in the size of the graph. Queries read only these plain dicts and lists, so an
audit of a large landscape pays for no per-edge attribute objects.

>>> from om_graph.dataset.model import Dataset, Network, Region, NetworkRegion
>>> g = EmbeddedGraph.from_dataset(Dataset(
...     regions=[Region(id="DE", name="Deutschland", level="country"),
...              Region(id="DE-BY", name="Bayern", level="state", parent_id="DE")],
...     networks=[Network(id="n1", name="OM Bayern", kind="regional")],
...     network_regions=[NetworkRegion(network_id="n1", region_id="DE")]))
>>> sorted(g.closure(("Network", "n1")))
[('Region', 'DE'), ('Region', 'DE-BY')]
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from operator import itemgetter
from types import MappingProxyType
from typing import Any, Callable, Mapping

from om_graph.dataset.bulk import paused_gc
from om_graph.dataset.graph import NODES, RELATIONSHIPS, GraphRows, graph_rows
from om_graph.dataset.model import OM_NETWORK_STATUSES, Dataset
from om_graph.errors import SheetNotRead

Node = tuple[str, str]
Edge = tuple[Node, Mapping[str, Any]]

#: The properties of every relationship that has none (most): one read-only mapping, not a dict each.
NO_PROPERTIES: Mapping[str, Any] = MappingProxyType({})
_NO_EDGES: dict[Node, list[Edge]] = {}
_first = itemgetter(0)


class NotHeld:
    """Stands for the nodes of a label or the edges of a relationship type whose sheets were not read: any use fails."""

    def __init__(self, what: str, read: str) -> None:
        self.message = f"the embedded graph holds no {what}: it was read from the sheets {read} only"

    def _fail(self, *args: Any) -> Any:
        raise SheetNotRead(self.message)

    get = items = keys = values = __getitem__ = __contains__ = __iter__ = __len__ = __bool__ = _fail


class EmbeddedGraph:
    """An in-memory property graph with typed adjacency, built from graph rows.

    Adjacency is kept per relationship type, then per node (``_out[type][node]``), and each node is
    one tuple shared by every edge that touches it: a lookup hashes no new key, and a landscape of
    a million edges holds no copy of a node per edge.
    """

    #: A node's properties (``props(node)``).
    props: Callable[[Node], dict[str, Any]]
    #: Does the network act as an OM network (status applied or recognised)? (``is_om_network(node)``)
    is_om_network: Callable[[Node], bool]

    def __init__(self, rows: GraphRows) -> None:
        self._props: dict[Node, dict[str, Any]] = {}
        self._by_label: dict[str, list[Node]] = defaultdict(list)
        self._out: dict[str, dict[Node, list[Edge]]] = {}
        self._in: dict[str, dict[Node, list[Edge]]] = {}
        props_of = self._props
        known: dict[str, dict[str, Node]] = defaultdict(dict)  # label -> id -> the node's one tuple
        for label, nodes in rows.nodes.items():
            keys, of_label = self._by_label[label], known[label]
            for props in nodes:
                node_id = props["id"]
                key = of_label.get(node_id)
                if key is None:
                    key = of_label[node_id] = (label, node_id)
                    keys.append(key)
                props_of[key] = props  # a repeated id updates the node, as in Neo4j's MERGE
        for spec, rels in rows.rels.items():
            starts, ends = known[spec.start_label], known[spec.end_label]
            out, inc = self._out.setdefault(spec.type, {}), self._in.setdefault(spec.type, {})
            for start, end, props in rels:
                a, b = starts.get(start), ends.get(end)
                if a is None:  # an edge to an unknown id creates a bare node
                    a = starts[start] = (spec.start_label, start)
                    props_of[a] = {}
                if b is None:
                    b = ends[end] = (spec.end_label, end)
                    props_of[b] = {}
                if not props:
                    props = NO_PROPERTIES
                edges = out.get(a)
                if edges is None:
                    out[a] = [(b, props)]
                else:
                    edges.append((b, props))
                edges = inc.get(b)
                if edges is None:
                    inc[b] = [(a, props)]
                else:
                    edges.append((a, props))
        for keys in self._by_label.values():
            keys.sort()
        # The two questions rules ask of nodes most often (over a million times at scale 100), answered
        # by the dict and the set themselves: no Python call of ours per question.
        self.props = props_of.__getitem__
        self._om_networks = [n for n in self._by_label.get("Network", ()) if props_of[n].get("status") in OM_NETWORK_STATUSES]
        self.is_om_network = frozenset(self._om_networks).__contains__
        if rows.sheets is not None:  # read from some sheets only: the labels and relationships of the others fail loudly
            self._mark_not_held(rows)

    def _mark_not_held(self, rows: GraphRows) -> None:
        """Put :class:`NotHeld` where the labels and relationship types of sheets not read would be, so that a query
        reading one fails rather than answering as if there were none."""
        read = ", ".join(sorted(rows.sheets or ()))
        for spec in NODES:
            if not rows.holds(spec):
                self._by_label[spec.label] = NotHeld(f"{spec.label} nodes", read)  # type: ignore[assignment]
        if not rows.holds(next(spec for spec in NODES if spec.label == "Network")):
            self._om_networks = NotHeld("Network nodes", read)  # type: ignore[assignment]
            self.is_om_network = self._om_networks._fail  # type: ignore[attr-defined]
        for rel in RELATIONSHIPS:  # a type is held whole or not at all
            if not rows.holds(rel):
                self._out[rel.type] = self._in[rel.type] = NotHeld(f"{rel.type} relationships", read)  # type: ignore[assignment]

    @classmethod
    def from_dataset(cls, dataset: Dataset) -> "EmbeddedGraph":
        with paused_gc():
            return cls(graph_rows(dataset))

    # -- basic access ---------------------------------------------------------------
    def nodes(self, label: str) -> list[Node]:
        """All nodes with ``label``, sorted by id."""
        return self._by_label.get(label, [])

    def name(self, node: Node) -> str:
        return self._props[node].get("name", node[1])

    def out(self, node: Node, rel: str) -> list[Edge]:
        """Outgoing ``rel`` edges as (target, properties)."""
        return self._out.get(rel, _NO_EDGES).get(node) or []

    def inc(self, node: Node, rel: str) -> list[Edge]:
        """Incoming ``rel`` edges as (source, properties)."""
        return self._in.get(rel, _NO_EDGES).get(node) or []

    def both(self, node: Node, rel: str) -> list[Edge]:
        """Edges of an undirected relationship (BORDERS, COOPERATES_WITH) seen from ``node``."""
        return self.out(node, rel) + self.inc(node, rel)

    # -- networks ---------------------------------------------------------------------
    def om_networks(self) -> list[Node]:
        """The networks that act as OM networks (status applied or recognised), sorted by id."""
        return list(self._om_networks)

    def activities(self, network: Node, kind: str) -> list[dict[str, Any]]:
        """Properties of the network's activities of ``kind`` (its own and joint ones, in edge order; do not change)."""
        return self._activities_by_kind.get(network, {}).get(kind, [])

    @cached_property
    def _activities_by_kind(self) -> dict[Node, dict[str, list[dict[str, Any]]]]:
        """Every network's activities grouped by kind once, for the several rules and the stages that ask."""
        index: dict[Node, dict[str, list[dict[str, Any]]]] = {}
        props_of = self._props
        for network, edges in self._out.get("HELD", _NO_EDGES).items():
            by_kind: dict[str, list[dict[str, Any]]] = index.setdefault(network, {})
            for activity, _ in edges:
                props = props_of[activity]
                by_kind.setdefault(props.get("kind"), []).append(props)  # type: ignore[arg-type]
        return index

    # -- regions ----------------------------------------------------------------------
    def subtree(self, region: Node) -> set[Node]:
        """The region and every region inside it."""
        seen, stack = {region}, [region]
        while stack:
            for child, _ in self.inc(stack.pop(), "PART_OF"):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return seen

    def ancestors(self, region: Node) -> list[Node]:
        """Regions containing ``region``, nearest first (cycles are rejected by validation)."""
        found = self._ancestors.get(region)
        if found is None:
            chain, current = [], region
            while parents := self.out(current, "PART_OF"):
                current = parents[0][0]
                if current in chain:
                    break
                chain.append(current)
            found = self._ancestors[region] = tuple(chain)
        return list(found)

    @cached_property
    def _ancestors(self) -> dict[Node, tuple[Node, ...]]:
        """Each region's chain once (rules ask for the same few hundred regions tens of thousands of times)."""
        return {}

    def closure(self, network: Node) -> set[Node]:
        """Every region a network covers, directly or as part of a larger covered region."""
        return self._closures[network]

    @cached_property
    def _closures(self) -> dict[Node, set[Node]]:
        subtrees: dict[Node, set[Node]] = {}
        closures: dict[Node, set[Node]] = {}
        for network in self.nodes("Network"):
            covered: set[Node] = set()
            for region, _ in self.out(network, "COVERS"):
                if region not in subtrees:
                    subtrees[region] = self.subtree(region)
                covered |= subtrees[region]
            closures[network] = covered
        return closures

    @cached_property
    def networks_by_region(self) -> dict[Node, list[Node]]:
        """Inverse of :meth:`closure`: for each region, the networks covering it (sorted)."""
        index: dict[Node, list[Node]] = defaultdict(list)
        for network in self.nodes("Network"):
            for region in self.closure(network):
                index[region].append(network)
        return index

    def overlapping_networks(self, network: Node) -> set[Node]:
        """Other networks whose covered regions intersect this one's, found through regions."""
        found: set[Node] = set()
        for region in self.closure(network):
            found.update(self.networks_by_region.get(region, ()))
        found.discard(network)
        return found

    def bordering_networks(self, network: Node) -> set[Node]:
        """Other networks covering a region that borders one this network covers."""
        found: set[Node] = set()
        near = self._networks_bordering
        for region in self.closure(network):
            nearby = near.get(region)
            if nearby is None:
                nearby = near[region] = self._bordering_region(region)
            found.update(nearby)
        found.discard(network)
        return found

    @cached_property
    def _networks_bordering(self) -> dict[Node, set[Node]]:
        """The networks covering a neighbour of each region asked about so far (filled as asked)."""
        return {}

    def _bordering_region(self, region: Node) -> set[Node]:
        found: set[Node] = set()
        by_region = self.networks_by_region
        for neighbour, _ in self.both(region, "BORDERS"):
            found.update(by_region.get(neighbour, ()))
        return found

    def cooperating_networks(self, network: Node) -> set[Node]:
        """Other networks linked to this one on record: cooperation, sub-network consensus, a shared
        member or a joint activity (the four forms of cooperation OM109 and the gap list accept)."""
        linked = set(map(_first, self.both(network, "COOPERATES_WITH")))
        linked.update(map(_first, self.both(network, "SUB_NETWORK_OF")))
        memberships = self._out.get("MEMBER_OF", _NO_EDGES)
        for organisation, _ in self.inc(network, "MEMBER_OF"):
            linked.update(map(_first, memberships.get(organisation, ())))
        held = self._in.get("HELD", _NO_EDGES)
        for activity, _ in self.out(network, "HELD"):
            linked.update(map(_first, held.get(activity, ())))
        linked.discard(network)
        return linked

    def group_of(self, organisation: Node) -> Node:
        """The top of an organisation's parent chain: partners under one parent act as one."""
        current, seen = organisation, {organisation}
        while parents := self.out(current, "SUBSIDIARY_OF"):
            current = parents[0][0]
            if current in seen:
                break
            seen.add(current)
        return current
