"""Demo content of the magazine and of "Aktuelles & Termine". Called by `manage.py load_demo_content`.

Texts are our own, written only from ../shared/content-facts.md. People are invented and say so; the
experience report is a fictional composite; events are "Beispieltermine" with dates computed at load time.
No video: no real video address is known, and a demo must not request a third party.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from demo.utils import callout, heading, paragraph, upsert_page
from magazine.editorial import setup_editorial_groups
from magazine.models import (
    ArticleAuthor,
    ArticleKind,
    ArticlePage,
    Author,
    EventPage,
    MagazineIndexPage,
    MagazineSectionPage,
    NewsIndexPage,
    NewsKind,
    NewsPage,
    NewsSectionPage,
)
from portal.models import PartnerPage

STAEDTETAG = "deutscher-staedtetag"
LANDKREISTAG = "deutscher-landkreistag"
DSTGB = "deutscher-staedte-und-gemeindebund"
KOERBER = "koerber-stiftung"

AUTHORS = [
    {
        "name": "Jana Beispiel",
        "role": "Redakteurin (erfundene Demo-Person)",
        "bio": "Jana Beispiel gibt es nicht: Sie ist eine erfundene Person für die Demo-Inhalte dieses Portals. "
        "Vor dem Livegang ersetzt die Redaktion sie durch echte Autorinnen und Autoren.",
    },
    {
        "name": "Tom Muster",
        "role": "Fachautor (erfundene Demo-Person)",
        "bio": "Tom Muster ist eine erfundene Person für die Demo-Inhalte. Seine Beiträge fassen zusammen, "
        "was Stark im Amt zu Beweissicherung, Anzeige und Unterstützung empfiehlt.",
    },
]


def quote(text: str, attribution: str = "") -> tuple[str, dict]:
    return ("quote", {"text": text, "attribution": attribution})


def standpoint(text: str, attribution: str = "") -> tuple[str, dict]:
    return ("standpoint", {"text": text, "attribution": attribution})


def related(pages, title: str = "Mehr dazu im Ratgeber"):
    pages = [p for p in pages if p is not None]
    return [("related_pages", {"heading": title, "pages": pages})] if pages else []


def contacts_block(contacts):
    contacts = [c for c in contacts if c is not None]
    return [("contacts", {"heading": "Hier finden Sie Hilfe", "contacts": contacts})] if contacts else []


def _contact(key: str):
    from contacts.models import Contact

    return Contact.objects.filter(key=key, live=True).first()


def _guidance(slug: str):
    from portal.models import GuidancePage

    return GuidancePage.objects.live().filter(slug=slug).first()


def articles() -> list[dict]:
    return [
        {
            "section": DSTGB,
            "slug": "als-die-drohungen-kamen",
            "title": "Als die Drohungen kamen: Eine Bürgermeisterin erzählt",
            "kind": ArticleKind.EXPERIENCE,
            "days_ago": 3,
            "authors": ["Jana Beispiel"],
            "tags": ["Bedrohung", "Beweise sichern", "Solidarität"],
            "teaser": "Erst Kommentare im Netz, dann ein Brief an die Privatadresse. Ein Erfahrungsbericht – "
            "erfunden, aber zusammengesetzt aus dem, was viele Betroffene erleben.",
            "body": [
                callout(
                    "info",
                    "Erfundener Bericht",
                    "<p>Diesen Bericht gibt es so nicht. Er ist ein Demo-Inhalt: eine erfundene Person, "
                    "zusammengesetzt aus typischen Erfahrungen. Namen und Orte nennen wir nicht.</p>",
                ),
                paragraph(
                    "<p>Sie ist seit einigen Jahren ehrenamtliche Bürgermeisterin einer kleinen Gemeinde. "
                    "Nach einer umstrittenen Entscheidung im Gemeinderat häufen sich die Kommentare unter "
                    "ihren Beiträgen in den sozialen Medien. Erst sind sie nur unfreundlich, dann beleidigend. "
                    "Eines Morgens liegt ein Brief ohne Absender in ihrem Briefkasten – zu Hause, nicht im "
                    "Rathaus.</p>"
                ),
                heading("Nicht antworten, sondern sichern"),
                paragraph(
                    "<p>Ihr erster Impuls ist, zurückzuschreiben. Sie tut es nicht. Stattdessen macht sie "
                    "Bildschirmfotos mit Datum und Uhrzeit, speichert die Adressen der Beiträge und der Profile "
                    "und bewahrt den Brief im Original auf. Sie notiert, wer die Kommentare zuerst gesehen "
                    "hat und wann.</p>"
                ),
                quote(
                    "Am schlimmsten war das Gefühl, allein damit zu sein. Das hat sich geändert, als ich "
                    "darüber gesprochen habe.",
                    "die erfundene Bürgermeisterin dieses Berichts",
                ),
                heading("Anzeige und Antrag"),
                paragraph(
                    "<p>Mit ihren Unterlagen geht sie zur Polizei und erstattet Anzeige. Für die Beleidigungen "
                    "stellt sie zusätzlich einen Strafantrag – das ist bei Ehrdelikten in der Regel nötig, und zwar "
                    "innerhalb "
                    "von drei Monaten, nachdem man von der Tat und der Person erfahren hat.</p>"
                ),
                heading("Was geholfen hat"),
                paragraph(
                    "<ul><li>Sie hat nicht allein entschieden, sondern ihre Familie und den Gemeinderat "
                    "einbezogen.</li><li>Sie hat eine Auskunftssperre im Melderegister beantragt, damit die "
                    "Meldebehörde ihre Adresse nicht an Privatpersonen und Firmen herausgibt.</li><li>Sie hat sich "
                    "beraten lassen: Die Starke Stelle "
                    "berät kostenlos und vertraulich, auf Wunsch anonym.</li></ul>"
                ),
                *contacts_block([_contact("starke-stelle")]),
                *related([_guidance("beweise-sichern"), _guidance("anzeige-und-strafantrag")]),
            ],
        },
        {
            "section": STAEDTETAG,
            "slug": "interview-beweise-und-anzeige",
            "title": "„Sichern Sie alles, bevor es gelöscht wird“",
            "kind": ArticleKind.INTERVIEW,
            "days_ago": 10,
            "authors": ["Tom Muster", "Jana Beispiel"],
            "tags": ["Beweise sichern", "Anzeige", "Hass im Netz"],
            "teaser": "Wie sichere ich Beweise, wo erstatte ich Anzeige, und warum ist der Strafantrag so "
            "wichtig? Ein Gespräch über die ersten Schritte nach einer Anfeindung.",
            "body": [
                callout(
                    "info",
                    "Demo-Interview",
                    "<p>Beide Personen im Gespräch sind für die Demo erfunden. Die Inhalte entsprechen den "
                    "Empfehlungen von Stark im Amt.</p>",
                ),
                heading("Was ist das Wichtigste in den ersten Minuten?", "h2"),
                paragraph(
                    "<p><strong>Tom Muster:</strong> Nehmen Sie es ernst und antworten Sie dem Absender nicht. "
                    "Dann sichern Sie Beweise: ein Bildschirmfoto mit Datum und Uhrzeit, dazu den Verlauf "
                    "drumherum und das Profil der Person. Notieren Sie die Adressen des Beitrags und des "
                    "Profils. Beiträge verschwinden oft schnell.</p>"
                ),
                heading("Und wenn die Drohung am Telefon kommt?", "h2"),
                paragraph(
                    "<p><strong>Tom Muster:</strong> Sagen Sie nichts, lassen Sie, wenn möglich, jemanden "
                    "mithören, und notieren Sie die Uhrzeit. Briefe, Sprachnachrichten und Anruflisten "
                    "heben Sie auf.</p>"
                ),
                heading("Wo zeige ich das an?", "h2"),
                paragraph(
                    "<p><strong>Tom Muster:</strong> Bei jeder Polizeidienststelle oder online – die meisten "
                    "Länder haben eine Online-Wache. Die ist aber nicht für Notfälle da: Bei akuter Gefahr "
                    "wählen Sie 110.</p>"
                ),
                standpoint("Wer Beweise sichert, verschafft sich Zeit – und der Justiz eine Grundlage."),
                heading("Warum reicht die Anzeige bei Beleidigungen nicht?", "h2"),
                paragraph(
                    "<p><strong>Tom Muster:</strong> Bei Ehrdelikten, also den §§ 185 bis 187 StGB, brauchen "
                    "Sie in der Regel zusätzlich einen Strafantrag. Er muss innerhalb von drei Monaten gestellt "
                    "werden, "
                    "nachdem Sie von der Tat und der Person erfahren haben. § 188 StGB schützt Menschen im "
                    "politischen Leben besonders.</p>"
                ),
                heading("Und die Plattformen?", "h2"),
                paragraph(
                    "<p><strong>Tom Muster:</strong> Melden Sie den Inhalt der Plattform und zusätzlich einer "
                    "Meldestelle wie REspect!, HateAid oder – in Hessen – Hessen gegen Hetze. REspect! prüft, ob "
                    "der Inhalt strafbar ist, bittet die Plattform um Löschung und erstattet Strafanzeige.</p>"
                ),
                *contacts_block([_contact("hateaid"), _contact("respect")]),
                *related([_guidance("beweise-sichern"), _guidance("anzeige-und-strafantrag")]),
            ],
        },
        {
            "section": LANDKREISTAG,
            "slug": "standpunkt-solidaritaet",
            "title": "Solidarität ist keine Geste, sondern Pflicht",
            "kind": ArticleKind.STANDPOINT,
            "days_ago": 17,
            "authors": ["Jana Beispiel"],
            "tags": ["Solidarität"],
            "teaser": "Wer angefeindet wird, darf nicht allein bleiben. Ein Standpunkt dazu, was Räte, "
            "Verwaltungen und Öffentlichkeit tun können.",
            "body": [
                paragraph(
                    "<p>38 Prozent der Kommunalpolitikerinnen und Kommunalpolitiker erleben Anfeindungen, "
                    "Beleidigungen, Bedrohungen oder Übergriffe, viele von ihnen wiederholt. Das zeigt das "
                    "Kommunale Monitoring KoMo, das das Bundeskriminalamt mit den kommunalen "
                    "Spitzenverbänden durchführt. Der Wert ist seit Jahren hoch.</p>"
                ),
                standpoint(
                    "Ein Angriff auf eine Bürgermeisterin ist ein Angriff auf die Gemeinde, die sie gewählt hat.",
                    "Demo-Standpunkt",
                ),
                heading("Was Solidarität konkret heißt"),
                paragraph(
                    "<ul><li>Der Rat stellt sich öffentlich hinter Betroffene – über Parteigrenzen hinweg."
                    "</li><li>Die Verwaltung hilft bei Anzeige, Strafantrag und Auskunftssperre.</li>"
                    "<li>Kolleginnen und Kollegen fragen nach und lassen niemanden allein.</li></ul>"
                ),
                paragraph(
                    "<p>Die meisten Mandatsträgerinnen und Mandatsträger in den Kommunen sind ehrenamtlich "
                    "tätig. Sie verdienen Schutz und Rückhalt. Die Botschaft von Stark im Amt lautet: Sie sind "
                    "nicht allein.</p>"
                ),
            ],
        },
        {
            "section": KOERBER,
            "slug": "expertenbeitrag-psychische-belastung",
            "title": "Wenn Anfeindungen an die Substanz gehen",
            "kind": ArticleKind.EXPERT,
            "days_ago": 24,
            "authors": ["Tom Muster"],
            "tags": ["Psychische Belastung", "Solidarität"],
            "teaser": "Anfeindungen belasten – auch lange nach dem Vorfall. Woran Sie Überlastung erkennen "
            "und wo Sie Unterstützung bekommen.",
            "body": [
                paragraph(
                    "<p>In einer Umfrage von forsa für die Körber-Stiftung unter 1.641 Bürgermeisterinnen "
                    "und Bürgermeistern im Jahr 2021 gaben 19 Prozent an, schon einmal daran gedacht zu haben, "
                    "ihr Amt aufzugeben. 68 Prozent hatten ihr Verhalten geändert.</p>"
                ),
                heading("Belastung ernst nehmen"),
                paragraph(
                    "<p>Schlafprobleme, ständige Anspannung, der Rückzug aus Gesprächen oder aus den sozialen "
                    "Medien: Das sind verständliche Reaktionen. Sprechen Sie darüber – mit Menschen, denen Sie "
                    "vertrauen, und mit Fachleuten.</p>"
                ),
                quote("Hilfe zu holen ist kein Zeichen von Schwäche, sondern von Verantwortung.", "Tom Muster"),
                heading("Wer zuhört"),
                paragraph(
                    "<p>Die Telefonseelsorge ist kostenlos und Tag und Nacht erreichbar: 0800 111 0 111, "
                    "0800 111 0 222 oder 116 123. Die Starke Stelle berät kommunale Amts- und "
                    "Mandatsträgerinnen und -träger vertraulich "
                    "und auf Wunsch anonym und vermittelt an Hilfsangebote von Ländern und Bund.</p>"
                ),
                *contacts_block([_contact("telefonseelsorge"), _contact("starke-stelle")]),
                *related([_guidance("psychische-belastung-und-unterstuetzung")]),
            ],
        },
        {
            "section": STAEDTETAG,
            "slug": "expertenbeitrag-auskunftssperre",
            "title": "Die eigene Adresse schützen: die Auskunftssperre",
            "kind": ArticleKind.EXPERT,
            "days_ago": 31,
            "authors": ["Tom Muster"],
            "tags": ["Adressschutz", "Prävention"],
            "teaser": "Wer bedroht wird, kann beantragen, dass die Meldebehörde die Privatadresse nicht an "
            "Privatpersonen und Firmen herausgibt. "
            "So funktioniert die Auskunftssperre nach § 51 Bundesmeldegesetz.",
            "body": [
                paragraph(
                    "<p>Das Melderegister gibt unter bestimmten Voraussetzungen Auskunft über Adressen. Wer "
                    "bedroht wird, kann eine Auskunftssperre nach § 51 Bundesmeldegesetz beantragen.</p>"
                ),
                heading("Das Wichtigste in Kürze"),
                paragraph(
                    "<ul><li>Der Antrag wird schriftlich gestellt.</li><li>Sie müssen eine Gefahr glaubhaft "
                    "machen, zum Beispiel mit gesicherten Drohungen.</li><li>Die Sperre gilt zwei Jahre und "
                    "kann verlängert werden.</li><li>Sie schützt auch Familienmitglieder, die unter derselben "
                    "Adresse wohnen.</li><li>Privatpersonen und Firmen bekommen die Adresse dann nicht mehr; "
                    "Behörden erhalten sie weiterhin.</li></ul>"
                ),
                standpoint("Wer ein Amt übernimmt, muss nicht sein Zuhause preisgeben."),
                heading("Und im Netz?"),
                paragraph(
                    "<p>Prüfen Sie die Privatsphäre-Einstellungen Ihrer Profile, verwenden Sie starke "
                    "Passwörter und schalten Sie die Zwei-Faktor-Authentifizierung ein.</p>"
                ),
                *related([_guidance("auskunftssperre-im-melderegister")]),
            ],
        },
        {
            "section": KOERBER,
            "slug": "standpunkt-was-die-zahlen-sagen",
            "title": "Was die Zahlen sagen – und was sie von uns verlangen",
            "kind": ArticleKind.STANDPOINT,
            "days_ago": 38,
            "authors": ["Jana Beispiel"],
            "tags": ["Zahlen", "Solidarität", "Hass im Netz"],
            "teaser": "57 Prozent der befragten Bürgermeisterinnen und Bürgermeister waren betroffen. Ein "
            "Standpunkt zu einer Umfrage, die wachrüttelt.",
            "body": [
                paragraph(
                    "<p>2021 hat forsa für die Körber-Stiftung 1.641 Bürgermeisterinnen und Bürgermeister "
                    "befragt. 57 Prozent von ihnen waren schon einmal von Anfeindungen betroffen. 37 Prozent "
                    "meiden die sozialen Medien weitgehend.</p>"
                ),
                standpoint(
                    "Wenn Amtsträgerinnen und Amtsträger schweigen, um sich zu schützen, verliert die Demokratie "
                    "Stimmen."
                ),
                paragraph(
                    "<p>Auch das Kommunale Monitoring KoMo zeigt: Der Anteil der Betroffenen bleibt hoch – "
                    "34 Prozent im Frühjahr 2022, 39 Prozent im Herbst 2022, zuletzt 38 Prozent. Das "
                    "Monitoring findet inzwischen jährlich statt.</p>"
                ),
                paragraph(
                    "<p>Die Zahlen verlangen zweierlei: Betroffene müssen schnell Hilfe finden, und alle anderen "
                    "müssen hinsehen. Dafür gibt es Stark im Amt.</p>"
                ),
            ],
        },
    ]


def news_items(today) -> list[dict]:
    return [
        {
            "section": STAEDTETAG,
            "slug": "starke-stelle-zahlen",
            "title": "Starke Stelle: mehr als 260 Anfragen im Jahr 2025",
            "kind": NewsKind.NEWS,
            "date": today - timedelta(days=2),
            "teaser": "Die bundesweite Anlaufstelle für angefeindete kommunale Amts- und Mandatsträgerinnen "
                "und -träger in Zahlen.",
            "body": [
                paragraph(
                    "<p>Seit dem 1. August 2024 betreibt das Deutsche Forum für Kriminalprävention im Auftrag "
                    "des Bundesministeriums des Innern die Starke Stelle. In ihren ersten acht Monaten gingen "
                    "151 Anfragen ein. Im Jahr 2025 waren es mehr als 260.</p>"
                    "<p>Die Starke Stelle ist Montag bis Freitag von 9 bis 16 Uhr unter 0800 300 99 44 "
                    "erreichbar. Die Beratung ist kostenlos und vertraulich, auf Wunsch anonym; Videogespräche "
                    "sind nach Vereinbarung möglich.</p>"
                ),
            ],
            "partners": [],
        },
        {
            "section": LANDKREISTAG,
            "slug": "komo-38-prozent",
            "title": "KoMo: 38 Prozent der Kommunalpolitikerinnen und -politiker erleben Anfeindungen",
            "kind": NewsKind.STUDY,
            "date": today - timedelta(days=9),
            "teaser": "Das Kommunale Monitoring zu Hass, Hetze und Gewalt zeigt: Das Niveau bleibt hoch.",
            "body": [
                paragraph(
                    "<p>Das Kommunale Monitoring zu Hass, Hetze und Gewalt gegenüber Amtsträgerinnen und "
                    "Amtsträgern (KoMo) führt das Bundeskriminalamt gemeinsam mit den drei kommunalen "
                    "Spitzenverbänden durch. 38 Prozent der Kommunalpolitikerinnen und Kommunalpolitiker "
                    "erleben verbale oder digitale Anfeindungen, Beleidigungen, Bedrohungen oder Übergriffe, "
                    "viele von ihnen wiederholt.</p>"
                    "<p>Frühere Befragungen ergaben 34 Prozent (Frühjahr 2022) und 39 Prozent (Herbst 2022). "
                    "Das Monitoring findet inzwischen jährlich statt.</p>"
                ),
            ],
            "partners": [STAEDTETAG, LANDKREISTAG, DSTGB],
        },
        {
            "section": DSTGB,
            "slug": "pressemitteilung-sie-sind-nicht-allein",
            "title": "Stark im Amt: Hilfe für angefeindete Kommunalpolitikerinnen und -politiker",
            "kind": NewsKind.PRESS_RELEASE,
            "date": today - timedelta(days=16),
            "teaser": "Die drei kommunalen Spitzenverbände erinnern an ihr gemeinsames Angebot: Sie sind "
            "nicht allein. (Demo-Pressemitteilung)",
            "body": [
                callout(
                    "info",
                    "Demo-Pressemitteilung",
                    "<p>Diese Pressemitteilung ist ein Beispiel aus den Demo-Inhalten.</p>",
                ),
                paragraph(
                    "<p>Der Deutsche Städtetag, der Deutsche Landkreistag und der Deutsche Städte- und "
                    "Gemeindebund betreiben Stark im Amt seit Frühjahr 2022 gemeinsam; die Körber-Stiftung ist "
                    "Projektpartnerin. Das Portal ist seit dem 29. April 2021 online.</p>"
                    "<p>Stark im Amt ist ein Lotse: Es zeigt Bürgermeisterinnen und Bürgermeistern, "
                    "Landrätinnen und Landräten und Ratsmitgliedern, was sie nach einer Anfeindung tun können, "
                    "wer ihnen hilft und wie sie vorbeugen.</p>"
                ),
            ],
            "partners": [STAEDTETAG, LANDKREISTAG, DSTGB],
        },
    ]


def events(now) -> list[dict]:
    local_today = timezone.localtime(now).date()

    def at(days: int, hour: int):
        return timezone.make_aware(datetime.combine(local_today + timedelta(days=days), time(hour, 0)))

    return [
        {
            "section": STAEDTETAG,
            "slug": "beispieltermin-online-sprechstunde",
            "title": "Beispieltermin: Online-Sprechstunde „Beweise sichern“",
            "start": at(21, 17),
            "end": at(21, 18),
            "location": "",
            "is_online": True,
            "organiser": "Redaktion Stark im Amt (Beispiel)",
            "teaser": "Beispieltermin aus den Demo-Inhalten: So könnte eine Online-Sprechstunde angekündigt werden.",
            "body": [
                paragraph(
                    "<p>Dies ist ein Beispieltermin. In einer solchen Sprechstunde könnte es darum gehen, wie "
                    "Sie Bildschirmfotos mit Datum und Uhrzeit anfertigen, Adressen von Beiträgen und Profilen "
                    "notieren und Briefe oder Sprachnachrichten aufbewahren.</p>"
                ),
            ],
        },
        {
            "section": LANDKREISTAG,
            "slug": "beispieltermin-austausch-ratsmitglieder",
            "title": "Beispieltermin: Austausch für Ratsmitglieder",
            "start": at(45, 18),
            "end": at(45, 20),
            "location": "Beispielort (Demo)",
            "is_online": False,
            "organiser": "Redaktion Stark im Amt (Beispiel)",
            "teaser": "Beispieltermin aus den Demo-Inhalten: ein Treffen vor Ort zum Thema Solidarität im Rat.",
            "body": [
                paragraph(
                    "<p>Dies ist ein Beispieltermin. Bei einem solchen Austausch könnten Ratsmitglieder "
                    "besprechen, wie sie einander nach Anfeindungen unterstützen.</p>"
                ),
            ],
        },
    ]


def load_authors() -> dict[str, Author]:
    authors = {}
    for data in AUTHORS:
        author, _ = Author.objects.update_or_create(
            name=data["name"], defaults={"role": data["role"], "bio": data["bio"], "is_demo": True}
        )
        authors[author.name] = author
    return authors


def load(home) -> None:
    # The partner pages anchor the per-partner sections; "Über uns" is loaded again later, which is safe.
    from demo.base import load_about

    load_about(home)
    magazine = upsert_page(
        home,
        MagazineIndexPage,
        "magazin",
        title="Magazin",
        teaser="Erfahrungen, Gespräche und Einschätzungen rund um Anfeindungen in der Kommunalpolitik.",
        intro="Erfahrungsberichte, Interviews, Standpunkte und Beiträge von Fachleuten: Was andere erlebt "
        "haben und was ihnen geholfen hat.",
    )
    news = upsert_page(
        home,
        NewsIndexPage,
        "aktuelles",
        title="Aktuelles & Termine",
        teaser="Neuigkeiten, Zahlen, Pressemitteilungen und Termine von Stark im Amt.",
        intro="Neuigkeiten, neue Zahlen, Pressemitteilungen der Partner und Termine, die Sie kennen sollten.",
    )
    setup_editorial_groups(log=lambda message: None)

    def section(model, index, partner_slug):
        return model.objects.child_of(index).get(partner__slug=partner_slug)

    authors = load_authors()
    for data in articles():
        page = upsert_page(
            section(MagazineSectionPage, magazine, data["section"]),
            ArticlePage,
            data["slug"],
            title=data["title"],
            kind=data["kind"],
            date=timezone.localdate() - timedelta(days=data["days_ago"]),
            teaser=data["teaser"],
            body=data["body"],
            authors=[ArticleAuthor(author=authors[name]) for name in data["authors"]],
        )
        if sorted(page.tags.names()) != sorted(data["tags"]):
            page.tags.set(data["tags"])
            page.save_revision(log_action=False).publish(log_action=False)

    partners = {p.slug: p for p in PartnerPage.objects.all()}
    for data in news_items(timezone.localdate()):
        upsert_page(
            section(NewsSectionPage, news, data["section"]),
            NewsPage,
            data["slug"],
            title=data["title"],
            kind=data["kind"],
            date=data["date"],
            teaser=data["teaser"],
            body=data["body"],
            issuing_partners=[partners[slug] for slug in data["partners"]],
        )
    for data in events(timezone.now()):
        fields = {k: v for k, v in data.items() if k not in {"section", "slug"}}
        upsert_page(section(NewsSectionPage, news, data["section"]), EventPage, data["slug"], **fields)
