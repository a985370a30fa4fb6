"""The whole property graph as GraphML, GEXF or a Kumu blueprint, for Gephi, yEd, Cytoscape, igraph or Kumu.

Nodes and relationships are exactly the graph model's rows (:mod:`om_graph.dataset.graph`),
from a dataset (:func:`from_dataset`) or read back from Neo4j (:func:`from_neo4j`: om-graph's
part of the database only), and the same rows give the same bytes. A node's id is
``Label:id`` (unique across labels); it carries ``label`` (what a viewer shows: the name,
else the title, else the id), ``type`` (its graph label), ``om_id`` (its own id) and every
property; a relationship carries ``type`` and its properties. Networks also carry what the
audit says of them (``stage``, ``findings``, ``errors``, ``warnings``) and whether an
ambassador covers them (``ambassador_covered``); regions whose ``code`` is a Land or Kreis,
and networks at such regions, carry map coordinates ``x`` and ``y``
(:mod:`~om_graph.features.export.annotate`). GraphML and GEXF hold scalars only: dates
become ISO strings, lists are joined with ``"; "``, and blank values are left out.

Each format follows its reader: GraphML declares ``label`` as a key (Gephi's label) and adds
yEd's ``nodegraphics`` extension (``y:ShapeNode/y:NodeLabel``), so yEd shows names too; GEXF
1.2 gives ``label`` and ``viz:position``; the JSON is Kumu's blueprint. With
``redact_persons`` every Person's id, name and e-mail are replaced by the pseudonyms of
:mod:`om_graph.privacy`, in nodes and relationships.

Every format is written as a stream (:func:`write_export`): the document is never held in
memory, only the rows it is made of, and the file appears only once it is complete.

>>> from om_graph.dataset.model import Dataset, Network
>>> data = export_graph(from_dataset(Dataset(networks=[Network(id="n1", name="OM Net", kind="regional")])), "json")
>>> {k: json.loads(data)["elements"][0][k] for k in ("id", "label", "type")}
{'id': 'Network:n1', 'label': 'OM Net', 'type': 'Network'}
"""

from __future__ import annotations

import datetime as dt
import io
import json  # noqa: F401  (the example above)
import threading
from functools import partial
from pathlib import Path
from typing import Any, Callable

from om_graph.audit.run import NETWORK_AUDIT_SHEETS
from om_graph.dataset.graph import NODES, GraphRows, graph_rows
from om_graph.dataset.model import Dataset
from om_graph.engines.contract import Params, Query, Row
from om_graph.errors import SheetNotRead, UsageError
from om_graph.features.export import pending
from om_graph.features.export.annotate import audited_networks, places
from om_graph.features.export.kumu import write_kumu
from om_graph.features.export.model import Annotations, ExportGraph
from om_graph.features.export.pending import Pending
from om_graph.features.export.xml import write_gexf, write_graphml

__all__ = ["FORMATS", "ExportGraph", "dataset_rows", "export_graph", "from_dataset", "from_neo4j", "from_rows", "write_export"]

FORMATS = ("graphml", "gexf", "json")
_WRITERS = {"graphml": write_graphml, "gexf": write_gexf, "json": write_kumu}
#: Bytes the file object gathers before each write to disk.
_BUFFER = 1 << 20


def from_dataset(dataset: Dataset, *, redact_persons: bool = False, as_of: dt.date | None = None) -> ExportGraph:
    """The export of a dataset: its rows, audited (as of ``as_of``, default today) on the embedded engine."""
    return from_rows(dataset_rows(dataset), redact_persons=redact_persons, as_of=as_of)


def dataset_rows(dataset: Dataset) -> GraphRows:
    """A dataset's graph rows. Call it as ``from_rows(dataset_rows(load()))`` and the dataset's records are
    freed before the audit runs: at scale 100 they are a third of the memory the export needs."""
    from om_graph.dataset.bulk import paused_gc

    with paused_gc():
        return graph_rows(dataset)


def from_rows(rows: GraphRows, *, redact_persons: bool = False, as_of: dt.date | None = None) -> ExportGraph:
    """The export of graph rows, audited on the embedded engine built on those very rows (the graph is held once).

    A large graph is audited in a forked child while the export is written (:mod:`.pending`).
    """
    day = as_of or dt.date.today()
    networks = Pending(partial(_audited_rows, rows, day), fork=pending.worth_forking(sum(rows.counts())))
    return ExportGraph(rows, Annotations(networks=networks, points=places(rows)), redact_persons)


#: The sheets the networks' audit reads: its rules and stages, and ambassador coverage (coverage/networks).
#: tests/test_export_pending.py holds the audit of these to the audit of every row.
AUDIT_SHEETS = NETWORK_AUDIT_SHEETS | {"ambassadors"}


def _audited_rows(rows: GraphRows, as_of: dt.date) -> dict[str, dict[str, Any]]:
    """The networks' audit on the rows of :data:`AUDIT_SHEETS`; on every row should a rule read another sheet
    (the graph of some sheets fails loudly on any other, :class:`~om_graph.engines.embedded.graph.NotHeld`)."""
    from om_graph.dataset.bulk import paused_gc

    try:
        with paused_gc():
            engine = _EmbeddedRows(of_sheets(rows, AUDIT_SHEETS))
        return audited_networks(engine, as_of)
    except SheetNotRead:
        with paused_gc():
            engine = _EmbeddedRows(rows)
        return audited_networks(engine, as_of)


def of_sheets(rows: GraphRows, sheets: frozenset[str]) -> GraphRows:
    """The rows made from ``sheets`` (and read at all), sharing their lists with ``rows``."""
    part = GraphRows(sheets=sheets if rows.sheets is None else rows.sheets & sheets)
    part.nodes = {spec.label: rows.nodes[spec.label] for spec in NODES if spec.label in rows.nodes and part.holds(spec)}
    part.rels = {spec: rels for spec, rels in rows.rels.items() if part.holds(spec)}
    return part


def from_neo4j(engine: Any, *, redact_persons: bool = False, as_of: dt.date | None = None) -> ExportGraph:
    """The export of om-graph's part of the Neo4j database ``engine`` reads, audited there in Cypher.

    The audit runs on the server while the graph is read: both are mostly the server's work,
    and it has a core for each.
    """
    from om_graph.dataset.bulk import paused_gc
    from om_graph.engines.neo4j.read import read_graph_rows

    audit = _Background(audited_networks, engine, as_of or dt.date.today())
    with paused_gc():
        rows = read_graph_rows(engine)
    return ExportGraph(rows, Annotations(networks=audit.result(), points=places(rows)), redact_persons)


def write_export(graph: ExportGraph, fmt: str, path: Path) -> None:
    """Stream ``graph`` in ``fmt`` to ``path``, all or nothing (:func:`om_graph.output.atomic_file`)."""
    from om_graph.output import atomic_file

    writer = _writer(fmt)
    with atomic_file(Path(path)) as tmp, open(tmp, "w", encoding="utf-8", newline="\n", buffering=_BUFFER) as out:
        writer(graph, out)


def export_graph(graph: ExportGraph, fmt: str) -> bytes:
    """``graph`` in ``fmt`` as bytes (for tests and small graphs; files are written by :func:`write_export`)."""
    writer = _writer(fmt)
    out = io.StringIO()
    writer(graph, out)
    return out.getvalue().encode("utf-8")


def _writer(fmt: str) -> Any:
    if fmt not in _WRITERS:
        raise UsageError(f"--format: choose one of {', '.join(FORMATS)}")
    return _WRITERS[fmt]


class _Background:
    """``work(*args)`` in a thread of its own; :meth:`result` waits for it and returns or raises what it did.

    A daemon thread: should the caller fail first, closing the driver ends the work.
    """

    def __init__(self, work: Callable[..., Any], *args: Any) -> None:
        self._outcome: dict[str, Any] = {}
        self._thread = threading.Thread(target=self._run, args=(work, *args), name="om-graph-export-audit", daemon=True)
        self._thread.start()

    def _run(self, work: Callable[..., Any], *args: Any) -> None:
        try:
            self._outcome["value"] = work(*args)
        except BaseException as exc:  # handed to the caller
            self._outcome["error"] = exc

    def result(self) -> Any:
        self._thread.join()
        if "error" in self._outcome:
            raise self._outcome["error"]
        return self._outcome["value"]


class _EmbeddedRows:
    """The embedded engine on rows already made: :class:`~om_graph.engines.embedded.EmbeddedEngine` builds its own
    from a dataset, which would hold a second copy of a large graph."""

    name = "embedded"

    def __init__(self, rows: GraphRows) -> None:
        from om_graph.engines.embedded.graph import EmbeddedGraph

        self.graph = EmbeddedGraph(rows)

    def rows(self, query: Query, params: Params) -> list[Row]:
        return list(query.run(self.graph, params))

