"""What every public page shows: never "Noch nicht geprüft" (a contact shows "Stand" only when staff verified
it), and e-mail addresses one way only, as plain mailto: links (docs/content.md)."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from contacts.models import Bundesland, ContactFinderPage

pytestmark = pytest.mark.django_db


def public_urls() -> list[str]:
    urls = [page.url for page in Page.objects.live().public().exclude(depth=1).specific()]
    finder = ContactFinderPage.objects.get()
    urls += [finder.land_url(land) for land in Bundesland.objects.all()]
    return urls


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def test_no_public_page_says_noch_nicht_geprueft_and_every_email_is_a_mailto_link(client, demo_content):
    urls = public_urls()
    assert len(urls) > 40
    linked = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Noch nicht geprüft" not in body and "noch nicht geprüft" not in body, url
        assert "(at)" not in body, url
        soup = BeautifulSoup(body, "html.parser")
        for link in soup.select('a[href^="mailto:"]'):
            link.extract()
            linked.add(link["href"].removeprefix("mailto:"))
        # What is left in the visible text holds no address that is not a link.
        assert EMAIL.findall(soup.get_text(" ")) == [], url
    assert {"info@starkestelle.de", "stark-im-amt@staedtetag.de"} <= linked
