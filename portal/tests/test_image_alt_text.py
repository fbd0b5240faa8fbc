"""The upload form says that the description is the alternative text and refuses file names there; an image
without a usable description is not read out by its file name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file

from portal.models import PortalImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw"))
    return client


def upload(client, description):
    image = get_test_image_file()
    file = SimpleUploadedFile("teaser.png", image.file.getvalue(), content_type="image/png")
    return client.post(
        reverse("wagtailimages:add"), {"title": "teaser", "file": file, "description": description, "credit": ""}
    )


def test_the_upload_form_explains_the_alternative_text(admin_client):
    page = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Beschreibung (Alternativtext)" in page
    assert "für Menschen, die das Bild nicht sehen" in page


def test_a_file_name_as_description_is_refused_with_a_german_message(admin_client):
    response = upload(admin_client, "IMG_2041.jpg")
    assert response.status_code == 200
    assert "Das sieht aus wie ein Dateiname" in response.content.decode()
    assert not PortalImage.objects.exists()  # nothing half-saved
    accepted = upload(admin_client, "Ratssaal mit leeren Stühlen")
    assert accepted.status_code == 302, accepted.context["form"].errors
    assert PortalImage.objects.get().description == "Ratssaal mit leeren Stühlen"


def test_without_a_description_the_file_name_is_not_the_alt_text():
    image = PortalImage.objects.create(title="teaser", file=get_test_image_file())
    assert image.default_alt_text == ""
    image.description = "Ratssaal mit leeren Stühlen"
    assert image.default_alt_text == "Ratssaal mit leeren Stühlen"
