"""om-graph map networks|ambassadors|audit: offline interactive maps, one self-contained HTML file each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

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

MinSharedOpt = Annotated[
    Optional[int],
    typer.Option("--min-shared", min=1, metavar="N", show_default=False,
                 help="Draw links with at least N shared partners (and every cooperation); "
                      "default: all, or each network's 3 strongest when the map is dense."),
]
MaxNodesOpt = Annotated[
    int, typer.Option("--max-nodes", min=1, metavar="N", help="Above N networks, show them per Land (Bundesland).")
]
PlanOpt = Annotated[
    int, typer.Option("--plan", min=0, metavar="K", help="Show where K new ambassadors would cover the most (the plan's regions, numbered).")
]
AggregateOpt = Annotated[
    int, typer.Option("--max-nodes", min=1, metavar="N",
                      help="Above N networks, aggregate them as the map's subtitle says: per Land on a graph, "
                           "counted markers on the map of Germany."),
]
GeoOpt = Annotated[bool, typer.Option("--geo", help="Draw the networks at their regions on the map of Germany instead of as a graph.")]


@app.command("networks")
@takes_source()
def networks(
    source: Source,
    output: OutputFileOpt,
    as_of: AsOfOpt = None,
    lang: LangOpt = Lang.en,
    redact_persons: RedactOpt = False,
    min_shared: MinSharedOpt = None,
    max_nodes: MaxNodesOpt = 1000,
) -> None:
    """The network of networks: networks sized by partners, links by shared partners, bridging organisations.

    Isolated networks are set apart and labelled; a dense map draws each network's strongest
    links (--min-shared N to choose); above --max-nodes networks the map shows the Länder at
    their places. The title gives the date the map describes (--as-of). The map names
    organisations only, so --redact-persons changes nothing but the subtitle.
    """
    from om_graph.features.maps import networks_map
    from om_graph.features.maps.networks import SHEETS

    with reported_errors():
        day = source.audit_date(as_of)
        with source.open(redact=redact_persons, status=DRAWING, sheets=SHEETS) as engine:
            drawn = networks_map(engine, lang=lang.value, as_of=day, redacted=redact_persons, min_shared=min_shared,
                                 max_nodes=max_nodes)
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
    plan: PlanOpt = 0,
    max_nodes: AggregateOpt = 1000,
) -> None:
    """Ambassadors (Botschafter) on the map of Germany: Länder or Kreise filled by coverage, gaps (OM401, OM404) outlined.

    Networks and ambassadors sit at their regions; a side list zooms to each uncovered region;
    --plan K adds the planner's K regions as a layer. Regions without a known code are listed.
    """
    from om_graph.audit.profile import load_profile
    from om_graph.features.coverage.report import SHEETS
    from om_graph.features.maps import ambassadors_map

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = source.audit_date(as_of)
        with source.open(redact=redact_persons, status=DRAWING, sheets=SHEETS) as engine:
            drawn = ambassadors_map(
                engine, level=level and level.value, as_of=day, lang=lang.value, redacted=redact_persons,
                profile=chosen_profile, plan_k=plan, max_nodes=max_nodes,
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
    geo: GeoOpt = False,
    level: LevelOpt = None,
    min_shared: MinSharedOpt = None,
    max_nodes: AggregateOpt = 1000,
) -> None:
    """The audit: networks by implementation stage (1-4, colour and shape), each with its findings.

    As a graph of shared partners, or with --geo on the map of Germany (--level state|district).
    """
    from om_graph.audit.profile import load_profile
    from om_graph.audit.run import NETWORK_AUDIT_SHEETS
    from om_graph.features.maps import audit_map

    with reported_errors():
        chosen_profile = load_profile(profile)
        day = source.audit_date(as_of)
        with source.open(redact=redact_persons, status=DRAWING, sheets=NETWORK_AUDIT_SHEETS) as engine:
            drawn = audit_map(engine, as_of=day, lang=lang.value, redacted=redact_persons, profile=chosen_profile,
                              geo=geo, level=(level.value if level else chosen_profile.ambassadors.level), min_shared=min_shared,
                              max_nodes=max_nodes)
        _write(drawn, output)


def _write(drawn, output: Path) -> None:
    from om_graph.features.maps import render_html

    from om_graph.cli.language import ui_lang
    from om_graph.i18n import t

    deliver(render_html(drawn), output, detail=t("map.counts", ui_lang(), nodes=len(drawn.nodes), edges=len(drawn.edges)))
