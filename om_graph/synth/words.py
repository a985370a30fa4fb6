"""Word lists and name patterns: invented places, people and organisations; real topics and instruments.

Places and people are invented: a place name is a head and a tail (``Birk`` + ``hausen``), a
surname a placeholder root and a tail (``Muster`` + ``mann``), so no generated name belongs to a
real person or town. Topics, instruments and the Praxis-Check catalogue are the real ones.
"""

from __future__ import annotations

import random

PLACE_HEADS = (
    "Alt", "Birk", "Brun", "Dorn", "Eich", "Eisen", "Erlen", "Fels", "Gold", "Grün", "Hain", "Hasel",
    "Hoch", "Kalk", "Kron", "Lind", "Mühl", "Nieder", "Ober", "Rosen", "Sand", "Schön", "Sonn",
    "Stein", "Tann", "Wacholder", "Weiden", "Wiesen",
)
PLACE_TAILS = (
    "au", "bach", "berg", "brück", "bühl", "dorf", "eck", "feld", "furt", "hagen", "hausen", "heim",
    "hof", "ingen", "rode", "stedt", "tal", "wald", "weiler", "winkel",
)
FIRST_NAMES = (
    "Anna", "Ben", "Clara", "David", "Elif", "Emil", "Felix", "Greta", "Hannah", "Ilka", "Jana",
    "Jonas", "Katrin", "Lea", "Leonie", "Lukas", "Mara", "Max", "Nils", "Olga", "Paul", "Ronja",
    "Sophie", "Sven", "Tanja", "Tim", "Uwe", "Vera", "Yusuf", "Zoe",
)
SURNAME_ROOTS = (
    "Beispiel", "Muster", "Platzhalter", "Probe", "Vorlage", "Entwurf", "Modell", "Schablone",
    "Exempel", "Fiktiv",
)
SURNAME_TAILS = ("", "mann", "berg", "hagen", "meier", "feld", "er", "stein", "brink", "hof")
TRADES = (
    "Metallbau", "Feinwerktechnik", "Holzbau", "Elektrotechnik", "Logistik", "Druckerei",
    "Kunststofftechnik", "Haustechnik", "Lebensmittel", "Pflegedienste", "Software", "Maschinenbau",
)
LEGAL = ("GmbH", "GmbH & Co. KG", "KG", "e.K.", "AG")
N_PLACES = len(PLACE_HEADS) * len(PLACE_TAILS)

#: Name patterns of organisations by kind; {place} is an invented place name.
ORG_NAMES: dict[str, tuple[str, ...]] = {
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
GROUP_NAMES: dict[str, tuple[str, str]] = {
    "accident_insurer": ("Berufsgenossenschaft {place}, Hauptverwaltung", "Berufsgenossenschaft {place}, Zentrum {branch}"),
    "health_insurer": ("Gesundheitskasse {place}, Landesdirektion", "Gesundheitskasse {place}, Geschäftsstelle {branch}"),
    "business_association": ("Unternehmerverband {place}, Landesverband", "Unternehmerverband {place}, Gruppe {branch}"),
    "employer_association": ("Arbeitgeberverband {place}, Dachverband", "Arbeitgeberverband {place}, Büro {branch}"),
    "trade_union": ("Gewerkschaft {place}, Vorstand", "Gewerkschaft {place}, Bezirk {branch}"),
    "consultancy": ("{place}er Beratungsgruppe AG", "{place}er Beratungsgruppe, Büro {branch}"),
    "company": ("{place}er Holding AG", "{place}er Werk {branch} GmbH"),
}

#: Kinds of the organisations that are not group heads, with their weights.
KIND_WEIGHTS = (
    ("chamber_of_commerce", 6), ("chamber_of_crafts", 5), ("business_association", 9),
    ("employer_association", 5), ("trade_union", 4), ("accident_insurer", 4), ("health_insurer", 4),
    ("economic_development", 9), ("employment_agency", 3), ("research_institute", 6),
    ("public_authority", 4), ("consultancy", 22), ("company", 17), ("other", 2),
)
#: Kinds of the local intermediaries a regional network is built around.
ANCHOR_KINDS = (
    ("chamber_of_commerce", 5), ("chamber_of_crafts", 5), ("economic_development", 6),
    ("business_association", 3), ("employer_association", 2), ("employment_agency", 2),
    ("health_insurer", 1), ("public_authority", 1), ("research_institute", 1),
)

#: Topics of thematic networks (the first ones are the most common).
TOPICS = (
    "Digitalisierung", "Gesundheit im Betrieb", "Fachkräftesicherung", "Arbeitsschutz",
    "Führung und Unternehmenskultur", "Demografischer Wandel", "Innovation", "Nachhaltigkeit",
    "Unternehmensnachfolge", "Personalentwicklung", "Vereinbarkeit von Familie und Beruf",
    "Künstliche Intelligenz", "Qualifizierung", "Prävention", "Energieeffizienz", "Resilienz",
    "Vielfalt im Betrieb", "Wissensmanagement",
)
INSTRUMENTS = (
    "INQA-Unternehmenscheck", "INQA-Unternehmenscheck", "OM-Praxis-Check",
    "INQA-Check Personalführung", "INQA-Check Gesundheit", "INQA-Check Wissen und Kompetenz",
)
GOALS = (
    "Gute Arbeit und wirtschaftlichen Erfolg in kleinen und mittleren Unternehmen fördern",
    "Betriebe der Region bei Fachkräftesicherung und Digitalisierung unterstützen",
    "Die Praxishilfen der Offensive Mittelstand in die Betriebe bringen",
    "Partner der Region vernetzen und gemeinsam Betriebe beraten",
)
APPROACHES = (
    "Regelmäßige Netzwerktreffen, Einsatz der Checks durch autorisierte Berater",
    "Veranstaltungsreihe mit den Kammern, Betriebsbesuche, Check-Tage",
    "Arbeitskreise zu Schwerpunktthemen, Berichte an das Plenum",
    "Gemeinsame Sprechtage der Partner, Schulung von Multiplikatoren",
)
CRITICISMS = (
    "Beschwerde eines Partners: das Netzwerk vertritt einseitig die Interessen eines Mitglieds",
    "Hinweis eines Partners: Netzwerktreffen finden seit langem nicht mehr statt",
    "Beschwerde: kostenpflichtige Beratung wird als OM-Angebot beworben",
    "Hinweis: Ansprechpartner nicht erreichbar, Anfragen bleiben unbeantwortet",
)
URGENCIES = ("hoch", "mittel", "niedrig")
RESPONSIBLE = ("Geschäftsführung", "Personalleitung", "Betriebsrat", "Fachkraft für Arbeitssicherheit",
                "Teamleitung Produktion", "Qualitätsmanagement")
CONTROLS = ("Quartalsgespräch", "Kennzahl im Monatsbericht", "Mitarbeiterbefragung", "Internes Audit",
             "Besprechung im Führungskreis")
#: Qualifiers that make a thematic network's topic more specific once the plain topics are taken.
TOPIC_QUALIFIERS = (
    "im Handwerk", "in der Industrie", "in der Pflege", "im Handel", "in der Logistik", "in der Bauwirtschaft",
    "im Gastgewerbe", "in der IT-Branche", "für Gründerinnen und Gründer", "in Familienunternehmen",
    "in der Landwirtschaft", "im Gesundheitswesen", "in der Metall- und Elektroindustrie", "im Öffentlichen Dienst",
    "in der Kreativwirtschaft", "in Kleinstbetrieben", "in der Chemie", "im Tourismus", "in der Energiewirtschaft",
    "in der Lebensmittelwirtschaft",
)
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember")

#: The Praxis-Check catalogue: topic -> checkpoints -> measures (fixed, does not scale).
CHECK_CATALOGUE: tuple[tuple[str, tuple[tuple[str, tuple[str, str]], ...]], ...] = (
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


def place_name(place: int) -> str:
    """The invented place with index ``place`` (0 .. ``N_PLACES`` - 1)."""
    return PLACE_HEADS[place // len(PLACE_TAILS)] + PLACE_TAILS[place % len(PLACE_TAILS)]


def surname(rng: random.Random) -> str:
    return SURNAME_ROOTS[rng.randrange(len(SURNAME_ROOTS))] + SURNAME_TAILS[rng.randrange(len(SURNAME_TAILS))]


def ascii_lower(text: str) -> str:
    """``text`` in lower case with the German umlauts and ß spelt out (for e-mail addresses)."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        text = text.replace(a, b)
    return text.lower()
