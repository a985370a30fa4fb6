"""OM107: no report to the Plenum recently."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity, networks_without_recent


class PlenumReport(Rule):
    """The network has not reported to the OM Plenum in the window.

    Why: "Es informiert das Plenum der Offensive Mittelstand über die Arbeit des Netzwerkes
    (persönlich durch Partner oder schriftlich) und die darin entwickelten Ergebnisse"
    (2012 criteria, Rahmenbedingungen, item 7). The Plenum meets about once a year; a
    network that has not reported in a year leaves OM not knowing its work.

    Fails: the last plenum_report is dated 2024-06-30 and the audit date is 2025-06-30.
    Passes: a written report to the Plenum dated 2024-12-05.
    """

    code = "OM107"
    name = "framework.plenum_report"
    severity = Severity.error
    source = "001 Rahmenbedingungen, item 7"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "No report to the Plenum", "de": "Kein Bericht an das Plenum"}
    message = {
        "en": "no report to the Plenum in the last {window_months} months; last report: {last_report}",
        "de": "kein Bericht an das Plenum in den letzten {window_months} Monaten; zuletzt: {last_report}",
    }
    params = {"window_months": Param(12, "Months back in which a report to the Plenum must be recorded")}
    planted = {"no_plenum_report": 0.1}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        return networks_without_recent(graph, ctx, "plenum_report", "last_report")
