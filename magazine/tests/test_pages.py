"""Every page type of the magazine app: editors can create it where it belongs, and it renders."""

from datetime import timedelta

from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from magazine.models import (
    ArticlePage,
    Author,
    EventPage,
    MagazineIndexPage,
    MagazineSectionPage,
    NewsIndexPage,
    NewsPage,
    NewsSectionPage,
)
from magazine.tests.utils import (
    add_article,
    add_event,
    add_news,
    build_tree,
    magazine_section,
    make_image,
    news_section,
)
from portal.models import HomePage, PartnerPage, StandardPage


class MagazinePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.magazine, cls.news = build_tree()
        cls.section = magazine_section(cls.magazine)
        cls.news_section = news_section(cls.news)
        cls.partner = PartnerPage.objects.get(slug="deutscher-staedtetag")

    def setUp(self):
        # force_login: the axes backend refuses client.login() without a request.
        self.client.force_login(self.create_superuser("redaktion-admin"))

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(MagazineIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MagazineIndexPage, {MagazineSectionPage})
        self.assertAllowedSubpageTypes(MagazineSectionPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsSectionPage})
        self.assertAllowedSubpageTypes(NewsSectionPage, {NewsPage, EventPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)
        # One magazine and one news section per site.
        self.assertFalse(MagazineIndexPage.can_create_at(self.home))
        self.assertFalse(NewsIndexPage.can_create_at(self.home))

    def test_can_create_magazine_index_below_home(self):
        MagazineIndexPage.objects.all().delete()
        self.assertCanCreate(
            self.home,
            MagazineIndexPage,
            nested_form_data({"title": "Magazin", "slug": "magazin-neu", "intro": "Beiträge"}),
        )

    def test_can_create_news_index_below_home(self):
        NewsIndexPage.objects.all().delete()
        self.assertCanCreate(
            self.home, NewsIndexPage, nested_form_data({"title": "Aktuelles & Termine", "slug": "aktuelles-neu"})
        )

    def test_can_create_sections(self):
        self.assertCanCreate(
            self.magazine,
            MagazineSectionPage,
            nested_form_data({"title": "Städtetag 2", "slug": "staedtetag-2", "partner": self.partner.pk}),
        )
        self.assertCanCreate(
            self.news,
            NewsSectionPage,
            nested_form_data({"title": "Städtetag 2", "slug": "staedtetag-2", "partner": self.partner.pk}),
        )

    def test_can_create_article_with_authors_blocks_and_tags(self):
        author = Author.objects.create(name="Erika Beispiel", role="Bürgermeisterin")
        image = make_image()
        self.assertCanCreate(
            self.section,
            ArticlePage,
            nested_form_data(
                {
                    "title": "Wie ich Beweise gesichert habe",
                    "slug": "beweise",
                    "kind": "erfahrungsbericht",
                    "date": "2026-01-15",
                    "teaser": "Ein Bericht.",
                    "teaser_image": image.pk,
                    "authors": inline_formset([{"author": author.pk}]),
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Ich habe Bildschirmfotos gemacht.</p>")),
                            ("heading", {"text": "Danach", "level": "h2"}),
                            ("quote", {"text": "Ich bin nicht allein.", "attribution": "Eine Bürgermeisterin"}),
                            ("standpoint", {"text": "Hass ist keine Meinung.", "attribution": ""}),
                            (
                                "image",
                                {
                                    "image": {"image": image.pk, "decorative": False, "alt_text": "Ein Rathaus"},
                                    "caption": "Das Rathaus",
                                },
                            ),
                        ]
                    ),
                    "tags": "Beweise sichern, Anzeige",
                }
            ),
        )
        page = ArticlePage.objects.get(slug="beweise")
        self.assertEqual(page.author_list, [author])
        self.assertEqual(sorted(page.tags.names()), ["Anzeige", "Beweise sichern"])
        self.assertEqual(page.responsible_partner, self.partner)

    def test_a_new_article_can_be_previewed_with_the_authors_from_the_form(self):
        """The live preview of an article not saved yet crashed (authors prefetched for a page without id)."""
        from django.urls import reverse

        author = Author.objects.create(name="Erika Beispiel", role="Bürgermeisterin")
        data = nested_form_data(
            {
                "title": "Noch nicht gespeichert",
                "slug": "noch-nicht-gespeichert",
                "kind": "erfahrungsbericht",
                "date": "2026-01-15",
                "teaser": "Ein Bericht.",
                "authors": inline_formset([{"author": author.pk}]),
                "body": streamfield([("paragraph", rich_text("<p>Ich habe Bildschirmfotos gemacht.</p>"))]),
                "tags": "",
            }
        )
        url = reverse("wagtailadmin_pages:preview_on_add", args=["magazine", "articlepage", self.section.pk])
        response = self.client.post(url, data)
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        preview = self.client.get(url)
        self.assertEqual(preview.status_code, 200)
        self.assertContains(preview, "Noch nicht gespeichert")
        self.assertContains(preview, "Erika Beispiel")

    def test_the_teaser_image_needs_a_description_where_it_is_placed(self):
        from django.core.exceptions import ValidationError

        from portal.models import PortalImage

        image = PortalImage.objects.create(title="teaser", file=make_image().file)  # no description at all
        page = add_article(self.section, "mit-bild", live=False)
        page.teaser_image = image
        with self.assertRaises(ValidationError) as refused:
            page.full_clean()
        self.assertIn("teaser_image_alt", refused.exception.message_dict)
        page.teaser_image_alt = "IMG_2041.jpg"
        with self.assertRaises(ValidationError):
            page.full_clean()
        page.teaser_image_alt = "Bürgermeisterin am Rednerpult im Ratssaal"
        page.full_clean()
        page.save_revision().publish()
        html = self.client.get(page.url).content.decode()
        self.assertIn('alt="Bürgermeisterin am Rednerpult im Ratssaal"', html)

    def test_image_block_requires_alt_text(self):
        image = make_image()
        data = nested_form_data(
            {
                "title": "Ohne Alternativtext",
                "slug": "ohne-alt",
                "kind": "interview",
                "date": "2026-01-15",
                "authors": inline_formset([]),
                "body": streamfield(
                    [("image", {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": ""})]
                ),
                "tags": "",
            }
        )
        data["action-publish"] = "action-publish"  # drafts may be incomplete; publishing must not
        response = self.client.post(f"/admin/pages/add/magazine/articlepage/{self.section.pk}/", data)
        self.assertEqual(response.status_code, 200)  # the form comes back with an error
        self.assertFalse(ArticlePage.objects.filter(slug="ohne-alt").exists())
        # The same form with an alt text is published: the missing alt text was the only problem.
        data["body-0-value-image-alt_text"] = "Ein Rathaus am Abend"
        self.client.post(f"/admin/pages/add/magazine/articlepage/{self.section.pk}/", data)
        self.assertTrue(ArticlePage.objects.live().filter(slug="ohne-alt").exists())

    def test_can_create_news_page_as_press_release(self):
        landkreistag = PartnerPage.objects.get(slug="deutscher-landkreistag")
        data = nested_form_data(
            {
                "title": "Gemeinsame Erklärung",
                "slug": "erklaerung",
                "kind": "pressemitteilung",
                "date": "2026-02-01",
                "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            }
        )
        data["issuing_partners"] = [self.partner.pk, landkreistag.pk]  # a multi-value field
        self.assertCanCreate(self.news_section, NewsPage, data)
        page = NewsPage.objects.get(slug="erklaerung")
        self.assertEqual(set(page.issuing_partners.all()), {self.partner, landkreistag})
        response = self.client.get(page.url)
        self.assertContains(response, "Pressemitteilung")
        self.assertContains(response, "Herausgegeben von")
        self.assertContains(response, "Deutscher Landkreistag")

    def test_can_create_event_page(self):
        self.assertCanCreate(
            self.news_section,
            EventPage,
            nested_form_data(
                {
                    "title": "Online-Sprechstunde",
                    "slug": "sprechstunde",
                    "start": "2030-03-01 17:00",
                    "end": "2030-03-01 18:00",
                    "location": "",
                    "is_online": "on",
                    "organiser": "Redaktion",
                    "registration_url": "",
                    "body": streamfield([]),
                }
            ),
        )

    def test_event_needs_place_or_online_and_end_after_start(self):
        event = EventPage(
            title="Ohne Ort",
            slug="ohne-ort",
            start=timezone.now(),
            end=timezone.now() - timedelta(hours=1),
            organiser="Redaktion",
        )
        with self.assertRaises(Exception) as raised:
            event.full_clean()
        self.assertIn("location", raised.exception.message_dict)
        self.assertIn("end", raised.exception.message_dict)

    def test_all_page_types_render(self):
        image = make_image(credit="Foto: Erika Muster")
        article = add_article(self.section, "gerendert", image=image, tags=["Solidarität"])
        news_item = add_news(self.news_section, "meldung")
        event = add_event(self.news_section, "termin")
        for page in (self.magazine, self.section, article, self.news, self.news_section, news_item, event):
            self.assertPageIsRenderable(page)
        response = self.client.get(article.url)
        self.assertContains(response, "Foto: Erika Muster")
        self.assertContains(response, "Min. Lesezeit")
        self.assertContains(response, "Verantwortlich: Deutscher Städtetag")
        self.assertContains(self.client.get(event.url), "Termin in meinen Kalender eintragen")

    def test_article_names_its_partner_as_the_partner_is_called_now(self):
        article = add_article(self.section, "umbenannt")
        self.assertContains(self.client.get(article.url), "Verantwortlich: Deutscher Städtetag")
        self.partner.title = "Städtetag (neuer Name)"
        self.partner.save_revision().publish()
        self.client.logout()  # as a visitor, through the page cache
        self.assertContains(self.client.get(article.url), "Verantwortlich: Städtetag (neuer Name)")
