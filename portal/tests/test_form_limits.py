"""Oversized posts are refused and never stored: a maximum length per field type that the visitor sees,
a body limit before the form is parsed, and no files where the form has no file field (issue 17)."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from wagtail.contrib.forms.models import FormSubmission

from portal.models.forms import FIELD_MAX_LENGTHS, FORM_MAX_BODY_BYTES
from portal.tests.test_forms import VALID, empty_cache, feedback, post  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_each_text_field_shows_its_maximum_length(client, feedback):  # noqa: F811
    soup = BeautifulSoup(client.get(feedback.url).content, "html.parser")
    message = soup.find("textarea", attrs={"name": "ihre_nachricht"})
    assert message["maxlength"] == str(FIELD_MAX_LENGTHS["multiline"])
    described = message["aria-describedby"].split()
    help_text = " ".join(soup.find(id=ident).get_text() for ident in described)
    assert f"Höchstens {FIELD_MAX_LENGTHS['multiline']:,} Zeichen".replace(",", ".") in help_text
    name = soup.find("input", attrs={"name": "ihr_name"})
    assert name["maxlength"] == str(FIELD_MAX_LENGTHS["singleline"])


def test_a_too_long_message_is_refused_with_a_german_error_and_kept(client, feedback):  # noqa: F811
    too_long = "x" * (FIELD_MAX_LENGTHS["multiline"] + 1)
    response = post(client, feedback, {**VALID, "ihre_nachricht": too_long})
    assert response.status_code == 200
    assert "höchstens" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_huge_body_is_refused_before_the_form_is_read(client, feedback):  # noqa: F811
    # The probe stored a 9 MB message; now anything above the form limit gets 413 with a German page.
    response = post(client, feedback, {**VALID, "ihre_nachricht": "x" * (FORM_MAX_BODY_BYTES + 1)})
    assert response.status_code == 413
    assert "zu lang" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_file_upload_to_a_form_without_file_fields_is_refused(client, feedback):  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("gross.bin", b"\0" * 1024, content_type="application/octet-stream")
    response = post(client, feedback, {**VALID, "anhang": upload})
    assert response.status_code == 400
    assert "Dateien" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_django_refuses_large_bodies_for_every_view():
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440  # Django's default; was 10 MB
