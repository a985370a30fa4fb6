"""The history as a table, Markdown or JSON: one row per audit, the stage counts over time.

Each row shows the networks per stage (and outside the stages) with the change since the row
before, and a short hash of the data, so an unchanged hash says the same data was audited again.
"""

from __future__ import annotations

import html
import json
from typing import Any, Sequence

from om_graph.features.history.snapshot import OUTSIDE, STAGES, Snapshot
from om_graph.i18n import format_date, profile_word, t
from om_graph.output import terminal_safe

FORMATS = ("table", "markdown", "json")


def history_rows(snapshots: Sequence[Snapshot]) -> list[dict[str, Any]]:
    """Plain rows (the JSON document's ``audits``), oldest first."""
    rows = []
    for snap in snapshots:
        counts = snap.stage_counts()
        rows.append(
            {
                "file": snap.path.name if snap.path else None,
                "as_of": snap.as_of.isoformat(),
                "saved_at": snap.saved_at,
                "profile": snap.profile,
                "engine": snap.engine,
                "om_graph": snap.version,
                "dataset_sha256": snap.dataset.get("sha256"),
                "dataset_basis": snap.dataset.get("basis"),
                "networks": len(snap.networks),
                "stages": {str(k): v for k, v in counts.items()},
                "findings": snap.severity_counts(),
            }
        )
    return rows


def render_history(snapshots: Sequence[Snapshot], fmt: str, lang: str = "en") -> str:
    rows = history_rows(snapshots)
    if fmt == "json":
        return json.dumps({"audits": rows}, ensure_ascii=False, indent=2) + "\n"
    headers = [
        t("history.col.as_of", lang), t("history.col.profile", lang), t("history.col.data", lang),
        t("history.col.networks", lang), *(t("stage.name", lang, stage=s) for s in STAGES),
        t("history.col.outside", lang), t("history.col.errors", lang), t("history.col.file", lang),
    ]
    body = []
    previous: dict[str, int] | None = None
    for row, snap in zip(rows, snapshots):
        stages = row["stages"]
        cells = [
            format_date(snap.as_of, lang),
            profile_word(row["profile"], lang),
            (row["dataset_sha256"] or "-")[:12],
            str(row["networks"]),
            *(_count(stages[str(s)], previous and previous[str(s)]) for s in STAGES),
            _count(stages[OUTSIDE], previous and previous[OUTSIDE]),
            str(row["findings"].get("error", 0)),
            row["file"] or "-",
        ]
        body.append(cells)
        previous = stages
    title = t("history.title", lang, count=len(rows))
    if fmt == "markdown":
        lines = [f"# {title}", "", "| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
        lines += ["| " + " | ".join(html.escape(c, quote=False).replace("|", "\\|") for c in cells) + " |" for cells in body]
        return terminal_safe("\n".join(lines) + "\n")
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(headers)]
    lines = [title, ""]
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
    lines += ["  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() for cells in body]
    if not body:
        lines.append(t("word.none", lang))
    return terminal_safe("\n".join(lines) + "\n")  # profile names and file names are the user's


def _count(now: int, before: int | None) -> str:
    """``3`` or, when it changed since the audit before, ``3 (+1)``."""
    if before is None or before == now:
        return str(now)
    return f"{now} ({now - before:+d})"
