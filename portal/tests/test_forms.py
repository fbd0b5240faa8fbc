"""Forms lose nothing: saved before mail, mail failure invisible to the visitor, spam kept out without
third parties, errors explained at the top and at the field, no cookie for anonymous visitors."""

import logging
from smtplib import SMTPException
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from demo.base import load_home, load_legal
from demo.site_wide import load_forms
from portal.models import FormPage, HomePage, StandardPage
from portal.models.forms import HONEYPOT_FIELD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the rate limit lives in the cache; every test starts with a fresh count
    yield
    cache.clear()


@pytest.fixture
def feedback(db):
    home = load_home()
    load_legal(home)
    page, _ = load_forms(home)
    page.to_address = "redaktion@example.org"
    page.from_address = "portal@example.org"
    page.save_revision().publish()
    return FormPage.objects.get(pk=page.pk)


def post(client, page, data, **headers):
    return client.post(f"/formular/{page.pk}/", data, **headers)


VALID = {"ihre_nachricht": "Die Seite zur Auskunftssperre hat mir geholfen.", "ihr_name": "Erika"}


def test_a_valid_submission_is_saved_and_mailed_without_the_honeypot(client, feedback):
    response = post(client, feedback, VALID)
    assert response.status_code == 200
    assert "Vielen Dank, Ihre Nachricht ist angekommen." in response.content.decode()
    submission = FormSubmission.objects.get(page=feedback)
    assert submission.get_data()["ihre_nachricht"] == VALID["ihre_nachricht"]
    assert HONEYPOT_FIELD not in submission.form_data
    assert len(mail.outbox) == 1
    assert "Auskunftssperre" in mail.outbox[0].body
    assert HONEYPOT_FIELD not in mail.outbox[0].body


def test_submission_is_kept_and_visitor_thanked_when_sending_mail_fails(client, feedback, caplog):
    with (
        mock.patch("wagtail.contrib.forms.models.send_mail", side_effect=SMTPException("Server weg")),
        caplog.at_level(logging.ERROR, logger="portal.models.forms"),
    ):
        response = post(client, feedback, VALID)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert FormSubmission.objects.filter(page=feedback).count() == 1
    assert "it is saved" in caplog.text  # staff learn about the mail problem from the log


def test_submission_is_saved_before_the_mail_is_sent(client, feedback):
    seen = []

    def check_saved(*args, **kwargs):
        seen.append(FormSubmission.objects.filter(page=feedback).count())

    with mock.patch("wagtail.contrib.forms.models.send_mail", side_effect=check_saved):
        post(client, feedback, VALID)
    assert seen == [1]


def test_a_filled_honeypot_looks_like_success_but_stores_and_sends_nothing(client, feedback):
    response = post(client, feedback, {**VALID, HONEYPOT_FIELD: "https://spam.example"})
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert not FormSubmission.objects.filter(page=feedback).exists()
    assert mail.outbox == []


def test_rate_limit_stops_a_flood_with_a_german_message_and_keeps_the_input(client, feedback, settings):
    settings.FORM_RATE_LIMIT = (2, 600)
    assert post(client, feedback, VALID).status_code == 200
    assert post(client, feedback, VALID).status_code == 200
    response = post(client, feedback, {**VALID, "ihre_nachricht": "Dritte Nachricht"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Bitte warten Sie zehn Minuten" in html
    assert "Dritte Nachricht</textarea>" in html
    assert FormSubmission.objects.filter(page=feedback).count() == 2
    # Another address is not affected.
    other = post(client, feedback, VALID, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 200


def test_rate_limit_fails_open_when_the_cache_is_down(client, feedback, settings):
    settings.FORM_RATE_LIMIT = (1, 600)
    broken = mock.Mock(**{"add.side_effect": ConnectionError("Redis weg"), "incr.side_effect": ConnectionError})
    with mock.patch("portal.models.forms.cache", broken):
        for _ in range(3):
            assert post(client, feedback, VALID).status_code == 200
    assert FormSubmission.objects.filter(page=feedback).count() == 3


def test_errors_are_summarised_at_the_top_linked_to_fields_and_input_is_kept(client, feedback):
    response = post(client, feedback, {"ihre_nachricht": "", "ihr_name": "Erika", "ihre_e_mail_adresse": "kaputt"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Fehler:")
    summary = soup.select_one(".error-summary")
    assert summary.has_attr("autofocus")  # focus lands on the summary, no JavaScript needed
    links = [a["href"] for a in summary.select("a")]
    assert links == ["#id_ihre_nachricht", "#id_ihre_e_mail_adresse"]
    message = soup.select_one("#id_ihre_nachricht")
    assert message["aria-invalid"] == "true"
    assert "id_ihre_nachricht-fehler" in message["aria-describedby"]
    assert soup.select_one("#id_ihre_nachricht-fehler").get_text(strip=True)
    assert soup.select_one("#id_ihr_name")["value"] == "Erika"
    assert soup.select_one("#id_ihre_e_mail_adresse")["value"] == "kaputt"
    assert not FormSubmission.objects.exists()


def test_required_fields_are_marked_and_labelled(client, feedback):
    soup = BeautifulSoup(client.get(feedback.url).content, "html.parser")
    label = soup.select_one('label[for="id_ihre_nachricht"]')
    assert "(Pflichtfeld)" in label.get_text()
    assert "(Pflichtfeld)" not in soup.select_one('label[for="id_ihr_name"]').get_text()
    # The honeypot is hidden from people: not reachable by Tab, not read by screen readers.
    honeypot = soup.select_one(f'input[name="{HONEYPOT_FIELD}"]')
    assert honeypot["tabindex"] == "-1"
    assert honeypot.find_parent(attrs={"aria-hidden": "true"}) is not None


def test_the_suggestion_form_offers_its_choices_as_a_labelled_group(client, feedback):
    suggestion = FormPage.objects.get(slug="kontakt-vorschlagen")
    soup = BeautifulSoup(client.get(suggestion.url).content, "html.parser")
    legend = soup.select_one("fieldset legend")
    assert "Worum geht es?" in legend.get_text()
    assert len(soup.select('fieldset input[type="radio"]')) == 2
    response = post(
        client,
        suggestion,
        {
            "worum_geht_es": "Ich möchte einen Fehler melden",
            "name_der_stelle_oder_der_seite": "Starke Stelle",
            "beschreibung": "Die Sprechzeiten haben sich geändert.",
        },
    )
    assert "Vielen Dank" in response.content.decode()
    assert FormSubmission.objects.filter(page=suggestion).count() == 1


def test_anonymous_visitors_get_no_cookie_from_a_form(client, feedback):
    assert client.get(feedback.url).cookies == {}
    assert post(client, feedback, VALID).cookies == {}
    assert post(client, feedback, {}).cookies == {}


def test_posts_from_other_sites_are_refused(client, feedback):
    forged = post(client, feedback, VALID, HTTP_ORIGIN="https://evil.example")
    assert forged.status_code == 403
    cross = post(client, feedback, VALID, HTTP_SEC_FETCH_SITE="cross-site")
    assert cross.status_code == 403
    # Another host of the same registrable domain is not this site, nor is this host over another scheme.
    sibling = post(client, feedback, VALID, HTTP_SEC_FETCH_SITE="same-site")
    assert sibling.status_code == 403
    other_scheme = post(client, feedback, VALID, HTTP_ORIGIN="https://testserver")
    assert other_scheme.status_code == 403
    assert post(client, feedback, VALID, HTTP_ORIGIN="null").status_code == 403
    assert FormSubmission.objects.filter(page=feedback).count() == 0
    same = post(client, feedback, VALID, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert same.status_code == 200
    assert FormSubmission.objects.filter(page=feedback).count() == 1


def test_the_submit_endpoint_refuses_get_and_unknown_or_unpublished_forms(client, feedback):
    assert client.get(f"/formular/{feedback.pk}/").status_code == 405
    assert client.post("/formular/999999/", VALID).status_code == 404
    feedback.unpublish()
    assert post(client, feedback, VALID).status_code == 404


class FormPageAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = load_home()

    def setUp(self):
        # force_login: the admin login goes through axes, which needs a request that client.login lacks.
        self.client.force_login(self.create_superuser("redaktion", password="x" * 16))

    def test_editors_build_a_form_below_home(self):
        self.assertCanCreateAt(HomePage, FormPage)
        self.assertCanNotCreateAt(StandardPage, FormPage)
        self.assertCanCreate(
            self.home,
            FormPage,
            nested_form_data(
                {
                    "title": "Feedback",
                    "slug": "feedback-neu",
                    "intro": rich_text("<p>Schreiben Sie uns.</p>"),
                    "privacy_note": rich_text(""),
                    "thank_you_text": rich_text("<p>Danke.</p>"),
                    "submit_label": "Senden",
                    "to_address": "",
                    "from_address": "",
                    "subject": "Feedback",
                    "form_fields": inline_formset(
                        [
                            {
                                "label": "Nachricht",
                                "field_type": "multiline",
                                "required": "on",
                                "choices": "",
                                "default_value": "",
                                "help_text": "",
                            }
                        ]
                    ),
                }
            ),
        )

    def test_staff_see_and_export_submissions(self):
        page, _ = load_forms(self.home)
        self.client.post(f"/formular/{page.pk}/", {"ihre_nachricht": "Bitte mehr zu Doxing."})
        listing = self.client.get(f"/admin/forms/submissions/{page.pk}/")
        self.assertContains(listing, "Bitte mehr zu Doxing.")
        export = self.client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
        self.assertEqual(export.status_code, 200)
        self.assertIn(
            "Bitte mehr zu Doxing.",
            b"".join(export.streaming_content).decode() if export.streaming else export.content.decode(),
        )
