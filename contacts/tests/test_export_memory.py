"""The open-data exports stream (issue 20): their peak memory does not grow with the number of contacts.

A partner's nightly fetch of thousands of contacts must not hold them all in a worker's memory at once.
"""

import tracemalloc

import pytest

from contacts.models import Bundesland, Contact, ContactPhone, Situation
from contacts.views import EXPORT_CHUNK

pytestmark = pytest.mark.django_db

EXPORTS = [
    "/kontakte/offene-daten.json",
    "/kontakte/offene-daten.csv",
    "/kontakte/offene-daten-telefonnummern.csv",
]


def add_contacts(count: int, start: int) -> None:
    """`count` published contacts with a phone, a Land and a situation each, as an export sees them."""
    land, situation = Bundesland.objects.order_by("pk").first(), Situation.objects.order_by("pk").first()
    contacts = Contact.objects.bulk_create(
        Contact(
            key=f"lastinhalt-{number}",
            name=f"Beratungsstelle {number} (Lastinhalt)",
            kind="opferberatung",
            description="Berät Betroffene von Anfeindungen vertraulich und kostenlos. " * 4,
            website=f"https://example.org/stelle-{number}",
            availability="Mo–Fr 9–16 Uhr",
            live=True,
        )
        for number in range(start, start + count)
    )
    ContactPhone.objects.bulk_create(
        ContactPhone(contact=contact, number="0800 111 0 111", label="Beratung", sort_order=0) for contact in contacts
    )
    Contact.bundeslaender.through.objects.bulk_create(
        Contact.bundeslaender.through(contact=contact, bundesland=land) for contact in contacts
    )
    Contact.situations.through.objects.bulk_create(
        Contact.situations.through(contact=contact, situation=situation) for contact in contacts
    )


def peak_while_reading(client, url) -> tuple[int, int]:
    """(peak bytes allocated while the body is produced and read, contacts in it by its size)."""
    response = client.get(url)
    assert response.status_code == 200 and response.streaming, url
    tracemalloc.start()
    try:
        size = sum(len(chunk) for chunk in response.streaming_content)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, size


def test_open_data_exports_keep_memory_flat_as_contacts_grow(client, taxonomy):
    add_contacts(2 * EXPORT_CHUNK, start=0)
    small = {url: peak_while_reading(client, url) for url in EXPORTS}
    add_contacts(6 * EXPORT_CHUNK, start=2 * EXPORT_CHUNK)
    large = {url: peak_while_reading(client, url) for url in EXPORTS}
    for url in EXPORTS:
        (small_peak, small_size), (large_peak, large_size) = small[url], large[url]
        assert large_size > 3.5 * small_size, url  # four times the contacts really were written
        # Four times the contacts, about the same peak: one chunk of EXPORT_CHUNK is in memory at a time.
        assert large_peak < 1.25 * small_peak + 256 * 1024, (url, small_peak, large_peak)
