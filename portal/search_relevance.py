"""The relevance set for the site search: queries as officials type them, with the results an expert accepts.

Written from /work/shared/content-facts.md and the demo content's page titles before the search was tuned,
never from what the search happens to return. Each query is answered well when at least one accepted result
is among the first three. A result is named by its URL below the site root ("/rat-und-tat/beweise-sichern/"),
a contact by "kontakt:<key>", a Land's page by its URL in the contact finder.
"""

from dataclasses import dataclass

RAT = "/rat-und-tat/"
FALL = "/rat-und-tat/fallbeispiele/"
UNTERSTUETZER = "/unterstuetzer/"
LAND = "/hilfe-in-ihrem-bundesland/"

BEWEISE = RAT + "beweise-sichern/"
ANZEIGE = RAT + "anzeige-und-strafantrag/"
ONLINE_WACHE = RAT + "online-wache-und-hasskommentare-melden/"
HATESTORM = RAT + "hatestorm-und-doxing/"
AUSKUNFTSSPERRE = RAT + "auskunftssperre-im-melderegister/"
SICHERHEIT = RAT + "sicherheit-zu-hause-unterwegs-und-bei-veranstaltungen/"
SOZIALE_MEDIEN = RAT + "sicher-in-den-sozialen-medien/"
PSYCHE = RAT + "psychische-belastung-und-unterstuetzung/"
PRESSE = RAT + "presse-und-oeffentlichkeitsarbeit/"
RAT_KONFLIKTE = RAT + "konflikte-und-anfeindungen-im-rat/"
NACH_ANZEIGE = RAT + "was-nach-der-anzeige-geschieht/"
LOTSE = "/hilfe-finden/"
STARKE_STELLE = "/starke-stelle/"
FINDER = LAND


@dataclass(frozen=True)
class Case:
    query: str
    accept: tuple[str, ...]
    kind: str  # what the query tests: colloquial, typo, compound, words, land, organisation


RELEVANCE_SET: list[Case] = [
    # Colloquial words: what people say, not what the portal says.
    Case("Shitstorm", (HATESTORM, FALL + "hatestorm-nach-ratsentscheidung/"), "colloquial"),
    Case("Hetzkampagne", (HATESTORM, FALL + "hatestorm-nach-ratsentscheidung/"), "colloquial"),
    Case("Doxxing", (HATESTORM, FALL + "privatadresse-veroeffentlicht/"), "colloquial"),
    Case("Screenshot machen", (BEWEISE, "/magazin/deutscher-staedtetag/interview-beweise-und-anzeige/"), "colloquial"),
    Case("Internetwache", (ONLINE_WACHE, ANZEIGE), "colloquial"),
    Case("Hasspost melden", (ONLINE_WACHE, UNTERSTUETZER + "respect/", "kontakt:respect"), "colloquial"),
    Case(
        "Adresse geheim halten",
        (AUSKUNFTSSPERRE, "/magazin/deutscher-staedtetag/expertenbeitrag-auskunftssperre/"),
        "colloquial",
    ),
    Case("Seelsorge", (UNTERSTUETZER + "telefonseelsorge/", "kontakt:telefonseelsorge", PSYCHE), "colloquial"),
    Case(
        "seelisch am Ende",
        (
            PSYCHE,
            "/magazin/koerber-stiftung/expertenbeitrag-psychische-belastung/",
            UNTERSTUETZER + "telefonseelsorge/",
            "kontakt:telefonseelsorge",
        ),
        "colloquial",
    ),
    Case("Ärger im Gemeinderat", (RAT_KONFLIKTE, FALL + "anfeindungen-in-der-ratssitzung/"), "colloquial"),
    Case("Journalisten anfragen", (PRESSE,), "colloquial"),
    Case("Verfahren eingestellt", (NACH_ANZEIGE, FALL + "verleumdung-angezeigt-und-nichts-gehoert/"), "colloquial"),
    Case(
        "Umfrage",
        (
            "/zahlen-und-fakten/",
            "/aktuelles/deutscher-landkreistag/komo-38-prozent/",
            "/magazin/koerber-stiftung/standpunkt-was-die-zahlen-sagen/",
        ),
        "colloquial",
    ),
    Case(
        "Statistik",
        (
            "/zahlen-und-fakten/",
            "/aktuelles/deutscher-landkreistag/komo-38-prozent/",
            "/magazin/koerber-stiftung/standpunkt-was-die-zahlen-sagen/",
        ),
        "colloquial",
    ),
    Case("Passwort", (SOZIALE_MEDIEN, HATESTORM), "colloquial"),
    Case("Facebook Profil sicher", (SOZIALE_MEDIEN, HATESTORM), "colloquial"),
    # Typos.
    Case("Auskunftsperre", (AUSKUNFTSSPERRE, "/magazin/deutscher-staedtetag/expertenbeitrag-auskunftssperre/"), "typo"),
    Case("Strafanzeig", (ANZEIGE, ONLINE_WACHE, NACH_ANZEIGE), "typo"),
    Case("Beweisse sichern", (BEWEISE,), "typo"),
    Case("Hatestrom", (HATESTORM, FALL + "hatestorm-nach-ratsentscheidung/"), "typo"),
    Case("Verleumdnug", (FALL + "verleumdung-angezeigt-und-nichts-gehoert/", ANZEIGE, NACH_ANZEIGE), "typo"),
    Case("Melderegster", (AUSKUNFTSSPERRE,), "typo"),
    Case("Telefonseelsorg", (UNTERSTUETZER + "telefonseelsorge/", "kontakt:telefonseelsorge"), "typo"),
    # Compounds and word forms.
    Case(
        "Morddrohung",
        (
            ANZEIGE,
            BEWEISE,
            FALL + "pruegel-drohung-im-kommentar/",
            FALL + "drohanruf-im-rathaus/",
            "/magazin/deutscher-staedte-und-gemeindebund/als-die-drohungen-kamen/",
            STARKE_STELLE,
            LOTSE,
        ),
        "compound",
    ),
    Case(
        "Drohbrief",
        (BEWEISE, ANZEIGE, "/magazin/deutscher-staedte-und-gemeindebund/als-die-drohungen-kamen/"),
        "compound",
    ),
    Case("Hasskommentare", (ONLINE_WACHE, FALL + "pruegel-drohung-im-kommentar/"), "compound"),
    Case("Drohanrufe", (FALL + "drohanruf-im-rathaus/", BEWEISE), "compound"),
    Case("Beweissicherung", (BEWEISE, "/magazin/deutscher-staedtetag/interview-beweise-und-anzeige/"), "compound"),
    Case(
        "Ratsmitglied",
        (
            RAT_KONFLIKTE,
            FALL + "anfeindungen-in-der-ratssitzung/",
            "/aktuelles/deutscher-landkreistag/beispieltermin-austausch-ratsmitglieder/",
        ),
        "compound",
    ),
    # Two or three words.
    Case(
        "Bürgermeister bedroht",
        (
            ANZEIGE,
            BEWEISE,
            "/magazin/deutscher-staedte-und-gemeindebund/als-die-drohungen-kamen/",
            STARKE_STELLE,
            LOTSE,
        ),
        "words",
    ),
    Case("Anzeige erstatten", (ANZEIGE, ONLINE_WACHE), "words"),
    Case("Strafantrag Frist", (ANZEIGE,), "words"),
    Case("Privatadresse im Internet", (FALL + "privatadresse-veroeffentlicht/", HATESTORM, AUSKUNFTSSPERRE), "words"),
    Case("Kommentar Prügel", (FALL + "pruegel-drohung-im-kommentar/",), "words"),
    Case("nach der Anzeige nichts gehört", (NACH_ANZEIGE, FALL + "verleumdung-angezeigt-und-nichts-gehoert/"), "words"),
    Case("Sicherheit bei Veranstaltungen", (SICHERHEIT,), "words"),
    Case("wo bekomme ich Hilfe", (LOTSE, FINDER, STARKE_STELLE), "words"),
    Case("Beratung rechte Gewalt", (UNTERSTUETZER + "vbrg/", "kontakt:vbrg"), "words"),
    Case("Leichte Sprache", ("/leichte-sprache/",), "words"),
    Case("Fehler melden Kontakt", ("/kontakt-vorschlagen/",), "words"),
    # Land names, alone or with a kind of contact.
    Case("Sachsen Polizei", (LAND + "sachsen/", "kontakt:zastex-sachsen"), "land"),
    Case("LKA Berlin", ("kontakt:lka-berlin", LAND + "berlin/"), "land"),
    Case("Bayern", (LAND + "bayern/", "kontakt:bayern-gegen-hass"), "land"),
    Case("NRW", (LAND + "nordrhein-westfalen/", "kontakt:ansprechstelle-nrw", "kontakt:zac-nrw"), "land"),
    Case("Hessen Meldestelle", ("kontakt:hessen-gegen-hetze", LAND + "hessen/"), "land"),
    Case("Thüringen Beratung", ("kontakt:ezra-thueringen", "kontakt:elly-thueringen", LAND + "thueringen/"), "land"),
    Case(
        "Staatsanwaltschaft Niedersachsen",
        ("kontakt:zentralstelle-hasskriminalitaet-goettingen", LAND + "niedersachsen/"),
        "land",
    ),
    Case("Polizei Baden-Württemberg", ("kontakt:zamat-bw", LAND + "baden-wuerttemberg/"), "land"),
    Case("Hilfe Brandenburg", (LAND + "brandenburg/",), "land"),
    Case("Hamburg", (LAND + "hamburg/", "kontakt:starke-demokratie-hamburg"), "land"),
    # Organisations.
    Case("Weißer Ring", (UNTERSTUETZER + "weisser-ring/", "kontakt:weisser-ring"), "organisation"),
    Case("Hate Aid", (UNTERSTUETZER + "hateaid/", "kontakt:hateaid"), "organisation"),
    Case(
        "Starke Stelle Telefon",
        (STARKE_STELLE, "kontakt:starke-stelle", UNTERSTUETZER + "starke-stelle/"),
        "organisation",
    ),
    Case("Städtetag", ("/ueber-uns/deutscher-staedtetag/",), "organisation"),
    Case("Landkreistag", ("/ueber-uns/deutscher-landkreistag/",), "organisation"),
    Case("Gemeindebund", ("/ueber-uns/deutscher-staedte-und-gemeindebund/",), "organisation"),
    Case("DStGB", ("/ueber-uns/deutscher-staedte-und-gemeindebund/",), "organisation"),
    Case("Körber", ("/ueber-uns/koerber-stiftung/",), "organisation"),
    Case("DFK", ("/ueber-uns/deutsches-forum-fuer-kriminalpraevention/", STARKE_STELLE), "organisation"),
    Case("Respect Meldestelle", (UNTERSTUETZER + "respect/", "kontakt:respect"), "organisation"),
    Case("ZASTEX", ("kontakt:zastex-sachsen",), "organisation"),
    Case("KoMo", ("/aktuelles/deutscher-landkreistag/komo-38-prozent/", "/zahlen-und-fakten/"), "organisation"),
]

# Guidance pages another helper (#14) is adding; once they exist these queries should accept them too.
LATER_ALSO = {
    "Morddrohung": "Welche Straftaten? Beleidigung, Bedrohung, Nötigung und Co.",
    "Bürgermeister bedroht": "Welche Straftaten? Beleidigung, Bedrohung, Nötigung und Co.",
    "Verleumdnug": "Welche Straftaten? Beleidigung, Bedrohung, Nötigung und Co.",
    "Beratung rechte Gewalt": "Rechtliche Hilfe und Kosten",
    "Hasspost melden": "Ihre eigenen Kanäle: Kommentare löschen, Nutzer sperren",
    "Facebook Profil sicher": "Ihre eigenen Kanäle: Kommentare löschen, Nutzer sperren",
    "Sicherheit bei Veranstaltungen": "Sicherheit im Rathaus und am Arbeitsplatz",
    "Drohanrufe": "Sicherheit im Rathaus und am Arbeitsplatz",
}
