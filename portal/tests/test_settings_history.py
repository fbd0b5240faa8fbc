"""The emergency box keeps its history: every save is a revision, the first change can be compared with
the state before it, and only those who may edit the box see the history."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portal.models import EmergencySettings

pytestmark = pytest.mark.django_db


def save_box(client, site, number, note):
    block = {"label": "Opfer-Telefon", "number": number, "note": note, "page": ""}
    data = nested_form_data({"heading": "Hilfe", "intro": "", "numbers": streamfield([("number", block)])})
    return client.post(reverse("wagtailsettings:edit", args=["portal", "emergencysettings", site.pk]), data)


@pytest.fixture
def box(home_page):
    site = Site.objects.get(is_default_site=True)
    setting = EmergencySettings.for_site(site)
    setting.numbers = [("number", {"label": "Opfer-Telefon", "number": "116 006", "note": "", "page": None})]
    setting.save()  # as before revisions existed: a row without any
    return setting


def test_every_save_is_a_revision_and_the_first_change_compares_with_the_state_before(
    client, box, django_user_model
):
    admin = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(admin)
    assert save_box(client, box.site, "116 006", "Mo–Fr 9–16 Uhr").status_code == 302
    assert save_box(client, box.site, "0800 111 0 111", "Mo–Fr 9–16 Uhr").status_code == 302
    box.refresh_from_db()
    assert box.revisions.count() == 3  # the state before the first change, and the two saves

    history = client.get(reverse("portal_emergency_history", args=[box.pk]))
    assert history.status_code == 200
    soup = BeautifulSoup(history.content, "html.parser")
    assert len(soup.select("tbody tr")) == 2 and "chefin" in soup.select_one("tbody").get_text()
    first, second = box.revisions.order_by("created_at", "pk")[:2]
    compare_url = reverse("portal_emergency_compare", args=[box.pk, first.pk, second.pk])
    assert compare_url in history.content.decode()  # the first change links to its comparison

    compare = client.get(compare_url)
    assert compare.status_code == 200
    changes = BeautifulSoup(compare.content, "html.parser")
    added = " ".join(node.get_text(" ") for node in changes.select("tbody .addition"))
    removed = " ".join(node.get_text(" ") for node in changes.select("tbody .deletion"))
    assert "Mo–Fr 9–16 Uhr" in added and "Mo–Fr 9–16 Uhr" not in removed  # the note the first save added

    latest = client.get(reverse("portal_emergency_compare", args=[box.pk, second.pk, "latest"]))
    changes = BeautifulSoup(latest.content, "html.parser")
    added = " ".join(node.get_text(" ") for node in changes.select("tbody .addition"))
    removed = " ".join(node.get_text(" ") for node in changes.select("tbody .deletion"))
    assert "116 006" in removed and "0800 111 0 111" in added


def test_history_is_only_for_those_who_may_edit_the_box(client, box, django_user_model):
    user = django_user_model.objects.create_user("redaktion", "r@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    box.save_revision(log_action=True)
    revision = box.revisions.get()
    for url in (
        reverse("portal_emergency_history", args=[box.pk]),
        reverse("portal_emergency_compare", args=[box.pk, revision.pk, "latest"]),
        reverse("portal_emergency_edit", args=[box.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 403 or response["Location"] == "/admin/", url
