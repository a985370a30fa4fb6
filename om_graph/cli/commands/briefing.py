"""om-graph briefing: one document for the Leitungskreis: what to decide today, and what changed since last time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from om_graph.cli.commands.history import source_fingerprint, source_label
from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, Lang, LangOpt, LevelOpt, ProfileOpt, RedactOpt
from om_graph.cli.progress import deliver
from om_graph.cli.source import Source, takes_source

BaselineOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--baseline",
        metavar="AUDIT",
        help="An earlier audit (saved with audit --save, or audit --format json) to show what changed since.",
        show_default=False,
    ),
]
BriefingOutputOpt = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="The file to write: .html (printable to A4), .xlsx, or .pdf (needs Chromium).",
                 show_default=False),
]


@takes_source()
def briefing(
    source: Source,
    output: BriefingOutputOpt = None,
    baseline: BaselineOpt = None,
    profile: ProfileOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.en,
    add: Annotated[
        Optional[int],
        typer.Option("--add", metavar="K", min=1, help="New Botschafter to propose (default: the profile's, 3).", show_default=False),
    ] = None,
    level: LevelOpt = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=0.01, help="Seconds the exact planner may take before greedy is used.")
    ] = 30.0,
    redact_persons: RedactOpt = False,
) -> None:
    """The Leitungskreis briefing as one file: what to decide today, and what changed since --baseline.

    Cover, the landscape at a glance, the decision each stage asks for, conflicts, what all can do together,
    Botschafter and a plan for new ones, an annex of every network. HTML is one self-contained page that
    loads nothing and prints to A4; xlsx holds the same content and the full lists; pdf is the page printed
    by headless Chromium.
    """
    from om_graph.audit.profile import load_profile
    from om_graph.features.briefing import build_briefing, check_output, dataset_meta, render_briefing
    from om_graph.features.history import load

    with reported_errors():
        fmt = check_output(output, lang.value)
        chosen = load_profile(profile)
        earlier = load(baseline) if baseline is not None else None
        day = source.audit_date(as_of)
        meta = {} if source.in_neo4j else dataset_meta(source.path, source.example)
        with source.open(redact=redact_persons, status="preparing the briefing") as engine:
            made = build_briefing(
                engine,
                as_of=day,
                profile=chosen,
                lang=lang.value,
                source=source_label(source, lang.value),
                meta=meta,
                fingerprint=source_fingerprint(source, engine),
                baseline=earlier,
                plan_k=add,
                level=level and level.value,
                time_limit=time_limit,
                redacted=redact_persons,
            )
        deliver(render_briefing(made, fmt), output)
