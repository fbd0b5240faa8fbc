"""Demo content of the foundation: site, home page, "Über uns" with partners, legal pages, settings.

Texts are our own, written from ../shared/content-facts.md. Every page is flagged as demo content.
"""

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from demo.utils import callout, heading, paragraph, upsert_page
from portal.models import (
    AboutPage,
    EmergencySettings,
    HomePage,
    NavigationSettings,
    PartnerPage,
    StandardPage,
)
from portal.models.pages import PartnerRole

HOME_INTRO = (
    "Das Portal für alle in der Kommunalpolitik, die beleidigt, bedroht oder angegriffen werden – im Netz "
    "oder vor Ort. Hier steht, was Sie jetzt tun können und wer Ihnen hilft. Sie sind nicht allein."
)

PARTNERS = [
    {
        "slug": "deutscher-staedtetag",
        "forms": ("der Deutsche Städtetag", "des Deutschen Städtetags", "dem Deutschen Städtetag"),
        "title": "Deutscher Städtetag",
        "role": PartnerRole.SUPPORTER,
        "teaser": "Der Spitzenverband aller kreisfreien und der meisten kreisangehörigen Städte.",
        "description": (
            "<p>Im Deutschen Städtetag haben sich alle kreisfreien Städte und die meisten kreisangehörigen "
            "Städte zusammengeschlossen. Er vertritt rund 3.200 Städte und Gemeinden mit fast 53 Millionen "
            "Einwohnerinnen und Einwohnern. Rund 200 Städte sind unmittelbare Mitglieder, darunter alle "
            "kreisfreien Städte und die Stadtstaaten Berlin, Hamburg und Bremen.</p>"
            "<p>Der Städtetag spricht für die Städte gegenüber Bundesregierung, Bundestag, Bundesrat und "
            "Europäischer Union. Er tritt für die kommunale Selbstverwaltung ein, die das Grundgesetz "
            "garantiert. Er trägt Stark im Amt gemeinsam mit den beiden anderen kommunalen "
            "Spitzenverbänden.</p>"
        ),
        "website": "https://www.staedtetag.de",
    },
    {
        "slug": "deutscher-landkreistag",
        "forms": ("der Deutsche Landkreistag", "des Deutschen Landkreistags", "dem Deutschen Landkreistag"),
        "title": "Deutscher Landkreistag",
        "role": PartnerRole.SUPPORTER,
        "teaser": "Der Zusammenschluss der 294 deutschen Landkreise.",
        "description": (
            "<p>Der Deutsche Landkreistag ist der Zusammenschluss der 294 deutschen Landkreise. Seine "
            "unmittelbaren Mitglieder sind die Landkreistage und Landkreisverbände der 13 Flächenländer.</p>"
            "<p>Die Landkreise stehen für rund 96 Prozent der Fläche Deutschlands und für 55 Millionen "
            "Einwohnerinnen und Einwohner, das sind 68 Prozent der Bevölkerung. Der Landkreistag trägt "
            "Stark im Amt gemeinsam mit dem Städtetag und dem Städte- und Gemeindebund.</p>"
        ),
        "website": "https://www.landkreistag.de",
    },
    {
        "slug": "deutscher-staedte-und-gemeindebund",
        "forms": (
            "der Deutsche Städte- und Gemeindebund",
            "des Deutschen Städte- und Gemeindebundes",
            "dem Deutschen Städte- und Gemeindebund",
        ),
        "title": "Deutscher Städte- und Gemeindebund",
        "role": PartnerRole.SUPPORTER,
        "teaser": "Vertritt rund 11.000 große, mittlere und kleine Städte und Gemeinden.",
        "description": (
            "<p>Der Deutsche Städte- und Gemeindebund (DStGB) vertritt die Interessen der deutschen Städte "
            "und Gemeinden. In seinen 17 Mitgliedsverbänden sind rund 11.000 große, mittlere und kleine "
            "Kommunen organisiert.</p>"
            "<p>Der DStGB ist parteipolitisch unabhängig und arbeitet ohne staatliche Zuschüsse. Er ist ein "
            "eingetragener Verein mit Sitz in Berlin und trägt Stark im Amt gemeinsam mit dem Städtetag und "
            "dem Landkreistag.</p>"
        ),
        "website": "https://www.dstgb.de",
    },
    {
        "slug": "koerber-stiftung",
        "forms": ("die Körber-Stiftung", "der Körber-Stiftung", "der Körber-Stiftung"),
        "title": "Körber-Stiftung",
        "role": PartnerRole.PARTNER,
        "teaser": "Stark im Amt ist aus ihrer Initiative mit den drei Verbänden entstanden; sie ist Projektpartnerin.",
        "description": (
            "<p>Die Körber-Stiftung wurde 1959 von dem Unternehmer Kurt A. Körber gegründet. Sie hat "
            "Standorte in Hamburg und Berlin. Rund 130 Beschäftigte in Voll- und Teilzeit und etwa 90 "
            "Ehrenamtliche arbeiten für die Stiftung.</p>"
            "<p>Ihre Handlungsfelder heißen „Innovation“, „Internationale Verständigung“ und „Lebendige "
            "Bürgergesellschaft“. Stark im Amt ist aus einer Initiative der Körber-Stiftung mit den drei "
            "kommunalen Spitzenverbänden entstanden. Seit Frühjahr 2022 führen die Verbände das Portal; die "
            "Körber-Stiftung bleibt Partnerin.</p>"
        ),
        "website": "https://www.koerber-stiftung.de",
    },
    {
        "slug": "deutsches-forum-fuer-kriminalpraevention",
        "forms": (
            "das Deutsche Forum für Kriminalprävention",
            "des Deutschen Forums für Kriminalprävention",
            "dem Deutschen Forum für Kriminalprävention",
        ),
        "title": "Deutsches Forum für Kriminalprävention",
        "role": PartnerRole.CONTACT_POINT,
        "teaser": "Hat das Portal bei Fallbeispielen und Unterstützerprofilen beraten und betreibt die Starke Stelle.",
        "description": (
            "<p>Das Deutsche Forum für Kriminalprävention (DFK) hat das Portal bei den Fallbeispielen und den "
            "Unterstützerprofilen fachlich beraten.</p>"
            "<p>Seit dem 1. August 2024 betreibt das DFK im Auftrag des Bundesministeriums des Innern die "
            "„Starke Stelle“: die bundesweite Anlaufstelle für kommunale Amts- und Mandatsträgerinnen und -träger, "
            "die angefeindet werden. Die Starke Stelle berät kostenlos und vertraulich, auf Wunsch anonym, "
            "und vermittelt an Hilfsangebote von Ländern und Bund.</p>"
        ),
        "website": "",
    },
]


def ensure_root() -> Page:
    """The tree root, root collection and default locale; a test that flushed the database gets them back."""
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", live=True))
    return root


def load_home() -> HomePage:
    root = ensure_root()
    home = upsert_page(
        root,
        HomePage,
        "start",
        title="Stark im Amt",
        seo_title="Stark im Amt – Hilfe bei Anfeindungen, Hass und Gewalt in der Kommunalpolitik",
        teaser="Das Portal für kommunale Amts- und Mandatsträgerinnen und -träger, die angefeindet, bedroht "
            "oder angegriffen werden.",
        intro=HOME_INTRO,
        figure_value="38 %",
        figure_text=(
            "der Kommunalpolitikerinnen und Kommunalpolitiker erleben Anfeindungen, Beleidigungen, "
            "Bedrohungen oder Übergriffe – im Netz oder vor Ort, viele von ihnen wiederholt."
        ),
        figure_source=(
            "KoMo – Kommunales Monitoring zu Hass, Hetze und Gewalt gegenüber Amtsträgerinnen und "
            "Amtsträgern, Bundeskriminalamt mit den kommunalen Spitzenverbänden"
        ),
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = site.hostname or "localhost"
    site.port = site.port or 80
    site.site_name = "Stark im Amt"
    site.root_page = home
    site.save()
    # Wagtail's own welcome page is not part of the portal.
    Page.objects.child_of(root).exclude(pk=home.pk).filter(content_type__model="page").delete()
    return home


def load_about(home: HomePage) -> AboutPage:
    about = upsert_page(
        home,
        AboutPage,
        "ueber-uns",
        title="Über uns",
        show_in_menus=True,
        teaser="Wer hinter Stark im Amt steht, was das Portal will und wie Sie die Redaktion erreichen.",
        intro=(
            "Stark im Amt ist ein Lotse für Menschen in der Kommunalpolitik, die angefeindet, bedroht oder "
            "angegriffen werden. Das Portal zeigt Wege, mit einem Angriff umzugehen, die Verantwortlichen zur "
            "Rechenschaft zu ziehen und sich vor dem nächsten Mal zu schützen."
        ),
        body=[
            heading("Was wir wollen"),
            paragraph(
                "<p>Stark im Amt richtet sich an alle kommunalen Amts- und Mandatsträgerinnen und -träger: "
                "Bürgermeisterinnen und Bürgermeister, Landrätinnen und Landräte, Mitglieder von Stadt- und "
                "Gemeinderäten und Kreistagen. Die meisten von ihnen sind ehrenamtlich tätig. Das Portal ist "
                "auch für Beschäftigte der Kommunen und für alle da, die sich vor Ort politisch "
                "engagieren.</p>"
                "<ul><li>Wir zeigen, was Sie nach einer Anfeindung tun können, und nennen Ansprechpartner.</li>"
                "<li>Wir zeigen, wie Sie vorbeugen können.</li>"
                "<li>Wir machen das Thema öffentlich sichtbar und werben für Solidarität.</li></ul>"
                "<p>Unsere wichtigste Botschaft: Sie sind nicht allein.</p>"
            ),
            heading("Wie das Portal entstanden ist"),
            paragraph(
                "<p>Stark im Amt ist seit dem 29. April 2021 online. Bundespräsident Frank-Walter Steinmeier "
                "hat das Portal als Schirmherr freigeschaltet. Es ist aus einer Initiative der "
                "Körber-Stiftung mit den drei kommunalen Spitzenverbänden entstanden.</p>"
                "<p>Seit Frühjahr 2022 betreiben der Deutsche Städtetag, der Deutsche Landkreistag und der "
                "Deutsche Städte- und Gemeindebund das Portal gemeinsam. Die Körber-Stiftung bleibt "
                "Projektpartnerin. Das Deutsche Forum für Kriminalprävention hat bei den Fallbeispielen und "
                "den Unterstützerprofilen beraten und betreibt die Starke Stelle.</p>"
            ),
        ],
        contact_text=RichText(
            "<p>Haben Sie Hinweise, Fragen oder Anregungen? Schreiben Sie der Redaktion: "
            '<a href="mailto:stark-im-amt@staedtetag.de">stark-im-amt@staedtetag.de</a>.</p>'
        ),
    )
    for partner in PARTNERS:
        upsert_page(
            about,
            PartnerPage,
            partner["slug"],
            title=partner["title"],
            role=partner["role"],
            teaser=partner["teaser"],
            description=RichText(partner["description"]),
            website=partner["website"],
            name_nominative=partner["forms"][0],
            name_genitive=partner["forms"][1],
            name_dative=partner["forms"][2],
        )
    return about


def load_legal(home: HomePage) -> None:
    """Impressum (§ 5 DDG) and Datenschutzerklärung. Current law only: DDG and TDDDG, not TMG or TTDSG."""
    upsert_page(
        home,
        StandardPage,
        "impressum",
        title="Impressum",
        teaser="Angaben zum Anbieter nach § 5 Digitale-Dienste-Gesetz (DDG).",
        body=[
            heading("Angaben nach § 5 Digitale-Dienste-Gesetz (DDG)"),
            paragraph(
                "<p>Deutscher Städtetag<br/>Hausvogteiplatz 1<br/>Berlin</p>"  # <br/>: the editor cannot open <br>
                "<p>Stark im Amt wird gemeinsam vom Deutschen Städtetag, vom Deutschen Landkreistag und vom "
                "Deutschen Städte- und Gemeindebund betrieben. Projektpartnerin ist die Körber-Stiftung.</p>"
            ),
            heading("Kontakt"),
            paragraph(
                '<p>E-Mail: <a href="mailto:stark-im-amt@staedtetag.de">stark-im-amt@staedtetag.de</a></p>'
            ),
            heading("Hinweis für Betroffene"),
            paragraph(
                "<p>Die Redaktion bietet keine Beratung im Einzelfall und ist nicht rund um die Uhr erreichbar. "
                "Bei akuter Gefahr rufen Sie die Polizei unter 110.</p>"
            ),
            callout(
                "warning",
                "Demo-Inhalt",
                "<p>Vor dem Livegang ergänzt die Redaktion die weiteren Pflichtangaben nach § 5 DDG: die "
                "vollständige Anschrift mit Postleitzahl, die vertretungsberechtigten Personen, die Rechtsform "
                "und, soweit vorhanden, Registereintrag und Umsatzsteuer-Identifikationsnummer, außerdem eine "
                "Telefonnummer oder einen anderen schnellen Weg der Kontaktaufnahme. Dazu kommt die für den Inhalt "
                "verantwortliche Person nach § 18 Abs. 2 Medienstaatsvertrag (MStV).</p>",
            ),
        ],
    )
    upsert_page(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutzerklärung",
        teaser="Welche Daten diese Website verarbeitet – und welche nicht.",
        body=[
            heading("Das Wichtigste in Kürze"),
            paragraph(
                "<ul><li>Wir verwenden keine Analyse-, Tracking- oder Werbedienste.</li>"
                "<li>Wenn Sie die Website lesen, setzen wir keine Cookies.</li>"
                "<li>Alle Schriften, Bilder und Skripte kommen von unserem eigenen Server.</li>"
                "<li>Was Sie in ein Formular schreiben, speichern wir, um Ihr Anliegen zu bearbeiten.</li>"
                "<li>Videos anderer Anbieter laden erst, wenn Sie zustimmen.</li></ul>"
            ),
            heading("Verantwortlich"),
            paragraph(
                "<p>Verantwortlich im Sinne der Datenschutz-Grundverordnung (DSGVO) ist der Deutsche "
                "Städtetag, Hausvogteiplatz 1, Berlin. E-Mail: "
                '<a href="mailto:stark-im-amt@staedtetag.de">stark-im-amt@staedtetag.de</a>.</p>'
            ),
            heading("Server-Protokolle"),
            paragraph(
                "<p>Bei jedem Aufruf verarbeitet unser Server technisch notwendige Daten: Ihre IP-Adresse, "
                "Datum und Uhrzeit, die aufgerufene Adresse, die übertragene Datenmenge, den Statuscode sowie "
                "Angaben zu Browser und Betriebssystem. Wir brauchen diese Daten, um die Seiten auszuliefern, "
                "Fehler zu finden und Angriffe abzuwehren. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. f DSGVO. "
                "Wir werten die Protokolle nicht aus, um Besucherinnen und Besucher zu erkennen, und geben "
                "sie nicht weiter.</p>"
            ),
            heading("Ihre Antworten im Lotsen und Ihre Suche"),
            paragraph(
                "<p>Ihre Antworten im Lotsen („Was tun? Ihr Plan in vier Fragen“), ein Datum für die "
                "Strafantragsfrist und Ihre "
                "Suchbegriffe stehen nur in der Adresse der Seite, hinter dem Fragezeichen. Diesen Teil der "
                "Adresse schreiben unsere Server nicht in ihre Protokolle. Damit die Seiten schnell laden, hält "
                "der Server fertige Seiten einige Minuten lang im Zwischenspeicher – ohne Bezug zu Ihrer Person. "
                "Von der Suche zählen wir nur, wie oft ein Begriff gesucht wurde, um die Inhalte zu "
                "verbessern.</p>"
            ),
            heading("Keine Cookies beim Lesen"),
            paragraph(
                "<p>Wer die Website liest, die Suche benutzt oder ein Formular sendet, bekommt kein Cookie. "
                "Nur Mitglieder der Redaktion, die sich im Verwaltungsbereich anmelden, erhalten ein technisch "
                "notwendiges Anmelde-Cookie. Dafür ist nach § 25 Abs. 2 Nr. 2 "
                "Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG) keine Einwilligung nötig.</p>"
            ),
            heading("Suche"),
            paragraph(
                "<p>Was Sie in die Suche eingeben, zählen wir ohne Bezug zu Ihrer Person, damit die Redaktion "
                "sieht, wonach oft gesucht wird. Bitte geben Sie in die Suche keine persönlichen Angaben "
                "ein.</p>"
            ),
            heading("Formulare"),
            paragraph(
                "<p>Wenn Sie uns über ein Formular schreiben, speichern wir Ihre Angaben in unserer Datenbank. "
                "Die Redaktion liest sie dort und erhält eine E-Mail mit Ihrer Nachricht. Wir verwenden die "
                "Angaben nur, um Ihr Anliegen zu bearbeiten, und löschen sie, wenn sie dafür nicht mehr "
                "gebraucht werden. Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. f DSGVO; unser berechtigtes "
                "Interesse ist, Ihre Hinweise zu bearbeiten und das Portal zu verbessern. Name und "
                "E-Mail-Adresse sind freiwillig.</p>"
                "<p>Zum Schutz vor massenhaft gesendeten Nachrichten zählen wir für kurze Zeit, wie oft von "
                "einer IP-Adresse aus ein Formular gesendet wird. Dafür speichern wir die IP-Adresse nicht selbst, "
                "sondern nur eine Prüfsumme daraus, und das nur für zehn Minuten.</p>"
            ),
            heading("Videos"),
            paragraph(
                "<p>Videos anderer Anbieter laden wir erst, wenn Sie dem ausdrücklich zustimmen. Erst dann "
                "baut Ihr Browser eine Verbindung zu dem Anbieter auf, und dieser erhält Daten wie Ihre "
                "IP-Adresse; er kann auch Informationen auf Ihrem Gerät speichern. Rechtsgrundlage ist Ihre "
                "Einwilligung nach Art. 6 Abs. 1 Buchst. a DSGVO und § 25 Abs. 1 TDDDG. Sie können Ihre "
                "Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen.</p>"
            ),
            heading("Ihre Rechte"),
            paragraph(
                "<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung "
                "(Art. 17), Einschränkung der Verarbeitung (Art. 18), Datenübertragbarkeit (Art. 20) und "
                "Widerspruch (Art. 21). Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde "
                "beschweren (Art. 77 DSGVO).</p>"
            ),
            callout(
                "warning",
                "Demo-Inhalt",
                "<p>Vor dem Livegang ergänzt die Redaktion die Kontaktdaten der oder des "
                "Datenschutzbeauftragten, die Speicherdauer der Server-Protokolle und den Hosting-Anbieter.</p>",
            ),
        ],
    )


def load_settings(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    emergency = EmergencySettings.for_site(site)
    emergency.heading = "Sofort Hilfe am Telefon"
    emergency.intro = "Bei akuter Gefahr rufen Sie sofort die Polizei. Alle Nummern hier sind kostenlos."
    emergency.numbers = [
        ("number", {"label": "Polizei – Notruf", "number": "110", "note": "Bei akuter Gefahr, rund um die Uhr"}),
        (
            "number",
            {
                "label": "Starke Stelle",
                "number": "0800 300 99 44",
                "note": (
                    "Bundesweite Anlaufstelle für kommunale Amts- und Mandatsträgerinnen und -träger, "
                    "Mo–Fr 9–16 Uhr, vertraulich"
                ),
                "page": Page.objects.filter(slug="starke-stelle").descendant_of(home).first(),
            },
        ),
        (
            "number",
            {
                "label": "Telefonseelsorge",
                "number": "0800 111 0 111",
                "note": "Auch 0800 111 0 222 und 116 123 – kostenlos, Tag und Nacht",
            },
        ),
    ]
    emergency.save()


# Sections that the home page links to and the header shows, by slug, in the order of the menu (what a
# person needs first comes first). Other apps create them. The menu label is the page title, so header,
# home cards (no title of their own) and footer always say the same.
SECTIONS = ["hilfe-finden", "hilfe-in-ihrem-bundesland", "rat-und-tat", "magazin", "aktuelles", "ueber-uns"]
ENTRY_POINTS = [
    ("hilfe-finden", "Vier kurze Fragen – dann wissen Sie, was jetzt zu tun ist und wen Sie anrufen können."),
    ("hilfe-in-ihrem-bundesland", "Polizei, Justiz, Meldestellen und Beratung in Ihrem Land und bundesweit."),
    ("rat-und-tat", "Beweise sichern, Anzeige erstatten, sich schützen: Schritt für Schritt erklärt."),
    ("magazin", "Erfahrungen und Einschätzungen aus der Praxis."),
    ("ueber-uns", "Wer hinter Stark im Amt steht."),
]
FOOTER = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache", "feedback"]


def link_home(home: HomePage) -> None:
    """Last step: point the home page, header and footer at the sections the other apps created."""
    children = {p.slug: p for p in Page.objects.child_of(home).live()}
    for slug in SECTIONS:
        if slug in children and not children[slug].show_in_menus:
            children[slug].show_in_menus = True
            children[slug].save(update_fields=["show_in_menus"])
    present = [slug for slug in SECTIONS if slug in children]
    in_tree = [p.slug for p in Page.objects.child_of(home).filter(slug__in=present).order_by("path")]
    if in_tree != present:  # menu order = tree order; move the sections to the end in the wanted order
        for slug in present:
            Page.objects.get(pk=children[slug].pk).move(home, pos="last-child")
    home.entry_points = [
        ("card", {"page": children[slug], "title": "", "text": text}) for slug, text in ENTRY_POINTS if slug in children
    ]
    home.save_revision(log_action=False).publish(log_action=False)

    site = Site.objects.get(root_page=home)
    nav = NavigationSettings.for_site(site)
    nav.footer_links = [("link", {"page": children[slug], "title": ""}) for slug in FOOTER if slug in children]
    nav.save()
    load_settings(home)
