"""Synthetic landscapes of German business-support networks, for demos, tests and benchmarks.

:func:`generate_landscape` invents a whole :class:`~om_graph.dataset.model.Dataset`: Germany with
its 16 federal states and 400 districts (real names, ISO 3166-2 codes and district keys,
from ``data/regions_de.yaml``), and on top of it invented organisations, people and
networks with the skew of the real world:

* network sizes are heavy-tailed (lognormal: a few large state-wide networks, many small
  local ones); organisations take part in several networks (a few hubs in very many, some
  in none); regional networks overlap and border each other; thematic networks share topics;
* most networks are plausible and well run, and a realistic minority fails a criterion
  (``DEFECT_RATES``). At scale 1 every rule OM101-OM504 fires somewhere and every
  implementation stage 1-4 occurs when audited as of :data:`REFERENCE_DATE` (checked for
  40 seeds at scales 0.5, 1 and 2; smaller landscapes may miss a rule).

At scale 1 the landscape is about the size of the Offensive Mittelstand today: 40 networks,
500 organisations, about 2,000 memberships, 100 persons, 15 ambassadors, 50
self-declarations. Everything except the regions and the Praxis-Check catalogue grows
linearly with the scale, and so does the time to generate it (about 2 s and 0.4 GB at
scale 100).

Larger scales are the wider landscape of German business support, shaped as it is in
reality: the 400 districts do not grow, and neither do the few state-wide networks and the
clusters of districts (``STATEWIDE_PER_STATE``, ``CLUSTERS_PER_DISTRICT``); growth goes into
local and thematic networks, and thematic topics become more specific ("Digitalisierung im
Handwerk"). OM's own rule allows one OM network per region or topic, so a district holds at
most ``OM_LOCAL_PER_DISTRICT`` local OM networks and a topic ``OM_PER_TOPIC`` thematic ones;
the further networks there are business-support networks that are OM partners only
(``partner_only``). Most co-located OM networks record their consensus (SUB_NETWORK_OF), so
unresolved overlaps (OM111) stay a minority, and the number of networks a network overlaps
stays bounded: audits cost about linearly in the scale.

The same ``(scale, seed)`` always gives the same dataset: all randomness comes from one
``random.Random(seed)``, nothing iterates over a hash-ordered collection, and every date is
relative to :data:`REFERENCE_DATE` (audit with ``as_of=REFERENCE_DATE`` to reproduce the
findings). People and organisations are invented (placeholder surnames, invented place
names, e-mail addresses and homepages on example.org); region names and codes are real.

>>> ds = generate_landscape(0.25, seed=7)
>>> len(ds.networks), len(ds.regions)
(10, 417)
>>> generate_landscape(0.25, seed=7) == ds
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from functools import lru_cache
from importlib.resources import files
from statistics import NormalDist
from typing import Any

import yaml

from om_graph.dataset.bulk import paused_gc
from om_graph.errors import UsageError
from om_graph.dataset.model import (
    INTERMEDIARY_KINDS,
    Activity,
    AmbassadorNetwork,
    AmbassadorRegion,
    Approach,
    Border,
    CheckItem,
    Contact,
    Cooperation,
    Criticism,
    Dataset,
    Membership,
    Network,
    NetworkRegion,
    Organisation,
    OrganisationKind,
    Person,
    PlannedAction,
    Rating,
    Region,
    SelfDeclaration,
    SubNetwork,
)
from om_graph.dataset.dates import months_before

#: Every date of a generated landscape is relative to this day; audit as of it.
REFERENCE_DATE = dt.date(2025, 6, 30)

#: Counts at scale 1 (about the Offensive Mittelstand today); all grow linearly with the scale.
PER_SCALE = {
    "networks": 40,
    "organisations": 500,
    "persons": 100,
    "ambassadors": 15,
    "self_declarations": 50,
}

#: Network sizes (member organisations) are lognormal: median and shape. With the share of
#: tiny and isolated networks this gives about 2,000 memberships per 40 networks.
SIZE_MEDIAN = 37.0
SIZE_SIGMA = 0.95
#: No network has more members than this share of all organisations.
SIZE_CAP_SHARE = 0.4

#: Shares of the networks (and of the regional networks by the area they cover).
THEMATIC_SHARE = 0.25
SCOPE_SHARES = (("state", 0.15), ("cluster", 0.55), ("district", 0.30))
STATUS_SHARES = (("withdrawn", 0.05), ("partner_only", 0.05), ("applied", 0.08))

#: Share of the OM networks (status applied or recognised) with each weakness, and the
#: rule or stage it shows in. At least one of each from 10 OM networks on.
DEFECT_RATES: dict[str, float] = {
    "no_contacts": 0.04,  # stage 1, OM301, OM302
    "criticism": 0.05,  # stage 1
    "quiet": 0.07,  # stage 2: contacts, but no meeting or report in the last 12 months
    "incomplete_application": 0.07,  # OM101
    "principles": 0.06,  # OM102
    "no_instruments": 0.15,  # OM103
    "tiny": 0.04,  # OM104
    "few_local_intermediaries": 0.07,  # OM105 (regional)
    "one_group_contacts": 0.08,  # OM106
    "no_plenum_report": 0.10,  # OM107
    "no_briefing": 0.15,  # OM108
    "isolated": 0.05,  # OM109 (regional)
    "overlap": 0.02,  # OM111 (regional): works where another network does, no consensus recorded
    "closed": 0.03,  # OM110
    "bad_name": 0.05,  # OM201
    "few_meetings": 0.07,  # OM202
    "one_contact": 0.05,  # OM301
    "no_intermediary_contact": 0.06,  # OM302
    "commercial": 0.03,  # OM303
    "no_new_partners": 0.07,  # OM304
}
_REGIONAL_ONLY = frozenset({"few_local_intermediaries", "isolated", "overlap"})
#: Weaknesses no state-wide network has.
_NOT_STATEWIDE = frozenset({"few_local_intermediaries", "isolated", "overlap", "tiny"})
#: Weaknesses only given to networks without certain others (which would hide them).
_EXCLUSIVE: dict[str, tuple[str, ...]] = {
    "overlap": ("isolated",),
    "one_contact": ("no_contacts", "one_group_contacts"),
    "one_group_contacts": ("no_contacts",),
    "no_intermediary_contact": ("no_contacts",),
}

#: Share of the self-declarations with each weakness (OM501, OM502 twice, OM503, OM504).
DECLARATION_DEFECT_RATES = {"unrated": 0.2, "short_plan": 0.15, "vague_plan": 0.1, "form": 0.08, "expired": 0.18}

#: Chances of recorded consensus (SUB_NETWORK_OF; the rest are unresolved overlaps, OM111): a
#: second state-wide network with the first; a local network with the state-wide ones, and with
#: every local OM network that already worked where it works (else with all but one of them); a
#: thematic network with the earlier one on its topic.
SUB_NETWORK_STATE = 0.95
SUB_NETWORK_DISTRICT = 0.95
SUB_NETWORK_TOPIC = 0.85

#: What does not grow with the scale (see the module docstring): state-wide networks per state,
#: clusters of districts per district, OM networks per district and per topic, ambassadors
#: serving a whole state.
STATEWIDE_PER_STATE = 2
CLUSTERS_PER_DISTRICT = 0.5
OM_LOCAL_PER_DISTRICT = 3
OM_PER_TOPIC = 2
STATE_AMBASSADORS_PER_STATE = 3

_DAY = dt.timedelta(days=1)
_REF = REFERENCE_DATE.toordinal()
_CUTOFF_12 = months_before(REFERENCE_DATE, 12).toordinal()  # "last 12 months": after this day
_CUTOFF_24 = months_before(REFERENCE_DATE, 24).toordinal()


# --------------------------------------------------------------------------------------------
# Word lists: invented places, people and organisations; real topics and instruments.
# --------------------------------------------------------------------------------------------

_PLACE_HEADS = (
    "Alt", "Birk", "Brun", "Dorn", "Eich", "Eisen", "Erlen", "Fels", "Gold", "Grün", "Hain", "Hasel",
    "Hoch", "Kalk", "Kron", "Lind", "Mühl", "Nieder", "Ober", "Rosen", "Sand", "Schön", "Sonn",
    "Stein", "Tann", "Wacholder", "Weiden", "Wiesen",
)
_PLACE_TAILS = (
    "au", "bach", "berg", "brück", "bühl", "dorf", "eck", "feld", "furt", "hagen", "hausen", "heim",
    "hof", "ingen", "rode", "stedt", "tal", "wald", "weiler", "winkel",
)
_FIRST_NAMES = (
    "Anna", "Ben", "Clara", "David", "Elif", "Emil", "Felix", "Greta", "Hannah", "Ilka", "Jana",
    "Jonas", "Katrin", "Lea", "Leonie", "Lukas", "Mara", "Max", "Nils", "Olga", "Paul", "Ronja",
    "Sophie", "Sven", "Tanja", "Tim", "Uwe", "Vera", "Yusuf", "Zoe",
)
_SURNAME_ROOTS = (
    "Beispiel", "Muster", "Platzhalter", "Probe", "Vorlage", "Entwurf", "Modell", "Schablone",
    "Exempel", "Fiktiv",
)
_SURNAME_TAILS = ("", "mann", "berg", "hagen", "meier", "feld", "er", "stein", "brink", "hof")
_TRADES = (
    "Metallbau", "Feinwerktechnik", "Holzbau", "Elektrotechnik", "Logistik", "Druckerei",
    "Kunststofftechnik", "Haustechnik", "Lebensmittel", "Pflegedienste", "Software", "Maschinenbau",
)
_LEGAL = ("GmbH", "GmbH & Co. KG", "KG", "e.K.", "AG")
_N_PLACES = len(_PLACE_HEADS) * len(_PLACE_TAILS)

#: Name patterns of organisations by kind; {place} is an invented place name.
_ORG_NAMES: dict[str, tuple[str, ...]] = {
    "chamber_of_commerce": ("IHK {place}", "IHK-Geschäftsstelle {place}"),
    "chamber_of_crafts": ("Handwerkskammer {place}", "Kreishandwerkerschaft {place}"),
    "business_association": ("Unternehmerverband {place}", "Wirtschaftsvereinigung {place} e.V."),
    "employer_association": ("Arbeitgeberverband {place}", "Arbeitgeberverband Metall {place}"),
    "trade_union": ("Gewerkschaftsbüro {place}", "Gewerkschaft Industrie, Bezirk {place}"),
    "accident_insurer": ("Berufsgenossenschaft {place}", "Unfallkasse {place}"),
    "health_insurer": ("Betriebskrankenkasse {place}", "Gesundheitskasse {place}"),
    "economic_development": ("Wirtschaftsförderung {place}", "Regionalentwicklung {place} GmbH"),
    "employment_agency": ("Agentur für Arbeit {place}", "Jobcenter {place}"),
    "research_institute": ("Institut für Arbeitsforschung {place}", "Hochschule {place}, Transferstelle"),
    "public_authority": ("Landratsamt {place}", "Amt für Arbeitsschutz {place}"),
    "consultancy": (
        "Beratungshaus {surname} & Partner", "{surname} Unternehmensberatung", "{place}er Personalberatung",
    ),
    "company": ("{place}er {trade} {legal}", "{surname} {trade} {legal}"),
    "other": ("Förderverein Mittelstand {place} e.V.", "Stiftung Arbeit {place}"),
}
#: Parent organisations (groups): their name and the one of their branches.
_GROUP_NAMES: dict[str, tuple[str, str]] = {
    "accident_insurer": ("Berufsgenossenschaft {place}, Hauptverwaltung", "Berufsgenossenschaft {place}, Zentrum {branch}"),
    "health_insurer": ("Gesundheitskasse {place}, Landesdirektion", "Gesundheitskasse {place}, Geschäftsstelle {branch}"),
    "business_association": ("Unternehmerverband {place}, Landesverband", "Unternehmerverband {place}, Gruppe {branch}"),
    "employer_association": ("Arbeitgeberverband {place}, Dachverband", "Arbeitgeberverband {place}, Büro {branch}"),
    "trade_union": ("Gewerkschaft {place}, Vorstand", "Gewerkschaft {place}, Bezirk {branch}"),
    "consultancy": ("{place}er Beratungsgruppe AG", "{place}er Beratungsgruppe, Büro {branch}"),
    "company": ("{place}er Holding AG", "{place}er Werk {branch} GmbH"),
}

#: Kinds of the organisations that are not group heads, with their weights.
_KIND_WEIGHTS = (
    ("chamber_of_commerce", 6), ("chamber_of_crafts", 5), ("business_association", 9),
    ("employer_association", 5), ("trade_union", 4), ("accident_insurer", 4), ("health_insurer", 4),
    ("economic_development", 9), ("employment_agency", 3), ("research_institute", 6),
    ("public_authority", 4), ("consultancy", 22), ("company", 17), ("other", 2),
)
#: Kinds of the local intermediaries a regional network is built around.
_ANCHOR_KINDS = (
    ("chamber_of_commerce", 5), ("chamber_of_crafts", 5), ("economic_development", 6),
    ("business_association", 3), ("employer_association", 2), ("employment_agency", 2),
    ("health_insurer", 1), ("public_authority", 1), ("research_institute", 1),
)

#: Topics of thematic networks (the first ones are the most common).
_TOPICS = (
    "Digitalisierung", "Gesundheit im Betrieb", "Fachkräftesicherung", "Arbeitsschutz",
    "Führung und Unternehmenskultur", "Demografischer Wandel", "Innovation", "Nachhaltigkeit",
    "Unternehmensnachfolge", "Personalentwicklung", "Vereinbarkeit von Familie und Beruf",
    "Künstliche Intelligenz", "Qualifizierung", "Prävention", "Energieeffizienz", "Resilienz",
    "Vielfalt im Betrieb", "Wissensmanagement",
)
_INSTRUMENTS = (
    "INQA-Unternehmenscheck", "INQA-Unternehmenscheck", "OM-Praxis-Check",
    "INQA-Check Personalführung", "INQA-Check Gesundheit", "INQA-Check Wissen und Kompetenz",
)
_GOALS = (
    "Gute Arbeit und wirtschaftlichen Erfolg in kleinen und mittleren Unternehmen fördern",
    "Betriebe der Region bei Fachkräftesicherung und Digitalisierung unterstützen",
    "Die Praxishilfen der Offensive Mittelstand in die Betriebe bringen",
    "Partner der Region vernetzen und gemeinsam Betriebe beraten",
)
_APPROACHES = (
    "Regelmäßige Netzwerktreffen, Einsatz der Checks durch autorisierte Berater",
    "Veranstaltungsreihe mit den Kammern, Betriebsbesuche, Check-Tage",
    "Arbeitskreise zu Schwerpunktthemen, Berichte an das Plenum",
    "Gemeinsame Sprechtage der Partner, Schulung von Multiplikatoren",
)
_CRITICISMS = (
    "Beschwerde eines Partners: das Netzwerk vertritt einseitig die Interessen eines Mitglieds",
    "Hinweis eines Partners: Netzwerktreffen finden seit langem nicht mehr statt",
    "Beschwerde: kostenpflichtige Beratung wird als OM-Angebot beworben",
    "Hinweis: Ansprechpartner nicht erreichbar, Anfragen bleiben unbeantwortet",
)
_URGENCIES = ("hoch", "mittel", "niedrig")
_RESPONSIBLE = ("Geschäftsführung", "Personalleitung", "Betriebsrat", "Fachkraft für Arbeitssicherheit",
                "Teamleitung Produktion", "Qualitätsmanagement")
_CONTROLS = ("Quartalsgespräch", "Kennzahl im Monatsbericht", "Mitarbeiterbefragung", "Internes Audit",
             "Besprechung im Führungskreis")
#: Qualifiers that make a thematic network's topic more specific once the plain topics are taken.
_TOPIC_QUALIFIERS = (
    "im Handwerk", "in der Industrie", "in der Pflege", "im Handel", "in der Logistik", "in der Bauwirtschaft",
    "im Gastgewerbe", "in der IT-Branche", "für Gründerinnen und Gründer", "in Familienunternehmen",
    "in der Landwirtschaft", "im Gesundheitswesen", "in der Metall- und Elektroindustrie", "im Öffentlichen Dienst",
    "in der Kreativwirtschaft", "in Kleinstbetrieben", "in der Chemie", "im Tourismus", "in der Energiewirtschaft",
    "in der Lebensmittelwirtschaft",
)
_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember")

#: The Praxis-Check catalogue: topic -> checkpoints -> measures (fixed, does not scale).
_CHECK_CATALOGUE: tuple[tuple[str, tuple[tuple[str, tuple[str, str]], ...]], ...] = (
    ("Strategie", (
        ("Die Ziele des Unternehmens sind schriftlich festgelegt", (
            "Jahresziele mit dem Team vereinbaren",
            "Einmal im Jahr eine Strategieklausur halten",
        )),
        ("Markt und Wettbewerb werden regelmäßig beobachtet", (
            "Kundenbefragung durchführen",
            "Wettbewerbsvergleich erstellen",
        )),
    )),
    ("Liquidität", (
        ("Die Liquidität wird vorausschauend geplant", (
            "Liquiditätsplan für zwölf Monate aufstellen",
            "Forderungsmanagement einführen",
        )),
        ("Die Finanzierung ist gesichert", (
            "Bankgespräch jährlich vorbereiten",
            "Fördermittel prüfen",
        )),
    )),
    ("Führung", (
        ("Führungskräfte führen Mitarbeitergespräche", (
            "Jährliche Mitarbeitergespräche einführen",
            "Gesprächsleitfaden erstellen",
        )),
        ("Entscheidungen werden nachvollziehbar kommuniziert", (
            "Regelmäßige Teamrunden einführen",
            "Informationswege festlegen",
        )),
    )),
    ("Personal", (
        ("Der Personalbedarf ist geplant", (
            "Altersstrukturanalyse durchführen",
            "Nachfolge für Schlüsselstellen planen",
        )),
        ("Beschäftigte werden gezielt qualifiziert", (
            "Qualifizierungsplan erstellen",
            "Wissenstransfer zwischen Generationen organisieren",
        )),
    )),
    ("Gesundheit und Arbeitsschutz", (
        ("Gefährdungen werden beurteilt", (
            "Gefährdungsbeurteilung aktualisieren",
            "Psychische Belastung einbeziehen",
        )),
        ("Gesundheit wird im Betrieb gefördert", (
            "Gesundheitstag durchführen",
            "Ergonomie der Arbeitsplätze prüfen",
        )),
    )),
    ("Innovation und Digitalisierung", (
        ("Neue Ideen werden systematisch aufgegriffen", (
            "Ideenmanagement einführen",
            "Innovationsworkshop durchführen",
        )),
        ("Digitale Werkzeuge werden gezielt eingesetzt", (
            "Digitalisierungsstand erheben",
            "Beschäftigte im Umgang mit neuer Software schulen",
        )),
    )),
)


# --------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------


class _Geo:
    """Germany as compact, index-based lists (districts and states are ints)."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.country_id: str = raw["country"]["id"]
        self.country_name: str = raw["country"]["name"]
        self.state_ids: list[str] = []
        self.state_names: list[str] = []
        self.state_population: list[float] = []
        self.state_districts: list[list[int]] = []
        self.district_ids: list[str] = []
        self.district_names: list[str] = []
        self.district_state: list[int] = []
        for s, state in enumerate(raw["states"]):
            self.state_ids.append(state["id"])
            self.state_names.append(state["name"])
            self.state_population.append(float(state["population_m"]))
            members = []
            for key, name in state["districts"].items():
                members.append(len(self.district_ids))
                self.district_ids.append(str(key))
                self.district_names.append(name)
                self.district_state.append(s)
            self.state_districts.append(members)
        state_index = {sid: i for i, sid in enumerate(self.state_ids)}
        district_index = {did: i for i, did in enumerate(self.district_ids)}
        self.state_borders: list[tuple[int, int]] = _unique_pairs(
            (state_index[a], state_index[b]) for a, b in raw["state_borders"]
        )
        self.district_borders: list[tuple[int, int]] = _unique_pairs(
            [*self._inner_borders(), *((district_index[a], district_index[b]) for a, b in raw["district_borders"])]
        )
        self.state_neighbours: list[list[int]] = [[] for _ in self.state_ids]
        for a, b in self.state_borders:
            self.state_neighbours[a].append(b)
            self.state_neighbours[b].append(a)
        self.district_neighbours: list[list[int]] = [[] for _ in self.district_ids]
        for a, b in self.district_borders:
            self.district_neighbours[a].append(b)
            self.district_neighbours[b].append(a)

    def _inner_borders(self) -> list[tuple[int, int]]:
        """Approximate neighbours inside a state: key order (a chain with some shortcuts) and names."""
        pairs = []
        for members in self.state_districts:
            for i in range(len(members) - 1):
                pairs.append((members[i], members[i + 1]))
                if i % 2 == 0 and i + 2 < len(members):
                    pairs.append((members[i], members[i + 2]))
            by_name = {self.district_names[d]: d for d in members}
            for d in members:
                name = self.district_names[d]
                parts = [name.removeprefix("Landkreis ")] if name.startswith("Landkreis ") else name.split("-")
                for part in parts:
                    other = by_name.get(part)
                    if other is not None and other != d:
                        pairs.append((d, other))
        return pairs


def _unique_pairs(pairs: Any) -> list[tuple[int, int]]:
    """Pairs without self-loops and duplicates in either direction, first orientation kept."""
    seen: dict[tuple[int, int], tuple[int, int]] = {}
    for a, b in pairs:
        if a != b:
            seen.setdefault((min(a, b), max(a, b)), (a, b))
    return list(seen.values())


@lru_cache(maxsize=1)
def _geo() -> _Geo:
    text = (files("om_graph.dataset") / "data" / "regions_de.yaml").read_text(encoding="utf-8")
    return _Geo(yaml.safe_load(text))


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


class _Net:
    """A network while it is being built (indexes, not records)."""

    __slots__ = (
        "anchors", "contacts", "covers", "defects", "demoted", "district_set", "districts", "earlier", "founded", "idx",
        "kind", "members", "name", "scope", "size", "state", "status", "topic",
    )

    def __init__(self, idx: int) -> None:
        self.idx = idx
        self.kind = "regional"
        self.scope = ""  # state | cluster | district | "" (thematic)
        self.status = "recognised"
        self.defects: frozenset[str] = frozenset()
        self.state = -1  # the state it works in (-1: nationwide)
        self.districts: list[int] = []  # districts it covers (all of them for a state network)
        self.district_set: frozenset[int] = frozenset()
        self.covers: list[str] = []  # region ids of its network_regions rows
        self.topic: str | None = None
        self.name = ""
        self.size = 0
        self.founded = _REF
        self.anchors: list[int] = []
        self.members: list[int] = []
        self.contacts: list[tuple[int, str]] = []  # (person, role)
        self.earlier: list[int] = []  # OM networks placed before it that work where it works
        self.demoted = False  # an active partner network where OM networks already work

    @property
    def id(self) -> str:
        return f"net-{self.idx + 1:05d}"

    @property
    def om(self) -> bool:
        return self.status in ("applied", "recognised")


def _count(key: str, scale: float) -> int:
    return max(1, round(PER_SCALE[key] * scale))


def _date(ordinal: int) -> dt.date:
    return dt.date.fromordinal(min(ordinal, _REF))


def _ascii(text: str) -> str:
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(a, b)
    return text.lower()


class _Builder:
    """Builds one landscape: first compact indexes (ints and lists), then the records."""

    def __init__(self, scale: float, seed: int) -> None:
        self.scale = scale
        self.rng = random.Random(seed)
        self.geo = _geo()
        rng, geo = self.rng, self.geo
        # Where organisations are: states by population, districts within them lognormal.
        raw = [rng.lognormvariate(0.0, 0.7) for _ in geo.district_ids]
        self.district_weight = [0.0] * len(raw)
        for s, members in enumerate(geo.state_districts):
            total = sum(raw[d] for d in members)
            for d in members:
                self.district_weight[d] = geo.state_population[s] * raw[d] / total
        # One small state stays a white spot: no regional OM network, no ambassador (OM404).
        small = [s for s, members in enumerate(geo.state_districts) if 2 <= len(members) <= 8]
        self.white_state = rng.choice(small)
        # Networks start in a district; a state's chance grows less than its population.
        self.home_districts = [d for d, s in enumerate(geo.district_state) if s != self.white_state]
        self.home_cum = _cumulative(
            [
                self.district_weight[d] * geo.state_population[geo.district_state[d]] ** -0.4
                for d in self.home_districts
            ]
        )
        self.all_cum = _cumulative(self.district_weight)
        self.topic_cum = _cumulative([1.0 / math.sqrt(r + 1) for r in range(len(_TOPICS))])
        self.topic_order = list(_TOPICS)
        rng.shuffle(self.topic_order)
        self.used_names: dict[str, int] = {}
        self.district_first: dict[int, int] = {}  # district -> first local network there
        self.om_taken: list[int] = []  # districts where local OM networks work
        self.state_networks: list[list[int]] = [[] for _ in geo.state_ids]  # state-wide OM networks
        self.state_taken = [0 for _ in geo.state_ids]  # state-wide networks per state
        self.topics_taken: dict[str, list[int]] = {}  # topic -> its OM networks
        self.district_om: list[list[int]] = [[] for _ in geo.district_ids]  # OM networks on each district
        self.group_heads: set[int] = set()
        self.newcomers: list[list[int]] = [[] for _ in geo.state_ids]  # organisations in no network, by state
        # organisations (parallel lists)
        self.org_kind: list[str] = []
        self.org_district: list[int] = []
        self.org_parent: list[int] = []
        self.org_place: list[int] = []
        self.org_weight: list[float] = []
        self.org_pooled: list[bool] = []
        self.org_intermediary: list[bool] = []
        self.org_partner: list[bool] = []
        # persons
        self.person_org: list[int] = []
        self.persons_of_org: dict[int, list[int]] = {}
        self.nets: list[_Net] = []
        self.sheets: dict[str, list[Any]] = {}

    # -- helpers -----------------------------------------------------------------------------
    def pick(self, cum: list[float]) -> int:
        """An index drawn with the weights whose running sums are ``cum``."""
        i = bisect.bisect_right(cum, self.rng.random() * cum[-1])
        return min(i, len(cum) - 1)

    def place_name(self, place: int) -> str:
        return _PLACE_HEADS[place // len(_PLACE_TAILS)] + _PLACE_TAILS[place % len(_PLACE_TAILS)]

    def unique_name(self, name: str) -> str:
        """Network names stay unique: a second 'OM-Netzwerk Köln' becomes 'OM-Netzwerk Köln Nord'."""
        n = self.used_names.get(name, 0)
        self.used_names[name] = n + 1
        if n == 0:
            return name
        suffixes = ("Nord", "Süd", "Ost", "West", "Mitte")
        candidate = f"{name} {suffixes[n - 1]}" if n <= len(suffixes) else f"{name} {n + 1}"
        return self.unique_name(candidate)

    def stratified(self, candidates: list[int], rate: float, guarantee: bool) -> list[int]:
        if not candidates:
            return []
        k = round(rate * len(candidates))
        if guarantee:
            k = max(1, k)
        return self.rng.sample(candidates, min(k, len(candidates)))

    # -- networks ----------------------------------------------------------------------------
    def plan_networks(self) -> None:
        rng = self.rng
        n = _count("networks", self.scale)
        nets = self.nets = [_Net(i) for i in range(n)]
        guarantee = n >= 10
        n_thematic = round(n * THEMATIC_SHARE)
        kinds = ["thematic"] * n_thematic + ["regional"] * (n - n_thematic)
        rng.shuffle(kinds)
        regional = []
        for net, kind in zip(nets, kinds):
            net.kind = kind
            if kind == "regional":
                regional.append(net)
        scopes: list[str] = []
        for scope, share in SCOPE_SHARES:
            scopes += [scope] * round(share * len(regional))
        scopes = (scopes + ["cluster"] * len(regional))[: len(regional)]
        rng.shuffle(scopes)
        # A few state-wide networks and clusters, however large the landscape: the rest are local.
        limits = {"state": STATEWIDE_PER_STATE * (len(self.geo.state_ids) - 1),
                  "cluster": round(CLUSTERS_PER_DISTRICT * len(self.geo.district_ids))}
        used = {"state": 0, "cluster": 0, "district": 0}
        for net, scope in zip(regional, scopes):
            if scope in limits and used[scope] >= limits[scope]:
                scope = "district"
            used[scope] += 1
            net.scope = scope
        # status
        order = list(range(n))
        rng.shuffle(order)
        pos = 0
        for status, share in STATUS_SHARES:
            k = max(1, round(share * n)) if guarantee else round(share * n)
            for i in order[pos : pos + k]:
                nets[i].status = status
            pos += k
        # weaknesses of OM networks
        defects: list[list[str]] = [[] for _ in nets]
        om_all = [net.idx for net in nets if net.om]
        om_regional = [net.idx for net in nets if net.om and net.kind == "regional"]
        for defect, rate in DEFECT_RATES.items():
            pool = om_regional if defect in _REGIONAL_ONLY else om_all
            if defect in _NOT_STATEWIDE:
                pool = [i for i in pool if nets[i].scope != "state"]
            if defect in _EXCLUSIVE:
                pool = [i for i in pool if not any(other in defects[i] for other in _EXCLUSIVE[defect])]
            for i in self.stratified(pool, rate, guarantee):
                defects[i].append(defect)
        for net, found in zip(nets, defects):
            if "isolated" in found or "overlap" in found:
                net.scope = "district"
            net.defects = frozenset(found)
        # founding: recognised networks are at least a year old, applied ones applied this year
        for net in nets:
            if net.status == "applied":
                net.founded = _REF - rng.randint(20, 330)
            elif net.status == "recognised":
                net.founded = _REF - rng.randint(400, 6200)
            else:
                net.founded = _REF - rng.randint(1500, 6200)
            if "no_new_partners" in net.defects:
                net.founded = min(net.founded, _CUTOFF_24 - rng.randint(60, 2000))
        special = ("isolated", "overlap")
        self.place_regional([net for net in regional if not any(d in net.defects for d in special)])
        for defect in special:
            self.place_regional([net for net in regional if defect in net.defects])
        for net in nets:
            if net.kind == "thematic":
                self.place_thematic(net)
        self.size_networks()

    def place_regional(self, nets: list[_Net]) -> None:
        """Choose the regions: a state, a cluster of neighbouring districts, or one district."""
        rng, geo = self.rng, self.geo
        for net in nets:
            if net.scope == "state":
                for attempt in range(40):  # prefer a state without a state-wide network yet
                    state = geo.district_state[self.home_districts[self.pick(self.home_cum)]]
                    taken = self.state_taken[state]
                    if taken == 0 or (attempt >= 4 and taken < STATEWIDE_PER_STATE):
                        break
                self.state_taken[state] += 1
                net.state = state
                net.districts = geo.state_districts[state]
                net.covers = [geo.state_ids[state]]
                if net.om:
                    net.earlier = list(self.state_networks[state])
                    self.state_networks[state].append(net.idx)
                continue
            if "isolated" in net.defects and self.om_taken:
                home = self.isolated_home()
            elif "overlap" in net.defects and self.om_taken:
                for _ in range(10):  # a district one other OM network works in: one unresolved pair
                    home = self.om_taken[rng.randrange(len(self.om_taken))]
                    if len(self.district_om[home]) == 1:
                        break
            else:
                home = self.home_districts[self.pick(self.home_cum)]
                for _ in range(3):  # prefer a district no other network works in yet
                    if home not in self.district_first:
                        break
                    home = self.home_districts[self.pick(self.home_cum)]
                if net.om and len(self.district_om[home]) >= OM_LOCAL_PER_DISTRICT:
                    for _ in range(6):  # else one with room for another OM network
                        home = self.home_districts[self.pick(self.home_cum)]
                        if len(self.district_om[home]) < OM_LOCAL_PER_DISTRICT:
                            break
            state = geo.district_state[home]
            members = geo.state_districts[state]
            districts = [home]
            if net.scope == "cluster" and len(members) > 1:
                k = min(len(members), rng.choice((2, 2, 3, 3, 4, 5)))
                start = members.index(home)
                for j in range(1, k):  # neighbours in key order, up to one another network works in
                    d = members[(start + j) % len(members)]
                    if d in self.district_first and len(districts) > 1:
                        break
                    districts.append(d)
            net.state = state
            net.districts = districts
            net.covers = [geo.district_ids[d] for d in districts]
            crowded = any(len(self.district_om[d]) >= OM_LOCAL_PER_DISTRICT for d in districts)
            if net.om and crowded and "overlap" not in net.defects:
                self.demote(net)  # one OM network per region: a further one there is a partner network
            if net.om:
                net.earlier = sorted({x for d in districts for x in self.district_om[d]})
            for d in districts:
                self.district_first.setdefault(d, net.idx)
                if net.om:
                    self.om_taken.append(d)
                    self.district_om[d].append(net.idx)
        for net in nets:
            net.district_set = frozenset(net.districts) if net.scope != "state" else frozenset()
            net.name = self.unique_name(self.regional_name(net))

    def demote(self, net: _Net) -> None:
        """Make ``net`` a business-support network that is an OM partner, not an OM network."""
        net.status = "partner_only"
        net.defects = frozenset()
        net.demoted = True

    def isolated_home(self) -> int:
        """A district next to one where other networks work, not itself taken (else that one)."""
        rng, geo = self.rng, self.geo
        taken = self.om_taken
        for _ in range(10):
            near = taken[rng.randrange(len(taken))]
            free = [
                d for d in geo.district_neighbours[near]
                if d not in self.district_first and geo.district_state[d] != self.white_state
            ]
            if free:
                return free[rng.randrange(len(free))]
        return taken[rng.randrange(len(taken))]

    def regional_name(self, net: _Net) -> str:
        rng, geo = self.rng, self.geo
        region = geo.state_names[net.state] if net.scope == "state" else geo.district_names[net.districts[0]]
        if "bad_name" in net.defects:
            if rng.random() < 0.5:  # neither region nor OM in the name
                place = self.place_name(rng.randrange(_N_PLACES))
                return f"{rng.choice(('Unternehmerkreis', 'Forum', 'Wirtschaftsrunde'))} {place}"
            return f"{rng.choice(('Mittelstandsforum', 'Unternehmerkreis'))} {region}"  # no OM mark
        if net.scope == "state":
            patterns = ("Offensive Mittelstand {r}", "Offensive Mittelstand {r}", "OM-Netzwerk {r}")
        elif net.scope == "cluster" and len(net.districts) > 1:
            second = geo.district_names[net.districts[1]]
            patterns = ("OM-Netzwerk {r}", "OM-Regionalnetzwerk {r} / " + second, "Offensive Mittelstand Region {r}",
                        "OM-Netzwerk Region {r}", "Mittelstandsallianz {r}")
        else:
            patterns = ("OM-Netzwerk {r}", "OM-Netzwerk {r}", "Offensive Mittelstand {r}", "OM-Netzwerk {r}",
                        "Unternehmensnetzwerk {r}")
        return rng.choice(patterns).format(r=region)

    def place_thematic(self, net: _Net) -> None:
        rng, geo = self.rng, self.geo
        for attempt in range(8):  # prefer a topic no other network works on yet, more specific if need be
            topic = self.topic_order[self.pick(self.topic_cum)]
            if attempt >= 3:
                topic = f"{topic} {_TOPIC_QUALIFIERS[rng.randrange(len(_TOPIC_QUALIFIERS))]}"
            if topic not in self.topics_taken:
                break
        on_topic = self.topics_taken.setdefault(topic, [])
        if net.om and len(on_topic) >= OM_PER_TOPIC:
            self.demote(net)
        if net.om:
            net.earlier = list(on_topic)
            on_topic.append(net.idx)
        net.topic = topic
        if rng.random() < 0.35:
            state = geo.district_state[self.home_districts[self.pick(self.home_cum)]]
            net.state = state
            net.covers = [geo.state_ids[state]]
        suffix = f" {geo.state_names[net.state]}" if net.state >= 0 else ""
        if "bad_name" in net.defects:
            net.name = self.unique_name(f"Arbeitskreis {self.place_name(rng.randrange(_N_PLACES))}{suffix}")
        else:
            patterns = ("OM-Fachnetzwerk {t}", "OM-Netzwerk {t}", "Offensive Mittelstand: {t}", "Fachkreis {t}")
            pattern = rng.choice(patterns)
            net.name = self.unique_name(pattern.format(t=topic) + suffix)

    def size_networks(self) -> None:
        """Lognormal sizes by quantile (so the skew is the same at every scale), big scopes biggest."""
        rng, nets = self.rng, self.nets
        n = len(nets)
        normal = NormalDist()
        sizes = sorted(
            SIZE_MEDIAN * math.exp(SIZE_SIGMA * normal.inv_cdf((i + 0.5) / n)) * rng.uniform(0.9, 1.1)
            for i in range(n)
        )
        factor = {"state": 4.0, "": 2.5, "cluster": 1.5, "district": 1.0}
        ranked = sorted(nets, key=lambda net: (factor[net.scope] * rng.lognormvariate(0.0, 0.6), net.idx))
        cap = max(3, int(SIZE_CAP_SHARE * _count("organisations", self.scale)))
        for net, size in zip(ranked, sizes):
            net.size = max(3, min(cap, round(size)))
            if "tiny" in net.defects:
                net.size = rng.choice((1, 2, 2))
            elif "isolated" in net.defects:
                net.size = rng.randint(4, 7)
            elif not net.om and not net.demoted and rng.random() < 0.5:
                net.size = min(net.size, rng.randint(3, 8))  # closed circles and lapsed networks

    # -- organisations -----------------------------------------------------------------------
    def add_org(
        self, kind: str, district: int, parent: int = -1, pooled: bool = True, weight: float = 1.0,
        partner: bool | None = None,
    ) -> int:
        rng = self.rng
        idx = len(self.org_kind)
        if partner is None:
            partner = rng.random() < (0.35 if kind == "company" else 0.9)
        self.org_partner.append(partner)
        self.org_kind.append(kind)
        self.org_district.append(district)
        self.org_parent.append(parent)
        self.org_place.append(rng.randrange(_N_PLACES))
        # an "other" organisation (a Verein, a foundation) is sometimes recorded as intermediary
        intermediary = OrganisationKind(kind) in INTERMEDIARY_KINDS or (kind == "other" and rng.random() < 0.3)
        self.org_intermediary.append(intermediary)
        self.org_weight.append(weight * rng.lognormvariate(0.0, 1.0) * (1.6 if intermediary else 1.0))
        self.org_pooled.append(pooled)
        return idx

    def make_organisations(self) -> None:
        rng, geo = self.rng, self.geo
        total = _count("organisations", self.scale)
        # group heads (parents): a few insurers, associations, a consultancy group, a holding
        group_kinds = list(_GROUP_NAMES)
        self.groups: dict[str, list[int]] = {k: [] for k in group_kinds}
        for i in range(max(2, round(10 * self.scale))):
            kind = group_kinds[i % len(group_kinds)]
            head = self.add_org(kind, self.pick(self.all_cum), weight=1.5)
            self.groups[kind].append(head)
            self.group_heads.add(head)
        # anchors: the local intermediaries each regional network is built around
        anchor_cum = _cumulative([w for _, w in _ANCHOR_KINDS])
        for net in self.nets:
            if net.kind != "regional":
                continue
            isolated = "isolated" in net.defects
            if "few_local_intermediaries" in net.defects:
                k = rng.randint(0, 2)
            elif isolated:
                k = min(net.size, rng.randint(3, 5))
            else:
                k = rng.randint(3, 4)
            k = min(k, net.size)
            for _ in range(k):
                kind = _ANCHOR_KINDS[self.pick(anchor_cum)][0]
                district = net.districts[rng.randrange(len(net.districts))]
                net.anchors.append(self.add_org(kind, district, pooled=not isolated, weight=2.0))
            if isolated:  # an isolated circle: its few other members belong to no one else
                for _ in range(net.size - k):
                    kind = rng.choice(("consultancy", "company"))
                    net.anchors.append(self.add_org(kind, net.districts[0], pooled=False))
        # the white spot still has an OM partner (so OM401 sees it too)
        if len(self.org_kind) < total:
            white = geo.state_districts[self.white_state]
            self.add_org("economic_development", white[rng.randrange(len(white))], partner=True)
        # everyone else: near the networks (by size) or anywhere
        net_cum = _cumulative([net.size if net.districts else 0.0 for net in self.nets])
        kind_cum = _cumulative([w for _, w in _KIND_WEIGHTS])
        for _ in range(max(0, total - len(self.org_kind))):
            kind = _KIND_WEIGHTS[self.pick(kind_cum)][0]
            r = rng.random()
            if r < 0.03:
                district = -1  # nationwide body without a district
            elif r < 0.68 and net_cum[-1] > 0:
                net = self.nets[self.pick(net_cum)]
                district = net.districts[rng.randrange(len(net.districts))]
            else:
                district = self.pick(self.all_cum)
            parent = -1
            if kind in self.groups and self.groups[kind] and rng.random() < 0.25:
                heads = self.groups[kind]
                parent = heads[rng.randrange(len(heads))]
            newcomer = rng.random() < 0.12  # in no network (yet): a target for the ambassadors
            org = self.add_org(kind, district, parent=parent, pooled=not newcomer)
            if newcomer and district >= 0:
                self.newcomers[geo.district_state[district]].append(org)
        # sampling indexes
        self.district_pool: list[list[int]] = [[] for _ in geo.district_ids]
        self.state_pool: list[list[int]] = [[] for _ in geo.state_ids]
        national, weights = [], []
        for o, district in enumerate(self.org_district):
            if not self.org_pooled[o]:
                continue
            national.append(o)
            weights.append(self.org_weight[o])
            if district >= 0:
                self.district_pool[district].append(o)
                self.state_pool[geo.district_state[district]].append(o)
        self.national = national
        self.national_cum = _cumulative(weights)

    def group(self, org: int) -> int:
        parent = self.org_parent[org]
        return org if parent < 0 else parent

    def national_pick(self) -> int:
        return self.national[self.pick(self.national_cum)]

    # -- memberships -------------------------------------------------------------------------
    def make_memberships(self) -> None:
        rng = self.rng
        rows: list[Membership] = []
        for net in self.nets:
            members = list(net.anchors)
            chosen = set(members)
            need = net.size - len(members)
            if "isolated" in net.defects:
                need = 0
            few = "few_local_intermediaries" in net.defects
            local_intermediaries = sum(1 for o in members if self.org_intermediary[o] and self.in_closure(net, o))
            attempts = 8 * need + 20
            retry = False
            while need > 0 and attempts > 0:
                attempts -= 1
                r = rng.random()
                if retry and self.national:  # after a clash: anyone, unweighted
                    pool = self.national
                elif net.kind == "regional" and r < 0.6:
                    if net.scope == "state":
                        pool = self.state_pool[net.state]
                    else:
                        pool = self.district_pool[net.districts[rng.randrange(len(net.districts))]]
                elif net.state >= 0 and r < 0.8:
                    pool = self.state_pool[net.state]
                else:
                    pool = None
                if pool:
                    org = pool[rng.randrange(len(pool))]
                elif self.national:
                    org = self.national_pick()
                else:
                    break
                retry = org in chosen
                if retry:
                    continue
                if few and self.org_intermediary[org] and self.in_closure(net, org):
                    if local_intermediaries >= 2:
                        continue
                    local_intermediaries += 1
                chosen.add(org)
                members.append(org)
                need -= 1
            net.members = members
            rows.extend(self.membership_rows(net))
        self.sheets["memberships"] = rows

    def in_closure(self, net: _Net, org: int) -> bool:
        district = self.org_district[org]
        if district < 0 or net.kind != "regional":
            return False
        if net.scope == "state":
            return self.geo.district_state[district] == net.state
        return district in net.district_set

    def membership_rows(self, net: _Net) -> list[Membership]:
        rng = self.rng
        span = max(1, _REF - net.founded)
        stale = "no_new_partners" in net.defects
        refusing = "no_intermediary_contact" in net.defects
        founders = max(1, len(net.members) * 2 // 5)
        since: list[int | None] = []
        for i in range(len(net.members)):
            if i < founders:
                day = net.founded + rng.randint(0, 30)
            else:
                day = net.founded + rng.randint(0, span)
            if stale:
                day = min(day, _CUTOFF_24 - rng.randint(1, 200))
            since.append(None if rng.random() < 0.02 else min(day, _REF))
        if not stale and since and not any(d is not None and d > _CUTOFF_24 for d in since):
            since[rng.randrange(len(since))] = _REF - rng.randint(10, 600)  # won a new partner lately
        rows = []
        net_id = net.id
        for org, day in zip(net.members, since):
            consent = True
            if self.org_intermediary[org] and (refusing and rng.random() < 0.7 or rng.random() < 0.03):
                consent = False
            rows.append(
                Membership(
                    organisation_id=_org_id(org),
                    network_id=net_id,
                    since=None if day is None else dt.date.fromordinal(day),
                    named_consent=consent,
                )
            )
        return rows

    # -- persons, contacts -------------------------------------------------------------------
    def add_person(self, org: int) -> int:
        idx = len(self.person_org)
        self.person_org.append(org)
        if org >= 0:
            self.persons_of_org.setdefault(org, []).append(idx)
        return idx

    def person_at(self, org: int, avoid: int = -1) -> int:
        """A person working for ``org``: often one who already does, else someone new."""
        known = self.persons_of_org.get(org) if org >= 0 else None
        if known and self.rng.random() < 0.35:
            person = known[self.rng.randrange(len(known))]
            if person != avoid:
                return person
        return self.add_person(org)

    def contact_org(self, net: _Net, intermediary: bool | None, avoid_group: int = -1) -> int:
        """A member (else any organisation) of the wanted kind outside ``avoid_group``; -1 if none."""
        rng = self.rng
        pools = [net.anchors, net.members, None]
        for pool in pools:
            for _ in range(12):
                if pool is None:
                    if not self.national:
                        break
                    org = self.national_pick()
                elif pool:
                    org = pool[rng.randrange(len(pool))]
                else:
                    break
                if intermediary is not None and self.org_intermediary[org] != intermediary:
                    continue
                if avoid_group >= 0 and self.group(org) == avoid_group:
                    continue
                return org
        return -1

    def make_contacts(self) -> None:
        rng = self.rng
        rows: list[Contact] = []
        for net in self.nets:
            d = net.defects
            if "no_contacts" in d or (net.status == "withdrawn" and rng.random() < 0.6):
                continue
            coord_org = self.contact_org(net, "no_intermediary_contact" not in d)
            if "one_group_contacts" in d:
                mod_org = coord_org
            elif "no_intermediary_contact" in d:
                mod_org = self.contact_org(net, False, avoid_group=self.group(coord_org) if coord_org >= 0 else -1)
            else:
                wanted = False if rng.random() < 0.4 else None  # moderators are often consultants
                avoid = self.group(coord_org) if coord_org >= 0 else -1
                mod_org = self.contact_org(net, wanted, avoid)
                if mod_org < 0:
                    mod_org = self.contact_org(net, None, avoid)
            coordinator = self.person_at(coord_org)
            moderator = self.person_at(mod_org, avoid=coordinator)
            if moderator == coordinator:
                moderator = self.add_person(mod_org)
            pairs = [(coordinator, "coordination"), (moderator, "moderation")]
            if "one_contact" in d:
                variant = rng.random()
                if variant < 0.5:
                    pairs = pairs[:1]  # nobody for the moderation
                elif variant < 0.8:
                    pairs = [(coordinator, "coordination"), (coordinator, "moderation")]  # one person, both roles
                else:
                    pairs = pairs[1:]
            net.contacts = pairs
            for person, role in pairs:
                rows.append(Contact(network_id=net.id, person_id=_person_id(person), role=role))
        self.sheets["contacts"] = rows

    # -- activities --------------------------------------------------------------------------
    def make_activities(self) -> None:
        rng = self.rng
        rows: list[Activity] = []
        self.activities = rows
        for net in self.nets:
            d = net.defects
            earliest = net.founded
            active = (net.om or net.demoted) and not ({"no_contacts", "quiet"} & d)
            if net.status == "withdrawn" or not net.om and not net.demoted and rng.random() < 0.5:
                active = False
            hosts = net.anchors or net.members
            # meetings
            if active:
                n_recent = 1 if "few_meetings" in d else 2 + min(4, len(net.members) // 40) + rng.randint(0, 2)
                if "few_meetings" in d and rng.random() < 0.3:
                    n_recent = 0
            else:
                n_recent = 0
            days = [self.recent(net) for _ in range(n_recent)] + [self.older() for _ in range(rng.randint(0, 4))]
            for day in sorted(days):
                if day < earliest:
                    continue
                host = None
                if hosts and rng.random() < 0.75:
                    host = hosts[rng.randrange(len(hosts))]
                    if "one_group_contacts" in d and net.contacts and self.person_org[net.contacts[0][0]] >= 0:
                        host = self.person_org[net.contacts[0][0]]  # the dominant group hosts, too
                title = f"Netzwerktreffen {_MONTHS[_date(day).month - 1]} {_date(day).year}"
                self.add_activity(net, "meeting", day, title, host=host)
            # reports to the Plenum, partner briefings, instrument use
            for kind, defect, low, high, title in (
                ("plenum_report", "no_plenum_report", 1, 2, "Bericht an das Plenum {y}"),
                ("partner_briefing", "no_briefing", 1, 3, "Partnerinformation: OM-Aktivitäten {y}"),
                ("instrument_use", "no_instruments", 1, 4, "{i} mit Mitgliedsbetrieben"),
            ):
                days = []
                if active and defect not in d:
                    days += [self.recent(net) for _ in range(rng.randint(low, high))]
                if rng.random() < 0.6:
                    days.append(self.older())
                for day in sorted(days):
                    if day < earliest:
                        continue
                    instrument = _INSTRUMENTS[rng.randrange(len(_INSTRUMENTS))] if kind == "instrument_use" else None
                    text = title.format(y=_date(day).year, i=instrument)
                    self.add_activity(net, kind, day, text, instrument=instrument)

    def recent(self, net: _Net) -> int:
        """A day in the last 12 months (and since the network was founded)."""
        return self.rng.randint(max(_CUTOFF_12 + 1, net.founded), _REF)

    def older(self) -> int:
        """A day 12 to 24 months back."""
        return self.rng.randint(_CUTOFF_24 + 1, _CUTOFF_12)

    def add_activity(self, net: _Net, kind: str, day: int, title: str, host: int | None = None,
                     instrument: str | None = None, partner: _Net | None = None) -> None:
        self.activities.append(
            Activity(
                id=f"act-{len(self.activities) + 1:07d}",
                network_id=net.id,
                kind=kind,
                date=_date(day),
                title=title,
                host_id=None if host is None else _org_id(host),
                instrument=instrument,
                partner_network_id=None if partner is None else partner.id,
            )
        )

    # -- cooperation, sub-networks, criticism ------------------------------------------------
    def make_relations(self) -> None:
        rng, geo = self.rng, self.geo
        subs: list[SubNetwork] = []
        coops: list[Cooperation] = []
        linked: set[tuple[int, int]] = set()

        def link(a: _Net, b: _Net) -> bool:
            key = (min(a.idx, b.idx), max(a.idx, b.idx))
            if a.idx == b.idx or key in linked:
                return False
            linked.add(key)
            return True

        def agreed(a: _Net, b: _Net) -> dt.date:
            return _date(rng.randint(max(a.founded, b.founded), _REF))

        # sub-networks: the consensus of a network with the OM networks that already worked where it
        # works (its state's state-wide networks, earlier local networks on its districts) or on its topic
        for net in self.nets:
            if "isolated" in net.defects or not net.om:
                continue
            parents: list[int] = []
            heads = [h for h in self.state_networks[net.state] if h != net.idx] if net.state >= 0 else []
            if "overlap" in net.defects:  # agreed with all but one: one unresolved pair
                parents = heads + [e for e in net.earlier if e not in heads][1:]
            elif net.kind == "thematic":
                if rng.random() < SUB_NETWORK_TOPIC:
                    parents = net.earlier
            elif net.scope == "state":
                if rng.random() < SUB_NETWORK_STATE:
                    parents = net.earlier
            else:
                local = [e for e in net.earlier if e not in heads]
                if rng.random() >= SUB_NETWORK_DISTRICT and local:  # no agreement with one of them
                    local.pop(rng.randrange(len(local)))
                parents = (heads if rng.random() < SUB_NETWORK_STATE else []) + local
            for p in parents:
                parent = self.nets[p]
                if parent.om and "isolated" not in parent.defects and link(net, parent):
                    subs.append(SubNetwork(network_id=net.id, parent_network_id=parent.id, agreed_on=agreed(net, parent)))
        # cooperation: with another network of the state (sometimes a thematic one)
        by_state: list[list[_Net]] = [[] for _ in geo.state_ids]
        thematic = []
        for net in self.nets:
            if "isolated" in net.defects or not net.om:
                continue
            if net.kind == "regional":
                by_state[net.state].append(net)
            else:
                thematic.append(net)
        joint: list[tuple[_Net, _Net]] = []
        for net in self.nets:
            if net.kind != "regional" or "isolated" in net.defects or not net.om:
                continue
            for _ in range(rng.choices((0, 1, 2), weights=(4, 4, 2))[0]):
                for _try in range(3):  # a partner in the state, a neighbouring state, or a thematic one
                    if thematic and rng.random() < 0.2:
                        other = thematic[rng.randrange(len(thematic))]
                    else:
                        pool = by_state[net.state]
                        if rng.random() < 0.25 and geo.state_neighbours[net.state]:
                            neighbours = geo.state_neighbours[net.state]
                            pool = by_state[neighbours[rng.randrange(len(neighbours))]] or pool
                        other = pool[rng.randrange(len(pool))]
                    if link(net, other):
                        since = agreed(net, other)
                        coops.append(Cooperation(network_id=net.id, partner_network_id=other.id, since=since))
                        if rng.random() < 0.35:
                            joint.append((net, other))
                        break
        for a, b in joint:
            day = rng.randint(max(a.founded, b.founded, _CUTOFF_24 + 1), _REF)
            topic = b.topic or a.topic or self.topic_order[rng.randrange(len(_TOPICS))]
            self.add_activity(a, "joint_activity", day, f"Gemeinsame Veranstaltung: {topic}", partner=b)
        criticisms = []
        for net in self.nets:
            if "criticism" in net.defects or (not net.om and rng.random() < 0.2):
                for _ in range(rng.choice((1, 1, 2))):
                    criticisms.append(
                        Criticism(
                            id=f"crit-{len(criticisms) + 1:05d}",
                            network_id=net.id,
                            date=_date(rng.randint(max(net.founded, _CUTOFF_24 + 1), _REF)),
                            summary=_CRITICISMS[rng.randrange(len(_CRITICISMS))],
                        )
                    )
        self.sheets["sub_networks"] = subs
        self.sheets["cooperations"] = coops
        self.sheets["criticisms"] = criticisms

    # -- ambassadors -------------------------------------------------------------------------
    def make_ambassadors(self) -> None:
        rng, geo = self.rng, self.geo
        regional_by_state: list[list[_Net]] = [[] for _ in geo.state_ids]
        thematic = []
        for net in self.nets:
            if net.om and net.kind == "regional":
                regional_by_state[net.state].append(net)
            elif net.om:
                thematic.append(net)
        weights = [0.0 if s == self.white_state else len(nets) + 0.3 for s, nets in enumerate(regional_by_state)]
        state_cum = _cumulative(weights)
        regions: list[AmbassadorRegion] = []
        in_networks: list[AmbassadorNetwork] = []
        approaches: list[Approach] = []
        ambassadors: set[int] = set()
        state_wide = [0 for _ in geo.state_ids]  # ambassadors serving a whole state, by state
        for _ in range(_count("ambassadors", self.scale)):
            state = self.pick(state_cum)
            served: list[tuple[str, list[int]]] = []  # region id, its pool of organisations
            if rng.random() < 0.65 and state_wide[state] < STATE_AMBASSADORS_PER_STATE:
                state_wide[state] += 1
                served.append((geo.state_ids[state], self.state_pool[state]))
            else:
                d = geo.state_districts[state][rng.randrange(len(geo.state_districts[state]))]
                served.append((geo.district_ids[d], self.district_pool[d]))
            if rng.random() < 0.12:
                options = [
                    s for s in geo.state_neighbours[state]
                    if s != self.white_state and state_wide[s] < STATE_AMBASSADORS_PER_STATE
                ]
                if options:
                    other = options[rng.randrange(len(options))]
                    state_wide[other] += 1
                    served.append((geo.state_ids[other], self.state_pool[other]))
            pool = self.state_pool[state]
            org = -1
            for _ in range(10):
                if pool:
                    candidate = pool[rng.randrange(len(pool))]
                    if self.org_intermediary[candidate]:
                        org = candidate
                        break
            person = self.person_at(org) if org >= 0 else -1
            if person < 0 or person in ambassadors:  # a new ambassador is a new person
                person = self.add_person(org)
            ambassadors.add(person)
            pid = _person_id(person)
            since = _date(_REF - rng.randint(60, 3600))
            for region_id, _pool in served:
                regions.append(AmbassadorRegion(person_id=pid, region_id=region_id, since=since))
            # networks the ambassador is active in
            seen: set[int] = set()
            nets = regional_by_state[state]
            for _ in range(rng.randint(1, 3) if nets else 0):
                net = nets[rng.randrange(len(nets))]
                if net.idx not in seen:
                    seen.add(net.idx)
                    in_networks.append(AmbassadorNetwork(person_id=pid, network_id=net.id))
            if thematic and rng.random() < 0.25:
                net = thematic[rng.randrange(len(thematic))]
                in_networks.append(AmbassadorNetwork(person_id=pid, network_id=net.id))
            # organisations approached
            approached: set[int] = set()
            for region_id, orgs in [*served, ("", self.newcomers[state])]:
                for _ in range((rng.randint(1, 4) if region_id else rng.randint(0, 1)) if orgs else 0):
                    target = orgs[rng.randrange(len(orgs))]
                    if target not in approached:
                        approached.add(target)
                        day = _date(_REF - rng.randint(5, 1000))
                        approaches.append(Approach(person_id=pid, organisation_id=_org_id(target), date=day))
        self.sheets["ambassadors"] = regions
        self.sheets["ambassador_networks"] = in_networks
        self.sheets["approaches"] = approaches

    # -- self-declarations -------------------------------------------------------------------
    def make_declarations(self) -> None:
        rng = self.rng
        items = self.sheets["check_items"]
        measures = [m for m, item in enumerate(items) if item.kind == "measure"]
        companies = [o for o, kind in enumerate(self.org_kind) if kind == "company"]
        companies = companies or list(range(len(self.org_kind)))
        declarations: list[SelfDeclaration] = []
        ratings: list[Rating] = []
        plan: list[PlannedAction] = []
        lights = ("green", "green", "green", "yellow", "yellow", "red")
        n = _count("self_declarations", self.scale)
        guarantee = n >= 10
        # the weak ones (as stratified as the networks' weaknesses)
        weak: dict[str, set[int]] = {}
        for key, rate in DECLARATION_DEFECT_RATES.items():
            weak[key] = set(self.stratified(list(range(n)), rate, guarantee))
        company = -1
        for i in range(n):
            if company < 0 or rng.random() < 0.85:  # sometimes a company's second declaration
                company = companies[rng.randrange(len(companies))]
            did = f"decl-{i + 1:05d}"
            if i in weak["expired"]:
                signed: dt.date | None = _date(_CUTOFF_24 - rng.randint(1, 700))
            else:
                signed = _date(_REF - rng.randint(5, 700))
            complete = True
            if i in weak["form"]:
                if rng.random() < 0.5:
                    signed = None
                else:
                    complete = False
            declarations.append(
                SelfDeclaration(id=did, organisation_id=_org_id(company), signed_on=signed, form_complete=complete)
            )
            unrated = i in weak["unrated"]
            rated: list[int] = []  # measures rated red or yellow: they go first into the plan
            for m, item in enumerate(items):
                if unrated and rng.random() < 0.15:
                    continue  # never rated
                light = None if unrated and rng.random() < 0.1 else lights[rng.randrange(len(lights))]
                ratings.append(Rating(declaration_id=did, item_id=item.id, traffic_light=light))
                if light in ("red", "yellow") and item.kind == "measure":
                    rated.append(m)
            count = rng.randint(3, 9) if i in weak["short_plan"] else rng.randint(10, 16)
            first = set(rated)
            chosen = [items[m] for m in rated + [m for m in measures if m not in first]][:count]
            vague = rng.randrange(len(chosen)) if i in weak["vague_plan"] and chosen else -1
            for j, item in enumerate(chosen):
                fields = {
                    "urgency": _URGENCIES[rng.randrange(3)],
                    "responsible": _RESPONSIBLE[rng.randrange(len(_RESPONSIBLE))],
                    "deadline": (signed or REFERENCE_DATE) + _DAY * rng.randint(30, 540),
                    "control": _CONTROLS[rng.randrange(len(_CONTROLS))],
                }
                if j == vague:
                    fields[rng.choice(list(fields))] = None
                pid = f"mp-{len(plan) + 1:07d}"
                plan.append(PlannedAction(id=pid, declaration_id=did, title=item.title, **fields))
        self.sheets["self_declarations"] = declarations
        self.sheets["ratings"] = ratings
        self.sheets["action_plan"] = plan

    # -- records -----------------------------------------------------------------------------
    def region_records(self) -> None:
        geo = self.geo
        regions = [Region(id=geo.country_id, name=geo.country_name, level="country", code=geo.country_id)]
        for s, sid in enumerate(geo.state_ids):
            regions.append(Region(id=sid, name=geo.state_names[s], level="state", parent_id=geo.country_id, code=sid))
        for d, did in enumerate(geo.district_ids):
            state = geo.state_ids[geo.district_state[d]]
            regions.append(Region(id=did, name=geo.district_names[d], level="district", parent_id=state, code=did))
        borders = [Border(region_id=geo.state_ids[a], neighbour_id=geo.state_ids[b]) for a, b in geo.state_borders]
        borders += [
            Border(region_id=geo.district_ids[a], neighbour_id=geo.district_ids[b]) for a, b in geo.district_borders
        ]
        self.sheets["regions"] = regions
        self.sheets["borders"] = borders

    def check_item_records(self) -> None:
        items: list[CheckItem] = []
        for t, (topic, checkpoints) in enumerate(_CHECK_CATALOGUE, 1):
            tid = f"pc-{t}"
            items.append(CheckItem(id=tid, kind="topic", title=topic))
            for c, (checkpoint, measures) in enumerate(checkpoints, 1):
                cid = f"{tid}.{c}"
                items.append(CheckItem(id=cid, kind="checkpoint", title=checkpoint, parent_id=tid))
                for m, measure in enumerate(measures, 1):
                    items.append(CheckItem(id=f"{cid}.{m}", kind="measure", title=measure, parent_id=cid))
        self.sheets["check_items"] = items

    def network_records(self) -> None:
        rng, geo = self.rng, self.geo
        networks, covers = [], []
        withdrawn = [net.idx for net in self.nets if net.status == "withdrawn"]
        for net in self.nets:
            d = net.defects
            homepage = f"https://{net.id}.example.org" if rng.random() < 0.85 else None
            marked = "Offensive Mittelstand" in net.name or "OM" in net.name.replace("-", " ").split()
            if "bad_name" in d:
                logo = False
            elif not marked:  # no OM in the name: the partner logo on the homepage shows it
                homepage = homepage or f"https://{net.id}.example.org"
                logo = True
            else:
                logo = homepage is not None and rng.random() < 0.6
            if net.kind == "regional":
                scope = geo.state_names[net.state] if net.scope == "state" else ", ".join(
                    geo.district_names[x] for x in net.districts
                )
            else:
                scope = net.topic
            fields: dict[str, Any] = {
                "application_date": dt.date.fromordinal(max(net.founded - rng.randint(20, 120), 1)),
                "application_scope": scope,
                "application_goals": _GOALS[rng.randrange(len(_GOALS))],
                "application_approach": _APPROACHES[rng.randrange(len(_APPROACHES))],
            }
            if "incomplete_application" in d:
                for key in rng.sample(sorted(fields), rng.randint(1, 2)):
                    fields[key] = None
            presents = net.status != "partner_only"
            if net.status == "withdrawn":  # the first one still presents itself as OM network (OM112)
                presents = rng.random() < 0.5 or net.idx == withdrawn[0]
            networks.append(
                Network(
                    id=net.id,
                    name=net.name,
                    kind=net.kind,
                    topic=net.topic,
                    open=not ("closed" in d or (net.status == "partner_only" and rng.random() < 0.5)),
                    status=net.status,
                    presents_as_om=presents,
                    homepage=homepage,
                    logo_on_homepage=logo,
                    advertises_commercial="commercial" in d,
                    principles_acknowledged="principles" not in d and (net.status != "applied" or rng.random() < 0.7),
                    **fields,
                )
            )
            for region_id in net.covers:
                covers.append(NetworkRegion(network_id=net.id, region_id=region_id))
        self.sheets["networks"] = networks
        self.sheets["network_regions"] = covers

    def organisation_records(self) -> None:
        rng = self.rng
        rows = []
        for o, kind in enumerate(self.org_kind):
            place = self.place_name(self.org_place[o])
            parent = self.org_parent[o]
            if parent >= 0 or o in self.group_heads:
                head, branch = _GROUP_NAMES[kind]
                if parent >= 0:
                    name = branch.format(place=self.place_name(self.org_place[parent]), branch=place)
                else:
                    name = head.format(place=place)
            else:
                pattern = _ORG_NAMES[kind][rng.randrange(len(_ORG_NAMES[kind]))]
                name = pattern.format(
                    place=place,
                    surname=_surname(rng),
                    trade=_TRADES[rng.randrange(len(_TRADES))],
                    legal=_LEGAL[rng.randrange(len(_LEGAL))],
                )
            partner = self.org_partner[o]
            since = _date(_REF - int(rng.triangular(30, 7000, 1500))) if partner else None
            intermediary = True if kind == "other" and self.org_intermediary[o] else None
            district = self.org_district[o]
            rows.append(
                Organisation(
                    id=_org_id(o),
                    name=name,
                    kind=kind,
                    intermediary=intermediary,
                    om_partner=partner,
                    partner_since=since,
                    parent_id=None if parent < 0 else _org_id(parent),
                    region_id=None if district < 0 else self.geo.district_ids[district],
                )
            )
        self.sheets["organisations"] = rows

    def person_records(self) -> None:
        rng = self.rng
        while len(self.person_org) < _count("persons", self.scale):  # colleagues without a role
            self.add_person(self.national_pick() if self.national else -1)
        rows = []
        for p, org in enumerate(self.person_org):
            first = _FIRST_NAMES[rng.randrange(len(_FIRST_NAMES))]
            last = _surname(rng)
            email = f"{_ascii(first)}.{_ascii(last)}.{p + 1}@example.org" if rng.random() < 0.95 else None
            employer = None if org < 0 else _org_id(org)
            rows.append(Person(id=_person_id(p), name=f"{first} {last}", email=email, organisation_id=employer))
        self.sheets["persons"] = rows

    def build(self) -> Dataset:
        self.region_records()
        self.check_item_records()
        self.plan_networks()
        self.make_organisations()
        self.make_memberships()
        self.make_contacts()
        self.make_activities()
        self.make_relations()
        self.make_ambassadors()
        self.make_declarations()
        self.network_records()
        self.organisation_records()
        self.person_records()
        self.sheets["activities"] = self.activities
        return Dataset(**self.sheets)


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out or [0.0]


def _surname(rng: random.Random) -> str:
    return _SURNAME_ROOTS[rng.randrange(len(_SURNAME_ROOTS))] + _SURNAME_TAILS[rng.randrange(len(_SURNAME_TAILS))]


def _org_id(index: int) -> str:
    return f"org-{index + 1:06d}"


def _person_id(index: int) -> str:
    return f"per-{index + 1:06d}"


def generate_landscape(scale: float, seed: int) -> Dataset:
    """A synthetic, valid landscape of German business-support networks.

    ``scale`` 1 is about the Offensive Mittelstand today (40 networks, 500 organisations,
    about 2,000 memberships); counts grow linearly with it (0.1 .. 1000 and beyond).
    ``seed`` makes it reproducible: the same arguments give the same dataset.
    """
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not math.isfinite(scale) or scale <= 0:
        raise UsageError(f"scale must be a positive number, not {scale!r}")
    # Millions of small records and no reference cycles: the cyclic garbage collector would
    # only rescan them again and again (a third of the time at scale 100), so it pauses.
    with paused_gc():
        return _Builder(float(scale), int(seed)).build()
