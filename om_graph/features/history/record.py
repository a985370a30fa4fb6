"""Make the saved form of an audit (see :mod:`.snapshot`): the report plus what it was an audit of.

The hash of the data says whether two audits read the same data. For a dataset (PATH or the
example) it is the SHA-256 of its files as they are on disk (``basis: files``): cheap, and what
a user can check with ``sha256sum``. Neo4j holds no file, so there it is the SHA-256 of what
om-graph reads of the graph (``basis: graph-2``): the canonical rows of the networks,
members, cooperations, regions, contacts and ambassadors queries, the same on either engine for
the same data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from om_graph import __version__
from om_graph.audit.profile import Profile
from om_graph.audit.render.data import report_dict
from om_graph.audit.run import AuditResult
from om_graph.engines.contract import Engine
from om_graph.features.history.snapshot import FORMAT, VERSION, Snapshot, plain
from om_graph.queries.registry import run_query

#: What the graph fingerprint reads: the data behind the audit, none of it date-dependent. The links
#: between networks follow from the memberships and cooperations, so they are not read again (at
#: scale 100 ``network/links`` is 535,228 rows and ``network/memberships`` 219,755; ``network/members``
#: holds the same memberships in 4,000).
FINGERPRINT_QUERIES = (
    "network/networks",
    "network/members",
    "network/cooperations",
    "network/regions",
    "network/contacts",
    "coverage/ambassadors",
)
#: The basis a graph fingerprint names: "graph" was the hash of an earlier set of queries, so a save of an
#: earlier om-graph is not taken to hold the same data, or other data, by a hash made another way.
GRAPH_BASIS = "graph-2"


def audit_record(
    engine: Engine,
    result: AuditResult,
    profile: Profile,
    *,
    source: str,
    fingerprint: dict[str, str] | None = None,
    saved_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The saved form of ``result``, an audit of ``engine``'s graph; ``source`` says where the data came from."""
    states: dict[str, str] = {}
    places: dict[str, set[str]] = {}
    for row in run_query(engine, "network/regions"):
        places.setdefault(row["network_id"], set())
        if row["state_id"] is not None:
            places[row["network_id"]].add(row["state_id"])
            states[row["state_id"]] = row["state_name"] or row["state_id"]
    facts = {row["id"]: row for row in run_query(engine, "network/networks")}
    networks = {}
    # Networks the audit lists apart (outside the stages) have no reasons; read whatever the audit holds.
    for stage in [*result.stages, *getattr(result, "apart", ())]:
        network_id = stage.network_id
        row = facts.get(network_id, {})
        networks[network_id] = {
            "status": row.get("status"),
            "kind": row.get("kind"),
            "states": sorted(places.get(network_id, ())),
            "reasons": [plain(reason) for reason in getattr(stage, "reasons", ())],
        }
    saved = (saved_at or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    return {
        "format": FORMAT,
        "version": VERSION,
        "saved_at": saved.isoformat().replace("+00:00", "Z"),
        "as_of": result.as_of.isoformat(),
        "om_graph": __version__,
        "profile": {"name": profile.name, "settings": profile.model_dump(mode="json", exclude={"briefing"})},
        "dataset": {"source": source, **(fingerprint or graph_fingerprint(engine))},
        "states": dict(sorted(states.items())),
        "networks": networks,
        "report": report_dict(result),
    }


def snapshot_of(engine: Engine, result: AuditResult, profile: Profile, *, source: str, fingerprint: dict[str, str] | None = None) -> Snapshot:
    """The audit as a :class:`Snapshot` without saving it (what the briefing reads)."""
    return Snapshot.from_json(audit_record(engine, result, profile, source=source, fingerprint=fingerprint))


def file_fingerprint(path: Path) -> dict[str, str]:
    """SHA-256 of a dataset file, or of a folder's files (names and bytes, in name order; hidden files left out)."""
    digest = hashlib.sha256()
    if path.is_dir():
        for file in sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")):
            digest.update(file.name.encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    else:
        digest.update(path.read_bytes())
    return {"sha256": digest.hexdigest(), "basis": "files"}


def graph_fingerprint(engine: Engine) -> dict[str, str]:
    """SHA-256 of the canonical rows om-graph reads of the graph (:data:`FINGERPRINT_QUERIES`)."""
    digest = hashlib.sha256()
    for name in FINGERPRINT_QUERIES:
        digest.update(name.encode("utf-8") + b"\0")
        for row in run_query(engine, name):
            digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8") + b"\n")
    return {"sha256": digest.hexdigest(), "basis": GRAPH_BASIS}


def record_json(record: dict[str, Any]) -> str:
    """The saved form as text: indented, keys in a fixed order, UTF-8 as is."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
