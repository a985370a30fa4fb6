"""A history folder: one file per saved audit, never overwritten, read back in date order.

Files are named ``audit-<as-of>-<saved UTC time>.json`` (``-2``, ``-3`` ... when two are
saved within a second), so a folder listing is readable and nothing is ever replaced: each
file is written through :func:`om_graph.output.write_new`, which refuses a taken name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from om_graph.errors import InputError
from om_graph.features.history.record import record_json
from om_graph.features.history.snapshot import Snapshot
from om_graph.output import OutputError, write_new

#: How many names :func:`save` tries before giving up (a folder with that many saves in one second).
_ATTEMPTS = 1000


def save(folder: Path, record: dict[str, Any]) -> Path:
    """Write ``record`` as a new file in ``folder`` (created if missing) and return its path."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file; --save needs a folder for the audit history")
    stamp = record["saved_at"].replace("-", "").replace(":", "")
    stem = f"audit-{record['as_of']}-{stamp}"
    text = record_json(record)
    for attempt in range(1, _ATTEMPTS + 1):
        path = folder / (f"{stem}.json" if attempt == 1 else f"{stem}-{attempt}.json")
        if path.exists():
            continue
        try:
            write_new(path, text)
            return path
        except OutputError:
            continue  # another writer took the name between the check and the link
    raise OutputError(f"{folder}: no free file name for {stem}.json")


def load(path: Path) -> Snapshot:
    """A saved audit or a JSON report from ``path``; one clear line when it is neither."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give one saved audit or JSON report (om-graph history lists a folder)")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; give a saved audit or om-graph audit --format json output") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    return Snapshot.from_json(data, path)


def history(folder: Path) -> list[Snapshot]:
    """Every audit in ``folder``, by as-of date, then by when it was saved, then by file name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; save audits into it with om-graph audit ... --save {folder}")
    snapshots = [load(p) for p in sorted(folder.glob("*.json")) if not p.name.startswith(".")]
    return sorted(snapshots, key=lambda s: (s.as_of, s.saved_at or "", s.path.name if s.path else ""))
