"""Rat und Tat: editors can create every page type where it belongs, and every page and block renders."""

import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from contacts.models import Bundesland, Contact, ContactPhone, Situation
from demo.base import load_home
from demo.contacts import ensure_bundeslaender, load_taxonomy
from portal import guidance_blocks
from portal.models import (
    CaseExampleIndexPage,
    CaseExamplePage,
    GuidanceIndexPage,
    GuidancePage,
    HomePage,
    LotsePage,
    SupporterIndexPage,
    SupporterProfilePage,
)


def make_contact(key, name, *, live=True, nationwide=True, number="0800 300 99 44"):
    contact = Contact.objects.create(key=key, name=name, kind="opferberatung", nationwide=nationwide, live=live)
    ContactPhone.objects.create(contact=contact, number=number, hours="Mo–Fr 9–16 Uhr")
    return contact


def step(heading, category="evidence", text="<p>Text.</p>"):
    return {"heading": heading, "category": category, "text": RichText(text)}


class GuidanceTreeTests(WagtailPageTestCase):
    """Editors can build the section in the admin; the tree rules keep it in the shape the templates expect."""

    @classmethod
    def setUpTestData(cls):
        ensure_bundeslaender()
        load_taxonomy()
        cls.home = load_home()
        cls.index = cls.home.add_child(instance=GuidanceIndexPage(title="Rat und Tat", slug="rat-und-tat", intro="I"))
        cls.examples = cls.index.add_child(
            instance=CaseExampleIndexPage(title="Fallbeispiele", slug="fallbeispiele", intro="Erfunden.")
        )
        cls.supporters = cls.home.add_child(
            instance=SupporterIndexPage(title="Unterstützer", slug="unterstuetzer", intro="Wer hilft.")
        )
        cls.contact = make_contact("starke-stelle", "Starke Stelle")

    def setUp(self):
        # force_login: the lockout backend (axes) refuses client.login() without a request.
        self.client.force_login(self.create_superuser("redaktion"))

    def test_tree_rules(self):
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage, CaseExampleIndexPage})
        self.assertAllowedSubpageTypes(CaseExampleIndexPage, {CaseExamplePage})
        self.assertAllowedSubpageTypes(SupporterIndexPage, {SupporterProfilePage})
        self.assertAllowedParentPageTypes(GuidancePage, {GuidanceIndexPage})
        self.assertAllowedParentPageTypes(LotsePage, {HomePage})
        self.assertCanNotCreateAt(HomePage, GuidancePage)
        self.assertCanNotCreateAt(HomePage, CaseExamplePage)
        # One of a kind: a second overview cannot be added.
        self.assertFalse(GuidanceIndexPage.can_create_at(self.home))
        self.assertFalse(SupporterIndexPage.can_create_at(self.home))
        self.assertFalse(CaseExampleIndexPage.can_create_at(self.index))

    def test_can_create_guidance_index_with_sections(self):
        self.index.delete()
        self.assertCanCreate(
            self.home,
            GuidanceIndexPage,
            nested_form_data({"title": "Rat und Tat", "slug": "rat-und-tat", "intro": "Was Sie tun können.",
                              "sections": streamfield([])}),
        )

    def test_can_create_guidance_page_with_every_block(self):
        situation = Situation.objects.get(slug="beleidigung")
        document = get_document_model().objects.create(title="Vorlage", file=ContentFile(b"x", name="vorlage.pdf"))
        example = self.examples.add_child(
            instance=CaseExamplePage(
                title="Beispiel", slug="beispiel", what_happened="<p>a</p>", what_helped="<p>b</p>"
            )
        )
        profile = self.supporters.add_child(
            instance=SupporterProfilePage(title="HateAid", slug="hateaid", who="<p>a</p>", offers="<p>b</p>")
        )
        body = streamfield(
            [
                (
                    "steps",
                    {
                        "title": "Was Sie tun können",
                        "steps": streamfield(
                            [("item", {"heading": "Sichern Sie Beweise", "category": "evidence",
                                       "text": rich_text("<p>Bildschirmfoto.</p>"),
                                       # Where the step belongs in the Lotse's plan, as an editor sets it.
                                       "situations": ["bedrohung"], "channels": ["online"], "rank": "30",
                                       "situation_ranks": streamfield(
                                           [("item", {"situation": "bedrohung", "rank": "20"})]
                                       )})]
                        ),
                    },
                ),
                ("heading", {"text": "Mehr", "level": "h2"}),
                ("paragraph", rich_text("<p>Absatz.</p>")),
                ("checklist", {"title": "Checkliste", "items": streamfield([("item", "URL notiert")])}),
                ("callout", {"kind": "emergency", "title": "Gefahr?", "text": rich_text("<p>110</p>")}),
                ("faq", {"title": "Fragen", "items": streamfield(
                    [("item", {"question": "Wie?", "answer": rich_text("<p>So.</p>")})])}),
                ("downloads", {"title": "Downloads", "documents": streamfield([("item", document.pk)])}),
                ("contacts", {"title": "Wer hilft", "contacts": streamfield([("item", self.contact.pk)])}),
                ("case_examples", {"title": "Praxis", "pages": streamfield([("item", example.pk)])}),
                ("supporters", {"title": "Unterstützer", "pages": streamfield([("item", profile.pk)])}),
            ]
        )
        self.assertCanCreate(
            self.index,
            GuidancePage,
            nested_form_data(
                {
                    "title": "Beweise sichern",
                    "slug": "beweise-sichern",
                    "applies_when": "Sie wurden beleidigt.",
                    "body": body,
                }
            )
            | {"situations": [situation.pk]},
        )
        page = GuidancePage.objects.get(slug="beweise-sichern")
        self.assertEqual([b.block_type for b in page.body][0], "steps")
        self.assertEqual(list(page.situations.all()), [situation])

    def test_editors_can_open_the_add_forms(self):
        from django.urls import reverse

        for parent, model in [(self.index, GuidancePage), (self.examples, CaseExamplePage),
                              (self.supporters, SupporterProfilePage), (self.home, LotsePage)]:
            url = reverse("wagtailadmin_pages:add", args=("portal", model._meta.model_name, parent.pk))
            self.assertEqual(self.client.get(url).status_code, 200, model.__name__)

    def test_can_create_case_example(self):
        situation = Situation.objects.get(slug="bedrohung")
        self.assertCanCreate(
            self.examples,
            CaseExamplePage,
            nested_form_data(
                {
                    "title": "Drohanruf",
                    "slug": "drohanruf",
                    "situations": [situation.pk],
                    "is_composite": "on",
                    "what_happened": rich_text("<p>Ein Anruf.</p>"),
                    "what_helped": rich_text("<p>Eine Zeugin.</p>"),
                    "steps_taken": rich_text("<ol><li>Notiert</li></ol>"),
                }
            )
            | {"situations": [situation.pk], "contacts": [self.contact.pk]},
        )
        self.assertEqual(list(CaseExamplePage.objects.get(slug="drohanruf").contacts.all()), [self.contact])

    def test_can_create_supporter_profile_and_lotse(self):
        land = Bundesland.objects.get(slug="bayern")
        self.assertCanCreate(
            self.supporters,
            SupporterProfilePage,
            nested_form_data(
                {
                    "title": "Starke Stelle",
                    "slug": "starke-stelle",
                    "who": rich_text("<p>Die Anlaufstelle.</p>"),
                    "offers": rich_text("<p>Beratung.</p>"),
                    "operator": rich_text("<p>DFK.</p>"),
                }
            )
            | {"bundeslaender": [land.pk], "contacts": [self.contact.pk]},
        )
        self.assertCanCreate(
            self.home,
            LotsePage,
            nested_form_data(
                {"title": "Hilfe finden", "slug": "hilfe-finden", "intro": "Vier Fragen.",
                 "privacy_note": "Nichts wird gespeichert.", "no_match_text": rich_text("")}
            ),
        )
        self.assertFalse(LotsePage.can_create_at(self.home))


class GuidanceRenderTests(TestCase):
    """What a reader sees on each page type."""

    @classmethod
    def setUpTestData(cls):
        ensure_bundeslaender()
        load_taxonomy()
        cls.home = load_home()
        cls.live_contact = make_contact("starke-stelle", "Starke Stelle")
        cls.draft_contact = make_contact("entwurf", "Entwurf einer Stelle", live=False, number="0800 999 99 99")
        cls.index = cls.home.add_child(instance=GuidanceIndexPage(title="Rat und Tat", slug="rat-und-tat", intro="I"))
        cls.examples = cls.index.add_child(
            instance=CaseExampleIndexPage(title="Fallbeispiele", slug="fallbeispiele", intro="Erfunden.")
        )
        cls.supporters = cls.home.add_child(
            instance=SupporterIndexPage(title="Unterstützer", slug="unterstuetzer", intro="Wer hilft.")
        )
        cls.profile = cls.supporters.add_child(
            instance=SupporterProfilePage(
                title="Starke Stelle", slug="starke-stelle", who="<p>Die Anlaufstelle.</p>",
                offers="<p>Beratung am Telefon.</p>", operator="<p>Das DFK im Auftrag des BMI.</p>", nationwide=True,
            )
        )
        cls.profile.contacts = [cls.live_contact, cls.draft_contact]
        cls.profile.save()
        cls.document = get_document_model().objects.create(
            title="Vorlage Strafantrag", file=ContentFile(b"%PDF-1.4", name="strafantrag.pdf")
        )
        cls.page = cls.index.add_child(
            instance=GuidancePage(
                title="Beweise sichern",
                slug="beweise-sichern",
                applies_when="Sie wurden im Netz beleidigt.",
                body=[
                    ("steps", {"title": "Was Sie tun können", "steps": [
                        step("Antworten Sie nicht", "safety"), step("Sichern Sie Beweise")]}),
                    ("checklist", {"title": "Checkliste Beweise", "items": ["URL notiert", "Datum notiert"]}),
                    ("callout", {"kind": "emergency", "title": "Akute Gefahr?", "text": RichText("<p>110</p>")}),
                    ("faq", {"title": "Häufige Fragen", "items": [
                        {"question": "Darf ich löschen?", "answer": RichText("<p>Erst sichern.</p>")}]}),
                    ("downloads", {"title": "Zum Herunterladen", "documents": [cls.document]}),
                    ("contacts", {"title": "Wer Ihnen hilft", "contacts": [cls.live_contact, cls.draft_contact]}),
                    ("supporters", {"title": "Organisationen", "pages": [cls.profile]}),
                ],
            )
        )
        cls.example = cls.examples.add_child(
            instance=CaseExamplePage(
                title="Drohung im Kommentar",
                slug="drohung",
                what_happened="<p>Ein Kommentar drohte Prügel an.</p>",
                what_helped="<p>Beweise und Anzeige.</p>",
            )
        )
        cls.example.situations = [Situation.objects.get(slug="bedrohung")]
        cls.example.guidance_pages = [cls.page]
        cls.example.contacts = [cls.live_contact, cls.draft_contact]
        cls.example.save()

    def test_guidance_page_shows_when_it_applies_numbered_steps_and_every_block(self):
        response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertContains(response, "Wann betrifft Sie das?")
        self.assertContains(response, "Sie wurden im Netz beleidigt.")
        self.assertInHTML('<h3 class="step__heading">Antworten Sie nicht</h3>', html)
        self.assertIn('<ol class="steps">', html)
        self.assertIn('<ul class="checklist__list">', html)
        self.assertInHTML("<summary>Darf ich löschen?</summary>", html)
        self.assertIn("callout--emergency", html)
        self.assertIn(self.document.url, html)
        self.assertContains(response, "(PDF")
        self.assertContains(response, 'href="tel:08003009944"')
        self.assertNotContains(response, "Entwurf einer Stelle")  # a draft contact stays hidden
        self.assertContains(response, f'href="{self.profile.url}"')
        # The case example that illustrates this page is linked from it without a block.
        self.assertContains(response, f'href="{self.example.url}"')
        self.assertIn("css/guidance.css", html)

    def test_guidance_index_lists_sections_and_pages_outside_any_section(self):
        other = self.index.add_child(
            instance=GuidancePage(title="Sicher im Netz", slug="sicher", applies_when="Immer.", body=[])
        )
        self.index.sections = [("section", {"title": "Akut handeln", "text": "Sofort.", "pages": [self.page]})]
        self.index.save_revision().publish()
        response = self.client.get(self.index.url)
        self.assertContains(response, "<h2>Akut handeln</h2>", html=True)
        self.assertContains(response, f'href="{self.page.url}"', count=1)
        self.assertContains(response, "Weitere Themen")
        self.assertContains(response, f'href="{other.url}"')
        self.assertContains(response, f'href="{self.examples.url}"')
        self.assertContains(response, f'href="{self.supporters.url}"')

    def test_case_example_says_it_is_invented_and_links_its_guidance(self):
        response = self.client.get(self.example.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Dieses Fallbeispiel ist erfunden")
        self.assertContains(response, "Bedrohung")
        self.assertContains(response, "Ein Kommentar drohte Prügel an.")
        self.assertContains(response, f'href="{self.page.url}"')
        self.assertContains(response, "Starke Stelle")
        self.assertNotContains(response, "Entwurf einer Stelle")
        listing = self.client.get(self.examples.url)
        self.assertContains(listing, f'href="{self.example.url}"')

    def test_supporter_profile_takes_phone_from_the_contact_record(self):
        response = self.client.get(self.profile.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bundesweit")
        self.assertContains(response, "0800 300 99 44")
        self.assertContains(response, "Das DFK im Auftrag des BMI.")
        self.assertNotContains(response, "0800 999 99 99")
        # One source of truth: a changed number in the contact shows on the profile at once.
        phone = self.live_contact.phone_numbers.get()
        phone.number = "0800 111 0 111"
        phone.save()
        self.assertContains(self.client.get(self.profile.url), "0800 111 0 111")
        listing = self.client.get(self.supporters.url)
        self.assertContains(listing, f'href="{self.profile.url}"')

    def test_page_chooser_blocks_link_live_pages_only(self):
        draft = self.examples.add_child(
            instance=CaseExamplePage(
                title="Unfertig", slug="unfertig", what_happened="<p>a</p>", what_helped="<p>b</p>"
            )
        )
        draft.unpublish()
        for block, target in [
            (guidance_blocks.CaseExamplesBlock(), self.example),
            (guidance_blocks.SupportersBlock(), self.profile),
            (guidance_blocks.GuidanceSectionBlock(), self.page),
        ]:
            pages = [target.pk, draft.pk] if isinstance(target, CaseExamplePage) else [target.pk]
            html = block.render(block.to_python({"title": "Titel", "text": "", "pages": pages}))
            self.assertIn(f'href="{target.url}"', html)
            self.assertIn(target.title, html)
            self.assertNotIn("Unfertig", html)

    def test_supporter_profile_of_some_laender_names_them(self):
        profile = self.supporters.add_child(
            instance=SupporterProfilePage(title="ezra", slug="ezra", who="<p>a</p>", offers="<p>b</p>")
        )
        profile.bundeslaender = [Bundesland.objects.get(slug="thueringen")]
        profile.save()
        self.assertContains(self.client.get(profile.url), "Thüringen")
        # No review state in public (issue 14): without contacts the page says where to turn instead.
        self.assertContains(self.client.get(profile.url), "Kontaktangaben dieser Organisation haben wir nicht.")
        self.assertNotContains(self.client.get(profile.url), "geprüft")

    def test_a_coverage_note_stands_instead_of_bundesweit(self):
        profile = self.supporters.add_child(
            instance=SupporterProfilePage(
                title="VBRG", slug="vbrg", who="<p>a</p>", offers="<p>b</p>", nationwide=True,
                coverage_note="Beratungsstellen in 14 Ländern",
            )
        )
        for url in (profile.url, self.supporters.url):
            body = self.client.get(url).content.decode()
            self.assertIn("Beratungsstellen in 14 Ländern", body)
        self.assertNotIn("Bundesweit", self.client.get(profile.url).content.decode())


BLOCK_PREVIEWS = [
    (guidance_blocks.StepBlock, '<h3 class="step__heading">Sichern Sie Beweise</h3>'),
    (guidance_blocks.StepsBlock, '<ol class="steps">'),
    (guidance_blocks.ChecklistBlock, "<li>Adresse (URL) des Beitrags</li>"),
    (guidance_blocks.FaqBlock, "<summary>Muss ich antworten?</summary>"),
]


@pytest.mark.parametrize(("block_class", "expected"), BLOCK_PREVIEWS, ids=lambda v: getattr(v, "__name__", ""))
def test_block_renders_its_preview_value(block_class, expected):
    block = block_class()
    assert block.meta.icon and block.meta.template
    assert expected in block.render(block.get_preview_value())


@pytest.mark.django_db
def test_chooser_blocks_render_only_live_items(home_page):
    live = make_contact("live", "Offene Stelle")
    draft = make_contact("draft", "Entwurfsstelle", live=False)
    block = guidance_blocks.ContactsBlock()
    html = block.render(block.to_python({"title": "Wer hilft", "contacts": [live.pk, draft.pk, 999999]}))
    assert "Offene Stelle" in html and "Entwurfsstelle" not in html

    examples_block = guidance_blocks.CaseExamplesBlock()
    assert examples_block.render(examples_block.to_python({"title": "Praxis", "pages": []})).strip() == ""


@pytest.mark.django_db
def test_downloads_block_links_the_document_with_type_and_size():
    document = get_document_model().objects.create(title="Checkliste", file=ContentFile(b"1234", name="liste.pdf"))
    block = guidance_blocks.DownloadsBlock()
    html = block.render(block.to_python({"title": "Zum Herunterladen", "documents": [document.pk]}))
    assert document.url in html and "Checkliste" in html and "PDF" in html


@pytest.mark.django_db
def test_demo_content_has_the_guidance_section(demo_content, client):
    assert GuidancePage.objects.live().count() >= 11
    titles = set(GuidancePage.objects.values_list("title", flat=True))
    assert {"Beweise sichern", "Auskunftssperre im Melderegister", "Was nach der Anzeige geschieht"} <= titles
    examples = CaseExamplePage.objects.live()
    assert examples.count() >= 5
    assert all(e.is_composite and e.is_demo for e in examples)
    assert all(e.guidance_pages.exists() for e in examples)
    profiles = set(SupporterProfilePage.objects.values_list("slug", flat=True))
    assert {"hateaid", "weisser-ring", "respect", "vbrg", "telefonseelsorge"} <= profiles
    # One page per organisation (#16): the Starke Stelle's own page is listed first, its old profile
    # address leads there.
    assert "starke-stelle" not in profiles
    listing = client.get("/unterstuetzer/").content.decode()
    assert listing.index('href="/starke-stelle/"') < listing.index('href="/unterstuetzer/hateaid/"')
    old = client.get("/unterstuetzer/starke-stelle/")
    assert old.status_code == 301 and old["Location"] == "/starke-stelle/"
    # Every guidance page serves at least one situation, so the Lotse can find it.
    assert not GuidancePage.objects.filter(situations=None).exists()
    for url in ["/rat-und-tat/", "/rat-und-tat/fallbeispiele/", "/unterstuetzer/", "/hilfe-finden/"]:
        assert client.get(url).status_code == 200, url
    anzeige = client.get("/rat-und-tat/anzeige-und-strafantrag/")
    assert "drei Monate" in anzeige.content.decode()
    assert "§ 51 Bundesmeldegesetz" in client.get("/rat-und-tat/auskunftssperre-im-melderegister/").content.decode()


@pytest.mark.django_db
def test_chosen_contacts_keep_their_choice_and_bring_their_phones(home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import generation

    scope = generation.open_request_scope()  # as in a page view: the generation is read once per request
    live = make_contact("live", "Offene Stelle", number="0800 111 22 33")
    draft = make_contact("draft", "Entwurfsstelle", live=False)
    block = guidance_blocks.ContactsBlock()
    raw = {"title": "Wer hilft", "contacts": [live.pk, draft.pk, live.pk]}
    with CaptureQueriesContext(connection) as fetching:
        value = block.to_python(raw)
    assert len(fetching) == 3  # the content generation, the contacts, then all their phone numbers
    # The editor's form keeps an unpublished contact chosen (a copy for each time it is chosen) ...
    assert [c.pk for c in value["contacts"]] == [live.pk, draft.pk, live.pk]
    assert value["contacts"][0] is not value["contacts"][2]
    # ... the page shows only the published one, once, with its phone, without another query.
    with CaptureQueriesContext(connection) as rendering:
        html = block.render(value)
    assert len(rendering) == 0
    assert html.count("Offene Stelle") == 1 and "0800 111 22 33" in html and "Entwurfsstelle" not in html

    # The next page with these contacts needs no query until a contact changes; then it shows the change.
    with CaptureQueriesContext(connection) as again:
        block.to_python(raw)
    assert len(again) == 0
    phone = live.phone_numbers.get()
    phone.number = "0800 444 55 66"
    phone.save()
    html = block.render(block.to_python(raw))
    assert "0800 444 55 66" in html and "0800 111 22 33" not in html
    generation.close_request_scope(scope)


@pytest.mark.django_db
def test_chosen_pages_come_as_cards_in_one_query_without_their_bodies(home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.cache import generation

    pages = []
    for number in range(3):
        page = GuidancePage(title=f"Ratgeber {number}", slug=f"rat-{number}", applies_when="Immer.", body=[])
        page.teaser = f"Kurz {number}"
        home_page.add_child(instance=page)
        pages.append(page)
    block = guidance_blocks.GuidanceSectionBlock()
    raw = {"title": "Akut handeln", "text": "", "pages": [p.pk for p in pages]}
    scope = generation.open_request_scope()  # as in a page view: the generation is read once per request
    with CaptureQueriesContext(connection) as fetching:
        value = block.to_python(raw)
    assert len(fetching) == 2  # the content generation, then the cards
    assert all("body" in page.get_deferred_fields() for page in value["pages"])
    urls = [page.url for page in pages]  # the site's root paths, as a process has them after its first page
    with CaptureQueriesContext(connection) as rendering:
        html = block.render(value)
    assert len(rendering) == 0
    for page, url in zip(pages, urls, strict=True):
        assert f'href="{url}"' in html and page.title in html and page.teaser in html

    # Kept until the content changes: an editor publishes a new title, the next page shows it.
    with CaptureQueriesContext(connection) as again:
        block.to_python(raw)
    assert len(again) == 0
    pages[1].title = "Beweise sichern (neu)"
    pages[1].save_revision().publish()
    assert "Beweise sichern (neu)" in block.render(block.to_python(raw))
    generation.close_request_scope(scope)
