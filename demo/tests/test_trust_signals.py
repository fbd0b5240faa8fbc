"""What visitors see about how current a contact is: "Stand" when staff verified it, never "Noch nicht geprüft"."""

import pytest
from wagtail.models import Page

from contacts.models import Bundesland, ContactFinderPage

pytestmark = pytest.mark.django_db


def public_urls() -> list[str]:
    urls = [page.url for page in Page.objects.live().public().exclude(depth=1).specific()]
    finder = ContactFinderPage.objects.get()
    urls += [finder.land_url(land) for land in Bundesland.objects.all()]
    return urls


def test_no_public_page_says_noch_nicht_geprueft(client, demo_content):
    urls = public_urls()
    assert len(urls) > 40
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Noch nicht geprüft" not in body and "noch nicht geprüft" not in body, url
