"""om-graph map networks|ambassadors|audit: offline interactive maps, one self-contained HTML file each."""

from __future__ import annotations

from pathlib import Path

import typer

from om_graph.cli.errors import reported_errors
from om_graph.cli.options import AsOfOpt, Lang, LangOpt, LevelOpt, OutputFileOpt, ProfileOpt, RedactOpt
from om_graph.cli.progress import deliver
from om_graph.cli.source import Source, takes_source

app = typer.Typer(
    help="Draw an interactive map as one HTML file that works offline: networks, ambassadors or audit.",
    no_args_is_help=True,
)

DRAWING = "drawing the map"


@app.command("networks")
@takes_source()
def networks(
    source: Source,
    output: OutputFileOpt,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
) -> None:
    """The network of networks: networks sized by partners, links by shared partners, bridging organisations.

    The title gives the date the map describes (--as-of). The map names organisations only, so
    --redact-persons changes nothing but the subtitle.
    """
    from om_graph.features.maps import networks_map

    with reported_errors():
        day = source.audit_date(as_of)
        with source.open(redact=redact_persons, status=DRAWING) as engine:
            drawn = networks_map(engine, lang=lang.value, as_of=day, redacted=redact_persons)
        _write(drawn, output)


@app.command("ambassadors")
@takes_source()
def ambassadors(
    source: Source,
    output: OutputFileOpt,
    level: LevelOpt = None,
    profile: ProfileOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
) -> None:
    """Ambassadors (Botschafter): regions coloured by coverage, gaps (OM401, OM404) marked, what each one covers."""
    from om_graph.audit.profile import load_profile
    from om_graph.features.maps import ambassadors_map

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = source.audit_date(as_of)
        with source.open(redact=redact_persons, status=DRAWING) as engine:
            drawn = ambassadors_map(
                engine, level=level and level.value, as_of=day, lang=lang.value, redacted=redact_persons, profile=chosen_profile
            )
        _write(drawn, output)


@app.command("audit")
@takes_source()
def audit(
    source: Source,
    output: OutputFileOpt,
    as_of: AsOfOpt = None,
    profile: ProfileOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
) -> None:
    """The audit: networks coloured by implementation stage (1-4), each with its findings."""
    from om_graph.audit.profile import load_profile
    from om_graph.features.maps import audit_map

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = source.audit_date(as_of)
        with source.open(redact=redact_persons, status=DRAWING) as engine:
            drawn = audit_map(engine, as_of=day, lang=lang.value, redacted=redact_persons, profile=chosen_profile)
        _write(drawn, output)


def _write(drawn, output: Path) -> None:
    from om_graph.features.maps import render_html

    deliver(render_html(drawn), output, detail=f"{len(drawn.nodes)} nodes, {len(drawn.edges)} edges")
