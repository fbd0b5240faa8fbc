"""The guidance pages written from the facts' "Law and procedure": they exist after the demo loader, render,
are tagged for the Lotse, appear in a matching plan and are found by the site search."""

import pytest

from contacts.models import Bundesland, Channel, Situation
from portal.models import GuidancePage
from portal.models.plan import Answers, build_plan

pytestmark = pytest.mark.django_db

# slug: (a matching Lotse answer: situation, channel), words the search must find it by, text on the page
NEW_PAGES = {
    "welche-straftaten": (("bedrohung", "post-telefon"), "Nötigung", "§ 241 StGB"),
    "rechtliche-hilfe-und-kosten": (("koerperlicher-angriff", "persoenlich"), "Nebenklage", "Nebenklägerin"),
    "sicherheit-im-rathaus-und-am-arbeitsplatz": (("bedrohung", "persoenlich"), "Rathaus", "Drohanruf"),
    "eigene-kanaele-kommentare-loeschen-nutzer-sperren": (("beleidigung", "online"), "Hausrecht", "Nutzer sperren"),
}


def plan_for(situation, channel, acute=False):
    answers = Answers(
        Situation.objects.get(slug=situation), Channel.objects.get(slug=channel), acute,
        Bundesland.objects.get(slug="bayern"),
    )
    return build_plan(answers)


@pytest.mark.parametrize("slug", NEW_PAGES)
def test_new_page_exists_renders_is_tagged_found_by_lotse_and_search(client, demo_content, slug):
    (situation, channel), search_words, text = NEW_PAGES[slug]
    page = GuidancePage.objects.live().get(slug=slug)
    assert page.situations.exists() and page.phases.exists()
    response = client.get(page.url)
    assert response.status_code == 200
    assert text in response.content.decode()
    assert page in build_plan_pages(situation, channel)
    results = client.get("/suche/", {"q": search_words}).content.decode()
    assert f'href="{page.url}"' in results
    # Listed in a section of the guidance overview, not only among "other pages".
    overview = client.get(page.get_parent().url).content.decode()
    assert f'href="{page.url}"' in overview


def build_plan_pages(situation, channel):
    return plan_for(situation, channel).guidance_pages


def test_own_channels_page_is_only_for_online_attacks(demo_content):
    page = GuidancePage.objects.get(slug="eigene-kanaele-kommentare-loeschen-nutzer-sperren")
    assert page not in build_plan_pages("beleidigung", "persoenlich")


def test_evidence_covers_email_and_letters_and_after_complaint_the_stpo_rights(client, demo_content):
    evidence = client.get(GuidancePage.objects.get(slug="beweise-sichern").url).content.decode()
    assert "im Original" in evidence and "vollständigen Header" in evidence
    assert "§ 201 StGB" in evidence
    after = client.get(GuidancePage.objects.get(slug="was-nach-der-anzeige-geschieht").url).content.decode()
    for law in ("§ 406d StPO", "§ 171 StPO", "§ 172 StPO"):
        assert law in after
    assert "innerhalb von zwei Wochen Beschwerde" in after
