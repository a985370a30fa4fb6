"""Audit history: each audit kept as one file, read back as :class:`Snapshot` s for history, diff and briefing.

``snapshot`` is the one form every reader uses, ``record`` makes the saved form of an audit,
``store`` writes and reads the history folder (never overwriting), ``render`` lists it.
"""

from om_graph.features.history.record import audit_record, file_fingerprint, graph_fingerprint, snapshot_of
from om_graph.features.history.snapshot import OUTSIDE, STAGES, FindingState, NetworkState, Snapshot
from om_graph.features.history.store import history, load, save

__all__ = [
    "OUTSIDE",
    "STAGES",
    "FindingState",
    "NetworkState",
    "Snapshot",
    "audit_record",
    "file_fingerprint",
    "graph_fingerprint",
    "history",
    "load",
    "save",
    "snapshot_of",
]
