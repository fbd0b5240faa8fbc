"""No first-visit penalty: image renditions exist before the first visitor asks for them."""

import io
import threading

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


def test_an_uploaded_image_has_every_rendition_before_its_first_preview(settings, django_capture_on_commit_callbacks):
    """The editor's first preview of a new image took 10 s: nine renditions made while it waited. Here the
    upload's renditions are made inline after the commit; production hands them to the worker below."""
    settings.WARM_RENDITIONS_ON_UPLOAD = "inline"
    with django_capture_on_commit_callbacks(execute=True):
        image = new_image()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made == renditions.all_specs()


def test_uploads_are_queued_after_the_commit_and_worked_through_by_one_worker(
    settings, django_capture_on_commit_callbacks, monkeypatch
):
    """Background mode: nothing runs before the commit, then one thread takes the uploads in turn (a bulk
    upload must not start a thread and all its resizes per image at once). The resizing itself is the
    inline path above; here it is recorded, since a second thread cannot see a test's uncommitted rows."""
    settings.WARM_RENDITIONS_ON_UPLOAD = "background"
    handled = []
    monkeypatch.setattr(renditions, "warm", lambda wanted: handled.append((threading.current_thread(), *wanted)))
    with django_capture_on_commit_callbacks(execute=True):
        images = [new_image() for _ in range(3)]
        assert handled == []  # not before the commit: the worker would not find the image yet
    renditions.wait_for_uploads()
    assert [image_id for _thread, image_id in handled] == [image.pk for image in images]
    threads = {thread for thread, _image_id in handled}
    assert len(threads) == 1 and threads.pop() is not threading.current_thread()


def test_no_renditions_on_upload_when_turned_off(settings, django_capture_on_commit_callbacks):
    settings.WARM_RENDITIONS_ON_UPLOAD = False
    with django_capture_on_commit_callbacks(execute=True):
        image = new_image()
    renditions.wait_for_uploads()
    assert image.renditions.count() == 0
