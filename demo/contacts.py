"""Reference data and demo contacts. Called by `manage.py load_demo_content`."""

from wagtail.log_actions import log

from contacts.bundeslaender import BUNDESLAENDER
from contacts.models import Bundesland, Channel, Contact, ContactPhone, OpenDataSettings, Phase, Situation
from contacts.permissions import ensure_kontaktpflege_group

SITUATIONS = [
    ("beleidigung", "Beleidigung", "Beschimpfungen und herabwürdigende Äußerungen"),
    ("bedrohung", "Bedrohung", "Drohungen gegen Sie, Ihre Familie oder Ihr Eigentum"),
    ("hatestorm", "Hassnachrichten und Hatestorm online", "Viele Hassnachrichten in kurzer Zeit im Netz"),
    ("doxing", "Doxing / Veröffentlichung der Adresse", "Ihre private Adresse oder Daten werden veröffentlicht"),
    ("sachbeschaedigung", "Sachbeschädigung", "Schäden an Haus, Auto, Büro oder Plakaten"),
    ("koerperlicher-angriff", "Körperlicher Angriff", "Sie wurden angegriffen oder verletzt"),
    ("konflikte-im-rat", "Konflikte im Rat", "Anfeindungen aus dem Gremium oder der Verwaltung"),
]
CHANNELS = [
    ("online", "Online", "Soziale Medien, E-Mail, Messenger, Kommentare"),
    ("post-telefon", "Post/Telefon", "Briefe, Anrufe, Sprachnachrichten"),
    ("persoenlich", "Persönlich", "Auf der Straße, bei Sitzungen, an der Haustür"),
]
# Mostly offences against personal honour (§§ 185–187 StGB): the Lotse shows the Strafantrag deadline.
DEADLINE_SITUATIONS = {"beleidigung", "hatestorm"}
PHASES = [
    ("akut", "Akut", "Es passiert gerade oder ist eben passiert"),
    ("danach", "Danach", "Die ersten Tage und Wochen danach"),
    ("vorbeugen", "Vorbeugen", "Sich schützen, bevor etwas passiert"),
]


def ensure_bundeslaender() -> None:
    """The 16 Länder come from a migration; tests that flush the database get them back here."""
    for key, iso_code, name, slug in BUNDESLAENDER:
        Bundesland.objects.update_or_create(key=key, defaults={"iso_code": iso_code, "name": name, "slug": slug})


def load_taxonomy() -> None:
    for model, terms in ((Situation, SITUATIONS), (Channel, CHANNELS), (Phase, PHASES)):
        for order, (slug, name, description) in enumerate(terms):
            defaults = {"name": name, "description": description, "sort_order": order}
            if model is Situation:
                defaults["complaint_deadline"] = slug in DEADLINE_SITUATIONS
            model.objects.update_or_create(slug=slug, defaults=defaults)


def load(home=None) -> None:
    ensure_bundeslaender()
    load_taxonomy()
    # The settings row exists before the first page is rendered: created while rendering, it would count as
    # a content change and the page cache would store that page under an outdated generation.
    OpenDataSettings.load()
    ensure_kontaktpflege_group()
    contacts = load_contacts()
    if home is not None:
        load_pages(home, contacts)


# Every contact from shared/content-facts.md, and nothing that is not there. None carries a verified_on
# date: these are notes from public sources that no one on the team has checked yet, so all of them
# start in the "Zu prüfen" list. `phones` are (label, number, hours).
ALL_SITUATIONS = [slug for slug, _name, _description in SITUATIONS]
ONLINE = ["beleidigung", "bedrohung", "hatestorm", "doxing"]  # what happens on the net, threats included
# For most regional entries the facts name no phone, e-mail or website, and none is invented. A contact must
# say how to reach it (Contact.clean), so these say: through the Starke Stelle, which the facts name as the
# navigator to the Länder's support. It reads as "Erreichbar: …" on the cards and stands below the Starke
# Stelle in a plan (Plan.call_first). Not "noch geprüft": visitors never see a review state (docs/content.md).
NO_DETAILS = "über die Starke Stelle, die Sie weitervermittelt"
CONTACTS = [
    {
        "key": "polizei-notruf",
        "tagline": "Notruf bei Gefahr, Tag und Nacht.",
        "name": "Polizei-Notruf",
        "kind": "polizei",
        "nationwide": True,
        "description": "Wenn Sie in Gefahr sind oder gerade angegriffen oder bedroht werden.",
        "phones": [("Notruf", "110", "")],
        "is_emergency_number": True,
        "situations": ["bedrohung", "koerperlicher-angriff", "sachbeschaedigung"],
    },
    {
        "key": "starke-stelle",
        "tagline": "Bundesweite Anlaufstelle für kommunale Amts- und Mandatsträgerinnen und -träger: kostenlos, "
        "vertraulich, auf Wunsch anonym.",
        "name": "Starke Stelle",
        "kind": "opferberatung",
        "nationwide": True,
        "description": (
            "Anlaufstelle für kommunale Amts- und Mandatsträgerinnen und -träger. Das Deutsche Forum für "
            "Kriminalprävention (DFK) betreibt sie seit dem 1. August 2024 im Auftrag des "
            "Bundesministeriums des Innern. Sie lotst zu den Hilfsangeboten von Ländern und Bund und "
            "pflegt ein Netzwerk von Partnern. Videogespräche nach Vereinbarung."
        ),
        "phones": [("Beratung", "0800 300 99 44", "Mo–Fr 9–16 Uhr")],
        "email": "info@starkestelle.de",
        "availability": "Videogespräche nach Vereinbarung",
        "anonymous_possible": True,
        "free_of_charge": True,
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "telefonseelsorge",
        "tagline": "Gespräch, wenn Sie belastet sind: kostenlos, Tag und Nacht.",
        "name": "Telefonseelsorge",
        "kind": "psychosozial",
        "nationwide": True,
        "description": "Gespräch, wenn Sie belastet sind, kostenlos und Tag und Nacht.",
        "phones": [("", "0800 111 0 111", ""), ("", "0800 111 0 222", ""), ("", "116 123", "")],
        "is_emergency_number": True,
        "availability": "Tag und Nacht",
        "free_of_charge": True,
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "hateaid",
        "tagline": "Beratung bei digitaler Gewalt per Telefon, E-Mail und Chat.",
        "channels": ["online"],
        "name": "HateAid",
        "kind": "opferberatung",
        "nationwide": True,
        "description": (
            "Beratung bei digitaler Gewalt per Telefon, E-Mail und Chat. Übernimmt in geeigneten Fällen die "
            "Kosten für Zivilverfahren. Seit 2025 „Trusted Flagger“ nach dem Digital Services Act."
        ),
        "website": "https://hateaid.org",
        "availability": "Beratung per Telefon, E-Mail und Chat",
        "situations": ONLINE,
    },
    {
        "key": "weisser-ring",
        "tagline": "Hilfe für Opfer von Straftaten, am Opfer-Telefon und vor Ort.",
        "name": "Weisser Ring",
        "kind": "opferberatung",
        "nationwide": True,
        "description": "Hilfe für Opfer von Straftaten: Opfer-Telefon, Beratung per E-Mail und rund 400 Außenstellen.",
        "phones": [("Opfer-Telefon", "116 006", "")],
        "website": "https://weisser-ring.de",
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "respect",
        "tagline": "Meldestelle für Hass im Netz: Meldungen auch anonym.",
        "channels": ["online"],
        "name": "REspect!",
        "kind": "meldestelle",
        "nationwide": True,
        "description": (
            "Bundesweite Meldestelle für Hass im Netz der Jugendstiftung Baden-Württemberg. Prüft gemeldete "
            "Inhalte, bittet Plattformen um Löschung und erstattet Strafanzeige. Meldungen auch anonym. "
            "Erster „Trusted Flagger“ nach dem Digital Services Act (Oktober 2024)."
        ),
        "website": "https://meldestelle-respect.de",
        "anonymous_possible": True,
        "situations": ONLINE,
    },
    {
        "key": "vbrg",
        "name": "VBRG – Verband der Beratungsstellen für Betroffene rechter, rassistischer und antisemitischer Gewalt",
        "kind": "opferberatung",
        "nationwide": True,  # the facts do not say which 14 Länder; the note says what is known
        "coverage_note": "Beratungsstellen in 14 Ländern",
        "description": (
            "Beratungsstellen in 14 Ländern für Betroffene rechter, rassistischer und antisemitischer Gewalt: "
            "kostenlos, vertraulich und auf der Seite der Betroffenen. Hilfe bei "
            "Nebenklage und Entschädigung, Begleitung zu Polizei und Gericht."
        ),
        "website": "https://verband-brg.de",
        "free_of_charge": True,
        # Violence, threats of it and damage (the facts: "rechte, rassistische und antisemitische Gewalt");
        # not an insult alone.
        "situations": ["bedrohung", "koerperlicher-angriff", "sachbeschaedigung"],
    },
    # Regional contacts: marked "(check)" in the facts.
    {
        "key": "zamat-bw",
        "name": "ZAMAT – Ansprechstelle beim Landeskriminalamt Baden-Württemberg",
        "kind": "polizei",
        "laender": ["baden-wuerttemberg"],
        "description": (
            "Ansprechstelle für Amts- und Mandatsträgerinnen und -träger beim Landeskriminalamt, Tag und "
            "Nacht erreichbar. "
            "Bei den Staatsanwaltschaften gibt es Sonderdezernate für Hasskriminalität."
        ),
        "phones": [("", "0711 5401-3003", "Tag und Nacht")],
        "availability": "Tag und Nacht",
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "bayern-gegen-hass",
        "channels": ["online"],
        "name": "Hate-Speech-Beauftragter der Generalstaatsanwaltschaft München",
        "kind": "justiz",
        "laender": ["bayern"],
        "description": "Online-Meldeverfahren für Amts- und Mandatsträgerinnen und -träger.",
        "website": "https://bayern-gegen-hass.de",
        "situations": ONLINE,
    },
    {
        "key": "lka-berlin",
        "name": "Beratungstelefon für Amts- und Mandatsträgerinnen und -träger beim LKA Berlin (Staatsschutz)",
        "kind": "polizei",
        "laender": ["berlin"],
        "description": "Zentrales Beratungstelefon beim Staatsschutz des Landeskriminalamts.",
        "availability": "über die Polizei (die Nummer ist nicht veröffentlicht)",
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "starke-demokratie-hamburg",
        "name": "Starke Demokratie e.V.",
        "kind": "sonstiges",
        "laender": ["hamburg"],
        "description": "Sprechstunden gemeinsam mit Polizei und Staatsanwaltschaft.",
        "availability": "Sprechstunden mit Polizei und Staatsanwaltschaft",
    },
    {
        "key": "hessen-gegen-hetze",
        "channels": ["online"],
        "name": "Hessen gegen Hetze",
        "kind": "meldestelle",
        "laender": ["hessen"],
        "description": "Meldestelle für Hass und Hetze im Netz in Hessen.",
        "website": "https://hessengegenhetze.de",
        "situations": ONLINE,
    },
    {
        "key": "zit-hessen",
        "channels": ["online"],
        "name": "ZIT bei der Generalstaatsanwaltschaft Frankfurt",
        "kind": "justiz",
        "laender": ["hessen"],
        "availability": NO_DETAILS,
        "situations": ONLINE,
    },
    {
        "key": "lka-niedersachsen",
        "name": "Landeskriminalamt Niedersachsen",
        "kind": "polizei",
        "laender": ["niedersachsen"],
        "description": "Hinweise des LKA für Amts- und Mandatsträgerinnen und -träger.",
        "availability": NO_DETAILS,
    },
    {
        "key": "zentralstelle-hasskriminalitaet-goettingen",
        "name": "Zentralstelle Hasskriminalität bei der Staatsanwaltschaft Göttingen",
        "kind": "justiz",
        "laender": ["niedersachsen"],
        "availability": NO_DETAILS,
        "situations": ONLINE,
    },
    {
        "key": "ansprechstelle-nrw",
        "name": "Zentrale Ansprechstelle im Innenministerium Nordrhein-Westfalen",
        "kind": "polizei",
        "laender": ["nordrhein-westfalen"],
        "description": "Zentrale Ansprechstelle für Amts- und Mandatsträgerinnen und -träger, Tag und Nacht "
            "erreichbar.",
        "phones": [("", "0211 871-3131", "Tag und Nacht")],
        "availability": "Tag und Nacht",
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "zac-nrw",
        "channels": ["online"],
        "name": "ZAC NRW bei der Staatsanwaltschaft Köln",
        "kind": "justiz",
        "laender": ["nordrhein-westfalen"],
        "availability": NO_DETAILS,
        "situations": ONLINE,
    },
    {
        "key": "lka-rheinland-pfalz",
        "tagline": "Hotline des Landeskriminalamts, Tag und Nacht erreichbar.",
        "name": "Hotline des Landeskriminalamts Rheinland-Pfalz",
        "kind": "polizei",
        "laender": ["rheinland-pfalz"],
        "phones": [("Hotline", "06131 65-65250", "Tag und Nacht")],
        "availability": "Tag und Nacht",
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "zastex-sachsen",
        "tagline": "Anlaufstelle beim Landeskriminalamt Sachsen.",
        "name": "ZASTEX beim Landeskriminalamt Sachsen",
        "kind": "polizei",
        "laender": ["sachsen"],
        "phones": [("", "0351 855-2223", "")],
        "situations": ALL_SITUATIONS,
    },
    {
        "key": "zebra-sh",
        "name": "ZEBRA",
        "kind": "opferberatung",
        "laender": ["schleswig-holstein"],
        "description": "Beratung für Betroffene.",
        "availability": NO_DETAILS,
    },
    {
        "key": "ezra-thueringen",
        "name": "ezra",
        "kind": "opferberatung",
        "laender": ["thueringen"],
        "description": "Beratung für Betroffene.",
        "availability": NO_DETAILS,
    },
    {
        "key": "elly-thueringen",
        "channels": ["online"],
        "name": "elly",
        "kind": "sonstiges",
        "laender": ["thueringen"],
        "description": "Unterstützung bei Hass im Netz.",
        "availability": NO_DETAILS,
        "situations": ONLINE,
    },
]


def load_contacts() -> dict[str, Contact]:
    """Create or update every demo contact by its key and publish it; returns them by key."""
    laender = {land.slug: land for land in Bundesland.objects.all()}
    situations = {situation.slug: situation for situation in Situation.objects.all()}
    channels = {channel.slug: channel for channel in Channel.objects.all()}
    contacts = {}
    for entry in CONTACTS:
        data = dict(entry)
        key = data.pop("key")
        phones = data.pop("phones", [])
        land_slugs = data.pop("laender", [])
        situation_slugs = data.pop("situations", [])
        channel_slugs = data.pop("channels", [])
        contact = Contact.objects.filter(key=key).first() or Contact(key=key)
        is_new = contact.pk is None
        # Start from the model defaults so a field dropped from the list above is cleared again.
        for name, value in {**CONTACT_DEFAULTS, **data}.items():
            setattr(contact, name, value)
        contact.is_demo = True
        contact.bundeslaender = [laender[slug] for slug in land_slugs]
        contact.situations = [situations[slug] for slug in situation_slugs]
        contact.channels = [channels[slug] for slug in channel_slugs]
        contact.phone_numbers = [ContactPhone(label=label, number=n, hours=h) for label, n, h in phones]
        contact.full_clean()
        contact.save()
        # A new contact's history starts with its first publication, so staff can compare the first change
        # with it; reloading the demo adds no entry each time.
        if is_new:
            log(instance=contact, action="wagtail.create")
        contact.save_revision(log_action=False).publish(log_action=is_new)
        contacts[key] = contact
    return contacts


CONTACT_DEFAULTS = {
    "tagline": "",
    "description": "",
    "nationwide": False,
    "coverage_note": "",
    "email": "",
    "website": "",
    "postal_address": "",
    "availability": "",
    "languages": "",
    "anonymous_possible": False,
    "free_of_charge": False,
    "source_url": "",
    "is_emergency_number": False,
    "verified_on": None,
    "verified_by": "",
}

FINDER_INTRO = (
    "<p>Wählen Sie Ihr Bundesland. Sie sehen dann die Stellen dort und alle, die bundesweit helfen. "
    "Sie können die Auswahl nach dem, was passiert ist, und nach der Art der Stelle eingrenzen.</p>"
)
STARKE_STELLE_BODY = (
    "<h2>Wer die Starke Stelle ist</h2>"
    "<p>Die Starke Stelle ist die Anlaufstelle für kommunale Amts- und Mandatsträgerinnen und -träger, die "
    "beleidigt, bedroht oder angegriffen werden. Das Deutsche Forum für Kriminalprävention (DFK) betreibt "
    "sie seit dem 1. August 2024 im Auftrag des Bundesministeriums des Innern.</p>"
    "<h2>Was sie anbietet</h2>"
    "<ul><li>Beratung am Telefon und per E-Mail, Videogespräche nach Vereinbarung</li>"
    "<li>kostenlos und vertraulich, auf Wunsch anonym</li>"
    "<li>Sie lotst Sie zu den passenden Hilfsangeboten von Ländern und Bund.</li>"
    "<li>Sie pflegt ein Netzwerk von Partnern.</li></ul>"
    "<p>Sie sind nicht allein: In den ersten acht Monaten gingen 151 Anfragen ein, 2025 waren es mehr als 260.</p>"
)


def load_pages(home, contacts) -> None:
    from contacts.models import ContactFinderPage, StarkeStellePage
    from demo.utils import upsert_page

    upsert_page(
        home,
        ContactFinderPage,
        "hilfe-in-ihrem-bundesland",
        title="Anlaufstellen in Ihrem Land",
        teaser="Ansprechstellen in Ihrem Bundesland und bundesweit: Polizei, Justiz, Meldestellen und Beratung.",
        intro=FINDER_INTRO,
    )
    upsert_page(
        home,
        StarkeStellePage,
        "starke-stelle",
        title="Starke Stelle",
        teaser="Die Anlaufstelle für kommunale Amts- und Mandatsträgerinnen und -träger: kostenlos, "
            "vertraulich, auf Wunsch anonym.",
        intro="Beratung und Lotse zu Hilfe von Ländern und Bund, wenn Sie im Amt angefeindet werden.",
        body=STARKE_STELLE_BODY,
        contact=contacts["starke-stelle"],
    )
