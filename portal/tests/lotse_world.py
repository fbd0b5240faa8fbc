"""A small world for the Lotse's tests: three guidance pages, contacts in two Länder and nationwide, one case
example, and the Lotse page. The fixture `world` is registered in conftest.py."""

import pytest
from wagtail.rich_text import RichText

from contacts.models import Bundesland, Channel, Contact, ContactPhone, Situation
from demo.contacts import ensure_bundeslaender, load_taxonomy
from portal.models import CaseExampleIndexPage, CaseExamplePage, GuidanceIndexPage, GuidancePage, LotsePage

# --- fixtures -----------------------------------------------------------------------------------------------


def contact(key, *, nationwide=False, laender=(), situations=(), channels=(), live=True):
    record = Contact.objects.create(key=key, name=key.title(), kind="opferberatung", nationwide=nationwide, live=live)
    record.bundeslaender.set(laender)
    record.situations.set(situations)
    record.channels.set(channels)
    record.save()  # parental many-to-many values are written on save
    ContactPhone.objects.create(contact=record, number="0800 000 00 00")
    return record


def steps_block(*steps):
    """Steps as (heading, category) or (heading, category, tags), tags as the editor sets them."""
    return ("steps", {"title": "Schritte", "steps": [
        {"heading": h, "category": c, "text": RichText(f"<p>{h} – Erläuterung.</p>"), **(rest[0] if rest else {})}
        for h, c, *rest in steps
    ]})


@pytest.fixture
def world(home_page):
    """Three guidance pages, contacts in two Länder and nationwide, one case example, and the Lotse."""
    ensure_bundeslaender()
    load_taxonomy()
    sit = {s.slug: s for s in Situation.objects.all()}
    chan = {c.slug: c for c in Channel.objects.all()}
    index = home_page.add_child(instance=GuidanceIndexPage(title="Rat und Tat", slug="rat-und-tat", intro="I"))

    def guidance(slug, situations, channels, *steps, live=True):
        page = GuidancePage(title=slug.title(), slug=slug, applies_when="Immer.", body=[steps_block(*steps)])
        page.situations = [sit[s] for s in situations]
        page.channels = [chan[c] for c in channels]
        index.add_child(instance=page)
        if not live:
            page.unpublish()
        return page

    pages = {
        "beweise": guidance("beweise", ["beleidigung", "bedrohung"], [],
                            ("Antworten Sie nicht", "safety"), ("Sichern Sie Beweise", "evidence"),
                            ("Bleiben Sie bei einem Drohanruf ruhig", "evidence",
                             {"situations": ["bedrohung"], "channels": ["post-telefon"]}),
                            ("Erstatten Sie Anzeige", "report")),
        "online": guidance("online", ["beleidigung", "hatestorm"], ["online"],
                           ("Melden Sie den Beitrag", "report"), ("Sichern Sie Beweise", "evidence"),
                           ("Schützen Sie Ihr Profil", "prevention")),
        "hilfe": guidance("hilfe", ["bedrohung"], [],
                          ("Holen Sie sich Unterstützung", "support"), ("Bleiben Sie nicht allein", "safety")),
        "entwurf": guidance("entwurf", ["beleidigung"], [], ("Geheimer Schritt", "safety"), live=False),
    }
    bayern, hessen = Bundesland.objects.get(slug="bayern"), Bundesland.objects.get(slug="hessen")
    contacts = {
        "starke-stelle": contact("starke-stelle", nationwide=True),
        "hateaid": contact(
            "hateaid", nationwide=True, situations=[sit["hatestorm"], sit["beleidigung"]], channels=[chan["online"]]
        ),
        "weisser-ring": contact("weisser-ring", nationwide=True, situations=[sit["koerperlicher-angriff"]]),
        "bayern-gegen-hass": contact("bayern-gegen-hass", laender=[bayern]),
        "hessen-gegen-hetze": contact("hessen-gegen-hetze", laender=[hessen], situations=[sit["hatestorm"]]),
        "zit-hessen": contact("zit-hessen", laender=[hessen], situations=[sit["beleidigung"]]),
        "entwurf": contact("entwurf", nationwide=True, live=False),
    }
    examples = index.add_child(instance=CaseExampleIndexPage(title="Fallbeispiele", slug="fallbeispiele", intro="E"))
    example = CaseExamplePage(title="Drohung", slug="drohung", what_happened="<p>a</p>", what_helped="<p>b</p>")
    example.situations = [sit["bedrohung"]]
    examples.add_child(instance=example)
    lotse = home_page.add_child(instance=LotsePage(title="Hilfe finden", slug="hilfe-finden", intro="Vier Fragen."))
    return {"sit": sit, "chan": chan, "pages": pages, "contacts": contacts, "example": example, "lotse": lotse}


