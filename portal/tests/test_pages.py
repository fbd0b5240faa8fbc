"""Every portal page type of the foundation: editors can create it, and it renders."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.base import load_about, load_home, load_legal
from portal.models import AboutPage, HomePage, PartnerPage, StandardPage


class PortalPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_home()

    def setUp(self):
        # force_login: the lockout backend (axes) refuses a password login without a request.
        self.client.force_login(self.create_test_user())

    def test_home_page_allows_sections_but_not_a_second_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(HomePage, AboutPage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_can_create_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Barrierefreiheit",
                    "slug": "barrierefreiheit",
                    "body": streamfield([("paragraph", rich_text("<p>Diese Website soll barrierefrei sein.</p>"))]),
                }
            ),
        )

    def test_can_create_about_page_once(self):
        self.assertCanCreate(
            self.home,
            AboutPage,
            nested_form_data(
                {
                    "title": "Über uns",
                    "slug": "ueber-uns",
                    "intro": "Wer wir sind.",
                    "body": streamfield([]),
                    "contact_text": rich_text("<p>Schreiben Sie uns.</p>"),
                }
            ),
        )
        # There is one "Über uns": a second one cannot be created.
        self.assertFalse(AboutPage.can_create_at(self.home))

    def test_can_create_partner_page_only_below_about(self):
        about = load_about(self.home)
        self.assertCanCreate(
            about,
            PartnerPage,
            nested_form_data(
                {
                    "title": "Deutscher Städtetag",
                    "slug": "staedtetag-neu",
                    "role": "traeger",
                    "description": rich_text("<p>Der Spitzenverband der Städte.</p>"),
                    "website": "https://www.staedtetag.de",
                }
            ),
        )
        self.assertCanNotCreateAt(HomePage, PartnerPage)

    def test_home_page_renders_emergency_box_and_figure(self):
        response = self.client.get(self.home.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<html lang="de"')
        self.assertContains(response, "Hier finden Sie Hilfe")
        self.assertContains(response, "38 %")
        self.assertContains(response, "Quelle: KoMo")

    def test_about_and_partner_pages_render(self):
        about = load_about(self.home)
        response = self.client.get(about.url)
        self.assertContains(response, "Wer hinter Stark im Amt steht")
        for partner in PartnerPage.objects.child_of(about):
            self.assertPageIsRenderable(partner)
            self.assertContains(self.client.get(partner.url), partner.title)

    def test_standard_pages_render(self):
        load_legal(self.home)
        for page in StandardPage.objects.child_of(self.home):
            self.assertPageIsRenderable(page)


@pytest.mark.django_db
def test_partner_pages_cover_all_five_organisations(demo_content):
    titles = set(PartnerPage.objects.live().values_list("title", flat=True))
    assert titles == {
        "Deutscher Städtetag",
        "Deutscher Landkreistag",
        "Deutscher Städte- und Gemeindebund",
        "Körber-Stiftung",
        "Deutsches Forum für Kriminalprävention",
    }


@pytest.mark.django_db
def test_emergency_box_comes_from_site_settings(demo_content, client):
    from wagtail.models import Site

    from portal.models import EmergencySettings

    settings = EmergencySettings.for_site(Site.objects.get(is_default_site=True))
    settings.heading = "Sofort Hilfe holen"
    settings.save()
    response = client.get("/")
    assert "Sofort Hilfe holen" in response.content.decode()
    assert 'href="tel:110"' in response.content.decode()


def test_a_mistyped_emergency_number_is_refused_with_a_german_message(home_page, client, django_user_model):
    from django.urls import reverse
    from wagtail.models import Site
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    from portal.models import EmergencySettings

    site = Site.objects.get(is_default_site=True)
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x"))
    url = reverse("wagtailsettings:edit", args=["portal", "emergencysettings", site.pk])

    def post(number):
        block = {"label": "Opfer-Telefon", "number": number, "note": "", "page": ""}
        data = nested_form_data({"heading": "Hilfe", "intro": "", "numbers": streamfield([("number", block)])})
        return client.post(url, data)

    response = post("0800/111 0 111")
    assert response.status_code == 200
    assert "Bitte schreiben Sie die Nummer nur mit Ziffern und Leerzeichen" in response.content.decode()
    assert not EmergencySettings.for_site(site).numbers  # nothing saved
    assert post("116 006").status_code == 302
    assert EmergencySettings.for_site(site).numbers[0].value["number"] == "116 006"


def partner_bar_names(client) -> list[str]:
    import re

    html = client.get("/").content.decode()
    bar = html.split('class="partner-bar__list"', 1)[1].split("</ul>", 1)[0] if "partner-bar__list" in html else ""
    return re.findall(r'<span class="partner-bar__name">([^<]+)</span>', bar)


@pytest.mark.django_db
def test_partner_bar_shows_only_live_public_partners_and_follows_changes(home_page, client):
    """The partner bar and the partners' names come from one list kept per generation (portal.site_pages):
    it must hide what `live().public()` hides, and show a change on the next request."""
    from wagtail.models import PageViewRestriction

    about = load_about(home_page)
    partners = list(PartnerPage.objects.child_of(about).order_by("path"))
    assert partner_bar_names(client) == [page.title for page in partners]

    first, second = partners[0], partners[1]
    first.title = "Deutscher Städtetag (neu benannt)"
    first.save_revision().publish()
    second.unpublish()
    names = partner_bar_names(client)
    assert "Deutscher Städtetag (neu benannt)" in names
    assert second.title not in names

    PageViewRestriction.objects.create(page=partners[2], restriction_type=PageViewRestriction.LOGIN)
    assert partners[2].title not in partner_bar_names(client)
    assert partner_bar_names(client) == [
        page.title for page in PartnerPage.objects.live().public().descendant_of(home_page).order_by("path")
    ]


@pytest.mark.django_db
def test_emergency_box_links_only_to_pages_that_are_live(home_page, client):
    """"Mehr dazu" in the emergency box: a page right below the root and one further down both get their
    link; once unpublished, the link goes (it would lead a visitor in distress to a dead end)."""
    from wagtail.models import Site

    from portal.models import EmergencySettings

    about = load_about(home_page)
    partner = PartnerPage.objects.child_of(about).order_by("path").first()
    settings = EmergencySettings.for_site(Site.objects.get(is_default_site=True))
    settings.numbers = [
        ("number", {"label": "Über uns", "number": "116 006", "note": "", "page": about}),
        ("number", {"label": "Partner", "number": "", "note": "", "page": partner}),
    ]
    settings.save()

    html = client.get("/").content.decode()
    assert f'href="{about.url}">Mehr dazu: Über uns' in html
    assert f'href="{partner.url}">Mehr dazu: Partner' in html
    assert html.count('href="tel:116006"') == 2  # in the box and in the footer's list

    partner.unpublish()
    about.unpublish()
    html = client.get("/").content.decode()
    assert "Mehr dazu" not in html
    assert "Über uns" in html  # the number itself stays


@pytest.mark.django_db
def test_a_site_without_settings_rows_gets_them_with_their_defaults(home_page, client):
    """The emergency box and footer read both settings in one query (portal.site_pages.site_settings); a
    site whose rows do not exist yet still shows the default box, and the rows are then made."""
    from wagtail.models import Site

    from portal.models import EmergencySettings, NavigationSettings

    site = Site.objects.get(is_default_site=True)
    EmergencySettings.objects.filter(site=site).delete()
    NavigationSettings.objects.filter(site=site).delete()
    html = client.get("/").content.decode()
    assert "Hier finden Sie Hilfe" in html and 'href="tel:110"' in html
    assert EmergencySettings.objects.filter(site=site).exists()
    assert NavigationSettings.objects.filter(site=site).exists()
