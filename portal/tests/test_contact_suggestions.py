"""'Kontakt vorschlagen' reaches the Kontaktpflege: each hint is a queue entry with a status, the contact it
concerns and a note; the dashboard counts the open ones; only the Kontaktpflege (and site admins) see it."""

from smtplib import SMTPException
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from contacts.models import Bundesland, Contact, ContactPhone, ContactSuggestion, SuggestionStatus
from contacts.permissions import ensure_kontaktpflege_group
from contacts.suggestion_admin import suggestion_viewset
from demo.base import load_home, load_legal
from demo.contacts import ensure_bundeslaender, load_taxonomy
from demo.site_wide import load_forms
from portal.models import FormPage

pytestmark = pytest.mark.django_db

HINT = {
    "worum_geht_es": "Ich möchte einen Fehler melden",
    "name_der_stelle_oder_der_seite": "Opferberatung Musterstadt",
    "bundesland": "Sachsen",
    "beschreibung": "Die Telefonnummer hat sich geändert.",
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the forms' rate limit lives in the cache
    yield
    cache.clear()


@pytest.fixture
def forms(db):
    home = load_home()
    load_legal(home)
    feedback, suggestion = load_forms(home)
    return FormPage.objects.get(pk=feedback.pk), FormPage.objects.get(pk=suggestion.pk)


@pytest.fixture
def staff(db):
    ensure_bundeslaender()
    load_taxonomy()
    user = get_user_model().objects.create_user("pflege", "pflege@example.org", "pw")
    user.groups.add(ensure_kontaktpflege_group())
    return user


@pytest.fixture
def contact(staff):
    contact = Contact(key="opferberatung-musterstadt", name="Opferberatung Musterstadt", kind="opferberatung")
    contact.bundeslaender = list(Bundesland.objects.filter(slug="sachsen"))
    contact.phone_numbers = [ContactPhone(number="0800 111 0 111")]
    contact.save()
    return contact


def send(client, page, data):
    return client.post(f"/formular/{page.pk}/", data)


def url(name, *args):
    return reverse(suggestion_viewset.get_url_name(name), args=args)


def dashboard_count(client) -> str:
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    heading = soup.find(id="kontakt-vorschlaege-titel")
    return heading.get_text(strip=True) if heading else ""


def test_a_hint_becomes_an_open_suggestion_that_staff_work_through(client, forms, staff, contact):
    _feedback, suggestion_form = forms
    assert send(client, suggestion_form, HINT).status_code == 200
    suggestion = ContactSuggestion.objects.get()
    assert suggestion.status == SuggestionStatus.NEW

    client.force_login(staff)
    assert dashboard_count(client) == "Offene Vorschläge: 1"
    listing = client.get(url("index")).content.decode()
    assert "Opferberatung Musterstadt" in listing and "neu" in listing
    edit = client.get(url("edit", suggestion.pk)).content.decode()
    assert "Die Telefonnummer hat sich geändert." in edit  # the visitor's words, with their labels
    assert "Beschreibung" in edit

    response = client.post(
        url("edit", suggestion.pk), {"status": "in_arbeit", "contact": contact.pk, "note": "Nummer angefragt."}
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.contact, suggestion.updated_by) == ("in_arbeit", contact, staff)
    assert dashboard_count(client) == "Offene Vorschläge: 1"  # in Arbeit is still open
    listing = BeautifulSoup(client.get(url("index")).content, "html.parser")
    contact_edit = reverse("wagtailsnippets_contacts_contact:edit", args=[contact.pk])
    assert listing.find("a", href=contact_edit, string="Opferberatung Musterstadt")

    client.post(url("edit", suggestion.pk), {"status": "erledigt", "contact": contact.pk, "note": "Geändert."})
    assert dashboard_count(client) == "Offene Vorschläge: 0"
    assert ContactSuggestion.objects.get().submission.get_data()["beschreibung"] == HINT["beschreibung"]


def test_the_queue_filters_by_status_and_shows_open_ones_first(client, forms, staff):
    _feedback, suggestion_form = forms
    for name in ("Erste Stelle", "Zweite Stelle", "Dritte Stelle"):
        send(client, suggestion_form, {**HINT, "name_der_stelle_oder_der_seite": name})
    first = ContactSuggestion.objects.get(submission__form_data__name_der_stelle_oder_der_seite="Erste Stelle")
    first.status = SuggestionStatus.DONE
    first.save()
    client.force_login(staff)
    listing = client.get(url("index")).content.decode()
    assert listing.index("Dritte Stelle") < listing.index("Zweite Stelle") < listing.index("Erste Stelle")
    done_only = client.get(url("index"), {"status": "erledigt"}).content.decode()
    assert "Erste Stelle" in done_only and "Zweite Stelle" not in done_only


def test_feedback_is_not_a_suggestion(client, forms):
    feedback, _suggestion_form = forms
    send(client, feedback, {"ihre_nachricht": "Danke für die Seite."})
    assert FormSubmission.objects.filter(page=feedback).count() == 1
    assert not ContactSuggestion.objects.exists()


def test_a_failing_mail_server_still_queues_the_hint(client, forms):
    _feedback, suggestion_form = forms
    suggestion_form.to_address = "kontakte@example.org"
    suggestion_form.from_address = "portal@example.org"
    suggestion_form.save()
    with mock.patch("wagtail.contrib.forms.models.send_mail", side_effect=SMTPException("Server weg")):
        assert send(client, suggestion_form, HINT).status_code == 200
    assert ContactSuggestion.objects.get().status == SuggestionStatus.NEW


def test_marking_a_form_later_queues_what_it_already_received(client, forms):
    feedback, _suggestion_form = forms
    send(client, feedback, {"ihre_nachricht": "Die Nummer der Polizei in Bremen fehlt."})
    send(client, feedback, {"ihre_nachricht": "Zweiter Hinweis."})
    worked_on = ContactSuggestion.objects.create(submission=FormSubmission.objects.filter(page=feedback).first())
    worked_on.status = SuggestionStatus.IN_PROGRESS
    worked_on.save()
    feedback.for_contact_care = True
    feedback.save_revision().publish()
    assert ContactSuggestion.objects.filter(submission__page=feedback).count() == 2
    worked_on.refresh_from_db()
    assert worked_on.status == SuggestionStatus.IN_PROGRESS  # what was already in the queue keeps its state


def test_staff_can_neither_create_nor_delete_a_suggestion(client, forms, staff):
    _feedback, suggestion_form = forms
    send(client, suggestion_form, HINT)
    suggestion = ContactSuggestion.objects.get()
    client.force_login(staff)
    assert client.get(url("add")).status_code in (302, 403)
    assert client.post(url("delete", suggestion.pk)).status_code in (302, 403)
    assert ContactSuggestion.objects.filter(pk=suggestion.pk).exists()
    listing = client.get(url("index")).content.decode()
    assert url("add") not in listing


def test_editors_without_the_permission_see_no_suggestions(client, forms):
    _feedback, suggestion_form = forms
    send(client, suggestion_form, HINT)
    editor = get_user_model().objects.create_user("redaktion", "r@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(url("index"))
    assert response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")
    dashboard = client.get("/admin/").content.decode()
    assert "Offene Vorschläge" not in dashboard
    assert url("index") not in dashboard  # no menu item that would only refuse


def test_the_queue_and_the_dashboard_cost_the_same_queries_for_one_hint_or_many(client, forms, staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _feedback, suggestion_form = forms
    client.force_login(staff)

    def counted(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    send(client, suggestion_form, HINT)
    one = (counted(url("index")), counted("/admin/"))
    for number in range(5):
        send(client, suggestion_form, {**HINT, "name_der_stelle_oder_der_seite": f"Stelle {number}"})
    assert (counted(url("index")), counted("/admin/")) == one  # no query per row
