"""Staff tools: listing, filters, export, "Zu prüfen", import upload, revisions, the Kontaktpflege group."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from contacts.models import Bundesland, Contact, Situation
from contacts.permissions import KONTAKTPFLEGE, ensure_kontaktpflege_group
from contacts.wagtail_hooks import contact_viewset

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(contact_viewset.get_url_name(name), args=args)


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")


@pytest.fixture
def staff(db, taxonomy):
    user = get_user_model().objects.create_user("pflege", "pflege@example.org", "pw")
    user.groups.add(ensure_kontaktpflege_group())
    return user


def edit_data(contact, **overrides) -> dict:
    """The edit form as a browser would post it, from the contact's current values."""
    data = {
        "name": contact.name,
        "key": contact.key,
        "kind": contact.kind,
        "description": contact.description,
        "situations": [s.pk for s in contact.situations.all()],
        "nationwide": "on" if contact.nationwide else "",
        "bundeslaender": [land.pk for land in contact.bundeslaender.all()],
        "phone_numbers": inline_formset(
            [{"id": p.pk, "label": p.label, "number": p.number, "hours": p.hours} for p in contact.phone_numbers.all()],
            initial=contact.phone_numbers.count(),
        ),
        "email": contact.email,
        "website": contact.website,
        "postal_address": contact.postal_address,
        "availability": contact.availability,
        "languages": contact.languages,
        "source_url": contact.source_url,
        "verified_on": contact.verified_on.isoformat() if contact.verified_on else "",
        "verified_by": contact.verified_by,
        "internal_note": contact.internal_note,
    }
    data.update(overrides)
    # Multi-value fields go to the test client as lists; nested_form_data would number them.
    lists = {key: data.pop(key) for key in ("situations", "bundeslaender")}
    form = nested_form_data({key: value for key, value in data.items() if value != ""})
    form.update(lists)
    return form


# --- "Zu prüfen" -----------------------------------------------------------------------------------


def test_due_for_review_is_unverified_or_too_old_oldest_first(make_contact, settings):
    settings.CONTACT_REVIEW_AFTER_DAYS = 180
    today = timezone.localdate()
    make_contact("frisch", nationwide=True, verified_on=today - datetime.timedelta(days=10), verified_by="T")
    make_contact("grenze", nationwide=True, verified_on=today - datetime.timedelta(days=180), verified_by="T")
    make_contact("alt", nationwide=True, verified_on=today - datetime.timedelta(days=400), verified_by="T")
    make_contact("aelter", nationwide=True, verified_on=today - datetime.timedelta(days=181), verified_by="T")
    make_contact("nie", nationwide=True)
    assert [c.key for c in Contact.objects.due_for_review()] == ["nie", "alt", "aelter"]
    settings.CONTACT_REVIEW_AFTER_DAYS = 5
    assert "frisch" in [c.key for c in Contact.objects.due_for_review()]


def test_demo_contacts_are_all_unverified_except_emergency_numbers(demo_contacts):
    # None of the facts has been checked by the team yet: all of them are in the list, except 110 and the
    # Telefonseelsorge, which need no check date.
    due = set(Contact.objects.due_for_review().values_list("key", flat=True))
    others = Contact.objects.exclude(key__in=["polizei-notruf", "telefonseelsorge"])
    assert due == set(others.values_list("key", flat=True))
    assert len(due) >= 20


def test_emergency_numbers_are_never_due_and_staff_see_each_state(make_contact, client, superuser):
    notruf = make_contact("notruf", nationwide=True, is_emergency_number=True, name="Notruf")
    make_contact("nie", nationwide=True, name="Ungeprüft")
    assert [c.key for c in Contact.objects.due_for_review()] == ["nie"]
    assert notruf.review_overdue is False
    client.force_login(superuser)
    listing = client.get(url("list")).content.decode()
    assert "Notrufnummer, keine Prüfung nötig" in listing and "noch nie geprüft" in listing


def test_command_prints_the_same_list(make_contact, capsys):
    today = timezone.localdate()
    make_contact(
        "alt", nationwide=True, name="Alte Stelle", verified_on=today - datetime.timedelta(days=300), verified_by="T"
    )
    make_contact("nie", nationwide=True, name="Neue Stelle")
    make_contact("frisch", nationwide=True, name="Frische Stelle", verified_on=today, verified_by="T")
    call_command("contacts_due_for_review")
    out = capsys.readouterr().out
    assert "2 Kontakte zu prüfen" in out
    assert out.index("Neue Stelle") < out.index("Alte Stelle")
    assert "noch nie geprüft" in out and "vor 300 Tagen" in out
    assert "Frische Stelle" not in out


def test_review_view_and_dashboard_panel(client, staff, make_contact):
    make_contact("nie", nationwide=True, name="Ungeprüfte Stelle")
    make_contact("frisch", nationwide=True, name="Frische Stelle", verified_on=timezone.localdate(), verified_by="T")
    client.force_login(staff)
    body = client.get(url("review")).content.decode()
    assert "Ungeprüfte Stelle" in body and "Frische Stelle" not in body
    assert url("edit", Contact.objects.get(key="nie").pk) in body
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kontakte zu prüfen: 1" in dashboard and "Ungeprüfte Stelle" in dashboard


# --- listing, filters, export ---------------------------------------------------------------------


def test_listing_filters(client, superuser, demo_contacts):
    client.force_login(superuser)
    bayern = Bundesland.objects.get(slug="bayern")
    body = client.get(url("list"), {"bundesland": bayern.pk}).content.decode()
    assert "Hate-Speech-Beauftragter" in body and "Weisser Ring" in body and "ZAMAT" not in body
    body = client.get(url("list"), {"kind": "meldestelle"}).content.decode()
    assert "REspect!" in body and "Weisser Ring" not in body
    hatestorm = Situation.objects.get(slug="hatestorm")
    body = client.get(url("list"), {"situation": hatestorm.pk}).content.decode()
    assert "HateAid" in body and "Polizei-Notruf" not in body
    Contact.objects.filter(key="hateaid").update(verified_on=timezone.localdate(), verified_by="T")
    body = client.get(url("list"), {"review": "geprueft"}).content.decode()
    assert "HateAid" in body and "Weisser Ring" not in body
    body = client.get(url("list"), {"review": "ueberfaellig", "q": "Weisser"}).content.decode()
    assert "Weisser Ring" in body and "HateAid" not in body


def test_export_csv_and_xlsx(client, superuser, demo_contacts):
    client.force_login(superuser)
    response = client.get(url("list"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Telefonnummern" in text.splitlines()[0]
    assert "0800 300 99 44" in text
    response = client.get(url("list"), {"export": "xlsx"})
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"  # a zip container: xlsx


# --- import upload --------------------------------------------------------------------------------


def test_import_upload_reports_errors_and_changes_nothing(client, staff):
    client.force_login(staff)
    upload = io.BytesIO(b"key,name,kind,nationwide,phones\nx,X,zauberei,ja,110\n")
    upload.name = "kontakte.csv"
    response = client.post(url("import"), {"file": upload, "publish": "draft"})
    assert response.status_code == 400
    assert "Zeile 2" in response.content.decode()
    assert not Contact.objects.exists()


def test_import_upload_creates_drafts(client, staff):
    client.force_login(staff)
    upload = io.BytesIO(b"key,name,kind,nationwide,phones\nneu,Neue Stelle,polizei,ja,110\n")
    upload.name = "kontakte.csv"
    response = client.post(url("import"), {"file": upload, "publish": "draft"})
    assert response.status_code == 200
    assert "1 neu" in response.content.decode()
    assert not Contact.objects.get(key="neu").live


# --- edits, revisions, admin form validation ------------------------------------------------------


def test_edit_keeps_revisions_and_compare_and_rollback_work(client, staff, make_contact):
    contact = make_contact("rev", nationwide=True, name="Version eins")
    client.force_login(staff)
    response = client.post(url("edit", contact.pk), edit_data(contact, name="Version zwei", **{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    contact.refresh_from_db()
    assert contact.name == "Version zwei"
    first, second = contact.revisions.order_by("created_at")
    assert first.content["name"] == "Version eins" and second.content["name"] == "Version zwei"
    assert client.get(url("history", contact.pk)).status_code == 200
    compare = client.get(url("revisions_compare", contact.pk, first.pk, second.pk))
    assert compare.status_code == 200
    compared = compare.content.decode()
    assert "eins" in compared and "zwei" in compared  # word-level diff of the name
    revert = client.get(url("revisions_revert", contact.pk, first.pk))
    assert revert.status_code == 200 and "Version eins" in revert.content.decode()


def test_admin_form_checks_new_coverage_and_phones_not_the_saved_ones(client, staff, make_contact):
    contact = make_contact("form", laender=["bayern"], website="")
    client.force_login(staff)
    # Removing the only Land and the only phone must fail, even though the saved contact has both.
    data = edit_data(contact, bundeslaender=[])
    data["phone_numbers-0-DELETE"] = "1"
    response = client.post(url("edit", contact.pk), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "mindestens ein Bundesland" in body and "mindestens einen Weg" in body
    # Adding a Land to a contact that had none works in the same request.
    data = edit_data(contact, bundeslaender=[Bundesland.objects.get(slug="hessen").pk])
    assert client.post(url("edit", contact.pk), data).status_code == 302


def test_admin_form_rejects_badly_written_phone_number(client, staff, make_contact):
    contact = make_contact("tel", nationwide=True)
    client.force_login(staff)
    data = edit_data(contact)
    data["phone_numbers-0-number"] = "(0711) 5401"
    response = client.post(url("edit", contact.pk), data)
    assert response.status_code == 200
    assert "Ziffern und Leerzeichen" in response.content.decode()


def denied(response) -> bool:
    """Wagtail answers a forbidden admin view with 403, or with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


# --- Kontaktpflege --------------------------------------------------------------------------------


def test_group_is_idempotent_and_limited(db, taxonomy):
    group = ensure_kontaktpflege_group()
    group.permissions.add(
        *Permission.objects.filter(codename__in=["delete_contact", "delete_contactsuggestion", "change_page"])
    )
    ensure_kontaktpflege_group()
    codenames = set(Group.objects.get(name=KONTAKTPFLEGE).permissions.values_list("codename", flat=True))
    assert codenames == {
        "add_contact",
        "change_contact",
        "view_contact",
        "publish_contact",
        "lock_contact",
        "view_contactsuggestion",
        "change_contactsuggestion",
        "access_admin",
    }


def test_kontaktpflege_can_edit_contacts_but_nothing_else(client, staff, home_page, make_contact):
    contact = make_contact("eigen", nationwide=True)
    client.force_login(staff)
    assert client.get(url("list")).status_code == 200
    assert client.get(url("edit", contact.pk)).status_code == 200
    assert client.get(url("add")).status_code == 200
    assert client.get(url("import")).status_code == 200
    # Not allowed: pages, other snippets, users, deleting contacts.
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk])))
    assert denied(client.get(reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk])))
    assert denied(client.get(reverse("wagtailsnippets_contacts_situation:list")))
    assert denied(client.get(reverse("wagtailsnippets_contacts_situation:add")))
    assert denied(client.get(reverse("wagtailusers_users:index")))
    assert denied(client.get(reverse("wagtailimages:index")))
    assert denied(client.get(url("delete", contact.pk)))
    assert denied(client.post(url("delete", contact.pk)))
    assert Contact.objects.filter(pk=contact.pk).exists()
    assert not staff.has_perm("wagtailcore.change_page")
    assert Page.objects.get(pk=home_page.pk).permissions_for_user(staff).can_edit() is False


def test_kontaktpflege_can_lock_a_contact(client, staff, make_contact):
    contact = make_contact("sperre", nationwide=True)
    client.force_login(staff)
    response = client.post(url("lock", contact.pk))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.locked and contact.locked_by == staff


def test_anonymous_visitors_cannot_reach_staff_views(client, taxonomy):
    for name in ("list", "review", "import"):
        response = client.get(url(name))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_key_is_fixed_once_a_contact_exists(client, staff, make_contact):
    contact = make_contact("fester-schluessel", nationwide=True)
    client.force_login(staff)
    page = client.get(url("edit", contact.pk)).content.decode()
    assert re.search(r'<input[^>]*name="key"[^>]*disabled', page)
    forged = edit_data(contact, key="neuer-schluessel", **{"action-publish": "1"})
    response = client.post(url("edit", contact.pk), forged)
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.key == "fester-schluessel"
    # A new contact still gets one.
    assert 'name="key"' in client.get(url("add")).content.decode()
    assert not re.search(r'<input[^>]*name="key"[^>]*disabled', client.get(url("add")).content.decode())


def test_staff_mark_several_contacts_as_checked_today_with_a_revision_each(client, staff, make_contact):
    checked = [make_contact(f"stelle-{n}", nationwide=True) for n in range(2)]
    drafted = make_contact("mit-entwurf", nationwide=True, name="Entwurf")
    drafted.name = "Entwurf, noch nicht freigegeben"
    drafted.save_revision()
    staff.first_name, staff.last_name = "Karla", "Pflege"
    staff.save()
    client.force_login(staff)
    listing = client.get(url("list")).content.decode()
    assert "Heute geprüft" in listing  # offered in the listing's bulk actions
    action = reverse("wagtail_bulk_action", args=("contacts", "contact", "heute_geprueft"))
    ids = "&".join(f"id={c.pk}" for c in [*checked, drafted])
    confirm = client.get(f"{action}?{ids}")
    assert confirm.status_code == 200
    assert "ein Entwurf wartet auf Veröffentlichung" in confirm.content.decode()
    response = client.post(f"{action}?{ids}", {})
    assert response.status_code == 302
    for contact in checked:
        contact.refresh_from_db()
        assert contact.verified_on == timezone.localdate() and contact.verified_by == "Karla Pflege"
        assert contact.revisions.count() == 2 and not contact.has_unpublished_changes
    drafted.refresh_from_db()
    assert drafted.verified_on is None and drafted.name == "Entwurf" and drafted.has_unpublished_changes


def test_who_may_only_read_contacts_may_not_mark_them_as_checked(client, make_contact, django_user_model):
    contact = make_contact("nur-lesen", nationwide=True)
    reader = django_user_model.objects.create_user("lesend", "l@example.org", "x")
    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_contact", "change_contact"])
    )  # may change, but not publish: a mark is a published version
    client.force_login(reader)
    action = reverse("wagtail_bulk_action", args=("contacts", "contact", "heute_geprueft"))
    client.post(f"{action}?id={contact.pk}", {})
    contact.refresh_from_db()
    assert contact.verified_on is None


# --- the contact chooser (page bodies, suggestions) -----------------------------------------------------


def chooser_rows(client, **params) -> list[str]:
    response = client.get("/admin/snippets/choose/contacts/contact/results/", params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        " | ".join(cell.get_text(" ", strip=True) for cell in row.find_all("td")) for row in soup.select("tbody tr")
    ]


def test_chooser_shows_kind_and_coverage_and_filters_by_land_kind_and_name(client, staff, make_contact):
    make_contact("polizei-sachsen", name="Polizei Sachsen", kind="polizei", laender=["sachsen"])
    make_contact("beratung-sachsen", name="Beratung Sachsen", kind="opferberatung", laender=["sachsen"])
    make_contact("beratung-bayern", name="Beratung Bayern", kind="opferberatung", laender=["bayern"])
    make_contact("beratung-bund", name="Beratung Bund", kind="opferberatung", nationwide=True)
    client.force_login(staff)

    rows = chooser_rows(client)
    assert any("Polizei Sachsen" in row and "Polizei" in row.split(" | ")[1] and "Sachsen" in row for row in rows)
    assert any("Beratung Bund" in row and "bundesweit" in row for row in rows)

    in_sachsen = chooser_rows(client, land="sachsen")
    names = {row.split(" | ")[0] for row in in_sachsen}
    assert names == {"Polizei Sachsen", "Beratung Sachsen", "Beratung Bund"}  # nationwide ones help there too

    counselling = {row.split(" | ")[0] for row in chooser_rows(client, land="sachsen", kind="opferberatung")}
    assert counselling == {"Beratung Sachsen", "Beratung Bund"}
    assert {row.split(" | ")[0] for row in chooser_rows(client, q="bayern")} == {"Beratung Bayern"}


def test_terms_and_laender_are_checkboxes_not_ctrl_click_lists(client, staff, make_contact):
    contact = make_contact("eigen", laender=["sachsen"])
    client.force_login(staff)
    soup = BeautifulSoup(client.get(url("edit", contact.pk)).content, "html.parser")
    assert soup.select("select[multiple]") == []
    for name in ("situations", "channels", "bundeslaender"):
        assert soup.select(f"input[type=checkbox][name={name}]"), name
    sachsen = soup.find("input", attrs={"name": "bundeslaender", "value": str(contact.bundeslaender.get().pk)})
    assert sachsen.has_attr("checked")
    assert soup.find("input", attrs={"name": "key"}).has_attr("disabled")  # the stable key stays fixed
