"""Demo synonyms for the site search: the words people use for each topic of the facts file → the portal's.

Editors keep these as snippets ("Suchsynonyme"); the demo marks its own so that they can be reviewed.
Safe to run again: a synonym is found by what it leads to and updated.
"""

# (what visitors type, comma-separated) → what the portal says
DEMO_SYNONYMS = [
    ("Shitstorm, Hetzkampagne, Hasswelle, Hass-Welle, Empörungswelle, Hetzjagd", "Hatestorm"),
    ("Doxxing, Adresse veröffentlicht, Adresse im Netz, Anschrift veröffentlicht", "Doxing"),
    ("Screenshot, Screenshots, Bildschirmfoto, Foto vom Bildschirm", "Bildschirmfotos"),
    ("Beweissicherung, Beweismittel, dokumentieren, Dokumentation", "Beweise"),
    ("Internetwache, Internet-Wache, Onlinewache, Onlineanzeige, Online-Anzeige, Internetanzeige", "Online-Wache"),
    ("Strafanzeige, anzeigen, Polizei einschalten", "Anzeige"),
    (
        "Hasspost, Hasspostings, Hassnachricht, Hassnachrichten, Hate Speech, Hatespeech, Hetze im Netz",
        "Hasskommentare",
    ),
    (
        "Morddrohung, Todesdrohung, Drohbrief, Drohmail, Drohschreiben, Drohnachricht, bedroht, bedrohen, Drohung, "
        "Drohungen, Bedrohung",
        "Bedrohung, bedroht, Drohungen, angedroht",
    ),
    ("beleidigt, Beschimpfung, beschimpft, Beleidigungen", "Beleidigung"),
    ("üble Nachrede, Rufmord, Lügen verbreitet", "Verleumdung"),
    (
        "Adresse geheim, Adresssperre, Meldesperre, Melderegistersperre, Adresse schützen, Wohnadresse schützen",
        "Auskunftssperre",
    ),
    ("Seelsorge, Seelsorger, Krisentelefon, Sorgentelefon", "Telefonseelsorge"),
    ("seelisch, Psyche, Angst, Stress, Trauma, überfordert, erschöpft, ausgebrannt, Burnout", "Belastung"),
    ("Ärger, Streit, Zoff, Konflikt", "Konflikte"),
    ("Gemeinderat, Stadtrat, Kreistag, Ratssitzung, Ratsmitglied, Ratsmitglieder", "Rat"),
    ("Journalisten, Journalist, Medien, Medienanfrage, Interview, Pressearbeit", "Presse"),
    ("Umfrage, Statistik, Studie, Zahlen, Monitoring", "Befragung"),
    ("Facebook, Instagram, Twitter, TikTok, Social Media, Netzwerke", "sozialen Medien"),
    ("Personenschutz, Schutz, Bodyguard", "Sicherheit"),
    ("Hate Aid", "HateAid"),
    ("Weißer Ring", "Weisser Ring"),
    ("Forum für Kriminalprävention, Kriminalprävention", "DFK"),
    ("Gemeindebund, Städte- und Gemeindebund", "DStGB"),
    (
        "Bürgermeister, Landrat, Landrätin, Ratsfrau, Ratsherr, Mandatsträger",
        "Bürgermeisterin, Amtsträger",
    ),
]


def load_synonyms(home=None) -> int:
    from portal.models import SearchSynonym

    # Demo synonyms whose target changed since the last run are replaced, not kept twice.
    SearchSynonym.objects.filter(is_demo=True).exclude(replacement__in=[r for _t, r in DEMO_SYNONYMS]).delete()
    for terms, replacement in DEMO_SYNONYMS:
        SearchSynonym.objects.update_or_create(
            replacement=replacement, is_demo=True, defaults={"terms": terms, "note": "Demo-Synonym"}
        )
    return len(DEMO_SYNONYMS)
