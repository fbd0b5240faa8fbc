"""The two contact page types: editors can create them once below the home page; the demo is idempotent."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from contacts.models import Contact, ContactFinderPage, StarkeStellePage
from demo import contacts as demo
from demo.base import load_home
from portal.models import HomePage, StandardPage


class ContactPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        demo.ensure_bundeslaender()
        demo.load_taxonomy()
        cls.home = load_home()

    def setUp(self):
        # force_login: the axes backend refuses a login without a request, as WagtailPageTestCase.login does.
        user = self.create_superuser("admin", "admin@example.org", "pw")
        self.client.force_login(user)

    def test_finder_page_can_be_created_once_below_home_only(self):
        self.assertCanCreateAt(HomePage, ContactFinderPage)
        self.assertCanNotCreateAt(StandardPage, ContactFinderPage)
        self.assertAllowedSubpageTypes(ContactFinderPage, {})
        self.assertCanCreate(
            self.home,
            ContactFinderPage,
            nested_form_data(
                {
                    "title": "Hilfe in Ihrem Bundesland",
                    "slug": "hilfe-in-ihrem-bundesland",
                    "intro": rich_text("<p>Wählen Sie Ihr Land.</p>"),
                }
            ),
        )
        self.assertFalse(ContactFinderPage.can_create_at(self.home))

    def test_starke_stelle_page_can_be_created_once(self):
        self.assertCanCreateAt(HomePage, StarkeStellePage)
        self.assertAllowedSubpageTypes(StarkeStellePage, {})
        self.assertCanCreate(
            self.home,
            StarkeStellePage,
            nested_form_data(
                {
                    "title": "Starke Stelle",
                    "slug": "starke-stelle",
                    "intro": "Beratung für Amtsträger.",
                    "body": rich_text("<p>Wer wir sind.</p>"),
                }
            ),
        )
        self.assertFalse(StarkeStellePage.can_create_at(self.home))


@pytest.mark.django_db
def test_demo_loader_is_idempotent_and_enters_the_facts(home_page):
    demo.load(home_page)
    demo.load(home_page)
    assert Contact.objects.filter(key="starke-stelle").count() == 1
    assert ContactFinderPage.objects.count() == 1 and StarkeStellePage.objects.count() == 1
    starke = Contact.objects.get(key="starke-stelle")
    assert [(p.number, p.hours) for p in starke.phone_numbers.all()] == [("0800 300 99 44", "Mo–Fr 9–16 Uhr")]
    assert starke.email == "info@starkestelle.de" and starke.live and starke.is_demo
    assert [p.number for p in Contact.objects.get(key="telefonseelsorge").phone_numbers.all()] == [
        "0800 111 0 111",
        "0800 111 0 222",
        "116 123",
    ]
    # Numbers only where the facts give one.
    for key in ("hateaid", "respect", "vbrg", "lka-berlin", "zebra-sh", "bayern-gegen-hass"):
        assert not Contact.objects.get(key=key).phone_numbers.exists()
    assert not Contact.objects.exclude(verified_on=None).exists()
    assert StarkeStellePage.objects.get().contact == starke


@pytest.mark.django_db
def test_finder_page_renders_when_demo_pages_exist(client, home_page):
    demo.load(home_page)
    response = client.get("/hilfe-in-ihrem-bundesland/")
    assert response.status_code == 200
    assert not response.cookies
