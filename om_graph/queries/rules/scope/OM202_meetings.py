"""OM202: too few meetings in the last year."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity


class Meetings(Rule):
    """The network met fewer times in the last year than the criteria require.

    Why: a network "tagt mindestens zweimal im Jahr" (2012 criteria, Handlungsrahmen,
    item 3). Meetings are where partners coordinate; without them the network exists on
    paper only.

    Fails: an OM network with one meeting in the last 12 months (another 13 months ago).
    Passes: an OM network with two meetings in the last 12 months.
    """

    code = "OM202"
    name = "scope.meetings"
    severity = Severity.error
    source = "001 Handlungsrahmen, item 3"
    scope = Scope.both
    scope_source = '001 Handlungsrahmen: "Handlungsrahmen für ein Regionales oder fachliches Netzwerk"'
    title = {"en": "Too few meetings", "de": "Zu wenige Treffen"}
    message = {
        "en": "{meetings} meeting(s) in the last {window_months} months, at least {min_meetings} required",
        "de": "{meetings} Treffen in den letzten {window_months} Monaten, mindestens {min_meetings} erforderlich",
    }
    params = {
        "min_meetings": Param(2, "Smallest number of meetings within the window"),
        "window_months": Param(12, "Length of the window in months, ending on the audit date"),
    }
    planted = {"few_meetings": 0.07}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        window = ctx.params["window_months"]
        for network in ctx.networks(graph):
            meetings = sum(ctx.within_months(a.get("date"), window) for a in graph.activities(network, "meeting"))
            if meetings < ctx.params["min_meetings"]:
                yield Hit(network, {"meetings": meetings})
