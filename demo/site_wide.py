"""Demo content of the site-wide pages: figures, the two forms, accessibility and easy-language pages.

Numbers and names only from ../shared/content-facts.md, each figure with its source. Impressum and
Datenschutzerklärung are built in `demo.base.load_legal`.
"""

from demo.base import load_legal
from demo.utils import RichText, callout, heading, paragraph, upsert_page
from portal.models import FiguresPage, FormField, FormPage, HomePage, StandardPage

KOMO_SOURCE = (
    "KoMo – Kommunales Monitoring zu Hass, Hetze und Gewalt gegenüber Amtsträgerinnen und Amtsträgern "
    "(Bundeskriminalamt mit den kommunalen Spitzenverbänden)"
)
KOERBER_SOURCE = "Körber-Stiftung / forsa: Befragung von 1.641 Bürgermeisterinnen und Bürgermeistern"
FEEDBACK_ADDRESS = '<a href="mailto:stark-im-amt@staedtetag.de">stark-im-amt@staedtetag.de</a>'


def _row(label: str, value: int, source: str, year: str) -> dict:
    return {"label": label, "value": value, "unit": "%", "source": source, "source_url": "", "year": year}


def load_figures(home: HomePage) -> FiguresPage:
    return upsert_page(
        home,
        FiguresPage,
        "zahlen-und-fakten",
        title="Zahlen und Fakten",
        teaser="Wie viele Menschen in der Kommunalpolitik angefeindet werden: Ergebnisse aus Befragungen, mit Quelle.",
        intro=(
            "Anfeindungen gegen Menschen in der Kommunalpolitik sind keine Einzelfälle. Das zeigen Befragungen "
            "seit Jahren. Hier finden Sie die wichtigsten Zahlen – jeweils als Diagramm und als Tabelle."
        ),
        body=[
            heading("Kommunales Monitoring (KoMo)"),
            paragraph(
                "<p>Im Kommunalen Monitoring befragt das Bundeskriminalamt gemeinsam mit den kommunalen "
                "Spitzenverbänden Kommunalpolitikerinnen und Kommunalpolitiker. Frühere Befragungen fanden im "
                "Frühjahr und im Herbst 2022 statt; inzwischen wird einmal im Jahr befragt.</p>"
                "<p>Zuletzt gaben 38 Prozent an, Anfeindungen, Beleidigungen, Bedrohungen oder Übergriffe "
                "erlebt zu haben – im Netz oder vor Ort, viele von ihnen wiederholt. Der Anteil ist seit Jahren "
                "hoch.</p>"
            ),
            (
                "chart",
                {
                    "title": "Anteil der Befragten, die angefeindet wurden (KoMo)",
                    "description": (
                        "Anteil der befragten Kommunalpolitikerinnen und Kommunalpolitiker, die verbale oder "
                        "digitale Anfeindungen, Beleidigungen, Bedrohungen oder Übergriffe erlebt haben."
                    ),
                    "rows": [
                        _row("Befragung Frühjahr 2022", 34, KOMO_SOURCE, "Frühjahr 2022"),
                        _row("Befragung Herbst 2022", 39, KOMO_SOURCE, "Herbst 2022"),
                        _row("Aktuelle Befragung", 38, KOMO_SOURCE, "jährlich"),
                    ],
                },
            ),
            heading("Befragung von Bürgermeisterinnen und Bürgermeistern 2021"),
            paragraph(
                "<p>Die Körber-Stiftung und das Institut forsa haben im Jahr 2021 1.641 Bürgermeisterinnen "
                "und Bürgermeister befragt. Mehr als die Hälfte war schon selbst betroffen. Viele haben ihr "
                "Verhalten geändert, und fast jede oder jeder Fünfte hat schon daran gedacht, das Amt "
                "aufzugeben.</p>"
            ),
            (
                "chart",
                {
                    "title": "Erfahrungen von Bürgermeisterinnen und Bürgermeistern (2021)",
                    "description": "Anteil der 1.641 befragten Bürgermeisterinnen und Bürgermeister.",
                    "rows": [
                        _row("waren selbst schon von Anfeindungen betroffen", 57, KOERBER_SOURCE, "2021"),
                        _row("haben daran gedacht, ihr Amt aufzugeben", 19, KOERBER_SOURCE, "2021"),
                        _row("haben ihr Verhalten geändert", 68, KOERBER_SOURCE, "2021"),
                        _row("meiden soziale Medien weitgehend", 37, KOERBER_SOURCE, "2021"),
                    ],
                },
            ),
            callout(
                "tip",
                "Sie sind nicht allein",
                "<p>Wenn Sie selbst angefeindet werden: Auf der Startseite finden Sie die wichtigsten "
                "Nummern und die Wege zu Hilfe in Ihrem Bundesland.</p>",
            ),
        ],
    )


FEEDBACK_FIELDS = [
    {
        "label": "Ihre Nachricht",
        "field_type": "multiline",
        "required": True,
        "help_text": "Was hat Ihnen gefehlt, was war unklar, was können wir besser machen?",
    },
    {"label": "Ihr Name", "field_type": "singleline", "required": False, "help_text": "Freiwillig."},
    {
        "label": "Ihre E-Mail-Adresse",
        "field_type": "email",
        "required": False,
        "help_text": "Freiwillig. Nur wenn Sie eine Antwort möchten.",
    },
]

SUGGESTION_FIELDS = [
    {
        "label": "Worum geht es?",
        "field_type": "radio",
        "required": True,
        "choices": "Ich möchte eine Anlaufstelle vorschlagen\nIch möchte einen Fehler melden",
        "help_text": "",
    },
    {
        "label": "Name der Stelle oder der Seite",
        "field_type": "singleline",
        "required": True,
        "help_text": "Zum Beispiel der Name einer Beratungsstelle oder der Titel der Seite mit dem Fehler.",
    },
    {
        "label": "Bundesland",
        "field_type": "dropdown",
        "required": False,
        "choices": "\n".join(
            [
                "Bundesweit",
                "Baden-Württemberg",
                "Bayern",
                "Berlin",
                "Brandenburg",
                "Bremen",
                "Hamburg",
                "Hessen",
                "Mecklenburg-Vorpommern",
                "Niedersachsen",
                "Nordrhein-Westfalen",
                "Rheinland-Pfalz",
                "Saarland",
                "Sachsen",
                "Sachsen-Anhalt",
                "Schleswig-Holstein",
                "Thüringen",
            ]
        ),
        "help_text": "Freiwillig. Für welches Land ist die Stelle zuständig?",
    },
    {
        "label": "Beschreibung",
        "field_type": "multiline",
        "required": True,
        "help_text": "Was bietet die Stelle an, oder was stimmt nicht? Zum Beispiel eine geänderte Telefonnummer.",
    },
    {
        "label": "Quelle oder Website",
        "field_type": "url",
        "required": False,
        "help_text": "Freiwillig. Wo können wir die Angaben prüfen? Adresse mit https:// am Anfang.",
    },
    {
        "label": "Ihre E-Mail-Adresse",
        "field_type": "email",
        "required": False,
        "help_text": "Freiwillig. Nur wenn wir bei Ihnen nachfragen dürfen.",
    },
]

PRIVACY_NOTE = (
    "<p>Wir speichern Ihre Angaben, um Ihr Anliegen zu bearbeiten. Mehr dazu in der "
    '<a linktype="page" id="{privacy_id}">Datenschutzerklärung</a>.</p>'
)


def _fields(specs: list[dict]) -> list[FormField]:
    return [
        FormField(
            sort_order=order,
            label=spec["label"],
            field_type=spec["field_type"],
            required=spec["required"],
            choices=spec.get("choices", ""),
            help_text=spec.get("help_text", ""),
        )
        for order, spec in enumerate(specs)
    ]


def _privacy_note(home: HomePage) -> RichText | str:
    privacy = StandardPage.objects.child_of(home).filter(slug="datenschutz").first()
    if privacy is None:
        return "<p>Wir speichern Ihre Angaben, um Ihr Anliegen zu bearbeiten.</p>"
    return PRIVACY_NOTE.format(privacy_id=privacy.pk)


def load_forms(home: HomePage) -> tuple[FormPage, FormPage]:
    # No recipient address in the demo: submissions are kept in the admin; editors add the address.
    feedback = upsert_page(
        home,
        FormPage,
        "feedback",
        title="Feedback und Anregungen",
        teaser="Sagen Sie uns, was Ihnen hilft und was fehlt.",
        intro=(
            "<p>Stark im Amt soll Ihnen helfen. Schreiben Sie uns, was gut ist, was fehlt oder was Sie sich "
            "wünschen. Sie können auch anonym schreiben.</p>"
            "<p><strong>Bei akuter Gefahr rufen Sie bitte die Polizei unter 110.</strong> Dieses Formular "
            "lesen wir nicht rund um die Uhr.</p>"
        ),
        privacy_note=_privacy_note(home),
        thank_you_text="<p>Wir lesen jede Nachricht. Wenn Sie eine E-Mail-Adresse angegeben haben, melden wir "
        "uns bei Ihnen.</p>",
        submit_label="Nachricht senden",
        subject="Stark im Amt: Feedback",
        to_address="",
        from_address="",
        form_fields=_fields(FEEDBACK_FIELDS),
    )
    suggestion = upsert_page(
        home,
        FormPage,
        "kontakt-vorschlagen",
        title="Kontakt vorschlagen / Fehler melden",
        teaser="Kennen Sie eine Anlaufstelle, die hier fehlt? Oder stimmt eine Angabe nicht mehr?",
        intro=(
            "<p>Die Redaktion prüft jeden Hinweis, bevor eine Anlaufstelle im Portal erscheint oder eine "
            "Angabe geändert wird.</p>"
        ),
        privacy_note=_privacy_note(home),
        thank_you_text="<p>Danke für Ihren Hinweis. Wir prüfen ihn und ändern das Portal, wenn die Angaben "
        "stimmen.</p>",
        submit_label="Hinweis senden",
        subject="Stark im Amt: Kontakt vorschlagen / Fehler melden",
        to_address="",
        from_address="",
        for_contact_care=True,
        form_fields=_fields(SUGGESTION_FIELDS),
    )
    return feedback, suggestion


def _page_link(home: HomePage, slug: str, text: str) -> str:
    page = home.get_children().filter(slug=slug).first()
    if page is None:
        return text
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def load_accessibility(home: HomePage) -> StandardPage:
    feedback = _page_link(home, "feedback", "Feedback-Formular")
    return upsert_page(
        home,
        StandardPage,
        "barrierefreiheit",
        title="Erklärung zur Barrierefreiheit",
        teaser="Wie barrierefrei diese Website ist, was noch fehlt und wie Sie uns Barrieren melden.",
        body=[
            paragraph(
                "<p>Die Betreiber von Stark im Amt wollen, dass alle Menschen diese Website nutzen können. "
                "Diese Erklärung gilt für die Website Stark im Amt. Maßstab sind die Barrierefreie-"
                "Informationstechnik-Verordnung (BITV 2.0) und die Norm EN 301 549.</p>"
            ),
            heading("Wie barrierefrei ist diese Website?"),
            paragraph(
                "<p>Diese Website ist teilweise barrierefrei. Wir haben sie selbst geprüft, unter anderem mit "
                "automatischen Tests bei jeder Änderung, mit der Tastatur und mit vergrößerter Schrift. Eine "
                "Prüfung durch eine unabhängige Stelle steht noch aus.</p>"
                "<ul><li>Alle Seiten lassen sich mit der Tastatur bedienen.</li>"
                "<li>Die Seiten funktionieren ohne JavaScript.</li>"
                "<li>Diagramme zeigen ihre Zahlen zusätzlich als Tabelle.</li>"
                "<li>Formulare nennen Fehler oben auf der Seite und direkt am Feld.</li></ul>"
            ),
            heading("Was ist noch nicht barrierefrei?"),
            paragraph(
                "<ul><li>Das Video in Deutscher Gebärdensprache fehlt noch. Es folgt.</li>"
                "<li>In Leichter Sprache gibt es bisher nur eine Übersicht über die Website, nicht alle "
                "Inhalte.</li>"
                "<li>Dokumente anderer Stellen, auf die wir verlinken, sind möglicherweise nicht "
                "barrierefrei.</li></ul>"
            ),
            heading("Barrieren melden"),
            paragraph(
                f"<p>Ist Ihnen eine Barriere aufgefallen? Oder brauchen Sie einen Inhalt in einer anderen "
                f"Form? Schreiben Sie uns über das {feedback} oder per E-Mail an {FEEDBACK_ADDRESS}.</p>"
            ),
            heading("Durchsetzungsverfahren"),
            paragraph(
                "<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, können Sie "
                "sich an die Stelle wenden, die die Barrierefreiheit von Websites durchsetzt. Welche Stelle "
                "zuständig ist, hängt davon ab, wer eine Website betreibt und wo der Betreiber seinen Sitz hat. "
                "Die für Stark im Amt zuständige Stelle nennen wir hier, sobald sie feststeht. Bis dahin helfen "
                "wir Ihnen über das Feedback-Formular weiter.</p>"
            ),
            callout(
                "warning",
                "Demo-Inhalt",
                "<p>Vor dem Livegang ergänzt die Redaktion das Datum der Erklärung, das Ergebnis der Prüfung "
                "und die für den Betreiber zuständige Durchsetzungs- oder Schlichtungsstelle mit Anschrift. "
                "Die Schlichtungsstelle nach § 16 BGG ist es nicht: Sie ist für öffentliche Stellen des Bundes "
                "da.</p>",
            ),
        ],
    )


def load_easy_language(home: HomePage) -> StandardPage:
    feedback = _page_link(home, "feedback", "Feedback")
    return upsert_page(
        home,
        StandardPage,
        "leichte-sprache",
        title="Leichte Sprache",
        teaser="Was ist Stark im Amt? Und wie finden Sie sich auf der Seite zurecht? In Leichter Sprache.",
        body=[
            heading("Was ist Stark im Amt?"),
            paragraph(
                "<p>Stark im Amt ist eine Internet-Seite.</p>"
                "<p>Die Seite ist für Menschen in der Politik von Städten, Gemeinden und Kreisen. "
                "Zum Beispiel:</p>"
                "<ul><li>Bürgermeister und Bürgermeisterinnen</li>"
                "<li>Land-Räte und Land-Rätinnen</li>"
                "<li>Mitglieder im Gemeinde-Rat, im Stadt-Rat oder im Kreis-Tag</li></ul>"
                "<p>Viele von diesen Menschen machen die Arbeit im Ehren-Amt. "
                "Das heißt: Sie machen die Arbeit freiwillig.</p>"
            ),
            heading("Warum gibt es die Seite?"),
            paragraph(
                "<p>Manche Menschen in der Politik werden beschimpft. "
                "Oder bedroht. "
                "Oder angegriffen.</p>"
                "<p>Das passiert im Internet. "
                "Und auch auf der Straße.</p>"
                "<p>Auf dieser Seite steht:</p>"
                "<ul><li>Was können Sie dann tun?</li>"
                "<li>Wer hilft Ihnen?</li>"
                "<li>Wie können Sie sich schützen?</li></ul>"
                "<p>Wichtig: Sie sind nicht allein.</p>"
            ),
            callout(
                "emergency",
                "Bei Gefahr",
                "<p>Sind Sie in Gefahr? Dann rufen Sie sofort die Polizei an. Die Telefon-Nummer ist: 110.</p>",
            ),
            heading("So finden Sie sich zurecht"),
            paragraph(
                "<p>Oben auf jeder Seite ist ein Menü. "
                "Ein Menü ist eine Liste mit Links. "
                "Dort finden Sie zum Beispiel:</p>"
                "<ul><li>Was tun? Ihr Plan in vier Fragen: Sie beantworten vier Fragen. Dann bekommen Sie einen "
                "Plan.</li>"
                "<li>Ratgeber: Hier steht, was Sie tun können.</li>"
                "<li>Anlaufstellen in Ihrem Land: Hier stehen Stellen, die Ihnen helfen.</li>"
                "<li>Über uns: Hier steht, wer die Seite macht.</li></ul>"
                "<p>Unten auf jeder Seite sind noch mehr Links. "
                "Zum Beispiel zum Impressum. "
                "Dort steht, wer für die Seite verantwortlich ist.</p>"
                '<p>Sie suchen etwas Bestimmtes? Dann benutzen Sie die <a href="/suche/">Suche</a>.</p>'
            ),
            heading("Wer macht die Seite?"),
            paragraph(
                "<p>Die Seite machen 3 Verbände zusammen:</p>"
                "<ul><li>der Deutsche Städtetag</li>"
                "<li>der Deutsche Landkreistag</li>"
                "<li>der Deutsche Städte- und Gemeindebund</li></ul>"
                "<p>Ein Verband ist eine Gruppe. "
                "Diese Verbände sprechen für die Städte, Gemeinden und Kreise in Deutschland.</p>"
                "<p>Die Körber-Stiftung hilft auch mit.</p>"
            ),
            heading("Sie möchten uns etwas sagen?"),
            paragraph(f"<p>Dann schreiben Sie uns. Hier ist das Formular: {feedback}.</p>"),
        ],
    )


def load_sign_language(home: HomePage) -> StandardPage:
    easy = _page_link(home, "leichte-sprache", "Leichter Sprache")
    return upsert_page(
        home,
        StandardPage,
        "gebaerdensprache",
        title="Gebärdensprache",
        teaser="Informationen über Stark im Amt in Deutscher Gebärdensprache (DGS).",
        body=[
            paragraph(
                "<p>Auf dieser Seite zeigen wir bald ein Video in Deutscher Gebärdensprache (DGS). Das Video erklärt, "
                "was Stark im Amt ist, für wen das Portal da ist und wie Sie sich auf der Website "
                "zurechtfinden.</p>"
            ),
            callout(
                "info",
                "Das Video folgt",
                "<p>Das Video in Deutscher Gebärdensprache ist in Arbeit. Es erscheint hier, sobald es fertig ist.</p>",
            ),
            heading("Bis dahin"),
            paragraph(
                f"<p>Eine kurze Erklärung der Website gibt es in {easy}. Bei akuter Gefahr wenden Sie sich an "
                "die Polizei: Notruf 110.</p>"
            ),
        ],
    )


def load(home: HomePage) -> None:
    # The legal pages first, so that the forms can link the privacy page (load_legal runs again later).
    load_legal(home)
    load_figures(home)
    load_forms(home)
    load_easy_language(home)
    load_sign_language(home)
    load_accessibility(home)
