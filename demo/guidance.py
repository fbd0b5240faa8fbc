"""Demo content of "Rat und Tat": guidance pages, case examples, supporter profiles and the Lotse.

Texts are our own, written from ../shared/content-facts.md. Every page is flagged as demo content; the case
examples are invented composites and say so on the page. Contacts come from the contacts app's demo loader,
which runs first: they are looked up by key (or by name) and simply left out when they do not exist yet.
"""

from django.db.models import Q
from wagtail.contrib.redirects.models import Redirect
from wagtail.rich_text import RichText

from contacts.models import Channel, Contact, Phase, Situation, StarkeStellePage
from demo.utils import callout, heading, paragraph, upsert_page
from portal.guidance_blocks import DEFAULT_STEP_RANK
from portal.guidance_blocks import StepCategory as Cat
from portal.models import (
    CaseExampleIndexPage,
    CaseExamplePage,
    GuidanceIndexPage,
    GuidancePage,
    LotsePage,
    SupporterIndexPage,
    SupporterProfilePage,
)

# Contact keys as the contacts app's demo uses them, with name fragments as a fallback.
CONTACTS = {
    "starke-stelle": ["Starke Stelle"],
    "hateaid": ["HateAid"],
    "weisser-ring": ["Weisser Ring", "Weißer Ring"],
    "respect": ["REspect"],
    "vbrg": ["VBRG", "Verband der Beratungsstellen"],
    "telefonseelsorge": ["Telefonseelsorge"],
    "hessen-gegen-hetze": ["Hessen gegen Hetze"],
}


def contact(key: str) -> Contact | None:
    found = Contact.objects.filter(key=key).first() or Contact.objects.filter(key__startswith=key).first()
    if found is None:
        query = Q()
        for fragment in CONTACTS.get(key, []):
            query |= Q(name__icontains=fragment)
        found = Contact.objects.filter(query).order_by("pk").first() if query else None
    return found


def contacts(*keys: str) -> list[Contact]:
    return [c for c in (contact(key) for key in keys) if c is not None]


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs))


ALL_SITUATIONS = (
    "beleidigung",
    "bedrohung",
    "hatestorm",
    "doxing",
    "sachbeschaedigung",
    "koerperlicher-angriff",
    "konflikte-im-rat",
)


# --- block helpers ------------------------------------------------------------------------------------------


def step(
    category: str,
    text_heading: str,
    html: str,
    *,
    situations=(),
    channels=(),
    rank: int = DEFAULT_STEP_RANK,
    ranks: dict[str, int] | None = None,
) -> dict:
    """A step and where it belongs in the Lotse's plan: for which situations and ways (empty: all of the page's)
    and how early (rank 1 comes first; `ranks` overrides it per situation)."""
    return {
        "heading": text_heading,
        "category": category,
        "text": RichText(html),
        "situations": list(situations),
        "channels": list(channels),
        "rank": rank,
        "situation_ranks": [{"situation": slug, "rank": value} for slug, value in (ranks or {}).items()],
    }


def steps(*items: dict, title: str = "Was Sie tun können") -> tuple[str, dict]:
    return ("steps", {"title": title, "steps": list(items)})


def checklist(title: str, *items: str) -> tuple[str, dict]:
    return ("checklist", {"title": title, "items": list(items)})


def faq(*pairs: tuple[str, str]) -> tuple[str, dict]:
    return ("faq", {"title": "Häufige Fragen", "items": [{"question": q, "answer": RichText(a)} for q, a in pairs]})


def contact_block(*keys: str, title: str = "Wer Ihnen hilft") -> list[tuple[str, dict]]:
    found = contacts(*keys)
    return [("contacts", {"title": title, "contacts": found})] if found else []


def supporter_block(profiles: dict, *slugs: str) -> list[tuple[str, dict]]:
    pages = [profiles[s] for s in slugs if s in profiles]
    return [("supporters", {"title": "Diese Organisationen unterstützen Sie", "pages": pages})] if pages else []


EMERGENCY = callout(
    "emergency", "Akute Gefahr?", "<p>Rufen Sie sofort die Polizei unter <b>110</b>. Die Online-Wachen der "
    "Polizei sind nicht für Notfälle gedacht.</p>"
)

# Steps that several pages share have the same heading, so that the Lotse shows them once. Ranks (1 comes
# first in a plan): danger 5, what protects now 8–16, evidence 30, report 40, support 50, prevention 70.
WRITTEN = ("online", "post-telefon")  # ways on which there is a message to answer, keep or report
ONLINE_HARM = ("beleidigung", "bedrohung", "hatestorm", "doxing")
DONT_REPLY = step(
    Cat.SAFETY,
    "Antworten Sie nicht",
    "<p>Reagieren Sie nicht auf die Nachricht und lassen Sie sich nicht auf eine Diskussion mit dem Absender "
    "ein. Nehmen Sie den Angriff trotzdem ernst.</p>",
    situations=ONLINE_HARM,
    channels=WRITTEN,
    rank=25,
)
NOT_ALONE = step(
    Cat.SAFETY,
    "Bleiben Sie nicht allein",
    "<p>Sagen Sie Menschen in Ihrer Nähe Bescheid: Familie, Freunden, Kolleginnen und Kollegen. Sie sind "
    "nicht allein – und Sie müssen das nicht allein durchstehen.</p>",
    rank=55,
    ranks={"hatestorm": 13, "doxing": 13},
)
SECURE_EVIDENCE = step(
    Cat.EVIDENCE,
    "Sichern Sie Beweise",
    "<p>Machen Sie Bildschirmfotos mit Datum und Uhrzeit – vom Beitrag, vom Verlauf drumherum und vom Profil "
    "des Verfassers. Notieren Sie die Adressen (URLs) von Beitrag und Profil. Erst sichern, dann melden oder "
    "löschen.</p>",
    channels=("online",),
    rank=30,
    ranks={"hatestorm": 11, "doxing": 11},
)
KEEP_ORIGINAL = step(
    Cat.EVIDENCE,
    "Bewahren Sie das Original auf",
    "<p>Werfen Sie Briefe nicht weg und löschen Sie keine Sprachnachrichten und Anruflisten. Bewahren Sie "
    "Briefe im Original auf und geben Sie sie der Polizei.</p>",
    channels=("post-telefon",),
    rank=30,
)
KEEP_EMAIL = step(
    Cat.EVIDENCE,
    "Heben Sie Droh-E-Mails im Original auf",
    "<p>Löschen Sie die E-Mail nicht und schicken Sie sie nicht an den Absender zurück. Die Polizei braucht "
    "unter Umständen die E-Mail mit ihrem vollständigen Kopf (Header): Geben Sie sie ihr so, wie sie "
    "angekommen ist.</p>",
    situations=("bedrohung",),
    channels=("online",),
    rank=32,
)
WRITE_IT_DOWN = step(
    Cat.EVIDENCE,
    "Schreiben Sie auf, was passiert ist",
    "<p>Notieren Sie gleich danach, was gesagt oder getan wurde, wann und wo – möglichst wörtlich. Schreiben "
    "Sie auch auf, wie die Person aussah und wer dabei war.</p>",
    situations=("beleidigung", "bedrohung", "sachbeschaedigung", "koerperlicher-angriff"),
    channels=("persoenlich",),
    rank=30,
)
WITNESSES = step(
    Cat.EVIDENCE,
    "Halten Sie fest, wer was wann gesehen hat",
    "<p>Notieren Sie, wer den Beitrag, den Brief oder den Vorfall zuerst gesehen hat und wann. Solche Zeugen "
    "helfen später bei der Anzeige.</p>",
    rank=35,
    ranks={"hatestorm": 60},
)
THREATENING_CALL = step(
    Cat.EVIDENCE,
    "Bleiben Sie bei einem Drohanruf ruhig",
    "<p>Sagen Sie nichts, lassen Sie nach Möglichkeit jemanden mithören und notieren Sie die Uhrzeit. Schreiben "
    "Sie gleich danach auf, was gesagt wurde. Nehmen Sie das Gespräch nicht heimlich auf: Das ist selbst "
    "strafbar (§ 201 StGB).</p>",
    situations=("bedrohung", "beleidigung"),
    channels=("post-telefon",),
    rank=28,
    ranks={"bedrohung": 20},
)
FILE_COMPLAINT = step(
    Cat.REPORT,
    "Erstatten Sie Anzeige",
    "<p>Sie können bei jeder Polizeidienststelle Anzeige erstatten, in den meisten Ländern auch über die "
    "Online-Wache der Polizei – sie ist nicht für Notfälle gedacht. Nehmen Sie Ihre Beweise mit.</p>",
    rank=40,
    ranks={"bedrohung": 85},  # a threat gets its own step: no Strafantrag needed
)
CRIMINAL_COMPLAINT_REQUEST = step(
    Cat.REPORT,
    "Stellen Sie bei Beleidigungen Strafantrag",
    "<p>Bei Straftaten gegen die persönliche Ehre (§§ 185 bis 187 StGB) brauchen Sie neben der Anzeige in der "
    "Regel einen Strafantrag. Die Frist: drei Monate ab dem Tag, an dem Sie von der Tat und vom Täter wissen "
    "(§ 77b StGB). Ist der Täter unbekannt, hat die Frist noch nicht begonnen – stellen Sie den Antrag trotzdem "
    "gleich mit der Anzeige.</p>",
    situations=("beleidigung", "hatestorm"),
    rank=42,
)
CALL_POLICE = step(
    Cat.REPORT,
    "Informieren Sie die Polizei",
    "<p>Wenn Ihre Adresse veröffentlicht wurde oder Sie bedroht werden, wenden Sie sich an die Polizei – bei "
    "akuter Gefahr über 110.</p>",
    situations=("hatestorm", "doxing"),
    rank=40,
    ranks={"hatestorm": 14, "doxing": 14},
)
GET_SUPPORT = step(
    Cat.SUPPORT,
    "Holen Sie sich Unterstützung",
    "<p>Die Starke Stelle berät kommunale Amts- und Mandatsträgerinnen und -träger kostenlos und vertraulich, "
    "auf Wunsch anonym, und "
    "vermittelt an passende Hilfe in Ihrem Land und beim Bund.</p>",
    rank=50,
)
SAFE_AT_HOME = step(
    Cat.SAFETY,
    "Schützen Sie sich und Ihre Familie zu Hause",
    "<p>Ist Ihre Adresse bekannt geworden, sagen Sie Ihrer Familie und Ihren Nachbarn Bescheid und bleiben Sie "
    "nicht allein. Sprechen Sie mit der Polizei über Ihre Sicherheit zu Hause – bei akuter Gefahr über "
    "110.</p>",
    situations=("doxing", "bedrohung"),
    rank=54,
    ranks={"doxing": 9},
)
NOT_ALONE_TO_EVENTS = step(
    Cat.PREVENTION,
    "Gehen Sie nicht allein zu heiklen Terminen",
    "<p>Nehmen Sie zu Veranstaltungen, bei denen Sie mit Anfeindungen rechnen, eine Begleitung mit und sagen Sie "
    "jemandem, wann Sie zurück sein wollen.</p>",
    rank=75,
)
CALL_110 = step(
    Cat.SAFETY,
    "Rufen Sie bei Gefahr 110, bei Verletzungen 112",
    "<p>Zögern Sie nicht. Die Polizei ist unter 110 für akute Gefahr da, rund um die Uhr. Ist jemand verletzt "
    "oder brennt es, rufen Sie die 112 für Rettungsdienst und Feuerwehr.</p>",
    rank=52,
    ranks={"koerperlicher-angriff": 5},
)
CASE_NUMBER = step(
    Cat.REPORT,
    "Notieren Sie das Aktenzeichen",
    "<p>Nach der Anzeige bekommen Sie ein Aktenzeichen. Bewahren Sie es auf: Damit können Sie später nach dem "
    "Stand fragen.</p>",
    rank=48,
)


# --- supporter profiles -------------------------------------------------------------------------------------

# The Starke Stelle has one page of its own, /starke-stelle/ (contacts.StarkeStellePage); the index links it
# first, and its old profile address redirects there (load_supporters).
PROFILES = [
    {
        "slug": "hateaid",
        "title": "HateAid",
        "contact": "hateaid",
        "teaser": "Beratung und Unterstützung bei digitaler Gewalt.",
        "who": "<p>HateAid unterstützt Menschen, die im Netz angegriffen werden – von Hasskommentaren bis zum "
        "Hatestorm.</p>",
        "offers": "<ul><li>Beratung am Telefon, per E-Mail und im Chat</li><li>Übernahme der Kosten für "
        "zivilrechtliche Verfahren in geeigneten Fällen</li><li>Seit 2025 „Trusted Flagger“ nach dem "
        "Digital Services Act (DSA)</li></ul>",
        "operator": "",
    },
    {
        "slug": "weisser-ring",
        "title": "Weisser Ring",
        "contact": "weisser-ring",
        "teaser": "Hilfe für Opfer von Kriminalität – am Opfer-Telefon und vor Ort.",
        "who": "<p>Der Weisse Ring hilft Menschen, die Opfer einer Straftat geworden sind. Er ist mit rund 400 "
        "Außenstellen in ganz Deutschland vor Ort vertreten.</p>",
        "offers": "<ul><li>Opfer-Telefon unter 116 006</li><li>Onlineberatung per E-Mail</li><li>persönliche "
        "Unterstützung durch die Außenstellen in Ihrer Nähe</li></ul>",
        "operator": "",
    },
    {
        "slug": "respect",
        "title": "Meldestelle REspect!",
        "contact": "respect",
        "teaser": "Bundesweite Meldestelle für Hass im Netz.",
        "who": "<p>REspect! ist eine bundesweite Meldestelle für Hass und Hetze im Internet. Im Oktober 2024 "
        "wurde sie als erste Stelle in Deutschland „Trusted Flagger“ nach dem Digital Services Act (DSA).</p>",
        "offers": "<ul><li>Meldungen von Hassbeiträgen, auf Wunsch anonym</li><li>rechtliche Prüfung der "
        "gemeldeten Inhalte</li><li>Löschaufforderung an die Plattform</li><li>Strafanzeige bei strafbaren "
        "Inhalten</li></ul>",
        "operator": "<p>Träger ist die Jugendstiftung Baden-Württemberg.</p>",
    },
    {
        "slug": "vbrg",
        "title": "VBRG – Beratung für Betroffene rechter, rassistischer und antisemitischer Gewalt",
        "coverage_note": "Beratungsstellen in 14 Ländern",
        "contact": "vbrg",
        "teaser": "Beratungsstellen für Betroffene rechter, rassistischer und antisemitischer Gewalt.",
        "who": "<p>Im Verband der Beratungsstellen für Betroffene rechter, rassistischer und antisemitischer "
        "Gewalt (VBRG) haben sich Beratungsstellen aus 14 Ländern zusammengeschlossen.</p>",
        "offers": "<ul><li>Beratung kostenlos, vertraulich und parteilich an der Seite der Betroffenen</li>"
        "<li>Hilfe bei der Nebenklage und bei Entschädigungsfragen</li><li>Begleitung zu Polizei und "
        "Gericht</li></ul>",
        "operator": "",
    },
    {
        "slug": "telefonseelsorge",
        "title": "Telefonseelsorge",
        "contact": "telefonseelsorge",
        "teaser": "Jemand hört zu – kostenlos, Tag und Nacht.",
        "who": "<p>Die Telefonseelsorge ist für alle da, die Sorgen haben und mit jemandem sprechen möchten – "
        "auch nach einem Angriff, der Sie nicht loslässt.</p>",
        "offers": "<ul><li>Gespräche am Telefon unter 0800 111 0 111, 0800 111 0 222 oder 116 123</li>"
        "<li>kostenlos, Tag und Nacht</li></ul>",
        "operator": "",
    },
]


def load_supporters(home) -> dict[str, SupporterProfilePage]:
    index = upsert_page(
        home,
        SupporterIndexPage,
        "unterstuetzer",
        title="Wer Ihnen hilft",
        teaser="Organisationen, die Ihnen helfen – wer sie sind, was sie anbieten und wie Sie sie erreichen.",
        intro="Diese Organisationen unterstützen Menschen in der Kommunalpolitik, die angefeindet, bedroht oder "
        "angegriffen werden. Die meisten sind bundesweit für Sie da; die Beratungsstellen im VBRG gibt es in "
        "14 Ländern, für Betroffene rechter, rassistischer und antisemitischer Gewalt.",
    )
    profiles = {}
    for data in PROFILES:
        profiles[data["slug"]] = upsert_page(
            index,
            SupporterProfilePage,
            data["slug"],
            title=data["title"],
            teaser=data["teaser"],
            who=RichText(data["who"]),
            offers=RichText(data["offers"]),
            operator=RichText(data["operator"]) if data["operator"] else "",
            nationwide=True,
            coverage_note=data.get("coverage_note", ""),
            contacts=contacts(data["contact"]),
        )
    merge_starke_stelle_profile(index)
    return profiles


def merge_starke_stelle_profile(index) -> None:
    """One page per organisation (#16): an earlier demo had a second Starke Stelle page below the index."""
    old_path = Redirect.normalise_path(index.get_url() + "starke-stelle/")
    SupporterProfilePage.objects.child_of(index).filter(slug="starke-stelle").delete()
    starke_stelle = StarkeStellePage.objects.live().first()
    if starke_stelle is not None:
        Redirect.objects.update_or_create(
            old_path=old_path, site=None, defaults={"redirect_page": starke_stelle, "is_permanent": True},
        )


# --- guidance pages -----------------------------------------------------------------------------------------


def guidance_pages(profiles) -> list[dict]:
    return [
        {
            "slug": "beweise-sichern",
            "title": "Beweise sichern",
            "teaser": "Was Sie festhalten sollten, damit Polizei und Justiz gegen die Täter vorgehen können.",
            "applies_when": "Sie wurden beleidigt, bedroht oder angegriffen – im Netz, per Post, am Telefon "
            "oder persönlich.",
            "situations": ALL_SITUATIONS,
            "phases": ("akut", "danach"),
            "body": [
                EMERGENCY,
                paragraph(
                    "<p>Ohne Beweise können Polizei und Staatsanwaltschaft wenig tun. Beiträge im Netz werden "
                    "oft schnell gelöscht – sichern Sie deshalb alles, bevor Sie etwas melden oder "
                    "löschen.</p>"
                ),
                steps(
                    DONT_REPLY,
                    SECURE_EVIDENCE,
                    KEEP_EMAIL,
                    KEEP_ORIGINAL,
                    THREATENING_CALL,
                    WRITE_IT_DOWN,
                    step(
                        Cat.EVIDENCE,
                        "Lassen Sie Verletzungen ärztlich festhalten",
                        "<p>Gehen Sie zu einer Ärztin oder einem Arzt, auch wenn die Verletzung klein scheint, "
                        "und bitten Sie darum, sie schriftlich festzuhalten. Ein solcher Befund ist später ein "
                        "wichtiger Beweis.</p>",
                        situations=("koerperlicher-angriff",),
                        rank=15,
                    ),
                    step(
                        Cat.EVIDENCE,
                        "Fotografieren Sie den Schaden",
                        "<p>Machen Sie Fotos vom Schaden mit Datum und Uhrzeit, bevor Sie etwas reparieren oder "
                        "entfernen.</p>",
                        situations=("sachbeschaedigung",),
                        rank=28,
                    ),
                    WITNESSES,
                    FILE_COMPLAINT,
                ),
                checklist(
                    "Checkliste: Beweise",
                    "Bildschirmfoto des Beitrags mit Datum und Uhrzeit",
                    "Bildschirmfoto des Verlaufs rund um den Beitrag",
                    "Bildschirmfoto des Profils des Verfassers",
                    "Adresse (URL) des Beitrags und des Profils notiert",
                    "Notiert, wer es zuerst gesehen hat und wann",
                    "Briefe, Sprachnachrichten und Anruflisten aufbewahrt",
                    "Drohbriefe und Droh-E-Mails im Original aufbewahrt, nichts gelöscht, nichts an den Absender "
                    "zurückgeschickt",
                ),
                faq(
                    (
                        "Darf ich einen Drohanruf aufnehmen?",
                        "<p>Nicht heimlich: Wer das nicht öffentlich gesprochene Wort eines anderen ohne dessen "
                        "Einverständnis aufnimmt, macht sich selbst strafbar (§ 201 StGB). Erlaubt und hilfreich "
                        "ist es, wenn jemand mithört und Sie beide Notizen machen.</p>",
                    ),
                    (
                        "Die Polizei fragt nach dem Header einer E-Mail. Was ist das?",
                        "<p>Der Header (die Kopfzeilen) enthält technische Angaben dazu, woher eine E-Mail kommt. "
                        "Die Polizei braucht unter Umständen die E-Mail mit dem vollständigen Header. Bewahren "
                        "Sie die E-Mail deshalb in Ihrem Postfach auf und fragen Sie die Polizei, wie Sie sie "
                        "am besten übergeben.</p>",
                    ),
                    (
                        "Darf ich den Beitrag löschen oder melden?",
                        "<p>Ja, aber erst, wenn Sie ihn gesichert haben. Ist er gelöscht, fehlt später der "
                        "Beweis.</p>",
                    ),
                    (
                        "Reicht ein Bildschirmfoto?",
                        "<p>Es sollte Datum und Uhrzeit zeigen. Notieren Sie zusätzlich die Adresse (URL) von "
                        "Beitrag und Profil.</p>",
                    ),
                ),
                *contact_block("starke-stelle"),
            ],
        },
        {
            "slug": "anzeige-und-strafantrag",
            "title": "Anzeige erstatten und Strafantrag stellen",
            "teaser": "Wie Sie Anzeige erstatten – und warum Sie bei Beleidigungen die Drei-Monats-Frist "
            "für den Strafantrag kennen müssen.",
            "applies_when": "Sie wollen, dass die Täter zur Verantwortung gezogen werden.",
            "situations": (
                "beleidigung", "bedrohung", "hatestorm", "doxing", "sachbeschaedigung", "koerperlicher-angriff",
            ),
            "phases": ("danach",),
            "body": [
                paragraph(
                    "<p>Eine Anzeige lohnt sich: Sie zeigt, dass Angriffe auf kommunale Amts- und "
                    "Mandatsträgerinnen und -träger "
                    "Folgen haben.</p>"
                ),
                steps(
                    SECURE_EVIDENCE,
                    FILE_COMPLAINT,
                    CRIMINAL_COMPLAINT_REQUEST,
                    CASE_NUMBER,
                    GET_SUPPORT,
                ),
                callout(
                    "warning",
                    "Drei Monate Frist",
                    "<p>Den Strafantrag wegen einer Beleidigung, üblen Nachrede oder Verleumdung müssen Sie "
                    "innerhalb von drei Monaten stellen, nachdem Sie von Tat und Täter erfahren haben (§ 77b StGB). "
                    "Kennen Sie den Täter nicht, hat die Frist noch nicht begonnen. Stellen Sie den Antrag "
                    "trotzdem sofort, zusammen mit der Anzeige.</p>",
                ),
                paragraph(
                    "<p>Für Menschen, die im politischen Leben stehen, gibt es einen eigenen Schutz: § 188 StGB. "
                    "Sprechen Sie die Polizei bei der Anzeige darauf an, dass Sie ein Amt oder Mandat "
                    "haben.</p>"
                ),
                faq(
                    (
                        "Wo kann ich Anzeige erstatten?",
                        "<p>Bei jeder Polizeidienststelle. In den meisten Ländern gibt es außerdem eine "
                        "Online-Wache der Polizei. Sie ist nicht für Notfälle gedacht: Bei Gefahr rufen Sie "
                        "110.</p>",
                    ),
                    (
                        "Was ist der Unterschied zwischen Anzeige und Strafantrag?",
                        "<p>Mit der Anzeige teilen Sie der Polizei mit, was passiert ist. Bei Straftaten gegen "
                        "die Ehre verlangen Sie mit dem Strafantrag ausdrücklich, dass die Tat verfolgt wird. "
                        "Am einfachsten stellen Sie beides zusammen.</p>",
                    ),
                ),
                *contact_block("starke-stelle", "hateaid"),
            ],
        },
        {
            "slug": "online-wache-und-hasskommentare-melden",
            "title": "Online-Wache und Hasskommentare melden",
            "teaser": "Wie Sie Hass im Netz bei der Plattform, bei einer Meldestelle und bei der Polizei melden.",
            "applies_when": "Sie werden in sozialen Medien, per E-Mail oder in Kommentaren angegriffen.",
            "situations": ("beleidigung", "bedrohung", "hatestorm", "doxing"),
            "channels": ("online",),
            "phases": ("akut", "danach"),
            "body": [
                steps(
                    DONT_REPLY,
                    SECURE_EVIDENCE,
                    step(
                        Cat.REPORT,
                        "Melden Sie den Beitrag der Plattform",
                        "<p>Nutzen Sie die Meldefunktion des Netzwerks. Sichern Sie den Beitrag vorher.</p>",
                        situations=("beleidigung", "bedrohung", "hatestorm"), rank=45, ranks={"hatestorm": 20},
                    ),
                    step(
                        Cat.REPORT,
                        "Melden Sie den Beitrag zusätzlich einer Meldestelle",
                        "<p>Zum Beispiel REspect!, HateAid oder – in Hessen – Hessen gegen Hetze. REspect! prüft, ob "
                        "der Inhalt "
                        "strafbar ist, fordert die Plattform zum Löschen auf und erstattet Strafanzeige.</p>",
                        situations=("beleidigung", "bedrohung", "hatestorm"), rank=46,
                    ),
                    FILE_COMPLAINT,
                ),
                callout(
                    "tip",
                    "Online-Wache",
                    "<p>Die meisten Länder haben eine Online-Wache der Polizei. Dort können Sie Anzeige "
                    "erstatten, ohne zur Dienststelle zu gehen. Sie ist nicht für Notfälle gedacht.</p>",
                ),
                *contact_block("respect", "hateaid", "hessen-gegen-hetze", title="Meldestellen"),
                *supporter_block(profiles, "respect", "hateaid"),
            ],
        },
        {
            "slug": "hatestorm-und-doxing",
            "title": "Hatestorm und Doxing: die ersten Stunden",
            "teaser": "Was Sie sofort tun, wenn Hass über Sie hereinbricht oder Ihre Adresse veröffentlicht wird.",
            "applies_when": "Sie erhalten in kurzer Zeit sehr viele Hassnachrichten, oder Ihre private Adresse "
            "oder andere persönliche Daten wurden veröffentlicht.",
            "situations": ("hatestorm", "doxing"),
            "phases": ("akut",),
            "body": [
                EMERGENCY,
                steps(
                    NOT_ALONE,
                    step(
                        Cat.SAFETY,
                        "Stellen Sie Ihre Profile auf privat",
                        "<p>Schränken Sie ein, wer Ihre Beiträge sehen und kommentieren kann. Verbergen Sie "
                        "Ihren Standort in allen Apps.</p>",
                        rank=10,
                    ),
                    step(
                        Cat.SAFETY,
                        "Ändern Sie Ihre Passwörter",
                        "<p>Wählen Sie neue, starke Passwörter und schalten Sie die Zwei-Faktor-"
                        "Authentifizierung ein.</p>",
                        rank=12,
                    ),
                    SECURE_EVIDENCE,
                    CALL_POLICE,
                    SAFE_AT_HOME,
                    GET_SUPPORT,
                ),
                checklist(
                    "Checkliste: die ersten Stunden",
                    "Jemanden informiert, der mir beisteht",
                    "Profile auf privat gestellt, Standort verborgen",
                    "Passwörter geändert, Zwei-Faktor-Authentifizierung an",
                    "Beiträge gesichert",
                    "Polizei informiert",
                ),
                *contact_block("hateaid", "starke-stelle"),
            ],
        },
        {
            "slug": "auskunftssperre-im-melderegister",
            "title": "Auskunftssperre im Melderegister",
            "teaser": "So schützen Sie Ihre Wohnadresse: die Auskunftssperre nach § 51 Bundesmeldegesetz.",
            "applies_when": "Sie befürchten, dass jemand Ihre Wohnadresse herausfindet, um Ihnen oder Ihrer "
            "Familie zu schaden.",
            "situations": ("doxing", "bedrohung", "sachbeschaedigung", "koerperlicher-angriff"),
            "phases": ("vorbeugen", "danach"),
            "body": [
                paragraph(
                    "<p>Wer im Melderegister eine Auskunftssperre hat, dessen Adresse gibt die Meldebehörde "
                    "nicht an Privatpersonen und Firmen heraus. Behörden erhalten sie weiterhin. Grundlage ist "
                    "§ 51 Bundesmeldegesetz.</p>"
                ),
                steps(
                    step(
                        Cat.PREVENTION,
                        "Beantragen Sie die Auskunftssperre schriftlich",
                        "<p>Stellen Sie den Antrag schriftlich bei Ihrer Meldebehörde.</p>",
                        rank=70, ranks={"doxing": 8},
                    ),
                    step(
                        Cat.PREVENTION,
                        "Machen Sie die Gefahr glaubhaft",
                        "<p>Legen Sie dar, warum Ihnen durch eine Auskunft Gefahr droht – etwa mit gesicherten "
                        "Drohungen oder dem Aktenzeichen Ihrer Anzeige.</p>",
                        rank=74,
                    ),
                    step(
                        Cat.PREVENTION,
                        "Denken Sie an die Verlängerung",
                        "<p>Die Sperre gilt zwei Jahre. Sie können sie verlängern lassen.</p>",
                        rank=80,
                    ),
                ),
                callout(
                    "info",
                    "Auch für Ihre Familie",
                    "<p>Die Auskunftssperre schützt auch die Familienmitglieder, die mit Ihnen unter derselben "
                    "Adresse gemeldet sind.</p>",
                ),
            ],
        },
        {
            "slug": "sicherheit-zu-hause-unterwegs-und-bei-veranstaltungen",
            "title": "Sicherheit zu Hause, unterwegs und bei Veranstaltungen",
            "teaser": "Wie Sie sich und Ihre Familie schützen – im Alltag und bei öffentlichen Auftritten.",
            "applies_when": "Sie wurden bedroht oder angegriffen, oder Sie wollen vorbeugen.",
            "situations": ("bedrohung", "koerperlicher-angriff", "sachbeschaedigung", "doxing"),
            "phases": ("akut", "vorbeugen"),
            "body": [
                EMERGENCY,
                steps(
                    CALL_110,
                    NOT_ALONE,
                    SAFE_AT_HOME,
                    NOT_ALONE_TO_EVENTS,
                    step(
                        Cat.PREVENTION,
                        "Schützen Sie Ihre Adresse",
                        "<p>Beantragen Sie eine Auskunftssperre im Melderegister, wenn Sie bedroht werden.</p>",
                        situations=("bedrohung", "sachbeschaedigung", "koerperlicher-angriff"), rank=72,
                    ),
                ),
                checklist(
                    "Checkliste für Veranstaltungen",
                    "Begleitung verabredet",
                    "Jemand weiß, wann ich zurück bin",
                    "Notruf 110 im Telefon griffbereit",
                ),
            ],
        },
        {
            "slug": "sicher-in-den-sozialen-medien",
            "title": "Sicher in den sozialen Medien",
            "teaser": "Einstellungen, Passwörter und Gewohnheiten, die Angreifern das Leben schwer machen.",
            "applies_when": "Sie sind in sozialen Medien aktiv und wollen sich vor Hass und Datenmissbrauch "
            "schützen.",
            "situations": ("hatestorm", "doxing", "beleidigung"),
            "channels": ("online",),
            "phases": ("vorbeugen",),
            "body": [
                steps(
                    step(
                        Cat.PREVENTION,
                        "Prüfen Sie Ihre Privatsphäre-Einstellungen",
                        "<p>Legen Sie fest, wer Ihre Beiträge, Freundeslisten und Fotos sehen kann.</p>",
                        rank=70,
                    ),
                    step(
                        Cat.PREVENTION,
                        "Nutzen Sie starke Passwörter und Zwei-Faktor-Authentifizierung",
                        "<p>Verwenden Sie für jedes Konto ein eigenes, langes Passwort und schalten Sie die "
                        "Zwei-Faktor-Authentifizierung ein.</p>",
                        rank=72,
                    ),
                    step(
                        Cat.PREVENTION,
                        "Verraten Sie nicht, wo Sie gerade sind",
                        "<p>Schalten Sie die Standortfreigabe aus und posten Sie Fotos von unterwegs erst "
                        "später.</p>",
                        rank=74, ranks={"doxing": 16},
                    ),
                ),
                *supporter_block(profiles, "hateaid"),
            ],
        },
        {
            "slug": "psychische-belastung-und-unterstuetzung",
            "title": "Psychische Belastung und Unterstützung",
            "teaser": "Angriffe belasten. Wo Sie Gehör und Hilfe finden.",
            "applies_when": "Ein Angriff lässt Sie nicht los, Sie schlafen schlecht oder denken ans Aufhören.",
            "situations": ALL_SITUATIONS,
            "phases": ("danach",),
            "body": [
                paragraph(
                    "<p>Viele, die angefeindet werden, fühlen sich hilflos, wütend oder erschöpft. Das ist "
                    "eine normale Reaktion – und kein Zeichen von Schwäche.</p>"
                ),
                steps(
                    step(
                        Cat.SUPPORT,
                        "Nehmen Sie Ihre Belastung ernst",
                        "<p>Gönnen Sie sich Pausen und sprechen Sie mit Menschen, denen Sie vertrauen.</p>",
                        rank=60,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Sprechen Sie mit jemandem, der zuhört",
                        "<p>Die Telefonseelsorge ist kostenlos und Tag und Nacht erreichbar: 0800 111 0 111, "
                        "0800 111 0 222 oder 116 123.</p>",
                        rank=58,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Lassen Sie sich von einer Opferberatung begleiten",
                        "<p>Der Weisse Ring (Opfer-Telefon 116 006) hilft Opfern von Straftaten. Bei rechter, "
                        "rassistischer oder antisemitischer Gewalt stehen Ihnen die Beratungsstellen im VBRG in "
                        "14 Ländern zur Seite.</p>",
                        rank=62,
                    ),
                    GET_SUPPORT,
                ),
                *contact_block("telefonseelsorge", "weisser-ring", "vbrg"),
                *supporter_block(profiles, "telefonseelsorge", "weisser-ring", "vbrg"),
            ],
        },
        {
            "slug": "presse-und-oeffentlichkeitsarbeit",
            "title": "Presse- und Öffentlichkeitsarbeit nach einem Angriff",
            "teaser": "Ob und wie Sie einen Angriff öffentlich machen.",
            "applies_when": "Ein Angriff auf Sie ist bekannt geworden, oder Sie überlegen, ihn öffentlich zu "
            "machen.",
            "situations": ("hatestorm", "bedrohung", "koerperlicher-angriff", "sachbeschaedigung"),
            "phases": ("danach",),
            "body": [
                steps(
                    step(
                        Cat.SUPPORT,
                        "Entscheiden Sie in Ruhe, ob Sie an die Öffentlichkeit gehen",
                        "<p>Öffentlichkeit kann Solidarität bringen, aber auch neue Angriffe. Lassen Sie sich "
                        "Zeit und besprechen Sie es mit Menschen, denen Sie vertrauen.</p>",
                        rank=80,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Legen Sie fest, wer für Sie spricht",
                        "<p>Eine Ansprechperson, etwa aus der Pressestelle Ihrer Verwaltung, entlastet Sie und "
                        "sorgt für einheitliche Aussagen.</p>",
                        rank=82,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Nennen Sie keine Details aus dem Verfahren",
                        "<p>Sprechen Sie über den Angriff und seine Folgen, nicht über Ermittlungen. Nennen "
                        "Sie keine privaten Daten.</p>",
                        rank=84,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Bitten Sie um Solidarität",
                        "<p>Kolleginnen und Kollegen aus Rat und Verwaltung, Parteien und Vereine können sich "
                        "öffentlich hinter Sie stellen. Das zeigt: Sie sind nicht allein.</p>",
                        rank=86,
                    ),
                ),
            ],
        },
        {
            "slug": "konflikte-und-anfeindungen-im-rat",
            "title": "Konflikte und Anfeindungen im Rat",
            "teaser": "Wenn der Ton im Gremium oder in der Verwaltung in Anfeindung umschlägt.",
            "applies_when": "Sie werden aus dem Rat, aus einem Ausschuss oder aus der Verwaltung heraus "
            "herabgesetzt oder angefeindet.",
            "situations": ("konflikte-im-rat", "beleidigung"),
            "channels": ("persoenlich",),
            "phases": ("akut", "danach", "vorbeugen"),
            "body": [
                steps(
                    step(
                        Cat.EVIDENCE,
                        "Halten Sie Äußerungen fest",
                        "<p>Notieren Sie Wortlaut, Zeitpunkt und Zeugen. Bitten Sie darum, eine Äußerung ins "
                        "Protokoll aufzunehmen.</p>",
                        rank=30, situations=("konflikte-im-rat",),
                    ),
                    step(
                        Cat.SUPPORT,
                        "Bitten Sie die Sitzungsleitung einzuschreiten",
                        "<p>Die Sitzungsleitung sorgt für die Ordnung in der Sitzung. Sprechen Sie sie an – "
                        "in der Sitzung oder danach.</p>",
                        situations=("konflikte-im-rat",), rank=56, ranks={"konflikte-im-rat": 20},
                    ),
                    GET_SUPPORT,
                    step(
                        Cat.PREVENTION,
                        "Vereinbaren Sie Regeln für den Umgang miteinander",
                        "<p>Regeln für einen respektvollen Umgang, auf die sich das Gremium verständigt, helfen, "
                        "Grenzen deutlich zu machen.</p>",
                        rank=70,
                    ),
                ),
                callout(
                    "info",
                    "Auch im Rat gilt das Strafrecht",
                    "<p>Eine Beleidigung bleibt eine Beleidigung, auch in einer Sitzung. Denken Sie an die "
                    "Drei-Monats-Frist für den Strafantrag.</p>",
                ),
            ],
        },
        {
            "slug": "was-nach-der-anzeige-geschieht",
            "title": "Was nach der Anzeige geschieht",
            "teaser": "Wie Sie den Stand des Verfahrens erfahren und wer Sie dabei begleitet.",
            "applies_when": "Sie haben Anzeige erstattet und wissen nicht, wie es weitergeht.",
            "situations": (
                "beleidigung", "bedrohung", "hatestorm", "doxing", "sachbeschaedigung", "koerperlicher-angriff",
            ),
            "phases": ("danach",),
            "body": [
                steps(
                    CASE_NUMBER,
                    step(
                        Cat.REPORT,
                        "Fragen Sie nach dem Stand des Verfahrens",
                        "<p>Erkundigen Sie sich unter Angabe des Aktenzeichens bei der Stelle, bei der Sie "
                        "Anzeige erstattet haben, oder bei der Staatsanwaltschaft.</p>",
                        rank=78,
                    ),
                    step(
                        Cat.REPORT,
                        "Bitten Sie darum, über den Ausgang informiert zu werden",
                        "<p>Als Verletzte oder Verletzter einer Straftat können Sie beantragen, dass man Ihnen "
                        "mitteilt, wie das Verfahren ausgeht (§ 406d StPO). Sagen Sie das am besten gleich bei "
                        "der Anzeige oder schreiben Sie es der Staatsanwaltschaft mit dem Aktenzeichen.</p>",
                        rank=77,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Lassen Sie sich begleiten",
                        "<p>Bei rechter, rassistischer oder antisemitischer Gewalt helfen die Beratungsstellen im VBRG "
                        "(in 14 Ländern) bei der Nebenklage und bei der Entschädigung und begleiten Sie zu "
                        "Polizei und Gericht. HateAid übernimmt in geeigneten Fällen die "
                        "Kosten zivilrechtlicher Verfahren.</p>",
                        rank=64,
                    ),
                    GET_SUPPORT,
                ),
                callout(
                    "info",
                    "Wenn die Staatsanwaltschaft das Verfahren einstellt",
                    "<p>Stellt die Staatsanwaltschaft das Verfahren ein, erfahren Sie als Person, die Anzeige "
                    "erstattet hat, die Gründe dafür (§ 171 StPO). Wenn Sie durch die Tat verletzt sind, können "
                    "Sie dagegen innerhalb von zwei Wochen Beschwerde einlegen (§ 172 StPO). Lassen Sie sich "
                    "dabei beraten, zum Beispiel von der Starken Stelle.</p>",
                ),
                faq(
                    (
                        "Ich habe vor Monaten eine Verleumdung angezeigt und nichts gehört. Was kann ich tun?",
                        "<p>Fragen Sie mit dem Aktenzeichen nach dem Stand. Die Starke Stelle hilft Ihnen, die "
                        "richtige Ansprechperson zu finden.</p>",
                    ),
                ),
                *contact_block("starke-stelle", "vbrg", "hateaid"),
            ],
        },
        *new_guidance_pages(profiles),
    ]


def new_guidance_pages(profiles) -> list[dict]:
    """Pages written from the facts file's section "Law and procedure"."""
    return [
        {
            "slug": "welche-straftaten",
            "title": "Welche Straftaten? Beleidigung, Bedrohung, Nötigung und Co.",
            "teaser": "Welche Gesetze Sie schützen – und wann Sie neben der Anzeige einen Strafantrag "
            "brauchen.",
            "applies_when": "Sie wollen wissen, ob das, was Ihnen passiert ist, strafbar ist und was Sie "
            "dafür tun müssen, dass es verfolgt wird.",
            "situations": ("beleidigung", "bedrohung", "hatestorm", "doxing", "konflikte-im-rat"),
            "phases": ("akut", "danach"),
            "body": [
                paragraph(
                    "<p>Die Polizei und die Staatsanwaltschaft verfolgen Straftaten von Amts wegen. Nur bei "
                    "manchen Taten verlangt das Gesetz zusätzlich einen Strafantrag von Ihnen. Hier sehen Sie, "
                    "welche Taten das Strafgesetzbuch (StGB) nennt und bei welchen Sie einen Strafantrag "
                    "stellen sollten.</p>"
                ),
                heading("Beleidigung, üble Nachrede, Verleumdung"),
                paragraph(
                    "<p>Beleidigung (§ 185 StGB), üble Nachrede (§ 186 StGB) und Verleumdung (§ 187 StGB) werden in "
                    "der Regel nur verfolgt, wenn Sie einen Strafantrag stellen. Bei manchen dieser Taten kann die "
                    "Staatsanwaltschaft auch ohne Antrag handeln, wenn sie ein besonderes öffentliches Interesse "
                    "sieht. Verlassen Sie sich nicht darauf: Stellen Sie immer einen Strafantrag, und zwar innerhalb "
                    "von drei Monaten (§ 77b StGB).</p>"
                ),
                heading("Schutz für Menschen im politischen Leben"),
                paragraph(
                    "<p>§ 188 StGB schützt Menschen, die im politischen Leben stehen. Seit 2021 steht ausdrücklich im"
                    " Gesetz, dass das bis hinunter zur kommunalen Ebene gilt – also auch für Sie als "
                    "Bürgermeisterin oder Bürgermeister, Landrätin oder Landrat oder Ratsmitglied. "
                    "Voraussetzung: Die Beleidigung geschieht öffentlich,"
                    " in einer Versammlung oder durch das Verbreiten von Inhalten, sie hat mit Ihrer öffentlichen "
                    "Rolle zu tun und kann Ihr öffentliches Wirken erheblich erschweren.</p>"
                ),
                heading("Bedrohung und Nötigung"),
                paragraph(
                    "<p>Eine Bedrohung (§ 241 StGB) und eine Nötigung (§ 240 StGB) brauchen keinen Strafantrag. Hier "
                    "genügt die Anzeige.</p>"
                ),
                heading("Androhung von Straftaten"),
                paragraph(
                    "<p>Wer den öffentlichen Frieden stört, indem er Straftaten androht, macht sich nach § 126 StGB "
                    "strafbar.</p>"
                ),
                heading("Vorsicht beim Aufnehmen"),
                paragraph(
                    "<p>Wer das nicht öffentlich gesprochene Wort eines anderen ohne Einverständnis aufnimmt, macht "
                    "sich selbst strafbar (§ 201 StGB). Nehmen Sie einen Drohanruf deshalb nicht heimlich auf.</p>"
                ),
                steps(
                    step(
                        Cat.REPORT,
                        "Erstatten Sie bei Bedrohung oder Nötigung Anzeige",
                        "<p>Für eine Bedrohung (§ 241 StGB) oder Nötigung (§ 240 StGB) brauchen Sie keinen "
                        "Strafantrag: Die Anzeige bei der Polizei genügt.</p>",
                        situations=("bedrohung",), rank=41,
                    ),
                    CRIMINAL_COMPLAINT_REQUEST,
                    step(
                        Cat.EVIDENCE,
                        "Nehmen Sie Gespräche nicht heimlich auf",
                        "<p>Eine heimliche Aufnahme ist selbst strafbar (§ 201 StGB). Lassen Sie stattdessen "
                        "jemanden mithören und notieren Sie Uhrzeit und Wortlaut.</p>",
                        situations=("bedrohung", "beleidigung"), channels=("post-telefon",), rank=60,
                    ),
                    step(
                        Cat.REPORT,
                        "Weisen Sie auf Ihr Amt oder Mandat hin",
                        "<p>Sagen Sie bei der Anzeige, dass Sie ein kommunales Amt oder Mandat haben und der "
                        "Angriff damit zu tun hat. Dann kann auch § 188 StGB greifen.</p>",
                        situations=("beleidigung", "hatestorm"), rank=47,
                    ),
                ),
                checklist(
                    "Checkliste: Anzeige und Strafantrag",
                    "Anzeige erstattet",
                    "Bei Beleidigung, übler Nachrede oder Verleumdung: Strafantrag gestellt",
                    "Auf mein Amt oder Mandat hingewiesen",
                    "Aktenzeichen notiert",
                ),
                *contact_block("starke-stelle"),
            ],
        },
        {
            "slug": "rechtliche-hilfe-und-kosten",
            "title": "Rechtliche Hilfe und Kosten",
            "teaser": "Wer Sie rechtlich begleitet, was Nebenklage bedeutet und wer in welchen Fällen Kosten "
            "übernimmt.",
            "applies_when": "Sie wollen gegen die Täter vorgehen und fragen sich, wer Ihnen dabei hilft und "
            "was es kostet.",
            "situations": ALL_SITUATIONS,
            "phases": ("danach",),
            "body": [
                paragraph(
                    "<p>Sie müssen den Weg durch Polizei, Staatsanwaltschaft und Gericht nicht allein gehen. "
                    "Mehrere Stellen beraten Sie und begleiten Sie. Was ein Verfahren kostet, hängt vom "
                    "Einzelfall ab – deshalb nennen wir hier keine Beträge. Fragen Sie nach, bevor Sie Kosten "
                    "eingehen.</p>"
                ),
                heading("Wer was anbietet"),
                paragraph(
                    "<ul><li><b>HateAid</b> berät bei digitaler Gewalt per Telefon, E-Mail und Chat. In geeigneten "
                    "Fällen übernimmt HateAid die Kosten für Zivilverfahren.</li><li><b>Weisser Ring</b>: "
                    "Opfer-Telefon 116 006, Beratung per E-Mail und rund 400 Außenstellen vor "
                    "Ort.</li><li><b>VBRG</b>: Die Beratungsstellen in 14 Ländern sind für Betroffene rechter, "
                    "rassistischer und antisemitischer Gewalt da – kostenlos, vertraulich und an Ihrer Seite. Sie "
                    "helfen bei der Nebenklage und bei der Entschädigung und begleiten Sie zu Polizei und "
                    "Gericht.</li><li><b>Starke Stelle</b>: Sie berät kostenlos und vertraulich, auf Wunsch anonym, "
                    "und lotst Sie zu den passenden Hilfsangeboten von Ländern und Bund.</li></ul>"
                ),
                heading("Was Nebenklage bedeutet"),
                paragraph(
                    "<p>Als Nebenklägerin oder Nebenkläger beteiligen Sie sich selbst am Strafverfahren gegen den "
                    "Täter. Ob das in Ihrem Fall möglich ist, klären Sie am besten mit einer Beratungsstelle.</p>"
                ),
                steps(
                    step(
                        Cat.SUPPORT,
                        "Lassen Sie sich beraten, bevor Sie Kosten eingehen",
                        "<p>Fragen Sie die Starke Stelle oder eine Opferberatung, welche Schritte in Ihrem "
                        "Fall sinnvoll sind und wer Sie dabei unterstützt.</p>",
                        rank=66,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Fragen Sie bei Hass im Netz HateAid",
                        "<p>HateAid berät bei digitaler Gewalt und übernimmt in geeigneten Fällen die Kosten "
                        "für Zivilverfahren.</p>",
                        channels=("online",), rank=64,
                    ),
                    step(
                        Cat.SUPPORT,
                        "Lassen Sie sich zu Polizei und Gericht begleiten",
                        "<p>Bei rechter, rassistischer oder antisemitischer Gewalt begleiten die Beratungsstellen im "
                        "VBRG (in 14 Ländern) Sie zu Polizei und Gericht und helfen bei Nebenklage und "
                        "Entschädigung.</p>",
                        rank=65,
                    ),
                ),
                *contact_block("starke-stelle", "hateaid", "weisser-ring", "vbrg"),
                *supporter_block(profiles, "hateaid", "weisser-ring", "vbrg"),
            ],
        },
        {
            "slug": "sicherheit-im-rathaus-und-am-arbeitsplatz",
            "title": "Sicherheit im Rathaus und am Arbeitsplatz",
            "teaser": "Was Sie und Ihr Team tun, wenn im Rathaus, im Büro oder am Telefon gedroht wird.",
            "applies_when": "Sie oder Ihre Mitarbeiterinnen und Mitarbeiter werden im Rathaus, im Büro, am "
            "Telefon oder per Post bedroht oder angegriffen.",
            "situations": ("bedrohung", "koerperlicher-angriff", "sachbeschaedigung", "beleidigung"),
            "channels": ("persoenlich", "post-telefon"),
            "phases": ("akut", "vorbeugen"),
            "body": [
                EMERGENCY,
                paragraph(
                    "<p>Angriffe treffen nicht nur Sie, sondern oft auch die Menschen, die mit Ihnen arbeiten. "
                    "Vereinbaren Sie im Team, was bei einer Drohung zu tun ist – dann weiß im Ernstfall jede "
                    "und jeder, was zu tun ist.</p>"
                ),
                steps(
                    CALL_110,
                    NOT_ALONE,
                    step(
                        Cat.EVIDENCE,
                        "Vereinbaren Sie, wer bei Drohanrufen mithört",
                        "<p>Wer einen Drohanruf annimmt, sagt nichts. Eine Kollegin oder ein Kollege hört mit, "
                        "beide notieren die Uhrzeit und was gesagt wurde. Nehmen Sie das Gespräch nicht "
                        "heimlich auf: Das ist selbst strafbar (§ 201 StGB).</p>",
                        channels=("post-telefon",), rank=68,
                    ),
                    KEEP_ORIGINAL,
                    KEEP_EMAIL,
                    NOT_ALONE_TO_EVENTS,
                    FILE_COMPLAINT,
                    GET_SUPPORT,
                ),
                checklist(
                    "Checkliste für das Team",
                    "Alle wissen: Bei Gefahr sofort 110",
                    "Bei Drohanrufen: nichts sagen, jemand hört mit, Uhrzeit und Wortlaut notieren",
                    "Drohbriefe und Droh-E-Mails im Original aufbewahren",
                    "Nach einem Vorfall bleibt niemand allein",
                ),
                *contact_block("starke-stelle", "telefonseelsorge"),
            ],
        },
        {
            "slug": "eigene-kanaele-kommentare-loeschen-nutzer-sperren",
            "title": "Ihre eigenen Kanäle: Kommentare löschen, Nutzer sperren",
            "teaser": "Auf Ihren eigenen Seiten und Profilen haben Sie Hausrecht. Sichern Sie zuerst, dann "
            "löschen Sie.",
            "applies_when": "Auf Ihrer eigenen Seite, in Ihrem Profil oder unter Ihren Beiträgen werden Sie "
            "beleidigt oder bedroht.",
            "situations": ("beleidigung", "bedrohung", "hatestorm", "doxing"),
            "channels": ("online",),
            "phases": ("akut", "danach", "vorbeugen"),
            "body": [
                callout(
                    "info",
                    "Ihr Hausrecht",
                    "<p>Auf Ihren eigenen Seiten und Profilen dürfen Sie Kommentare löschen und Nutzer "
                    "sperren. Sichern Sie aber vorher, was Sie löschen.</p>",
                ),
                steps(
                    DONT_REPLY,
                    step(
                        Cat.EVIDENCE,
                        "Sichern Sie den Kommentar, bevor Sie ihn löschen",
                        "<p>Machen Sie ein Bildschirmfoto mit Datum und Uhrzeit – vom Kommentar, vom Verlauf "
                        "drumherum und vom Profil des Verfassers. Notieren Sie die Adressen (URLs) von "
                        "Kommentar und Profil. Ist der Kommentar gelöscht, fehlt sonst der Beweis.</p>",
                        rank=57,
                    ),
                    step(
                        Cat.SAFETY,
                        "Löschen Sie Kommentare und sperren Sie Nutzer",
                        "<p>Wenn Sie alles gesichert haben, löschen Sie beleidigende oder bedrohende "
                        "Kommentare und sperren Sie die Verfasser. Das ist Ihr Hausrecht.</p>",
                        rank=58,
                    ),
                    step(
                        Cat.REPORT,
                        "Melden Sie strafbare Kommentare",
                        "<p>Melden Sie den Inhalt der Plattform und einer Meldestelle wie REspect!, HateAid oder – in "
                        "Hessen – Hessen gegen Hetze. Bei Beleidigung oder Bedrohung erstatten Sie außerdem "
                        "Anzeige; bei einer Beleidigung stellen Sie zusätzlich Strafantrag, innerhalb von drei "
                        "Monaten (§ 77b StGB).</p>",
                        rank=59,
                    ),
                    step(
                        Cat.PREVENTION,
                        "Legen Sie fest, wer kommentieren darf",
                        "<p>Prüfen Sie in den Einstellungen, wer Ihre Beiträge sehen und kommentieren kann. "
                        "Nutzen Sie starke Passwörter und die Zwei-Faktor-Authentifizierung.</p>",
                        rank=76,
                    ),
                ),
                checklist(
                    "Checkliste: vor dem Löschen",
                    "Bildschirmfoto von Kommentar, Verlauf und Profil mit Datum und Uhrzeit",
                    "Adressen (URLs) von Kommentar und Profil notiert",
                    "Kommentar der Plattform oder einer Meldestelle gemeldet",
                ),
                *contact_block("respect", "hateaid", title="Meldestellen"),
            ],
        },
    ]


SECTIONS = [
    ("Akut handeln", "Was Sie in den ersten Stunden tun.", ["hatestorm-und-doxing", "beweise-sichern"]),
    (
        "Online-Hetze",
        "Hass im Netz melden und sich schützen.",
        [
            "online-wache-und-hasskommentare-melden",
            "eigene-kanaele-kommentare-loeschen-nutzer-sperren",
            "sicher-in-den-sozialen-medien",
        ],
    ),
    (
        "Anzeige und Recht",
        "Täter zur Verantwortung ziehen.",
        [
            "welche-straftaten",
            "anzeige-und-strafantrag",
            "was-nach-der-anzeige-geschieht",
            "rechtliche-hilfe-und-kosten",
        ],
    ),
    (
        "Vorbeugen und Schützen",
        "Sich, die Familie und die eigene Adresse schützen.",
        [
            "auskunftssperre-im-melderegister",
            "sicherheit-zu-hause-unterwegs-und-bei-veranstaltungen",
            "sicherheit-im-rathaus-und-am-arbeitsplatz",
        ],
    ),
    (
        "Unterstützung für sich selbst",
        "Belastung, Öffentlichkeit und Konflikte im Gremium.",
        [
            "psychische-belastung-und-unterstuetzung",
            "presse-und-oeffentlichkeitsarbeit",
            "konflikte-und-anfeindungen-im-rat",
        ],
    ),
]


# --- case examples ------------------------------------------------------------------------------------------

CASE_EXAMPLES = [
    {
        "slug": "verleumdung-angezeigt-und-nichts-gehoert",
        "title": "Verleumdung angezeigt – und monatelang nichts gehört",
        "teaser": "Ein Ratsmitglied wartet auf Nachricht zu seiner Anzeige.",
        "situations": ("beleidigung",),
        "what_happened": "<p>Über ein ehrenamtliches Ratsmitglied einer kleinen Gemeinde verbreitet ein Nachbar "
        "die Behauptung, es habe sich bei einer Bauentscheidung bestechen lassen. Das Ratsmitglied erstattet "
        "Anzeige. Monate später hat es noch immer nichts gehört und fragt sich, ob die Anzeige untergegangen "
        "ist.</p>",
        "what_helped": "<p>Die Starke Stelle erklärt, wie es den Stand des Verfahrens erfahren kann. Mit dem "
        "Aktenzeichen fragt es bei der Polizeidienststelle nach, die die Anzeige aufgenommen hat. Es erfährt, "
        "bei welcher Staatsanwaltschaft der Vorgang liegt. Weil es damals zugleich Strafantrag gestellt hatte, "
        "war die Drei-Monats-Frist gewahrt.</p>",
        "steps_taken": "<ol><li>Aktenzeichen herausgesucht</li><li>nach dem Stand des Verfahrens "
        "gefragt</li><li>Beratung bei der Starken Stelle</li></ol>",
        "guidance": ("was-nach-der-anzeige-geschieht", "anzeige-und-strafantrag"),
        "contacts": ("starke-stelle",),
    },
    {
        "slug": "pruegel-drohung-im-kommentar",
        "title": "Prügel angedroht – in einem Kommentar",
        "teaser": "Eine Bürgermeisterin wird unter einem Beitrag mit Schlägen bedroht.",
        "situations": ("bedrohung",),
        "what_happened": "<p>Nach einer Bürgerversammlung kommentiert ein Nutzer den Beitrag einer "
        "Bürgermeisterin: Man solle sie „mal ordentlich verprügeln“. Weitere Nutzer stimmen zu. Die "
        "Bürgermeisterin fragt sich, was sie tun kann.</p>",
        "what_helped": "<p>Sie antwortet nicht. Eine Mitarbeiterin sichert Bildschirmfotos des Kommentars, des "
        "Verlaufs und des Profils mit Datum, Uhrzeit und Adressen. Danach meldet die Bürgermeisterin den "
        "Kommentar der Plattform und einer Meldestelle und erstattet über die Online-Wache Anzeige.</p>",
        "steps_taken": "<ol><li>nicht geantwortet</li><li>Beweise gesichert</li><li>an Plattform und "
        "Meldestelle gemeldet</li><li>Anzeige erstattet</li></ol>",
        "guidance": ("beweise-sichern", "online-wache-und-hasskommentare-melden", "anzeige-und-strafantrag"),
        "contacts": ("respect", "hateaid"),
    },
    {
        "slug": "hatestorm-nach-ratsentscheidung",
        "title": "Hatestorm nach einer Kreistagsentscheidung",
        "teaser": "Hunderte Nachrichten in einer Nacht – ein Landrat holt sich Hilfe.",
        "situations": ("hatestorm",),
        "what_happened": "<p>Nach einer umstrittenen Entscheidung wird ein Landrat über Nacht mit Hunderten "
        "Hassnachrichten überzogen. Er ist erschöpft und überlegt, seine Profile zu löschen.</p>",
        "what_helped": "<p>Er stellt seine Profile auf privat und ändert die Passwörter. Ein Team aus seinem "
        "Büro sichert die schlimmsten Nachrichten. HateAid berät ihn zum weiteren Vorgehen. Mehrere Kreistags"
        "fraktionen stellen sich öffentlich hinter ihn.</p>",
        "steps_taken": "<ol><li>Profile geschützt</li><li>Beweise gesichert</li><li>Beratung bei "
        "HateAid</li><li>öffentliche Solidarität</li></ol>",
        "guidance": (
            "hatestorm-und-doxing", "psychische-belastung-und-unterstuetzung", "presse-und-oeffentlichkeitsarbeit",
        ),
        "contacts": ("hateaid",),
    },
    {
        "slug": "privatadresse-veroeffentlicht",
        "title": "Die Privatadresse im Netz",
        "teaser": "Eine Gemeinderätin findet ihre Wohnadresse in einer Chatgruppe.",
        "situations": ("doxing",),
        "what_happened": "<p>In einer Chatgruppe taucht die Wohnadresse einer Gemeinderätin auf, verbunden mit "
        "dem Aufruf, ihr „einen Besuch abzustatten“.</p>",
        "what_helped": "<p>Sie informiert die Polizei und bleibt die ersten Tage nicht allein. Sie verbirgt "
        "ihren Standort in allen Apps und beantragt schriftlich eine Auskunftssperre im Melderegister, die auch "
        "die Familienmitglieder unter ihrer Adresse schützt.</p>",
        "steps_taken": "<ol><li>Polizei informiert</li><li>Standort verborgen</li><li>Auskunftssperre "
        "beantragt</li></ol>",
        "guidance": ("hatestorm-und-doxing", "auskunftssperre-im-melderegister"),
        "contacts": ("starke-stelle",),
    },
    {
        "slug": "anfeindungen-in-der-ratssitzung",
        "title": "Anfeindungen in der Ratssitzung",
        "teaser": "Ein Ratsmitglied wird in Sitzungen immer wieder herabgesetzt.",
        "situations": ("konflikte-im-rat", "beleidigung"),
        "what_happened": "<p>Ein Ratsmitglied wird in Sitzungen von einem anderen Mitglied wiederholt "
        "beschimpft. Die übrigen schweigen.</p>",
        "what_helped": "<p>Es notiert Wortlaut, Zeit und Zeugen und bittet die Sitzungsleitung, einzuschreiten. "
        "Der Rat verständigt sich auf Regeln für den Umgang miteinander. Bei einer Beleidigung stellt das "
        "Ratsmitglied Strafantrag – innerhalb der drei Monate.</p>",
        "steps_taken": "<ol><li>Äußerungen festgehalten</li><li>Sitzungsleitung angesprochen</li><li>Regeln "
        "vereinbart</li></ol>",
        "guidance": ("konflikte-und-anfeindungen-im-rat", "anzeige-und-strafantrag"),
        "contacts": ("starke-stelle",),
    },
    {
        "slug": "drohanruf-im-rathaus",
        "title": "Ein Drohanruf im Rathaus",
        "teaser": "Ein Bürgermeister wird am Telefon bedroht.",
        "situations": ("bedrohung",),
        "what_happened": "<p>Ein anonymer Anrufer droht einem Bürgermeister, „man wisse, wo seine Kinder zur "
        "Schule gehen“.</p>",
        "what_helped": "<p>Er sagt nichts, eine Kollegin hört mit, beide notieren die Uhrzeit und den Wortlaut. "
        "Er erstattet Anzeige und spricht mit der Telefonseelsorge, als ihn der Anruf nachts nicht schlafen "
        "lässt.</p>",
        "steps_taken": "<ol><li>Zeugin hört mit</li><li>Uhrzeit und Wortlaut notiert</li><li>Anzeige "
        "erstattet</li><li>Gespräch bei der Telefonseelsorge</li></ol>",
        "guidance": ("beweise-sichern", "psychische-belastung-und-unterstuetzung"),
        "contacts": ("telefonseelsorge",),
    },
]


def load(home) -> None:
    profiles = load_supporters(home)
    index = upsert_page(
        home,
        GuidanceIndexPage,
        "rat-und-tat",
        title="Ratgeber",
        teaser="Was Sie jetzt tun können: Schritt für Schritt.",
        intro="Hier finden Sie, was Sie nach einer Beleidigung, Bedrohung oder einem Angriff tun können – "
        "jetzt, in den Tagen danach und um sich vor dem nächsten Mal zu schützen.",
    )
    pages = {}
    for data in guidance_pages(profiles):
        pages[data["slug"]] = upsert_page(
            index,
            GuidancePage,
            data["slug"],
            title=data["title"],
            teaser=data["teaser"],
            applies_when=data["applies_when"],
            body=data["body"],
            situations=terms(Situation, *data["situations"]),
            channels=terms(Channel, *data.get("channels", ())),
            phases=terms(Phase, *data["phases"]),
        )
    index.sections = [
        ("section", {"title": title, "text": text, "pages": [pages[s] for s in slugs]})
        for title, text, slugs in SECTIONS
    ]
    index.save_revision(log_action=False).publish(log_action=False)

    examples = upsert_page(
        index,
        CaseExampleIndexPage,
        "fallbeispiele",
        title="Fallbeispiele",
        teaser="Wie andere in ähnlichen Lagen vorgegangen sind – erfunden, aber typisch.",
        intro="Diese Beispiele sind erfunden. Sie fassen typische Erfahrungen von Menschen in der "
        "Kommunalpolitik zusammen und zeigen, was geholfen hat.",
    )
    for data in CASE_EXAMPLES:
        upsert_page(
            examples,
            CaseExamplePage,
            data["slug"],
            title=data["title"],
            teaser=data["teaser"],
            situations=terms(Situation, *data["situations"]),
            is_composite=True,
            what_happened=RichText(data["what_happened"]),
            what_helped=RichText(data["what_helped"]),
            steps_taken=RichText(data["steps_taken"]),
            guidance_pages=[pages[s] for s in data["guidance"]],
            contacts=contacts(*data["contacts"]),
        )

    upsert_page(
        home,
        LotsePage,
        "hilfe-finden",
        title="Was tun? Ihr Plan in vier Fragen",
        teaser="Beantworten Sie vier Fragen und erhalten Sie Ihren persönlichen Plan.",
        intro="Beantworten Sie vier kurze Fragen. Sie erhalten einen Plan mit den nächsten Schritten und den "
        "Stellen, die Ihnen in Ihrem Bundesland und bundesweit helfen.",
        no_match_text=RichText(
            "<p>Nehmen Sie die Sache ernst und sprechen Sie mit der Starken Stelle oder einer der Stellen "
            "unten. Im <a href=\"/rat-und-tat/\">Ratgeber</a> finden Sie alle Themen.</p>"
        ),
    )
