"""No first-visit penalty: image renditions exist before the first visitor asks for them."""

import io

import pytest
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from core import renditions
from portal.models import PartnerPage

pytestmark = pytest.mark.django_db

LOGO_SPECS = {"max-240x120|format-webp", "max-320x160|format-webp"}  # partner card and partner page


def new_image():
    buffer = io.BytesIO()
    Image.new("RGB", (800, 400), (10, 80, 160)).save(buffer, "PNG")
    return get_image_model().objects.create(title="Logo", file=ImageFile(buffer, name="logo.png"))


def test_specs_are_read_from_the_templates():
    assert renditions.specs_by_field()["logo"] >= LOGO_SPECS
    assert renditions.all_specs() >= LOGO_SPECS


def test_publishing_a_page_makes_the_renditions_its_templates_use(
    demo_content, client, django_capture_on_commit_callbacks
):
    partner = PartnerPage.objects.live().first()
    image = new_image()
    partner.logo = image
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made >= LOGO_SPECS

    # The first visitors of the partner page and of the page listing it make no new rendition.
    for url in (partner.url, partner.get_parent().url):
        response = client.get(url)
        assert response.status_code == 200
    assert set(image.renditions.values_list("filter_spec", flat=True)) == made
    rendition = image.renditions.get(filter_spec="max-320x160|format-webp")
    assert rendition.url in client.get(partner.url).content.decode()


def test_warm_renditions_covers_every_image_in_use(demo_content):
    partner = PartnerPage.objects.live().first()
    image = new_image()
    PartnerPage.objects.filter(pk=partner.pk).update(logo=image)  # no publish signal: only the command helps
    partner.refresh_from_db()
    ReferenceIndex.create_or_update_for_object(partner)
    assert not image.renditions.exists()
    out = io.StringIO()
    call_command("warm_renditions", stdout=out)
    assert set(image.renditions.values_list("filter_spec", flat=True)) >= LOGO_SPECS
    assert "Bildvarianten vorbereitet" in out.getvalue()
