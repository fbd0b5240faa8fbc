"""The Lotse: which answers lead to which plan, and that no query string can break it."""

from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from contacts.models import Bundesland, Channel, Contact, ContactPhone, Situation
from demo.contacts import ensure_bundeslaender, load_taxonomy
from portal.guidance_blocks import StepCategory
from portal.models import CaseExampleIndexPage, CaseExamplePage, GuidanceIndexPage, GuidancePage, LotsePage
from portal.models.plan import Answers, PlanStep, SourcePage, build_plan, order_steps, split_contacts

pytestmark = pytest.mark.django_db


# --- pure logic ---------------------------------------------------------------------------------------------


def _step(heading, category):
    return PlanStep(heading, category, RichText(f"<p>{heading}</p>"))


def test_order_steps_sorts_by_category_keeps_editor_order_and_merges_duplicates():
    a, b = SourcePage("A", "/a/"), SourcePage("B", "/b/")
    candidates = [
        (_step("Erstatten Sie Anzeige", "report"), a),
        (_step("Sichern Sie Beweise", "evidence"), a),
        (_step("Schützen Sie Ihre Adresse", "prevention"), a),
        (_step("Bleiben Sie nicht allein", "safety"), b),
        (_step("Sichern  Sie Beweise.", "evidence"), b),  # same step, other spacing and full stop
        (_step("Holen Sie sich Unterstützung", "support"), b),
        (_step("Notieren Sie Zeugen", "evidence"), b),
    ]
    steps = order_steps(candidates)
    assert [s.heading for s in steps] == [
        "Bleiben Sie nicht allein",
        "Sichern Sie Beweise",
        "Notieren Sie Zeugen",
        "Erstatten Sie Anzeige",
        "Holen Sie sich Unterstützung",
        "Schützen Sie Ihre Adresse",
    ]
    assert steps[1].sources == [a, b]


def test_order_steps_keeps_the_first_steps_of_each_category_when_limited():
    source = SourcePage("A", "/a/")
    candidates = [(_step(f"Beweis {n}", "evidence"), source) for n in range(5)] + [(_step("Anzeige", "report"), source)]
    assert [s.heading for s in order_steps(candidates, per_category=2)] == ["Beweis 0", "Beweis 1", "Anzeige"]


def test_order_steps_puts_unknown_categories_last_and_handles_nothing():
    assert order_steps([]) == []
    source = SourcePage("A", "/a/")
    steps = order_steps([(_step("X", "unbekannt"), source), (_step("Y", "safety"), source)])
    assert [s.heading for s in steps] == ["Y", "X"]


# --- fixtures -----------------------------------------------------------------------------------------------


def contact(key, *, nationwide=False, laender=(), situations=(), live=True):
    record = Contact.objects.create(key=key, name=key.title(), kind="opferberatung", nationwide=nationwide, live=live)
    record.bundeslaender.set(laender)
    record.situations.set(situations)
    record.save()  # parental many-to-many values are written on save
    ContactPhone.objects.create(contact=record, number="0800 000 00 00")
    return record


def steps_block(*steps):
    return ("steps", {"title": "Schritte", "steps": [
        {"heading": h, "category": c, "text": RichText(f"<p>{h} – Erläuterung.</p>")} for h, c in steps
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
        "hateaid": contact("hateaid", nationwide=True, situations=[sit["hatestorm"], sit["beleidigung"]]),
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


def answers(world, situation, channel, land, acute=False):
    return Answers(world["sit"][situation], world["chan"][channel], acute, Bundesland.objects.get(slug=land))


# --- mapping: answers → plan --------------------------------------------------------------------------------


def test_insult_online_in_bavaria(world):
    plan = build_plan(answers(world, "beleidigung", "online", "bayern"))
    assert [s.heading for s in plan.steps] == [
        "Antworten Sie nicht",
        "Sichern Sie Beweise",
        "Erstatten Sie Anzeige",
        "Melden Sie den Beitrag",
        "Schützen Sie Ihr Profil",
    ]
    assert [s.title for s in plan.steps[1].sources] == ["Beweise", "Online"]
    assert [p.slug for p in plan.guidance_pages] == ["beweise", "online"]  # the unpublished page is left out
    assert [c.key for c in plan.regional_contacts] == ["bayern-gegen-hass"]
    # Contacts that name the situation come first; one without situations helps with everything.
    assert [c.key for c in plan.nationwide_contacts] == ["hateaid", "starke-stelle"]
    assert plan.case_examples == []


def test_insult_in_person_leaves_out_online_only_guidance(world):
    plan = build_plan(answers(world, "beleidigung", "persoenlich", "hessen"))
    assert [s.heading for s in plan.steps] == ["Antworten Sie nicht", "Sichern Sie Beweise", "Erstatten Sie Anzeige"]
    # Of the two Hessian contacts only the one that helps with insults.
    assert [c.key for c in plan.regional_contacts] == ["zit-hessen"]
    fallback = build_plan(answers(world, "koerperlicher-angriff", "persoenlich", "hessen"))
    assert [c.key for c in fallback.regional_contacts] == ["hessen-gegen-hetze", "zit-hessen"]


def test_threat_in_acute_danger_orders_safety_first_and_finds_the_case_example(world):
    plan = build_plan(answers(world, "bedrohung", "post-telefon", "berlin", acute=True))
    assert plan.acute
    assert [s.heading for s in plan.steps] == [
        "Antworten Sie nicht",
        "Bleiben Sie nicht allein",
        "Sichern Sie Beweise",
        "Erstatten Sie Anzeige",
        "Holen Sie sich Unterstützung",
    ]
    groups = plan.step_groups
    assert [(g.label, g.start, len(g.steps)) for g in groups] == [
        ("Sicherheit", 1, 2), ("Beweise sichern", 3, 1), ("Anzeigen und melden", 4, 1), ("Unterstützung holen", 5, 1)
    ]
    assert plan.regional_contacts == []  # no contact known for Berlin in this world
    assert [c.key for c in plan.nationwide_contacts] == ["starke-stelle"]
    assert plan.case_examples == [world["example"]]


def test_no_match_gives_no_steps_but_still_contacts(world):
    plan = build_plan(answers(world, "sachbeschaedigung", "persoenlich", "bayern"))
    assert plan.steps == [] and not plan.has_match
    assert [c.key for c in plan.regional_contacts] == ["bayern-gegen-hass"]
    assert [c.key for c in plan.nationwide_contacts] == ["starke-stelle"]


def test_split_contacts_falls_back_to_every_nationwide_contact(world):
    hateaid = world["contacts"]["hateaid"]
    land = Bundesland.objects.get(slug="bayern")
    regional, nationwide = split_contacts([hateaid], land, world["sit"]["konflikte-im-rat"])
    assert regional == [] and nationwide == [hateaid]


def test_plan_needs_a_fixed_number_of_queries(world):
    url = world["lotse"].url + "?" + urlencode(
        {"situation": "beleidigung", "channel": "online", "acute": "nein", "land": "bayern"}
    )

    def count():
        # Served directly, past the page cache, so that every query of building and rendering the plan counts.
        request = RequestFactory().get(url)
        request.user = AnonymousUser()
        with CaptureQueriesContext(connection) as queries:
            response = world["lotse"].serve(request)
            response.render()
        assert b"Ihr pers\xc3\xb6nlicher Plan" in response.content
        return len(queries)

    count()  # warm the site root paths; creating the site settings on the way is a content change,
    count()  # so warm the per-generation data once more
    before = count()
    index = GuidancePage.objects.first().get_parent()
    for n in range(5):
        page = GuidancePage(
            title=f"Mehr {n}", slug=f"mehr-{n}", applies_when="x", body=[steps_block((f"Schritt {n}", "support"))]
        )
        page.situations = [world["sit"]["beleidigung"]]
        index.add_child(instance=page)
        contact(f"extra-{n}", nationwide=True, situations=[world["sit"]["beleidigung"]])
    count()  # the first plan after a content change builds the per-generation data again
    after = count()
    assert after == before


def test_demo_content_gives_steps_and_contacts_for_every_combination(demo_content):
    situations, channels = list(Situation.objects.all()), list(Channel.objects.all())
    laender = list(Bundesland.objects.all())
    assert situations and channels
    for situation in situations:
        for channel in channels:
            for acute in (True, False):
                land = laender[(situation.pk + channel.pk) % len(laender)]
                plan = build_plan(Answers(situation, channel, acute, land))
                combination = (situation.slug, channel.slug, land.slug)
                assert 3 <= len(plan.steps) <= 15, combination
                assert plan.nationwide_contacts, combination
                categories = [StepCategory.ORDER.index(s.category) for s in plan.steps]
                assert categories == sorted(categories), combination
                headings = [s.heading.casefold() for s in plan.steps]
                assert len(headings) == len(set(headings)), combination


# --- the page: form, plan, errors ---------------------------------------------------------------------------


def get(client, world, query):
    return client.get(world["lotse"].url + "?" + (query if isinstance(query, str) else urlencode(query, doseq=True)))


VALID = {"situation": "bedrohung", "channel": "online", "acute": "ja", "land": "bayern"}


def test_empty_form_shows_four_questions_and_sets_no_cookie(world, client):
    response = client.get(world["lotse"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="get"' in html
    assert html.count("<fieldset") == 3 and html.count("<legend>") == 3
    assert '<select name="land" id="frage-land"' in html
    assert "Bitte prüfen Sie Ihre Antworten" not in html
    assert response.cookies == {} and not client.cookies


def test_valid_answers_give_a_plan_with_110_first(world, client):
    response = get(client, world, VALID)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.cookies == {}
    plan_start = html.index("Ihr persönlicher Plan")
    assert plan_start < html.index('href="tel:110"', plan_start) < html.index("Bleiben Sie nicht allein")
    assert html.index("Bleiben Sie nicht allein") < html.index("Holen Sie sich Unterstützung")
    assert "Bayern-Gegen-Hass" in html and "Starke-Stelle" in html
    assert f'href="{world["example"].url}"' in html
    assert 'name="robots" content="noindex"' in html
    # The answers stay selected, so the reader can change one and ask again.
    assert 'value="bedrohung" id="frage-situation-2" checked' in html


def test_without_acute_danger_the_plan_does_not_lead_with_the_emergency_call(world, client):
    html = get(client, world, {**VALID, "acute": "nein"}).content.decode()
    assert "Zuerst: Rufen Sie jetzt die Polizei" not in html
    assert "Ihr persönlicher Plan" in html


def test_no_match_explains_itself(world, client):
    html = get(client, world, {**VALID, "situation": "sachbeschaedigung"}).content.decode()
    assert "noch keine Schritt-für-Schritt-Anleitung" in html
    assert "Starke-Stelle" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"situation": "bedrohung"}, "Bitte wählen Sie aus, wo es passiert ist."),
        ({**VALID, "land": ""}, "Bitte wählen Sie Ihr Bundesland aus."),
        ({**VALID, "situation": "unbekannt"}, "Bitte wählen Sie eine der angebotenen Antworten aus, was passiert ist."),
        ({**VALID, "acute": "vielleicht"}, "Bitte antworten Sie mit „Ja“ oder „Nein“"),
        ({**VALID, "land": "x" * 100_000}, "Bitte wählen Sie ein Bundesland aus der Liste aus."),
        ({**VALID, "situation": ["bedrohung", "beleidigung"]}, "Bitte wählen Sie bei dieser Frage nur eine Antwort."),
        ({**VALID, "channel": "online\x00"}, "wo es passiert ist"),
        ({**VALID, "land": "'; DROP TABLE contacts_contact; --"}, "Bundesland aus der Liste"),
    ],
    ids=["missing", "empty-land", "unknown", "bad-yes-no", "100k", "repeated-conflict", "nul-byte", "sql"],
)
def test_bad_answers_give_a_german_message_on_the_form(world, client, query, message):
    response = get(client, world, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Antworten" in html
    assert message in html
    assert "Ihr persönlicher Plan" not in html
    assert 'aria-describedby="frage-' in html  # each error is tied to its question
    assert "x" * 1000 not in html  # nothing of the bad value is echoed


def test_repeated_identical_values_and_unknown_parameters_are_fine(world, client):
    response = get(client, world, {**VALID, "land": ["bayern", "bayern"], "utm_source": "x", "page": "2"})
    assert response.status_code == 200
    assert "Ihr persönlicher Plan" in response.content.decode()


def test_malformed_query_strings_never_cause_a_server_error(world, client):
    for query in ["situation", "=&&=", "situation=%ZZ&land=%00", "situation[]=a", "%C0%AF=1", "a=" + "%" * 5000]:
        response = get(client, world, query)
        assert response.status_code in (200, 400), query


def test_unrelated_parameters_alone_show_the_plain_form(world, client):
    response = get(client, world, {"utm_source": "newsletter"})
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Antworten" not in response.content.decode()


def test_print_stylesheets_are_linked_and_print_the_plan_as_a_checklist(world, client):
    html = get(client, world, VALID).content.decode()
    assert 'href="/static/css/print.css" media="print"' in html or 'css/print.css" media="print"' in html
    assert "css/guidance.css" in html
    assert 'class="lotse-form no-print"' in html
    css = Path(finders.find("css/guidance.css")).read_text()
    print_rules = css[css.index("@media print") :]
    assert ".lotse-form" in print_rules and "display: none" in print_rules
    assert ".plan-steps > li::after" in print_rules  # the box to tick on paper
