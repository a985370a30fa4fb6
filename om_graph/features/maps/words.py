"""The maps' own words in English and German (OM's official German terms), for ``i18n.pick``."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # page furniture
    "search": {"en": "Search", "de": "Suche"},
    "search.hint": {"en": "name or id", "de": "Name oder Kennung"},
    "search.matches": {"en": "{count} match(es)", "de": "{count} Treffer"},
    "legend": {"en": "Legend", "de": "Legende"},
    "filter.hint": {"en": "untick to hide", "de": "abwählen zum Ausblenden"},
    "details": {"en": "Details", "de": "Details"},
    "details.hint": {"en": "click a node", "de": "Knoten anklicken"},
    "counts": {"en": "{nodes} nodes, {edges} edges", "de": "{nodes} Knoten, {edges} Kanten"},
    "layout.running": {"en": "arranging the layout…", "de": "Anordnung wird berechnet …"},
    "redacted": {"en": "persons redacted (pseudonyms)", "de": "Personen pseudonymisiert"},
    # networks map
    "networks.title": {"en": "OM network of networks", "de": "OM-Netzwerk der Netzwerke"},
    "networks.subtitle": {
        "en": "node size: partners; edge width: shared partners",
        "de": "Knotengröße: Partner; Kantenbreite: gemeinsame Partner",
    },
    "legend.regional": {"en": "regional network", "de": "regionales Netzwerk"},
    "legend.thematic": {"en": "thematic network", "de": "fachliches Netzwerk"},
    "legend.bridging": {
        "en": "bridging organisation (the only link between some of its networks)",
        "de": "verbindende Organisation (einzige Verbindung zwischen einigen ihrer Netzwerke)",
    },
    "legend.shared": {"en": "shared partners", "de": "gemeinsame Partner"},
    "legend.cooperation": {"en": "cooperation on record", "de": "vereinbarte Kooperation"},
    "legend.membership": {"en": "membership of a bridging organisation", "de": "Mitgliedschaft einer verbindenden Organisation"},
    "tip.network": {
        "en": "{name}\n{kind} network, status {status}\n{partners} partner(s)\n"
        "linked networks: {degree}, betweenness {betweenness}, community {community}",
        "de": "{name}\n{kind} Netzwerk, Status {status}\n{partners} Partner\n"
        "verbundene Netzwerke: {degree}, Zwischenzentralität {betweenness}, Gemeinschaft {community}",
    },
    "tip.bridging": {
        "en": "{name}\nbridging organisation, member of {count} networks:\n{networks}",
        "de": "{name}\nverbindende Organisation, Mitglied in {count} Netzwerken:\n{networks}",
    },
    "tip.link": {
        "en": "{source} – {target}\n{shared} shared partner(s){cooperation}",
        "de": "{source} – {target}\n{shared} gemeinsame(r) Partner{cooperation}",
    },
    "tip.link.cooperation": {"en": "\ncooperation on record", "de": "\nvereinbarte Kooperation"},
    "kind.regional": {"en": "regional", "de": "regionales"},
    "kind.thematic": {"en": "thematic", "de": "fachliches"},
    # ambassadors map
    "ambassadors.title": {"en": "OM ambassadors and regional coverage", "de": "OM-Botschafter und regionale Abdeckung"},
    "ambassadors.subtitle": {
        "en": "regions by {level}, coloured by the share of networks, intermediaries and companies an ambassador covers",
        "de": "Regionen je {level}, eingefärbt nach dem Anteil der Netzwerke, Intermediäre und Unternehmen, die ein Botschafter abdeckt",
    },
    "level.state": {"en": "federal state", "de": "Bundesland"},
    "level.district": {"en": "district", "de": "Kreis"},
    "legend.coverage.full": {"en": "region fully covered", "de": "Region vollständig abgedeckt"},
    "legend.coverage.partial": {"en": "region partly covered", "de": "Region teilweise abgedeckt"},
    "legend.coverage.none": {"en": "region not covered", "de": "Region nicht abgedeckt"},
    "legend.without_ambassador": {
        "en": "OM401: OM networks or partners but no ambassador",
        "de": "OM401: OM-Netzwerke oder Partner, aber kein Botschafter",
    },
    "legend.white_spot": {
        "en": "OM404: white spot, neither a network nor an ambassador",
        "de": "OM404: weißer Fleck, weder Netzwerk noch Botschafter",
    },
    "legend.ambassador": {"en": "ambassador (Botschafter)", "de": "Botschafter"},
    "legend.network": {"en": "OM network", "de": "OM-Netzwerk"},
    "legend.ambassador_region": {"en": "ambassador's region", "de": "Region des Botschafters"},
    "legend.ambassador_network": {"en": "network the ambassador is active in", "de": "Netzwerk, in dem der Botschafter aktiv ist"},
    "legend.network_region": {"en": "network in the region", "de": "Netzwerk in der Region"},
    "tip.region": {
        "en": "{name} ({id})\ncovered: {covered} of {total} ({share})\nnetworks {networks}, intermediaries {intermediaries}, companies {companies}",
        "de": "{name} ({id})\nabgedeckt: {covered} von {total} ({share})\nNetzwerke {networks}, Intermediäre {intermediaries}, Unternehmen {companies}",
    },
    "tip.gap": {"en": "\n{code}: {message}", "de": "\n{code}: {message}"},
    "tip.ambassador": {
        "en": "{name}\nambassador (Botschafter)\nregions: {regions}\nnetworks: {networks}",
        "de": "{name}\nBotschafter\nRegionen: {regions}\nNetzwerke: {networks}",
    },
    "tip.network.short": {"en": "{name}\nOM network", "de": "{name}\nOM-Netzwerk"},
    # audit map
    "audit.title": {"en": "OM networks by implementation stage, as of {as_of}", "de": "OM-Netzwerke nach Umsetzungsstadium, Stand {as_of}"},
    "audit.subtitle": {
        "en": "colour: stage (1–4); size: number of findings; edges: shared partners; click a network for its findings",
        "de": "Farbe: Umsetzungsstadium (1–4); Größe: Zahl der Befunde; Kanten: gemeinsame Partner; "
        "Netzwerk anklicken für seine Befunde",
    },
    "legend.stage": {"en": "stage {stage}: {meaning}", "de": "Umsetzungsstadium {stage}: {meaning}"},
    "tip.audit": {
        "en": "{name}\nstage {stage}: {reasons}\n{count} finding(s){findings}",
        "de": "{name}\nUmsetzungsstadium {stage}: {reasons}\n{count} Befund(e){findings}",
    },
    "tip.finding": {"en": "\n• {code} ({severity}): {message}", "de": "\n• {code} ({severity}): {message}"},
}
