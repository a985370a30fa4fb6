"""OM201: the network's name shows neither its region or topic, nor OM."""

from __future__ import annotations

import re
from typing import Iterator

from om_graph.engines.embedded.graph import EmbeddedGraph, Node
from om_graph.queries.rules.base import NOT_ON_RECORD, Hit, Rule, RuleContext, Scope, Severity

#: The standalone uppercase word OM, as in "OM-Netzwerk Oberfranken" (not "Zoom" or "om").
OM_WORD = re.compile(r"\bOM\b")
UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))


class NetworkName(Rule):
    """The network's name refers to neither its region nor its topic, or it does not show OM.

    Why: a network "sollte einen eigenen Namen führen, in dem der Bezug zur Region oder zum
    Fachthema deutlich wird. Wird der Bezug zur Offensive Mittelstand im Namen des Netzwerkes
    nicht deutlich, macht das Netzwerk öffentlich deutlich, dass es auch ein Partnernetzwerk
    der Offensive Mittelstand ist – durch Führen des Partner-Logos auf der Homepage"
    (2012 criteria, Handlungsrahmen, item 2). ``no_reference``: the name contains none of the
    words that refer to its region or topic: the name or an alias of a region it covers or of
    any region above one (the country excepted: Deutschland is above every region and makes
    no region clear), its topic, and the name and keywords of that topic in ``topics``. Words
    are compared whole, ignoring case and umlaut spelling (Münster = muenster; "Münster" is
    not in "Münsterland": give the alias). ``no_om_mark``: neither "Offensive Mittelstand"
    nor the word OM is in the name and the record says the homepage shows no partner logo;
    with the logo not on record that part is not on record.

    Fails: "Unternehmerforum Süd" covering Bayern, without partner logo on its homepage.
    Passes: "OM-Regionalgruppe Rheinland-Pfalz Nord" covering Neuwied (Rheinland-Pfalz is above it).
    Not on record: "Netzwerk Gesund arbeiten" (topic keyword gesund) with logo_on_homepage blank.
    """

    code = "OM201"
    name = "scope.name"
    severity = Severity.warning
    source = "001 Handlungsrahmen, item 2"
    scope = Scope.both
    scope_source = '001 Handlungsrahmen, item 2: "der Bezug zur Region oder zum Fachthema"'
    title = {"en": "Name without region, topic or OM", "de": "Name ohne Bezug zu Region, Thema oder OM"}
    message = {
        "en": "name problem(s): {problems}",
        "de": "Mängel im Namen: {problems}",
    }
    not_on_record_message = {
        "en": "not on record: OM is not in the name; please check whether the homepage shows the OM partner logo",
        "de": "nicht erfasst: Offensive Mittelstand steht nicht im Namen; bitte prüfen, ob die Homepage das "
        "Partner-Logo zeigt",
    }
    planted = {"bad_name": 0.05}

    def check(self, graph: EmbeddedGraph, ctx: RuleContext) -> Iterator[Hit]:
        for network in ctx.networks(graph):
            props = graph.props(network)
            name = props.get("name", "")
            problems, unknown = [], []
            words = name_words(name)
            if not any((ref := name_words(r)) != " " and ref in words for r in references(graph, network)):
                problems.append("no_reference")
            has_mark = "offensive mittelstand" in name.lower() or OM_WORD.search(name) is not None
            logo = props.get("logo_on_homepage")
            if not has_mark and logo is None:
                unknown.append("logo_on_homepage")
            elif not has_mark and logo is not True:
                problems.append("no_om_mark")
            if problems:
                yield Hit(network, {"problems": problems, **({"unknown": unknown} if unknown else {})})
            elif unknown:
                yield Hit(network, {NOT_ON_RECORD: True, "unknown": unknown})


def name_words(text: str) -> str:
    """Text as its words, lower case, umlauts spelt out, padded: word containment is substring containment.

    >>> name_words("OM-Netzwerk Münster/Coesfeld")
    ' om netzwerk muenster coesfeld '
    """
    text = text.lower()
    for umlaut, spelt in UMLAUTS:
        text = text.replace(umlaut, spelt)
    return " " + "".join(f"{word} " for word in "".join(c if c.isalpha() or c.isnumeric() else " " for c in text).split())


def references(graph: EmbeddedGraph, network: Node) -> list[str]:
    """What the name may refer to: covered regions and those above them (not the country), their
    aliases, the topic, and its topic row's name and keywords."""
    props = graph.props(network)
    found: list[str] = [props.get("topic") or ""]
    for covered, _ in graph.out(network, "COVERS"):
        for region in (covered, *graph.ancestors(covered)):
            region_props = graph.props(region)
            if region == covered or region_props.get("level") != "country":
                found += [region_props.get("name", region[1]), *(region_props.get("aliases") or ())]
    for topic, _ in graph.out(network, "ON_TOPIC"):
        topic_props = graph.props(topic)
        found += [topic_props.get("name", topic[1]), *(topic_props.get("keywords") or ())]
    return found
