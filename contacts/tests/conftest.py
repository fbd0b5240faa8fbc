import pytest

from contacts.models import Bundesland, Contact, ContactPhone
from demo import contacts as demo


@pytest.fixture
def taxonomy(db):
    demo.ensure_bundeslaender()
    demo.load_taxonomy()


@pytest.fixture
def demo_contacts(taxonomy):
    """Every contact from the facts, published, as the demo loader writes them."""
    return demo.load_contacts()


@pytest.fixture
def contact_pages(home_page, demo_contacts):
    demo.load_pages(home_page, demo_contacts)
    from contacts.models import ContactFinderPage, StarkeStellePage

    return ContactFinderPage.objects.get(), StarkeStellePage.objects.get()


@pytest.fixture
def make_contact(taxonomy):
    def make(key, *, laender=(), nationwide=False, live=True, phones=("0800 111 0 111",), **fields):
        fields.setdefault("name", key.replace("-", " ").title())
        fields.setdefault("kind", "opferberatung")
        contact = Contact(key=key, nationwide=nationwide, live=live, **fields)
        contact.bundeslaender = list(Bundesland.objects.filter(slug__in=laender))
        contact.phone_numbers = [ContactPhone(number=number) for number in phones]
        contact.full_clean()
        contact.save()
        if live:
            contact.save_revision().publish()
        return contact

    return make
