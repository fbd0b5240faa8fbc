"""Validation staff rely on: one phone format, valid e-mail and URLs, a way to reach, coverage."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from contacts.models import Bundesland, Contact, ContactPhone

pytestmark = pytest.mark.django_db


def build(**fields):
    data = {"key": "test-stelle", "name": "Teststelle", "kind": "opferberatung", "website": "https://example.org"}
    data.update(fields)
    laender = data.pop("laender", None)
    phones = data.pop("phones", [])
    contact = Contact(**data)
    if laender is not None:
        contact.bundeslaender = list(Bundesland.objects.filter(slug__in=laender))
    contact.phone_numbers = [ContactPhone(number=n) for n in phones]
    return contact


def errors_of(contact) -> dict:
    with pytest.raises(ValidationError) as info:
        contact.full_clean()
    return info.value.message_dict


@pytest.mark.parametrize("number", ["110", "116 123", "0800 300 99 44", "0711 5401-3003", "+49 30 1234567"])
def test_phone_numbers_in_the_house_format_are_accepted(number):
    ContactPhone(number=number).full_clean(exclude=["contact"])


@pytest.mark.parametrize("number", ["(0711) 5401", "0711/54013003", "0800-ANRUF", "+49 (0) 30 123", "0711 54-01-3003"])
def test_other_phone_formats_are_rejected_with_a_german_hint(number):
    with pytest.raises(ValidationError) as info:
        ContactPhone(number=number).full_clean(exclude=["contact"])
    assert "Ziffern und Leerzeichen" in info.value.message_dict["number"][0]


def test_phone_whitespace_is_normalised_and_tel_uri_has_digits_only():
    phone = ContactPhone(number="  0711   5401-3003 ")
    phone.full_clean(exclude=["contact"])
    assert phone.number == "0711 5401-3003"
    assert phone.tel_uri == "tel:071154013003"
    assert ContactPhone(number="+49 30 1234567").tel_uri == "tel:+49301234567"


def test_invalid_email_and_url_are_rejected(taxonomy):
    errors = errors_of(build(nationwide=True, email="info(at)example", website="example org"))
    assert "email" in errors and "website" in errors


def test_a_contact_needs_a_way_to_reach_it(taxonomy):
    errors = errors_of(build(nationwide=True, website=""))
    assert "mindestens einen Weg" in errors["email"][0]
    # A phone number alone is enough.
    build(nationwide=True, website="", phones=["110"]).full_clean()
    # So is a sentence on how to reach it, for contact points that publish no number.
    build(nationwide=True, website="", availability="Die Polizei vermittelt Sie weiter.").full_clean()


def test_coverage_is_required_nationwide_or_a_land(taxonomy):
    errors = errors_of(build(laender=[]))
    assert "Bundesland" in errors["bundeslaender"][0]
    build(laender=["bayern"]).full_clean()
    build(nationwide=True).full_clean()


def test_verified_date_not_in_future_and_needs_a_name(taxonomy):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    errors = errors_of(build(nationwide=True, verified_on=tomorrow, verified_by="A. Muster"))
    assert "Zukunft" in errors["verified_on"][0]
    errors = errors_of(build(nationwide=True, verified_on=timezone.localdate()))
    assert "verified_by" in errors


def test_keys_are_unique(make_contact):
    make_contact("doppelt", nationwide=True)
    errors = errors_of(build(key="doppelt", nationwide=True))
    assert "key" in errors



def test_review_overdue_after_configured_days(settings):
    settings.CONTACT_REVIEW_AFTER_DAYS = 30
    today = timezone.localdate()
    assert build(verified_on=None).review_overdue
    assert build(verified_on=today - datetime.timedelta(days=31)).review_overdue
    assert not build(verified_on=today - datetime.timedelta(days=30)).review_overdue
