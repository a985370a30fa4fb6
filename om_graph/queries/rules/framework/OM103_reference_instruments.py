"""OM103: reference instruments not used recently."""

from __future__ import annotations

from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph
from om_graph.queries.rules.base import Hit, Param, Rule, RuleContext, Scope, Severity, networks_without_recent


class ReferenceInstruments(Rule):
    """The network has recorded no use of OM's reference instruments in the window.

    Why: "Es hilft mit, die Referenzinstrumente der Offensive Mittelstand umzusetzen
    (INQA-Unternehmenscheck sowie die weiteren Instrumente [...])" (2012 criteria,
    Rahmenbedingungen, item 4). Helping to put them to use is an ongoing task, so a year
    without any use means the network has likely stopped doing it.

    Fails: the last instrument_use was 14 months before the audit date.
    Passes: an INQA-Unternehmenscheck workshop 3 months before the audit date.
    """

    code = "OM103"
    name = "framework.reference_instruments"
    severity = Severity.warning
    source = "001 Rahmenbedingungen, item 4"
    scope = Scope.both
    scope_source = '001 Rahmenbedingungen: "Ein regionales oder fachliches Netzwerk [...] erfüllt folgende Kriterien"'
    title = {"en": "Reference instruments not used", "de": "Referenzinstrumente nicht eingesetzt"}
    message = {
        "en": "no use of the reference instruments (INQA-Unternehmenscheck etc.) in the last "
        "{window_months} months; last use: {last_use}",
        "de": "kein Einsatz der Referenzinstrumente (INQA-Unternehmenscheck u. a.) in den letzten "
        "{window_months} Monaten; zuletzt: {last_use}",
    }
    params = {"window_months": Param(12, "Months back in which an instrument use must be recorded")}
    planted = {"no_instruments": 0.15}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        return networks_without_recent(graph, ctx, "instrument_use", "last_use")
