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

from contacts.models import Bundesland, Channel, Situation
from portal.guidance_blocks import StepCategory
from portal.models import GuidancePage
from portal.models.plan import (
    Answers,
    Plan,
    PlanStep,
    SourcePage,
    build_plan,
    order_steps,
    split_contacts,
    step_applies,
)
from portal.tests.lotse_world import contact, steps_block

pytestmark = pytest.mark.django_db


# --- pure logic ---------------------------------------------------------------------------------------------


def _step(heading, category, **tags):
    return PlanStep(heading, category, RichText(f"<p>{heading}</p>"), **tags)


def test_order_steps_sorts_by_rank_then_category_keeps_editor_order_and_merges_duplicates():
    a, b = SourcePage("A", "/a/"), SourcePage("B", "/b/")
    candidates = [
        (_step("Erstatten Sie Anzeige", "report", rank=40), a),
        (_step("Sichern Sie Beweise", "evidence", rank=30), a),
        (_step("Schützen Sie Ihre Adresse", "prevention", rank=70), a),
        (_step("Bleiben Sie nicht allein", "safety", rank=30), b),
        (_step("Sichern  Sie Beweise.", "evidence", rank=30), b),  # same step, other spacing and full stop
        (_step("Holen Sie sich Unterstützung", "support"), b),
        (_step("Notieren Sie Zeugen", "evidence", rank=30), b),
    ]
    steps = order_steps(candidates, "bedrohung", "online")
    assert [s.heading for s in steps] == [
        "Bleiben Sie nicht allein",  # same rank as the evidence: safety comes first
        "Sichern Sie Beweise",
        "Notieren Sie Zeugen",
        "Erstatten Sie Anzeige",
        "Holen Sie sich Unterstützung",  # the default rank, 50
        "Schützen Sie Ihre Adresse",
    ]
    assert steps[1].sources == [a, b]


def test_a_rank_per_situation_moves_a_step_up_for_that_situation_only():
    source = SourcePage("A", "/a/")
    candidates = [
        (_step("Sichern Sie Beweise", "evidence", rank=30), source),
        (_step("Beantragen Sie eine Auskunftssperre", "prevention", rank=70, situation_ranks={"doxing": 8}), source),
    ]
    assert [s.heading for s in order_steps(candidates, "doxing", "online")][0] == "Beantragen Sie eine Auskunftssperre"
    assert [s.heading for s in order_steps(candidates, "bedrohung", "online")][0] == "Sichern Sie Beweise"


def test_steps_for_other_situations_or_ways_are_left_out():
    source = SourcePage("A", "/a/")
    call = _step("Bleiben Sie bei einem Drohanruf ruhig", "evidence", channels=("post-telefon",))
    insult = _step("Stellen Sie Strafantrag", "report", situations=("beleidigung",))
    both = _step("Sichern Sie Beweise", "evidence")
    assert step_applies(call, "bedrohung", "post-telefon") and not step_applies(call, "bedrohung", "online")
    assert step_applies(insult, "beleidigung", "online") and not step_applies(insult, "bedrohung", "online")
    candidates = [(call, source), (insult, source), (both, source)]
    headings = [s.heading for s in order_steps(candidates, "bedrohung", "online")]
    assert headings == ["Sichern Sie Beweise"]


def test_order_steps_puts_unknown_categories_last_and_handles_nothing():
    assert order_steps([], "bedrohung", "online") == []
    source = SourcePage("A", "/a/")
    steps = order_steps([(_step("X", "unbekannt"), source), (_step("Y", "safety"), source)], "bedrohung", "online")
    assert [s.heading for s in steps] == ["Y", "X"]


def test_seven_core_steps_and_the_rest_folded():
    source = SourcePage("A", "/a/")
    steps = order_steps([(_step(f"Schritt {n}", "support", rank=n + 1), source) for n in range(10)], "x", "y")
    plan = Plan(None, steps, [], [], [], [])
    assert [s.heading for s in plan.core_steps] == [f"Schritt {n}" for n in range(7)]
    assert [s.heading for s in plan.further_steps] == ["Schritt 7", "Schritt 8", "Schritt 9"]
    assert plan.further_start == 8


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
    # Of the two Hessian contacts only the one that helps with insults; HateAid serves online only.
    assert [c.key for c in plan.regional_contacts] == ["zit-hessen"]
    assert [c.key for c in plan.nationwide_contacts] == ["starke-stelle"]
    # No contact that does not fit stands in for one that would: the plan says so instead.
    other = build_plan(answers(world, "koerperlicher-angriff", "persoenlich", "hessen"))
    assert other.regional_contacts == []


def test_threat_in_acute_danger_orders_safety_first_and_finds_the_case_example(world):
    plan = build_plan(answers(world, "bedrohung", "post-telefon", "berlin", acute=True))
    assert plan.acute
    assert [s.heading for s in plan.steps] == [
        "Antworten Sie nicht",
        "Bleiben Sie nicht allein",
        "Sichern Sie Beweise",
        "Bleiben Sie bei einem Drohanruf ruhig",  # tagged for threats by post or phone
        "Erstatten Sie Anzeige",
        "Holen Sie sich Unterstützung",
    ]
    online = build_plan(answers(world, "bedrohung", "online", "berlin"))
    assert "Bleiben Sie bei einem Drohanruf ruhig" not in [s.heading for s in online.steps]
    assert plan.regional_contacts == []  # no contact known for Berlin in this world
    assert [c.key for c in plan.nationwide_contacts] == ["starke-stelle"]
    assert plan.case_examples == [world["example"]]


def test_no_match_gives_no_steps_but_still_contacts(world):
    plan = build_plan(answers(world, "sachbeschaedigung", "persoenlich", "bayern"))
    assert plan.steps == [] and not plan.has_match
    assert [c.key for c in plan.regional_contacts] == ["bayern-gegen-hass"]
    assert [c.key for c in plan.nationwide_contacts] == ["starke-stelle"]


def test_a_land_contact_with_nothing_to_call_comes_after_the_starke_stelle(world):
    # A name alone (as for the ZIT in Hessen) must not stand between a shaken official and a number to call.
    by_name = contact("nur-name", laender=[Bundesland.objects.get(slug="bayern")])
    by_name.phone_numbers.all().delete()
    plan = build_plan(answers(world, "beleidigung", "online", "bayern"))
    assert [c.key for c in plan.call_first] == ["bayern-gegen-hass", "starke-stelle", "nur-name"]


def test_split_contacts_keeps_only_contacts_for_the_situation_and_the_way(world):
    hateaid = world["contacts"]["hateaid"]
    land = Bundesland.objects.get(slug="bayern")
    assert split_contacts([hateaid], land, world["sit"]["konflikte-im-rat"]) == ([], [])
    assert split_contacts([hateaid], land, world["sit"]["beleidigung"], world["chan"]["persoenlich"]) == ([], [])
    assert split_contacts([hateaid], land, world["sit"]["beleidigung"], world["chan"]["online"]) == ([], [hateaid])


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
        assert b"Ihr Plan: Beleidigung in Bayern" in response.content
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
                assert 3 <= len(plan.core_steps) <= 7, combination
                assert plan.starke_stelle is not None, combination
                ranks = [(s.rank_for(situation.slug), StepCategory.ORDER.index(s.category)) for s in plan.steps]
                assert ranks == sorted(ranks), combination
                assert all(step_applies(s, situation.slug, channel.slug) for s in plan.steps), combination
                headings = [s.heading.casefold() for s in plan.steps]
                assert len(headings) == len(set(headings)), combination


# --- the page: form, plan, errors ---------------------------------------------------------------------------


def get(client, world, query):
    return client.get(world["lotse"].url + "?" + (query if isinstance(query, str) else urlencode(query, doseq=True)))


VALID = {"situation": "bedrohung", "channel": "online", "acute": "ja", "land": "bayern"}


def test_empty_form_asks_about_danger_first_shows_110_and_sets_no_cookie(world, client):
    response = client.get(world["lotse"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="get"' in html
    assert html.count("<fieldset") == 3 and html.count("<legend>") == 3
    assert html.index('name="acute"') < html.index('name="situation"') < html.index('name="land"')
    assert html.index('href="tel:110"') < html.index('<form method="get"')  # 110 before any question
    assert '<select name="land" id="frage-land"' in html
    assert "Bitte prüfen Sie Ihre Antworten" not in html
    assert response.cookies == {} and not client.cookies


def test_danger_alone_is_a_complete_answer(world, client):
    response = get(client, world, {"acute": "ja"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte prüfen Sie Ihre Antworten" not in html and "field__error" not in html
    assert html.index('href="tel:110"') < html.index('href="tel:112"') < html.index('<form method="get"')
    assert "Sie sind in Gefahr" in html
    assert "Ihr Plan:" not in html
    # Other answers given in danger are kept, and missing ones are still no error.
    partial = get(client, world, {"acute": "ja", "situation": "bedrohung"}).content.decode()
    assert "Bitte prüfen Sie Ihre Antworten" not in partial
    assert 'value="bedrohung" id="frage-situation-2" checked' in partial


def test_valid_answers_give_a_plan_that_starts_with_whom_to_call(world, client):
    response = get(client, world, VALID)
    assert response.status_code == 200
    html = response.content.decode()
    assert response.cookies == {}
    assert "<h1>Ihr Plan: Bedrohung in Bayern</h1>" in html
    assert "<title>Ihr Plan: Bedrohung in Bayern" in html
    assert html.index('href="tel:110"') < html.index("Ihre Angaben") < html.index("Wen Sie anrufen können")
    assert html.index("Wen Sie anrufen können") < html.index("Starke-Stelle") < html.index("Was Sie jetzt tun können")
    assert html.index("Bleiben Sie nicht allein") < html.index("Holen Sie sich Unterstützung")
    assert "Bayern-Gegen-Hass" in html
    assert 'href="tel:08000000000"' in html
    assert '<h3 class="plan-step__heading">Bleiben Sie nicht allein</h3>' in html  # steps are headings
    assert f'href="{world["example"].url}"' in html
    assert 'name="robots" content="noindex"' in html
    # The answers stay selected, so the reader can change one and ask again.
    assert 'value="bedrohung" id="frage-situation-2" checked' in html


def test_a_threat_gets_no_strafantrag_deadline_an_insult_does(world, client):
    threat = get(client, world, {**VALID, "acute": "nein"}).content.decode()
    assert "Frist für den Strafantrag" not in threat
    insult = get(client, world, {**VALID, "situation": "beleidigung", "acute": "nein"}).content.decode()
    assert "Frist für den Strafantrag" in insult
    assert 'name="known_since"' in insult


def test_without_acute_danger_the_plan_does_not_lead_with_the_emergency_call(world, client):
    html = get(client, world, {**VALID, "acute": "nein"}).content.decode()
    assert "Sie sind in Gefahr" not in html
    assert "Ihr Plan: Bedrohung in Bayern" in html
    assert 'href="tel:110"' in html  # still one tap away


def test_no_match_explains_itself(world, client):
    html = get(client, world, {**VALID, "situation": "sachbeschaedigung"}).content.decode()
    assert "noch keine Schritt-für-Schritt-Anleitung" in html
    assert "Starke-Stelle" in html


NOT_ACUTE = {**VALID, "acute": "nein"}


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"situation": "bedrohung"}, "Bitte wählen Sie aus, wo es passiert ist."),
        ({"situation": "bedrohung", "channel": "online", "land": "bayern"}, "ob Sie jetzt in Gefahr sind"),
        ({**NOT_ACUTE, "land": ""}, "Bitte wählen Sie Ihr Bundesland aus."),
        ({**NOT_ACUTE, "situation": "unbekannt"}, "Bitte wählen Sie eine der angebotenen Antworten aus, was passiert"),
        ({**VALID, "acute": "vielleicht"}, "Bitte antworten Sie mit „Ja“ oder „Nein“"),
        ({**NOT_ACUTE, "land": "x" * 100_000}, "Bitte wählen Sie ein Bundesland aus der Liste aus."),
        ({**NOT_ACUTE, "situation": ["bedrohung", "beleidigung"]}, "bei dieser Frage nur eine Antwort"),
        ({**NOT_ACUTE, "channel": "online\x00"}, "wo es passiert ist"),
        ({**NOT_ACUTE, "land": "'; DROP TABLE contacts_contact; --"}, "Bundesland aus der Liste"),
    ],
    ids=["missing", "missing-danger", "empty-land", "unknown", "bad-yes-no", "100k", "repeated-conflict", "nul-byte",
         "sql"],
)
def test_bad_answers_give_a_german_message_on_the_form(world, client, query, message):
    response = get(client, world, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte prüfen Sie Ihre Antworten" in html
    assert message in html
    assert "Ihr Plan:" not in html
    assert 'aria-describedby="frage-' in html  # each error is tied to its question
    assert "x" * 1000 not in html  # nothing of the bad value is echoed


def test_plan_urls_of_the_first_form_still_give_a_plan(world, client):
    """Bookmarked, printed and shared plans: the parameters and values used since the start keep working."""
    html = get(client, world, "situation=bedrohung&channel=post-telefon&acute=nein&land=bayern").content.decode()
    assert "Ihr Plan: Bedrohung in Bayern" in html
    assert "Bleiben Sie bei einem Drohanruf ruhig" in html


def test_repeated_identical_values_and_unknown_parameters_are_fine(world, client):
    response = get(client, world, {**VALID, "land": ["bayern", "bayern"], "utm_source": "x", "page": "2"})
    assert response.status_code == 200
    assert "Ihr Plan: Bedrohung in Bayern" in response.content.decode()


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


def test_all_numbers_of_a_plan_come_as_one_vcard_file(world, client):
    import vobject

    html = get(client, world, VALID).content.decode()
    assert "Alle Nummern speichern" in html
    response = client.get(world["lotse"].url + "nummern/?" + urlencode(VALID))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    assert "attachment" in response["Content-Disposition"]
    cards = list(vobject.readComponents(response.content.decode()))
    names = [card.fn.value for card in cards]
    # Everything the plan shows, in its order: the Land's own contact, the Starke Stelle, then the others.
    assert names[:2] == ["Bayern-Gegen-Hass", "Starke-Stelle"]
    assert all(card.n.value for card in cards)
    assert all(tel.value.startswith("+49") for card in cards for tel in card.contents.get("tel", []))
    assert client.get(world["lotse"].url + "nummern/?" + urlencode({"acute": "nein"})).status_code == 404
