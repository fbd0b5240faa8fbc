"""Contacts in a real browser: the finder for every Land is accessible, and staff edit a contact in the admin."""

import pytest
from django.contrib.auth import get_user_model

from contacts.bundeslaender import BUNDESLAENDER
from contacts.models import Contact
from contacts.permissions import ensure_kontaktpflege_group
from demo import contacts as demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contacts_site(home_page):
    demo.load(home_page)
    return home_page


def test_finder_pages_for_all_16_laender_are_axe_clean(contacts_site, browser_page):
    for _key, _iso, name, slug in BUNDESLAENDER:
        response = browser_page.goto(f"/hilfe-in-ihrem-bundesland/{slug}/")
        assert response.status == 200, slug
        assert browser_page.page.locator("h1").inner_text() == f"Hilfe in {name}"
        assert browser_page.axe_violations() == [], slug
    browser_page.goto("/starke-stelle/")
    assert browser_page.axe_violations() == []
    assert browser_page.console_errors == []
    # A bad filter answers 400 (which the browser logs) with an accessible error summary.
    response = browser_page.goto("/hilfe-in-ihrem-bundesland/?kind=unbekannt")
    assert response.status == 400
    assert browser_page.page.locator(".error-summary").is_visible()
    assert browser_page.axe_violations() == []
    assert browser_page.foreign_requests == []
    assert browser_page.page.context.cookies() == []


def test_choosing_a_land_in_the_form_leads_to_its_clean_url(contacts_site, browser_page):
    page = browser_page.page
    browser_page.goto("/hilfe-in-ihrem-bundesland/")
    page.select_option("#id_land", "sachsen")
    page.select_option("#id_kind", "polizei")
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert page.url.endswith("/hilfe-in-ihrem-bundesland/sachsen/?kind=polizei")
    assert page.locator("#kontakt-zastex-sachsen").is_visible()
    assert page.locator("a[href='tel:03518552223']").is_visible()


def test_email_is_a_link(contacts_site, browser_page):
    page = browser_page.page
    browser_page.goto("/starke-stelle/")
    link = page.locator("a[href='mailto:info@starkestelle.de']")
    assert link.inner_text() == "info@starkestelle.de"
    assert browser_page.console_errors == []


def test_staff_member_logs_in_and_edits_a_contact(contacts_site, browser_page):
    user = get_user_model().objects.create_user("pflege", "pflege@example.org", "ein-langes-Passwort-123")
    user.groups.add(ensure_kontaktpflege_group())
    contact = Contact.objects.get(key="zastex-sachsen")
    page = browser_page.page

    browser_page.log_in("pflege", "ein-langes-Passwort-123")
    assert "/admin/login/" not in page.url

    browser_page.goto(f"/admin/snippets/contacts/contact/edit/{contact.pk}/")
    page.fill("#id_verified_on", "10.01.2026")  # WAGTAIL_DATE_FORMAT
    page.fill("#id_verified_by", "Team Kontakte")
    page.fill("#id_phone_numbers-0-hours", "Mo–Fr 8–16 Uhr")
    # Publish: the primary action is "save draft"; publishing sits in the action menu.
    page.locator("footer .w-dropdown__toggle").last.click()
    with page.expect_navigation():
        page.click("button[name='action-publish']")

    contact.refresh_from_db()
    assert contact.live and str(contact.verified_on) == "2026-01-10"
    assert contact.phone_numbers.get().hours == "Mo–Fr 8–16 Uhr"
    assert contact.revisions.count() == 2  # the demo version and this edit

    browser_page.goto("/hilfe-in-ihrem-bundesland/sachsen/")
    card = page.locator("#kontakt-zastex-sachsen").locator("xpath=..")
    assert "Mo–Fr 8–16 Uhr" in card.inner_text()
    assert "Stand: Januar 2026" in card.inner_text()  # visitors see month and year, staff the exact date


LAND_PAGES = ["bayern", "sachsen", "nordrhein-westfalen", "hessen", "thueringen"]


def test_a_land_page_shows_its_own_contacts_on_the_first_screen(demo_content, browser_page):
    """On a laptop the Land's first own contact is on the first screen; on a phone within one and a half."""
    page = browser_page.page
    for width, height, screens in ((1366, 900, 1.0), (390, 844, 1.5)):
        page.set_viewport_size({"width": width, "height": height})
        for slug in LAND_PAGES:
            browser_page.goto(f"/hilfe-in-ihrem-bundesland/{slug}/")
            assert page.locator("h1").inner_text().endswith(page.locator(".breadcrumbs [aria-current]").inner_text())
            first = page.locator(".contact-card").first
            assert not first.locator(".contact-card__coverage").inner_text().startswith("Bundesweit"), slug
            box = first.locator(".contact-card__name").bounding_box()
            assert box["y"] + box["height"] <= screens * height, (slug, width, box)
    assert browser_page.foreign_requests == []


def test_a_hint_from_a_visitor_reaches_the_kontaktpflege(contacts_site, browser_page):
    """A visitor reports a wrong detail; the Kontaktpflege finds it on the dashboard, links the contact
    concerned with the chooser and marks it as in progress, then done."""
    from contacts.models import ContactSuggestion
    from demo.base import load_legal
    from demo.site_wide import load_forms

    load_legal(contacts_site)
    load_forms(contacts_site)
    user = get_user_model().objects.create_user("pflege", "pflege@example.org", "ein-langes-Passwort-123")
    user.groups.add(ensure_kontaktpflege_group())
    page = browser_page.page

    browser_page.goto("/kontakt-vorschlagen/")
    page.get_by_label("Ich möchte einen Fehler melden").check()
    page.get_by_label("Name der Stelle oder der Seite").fill("ZASTEX Sachsen")
    page.get_by_label("Beschreibung").fill("Die Sprechzeiten auf der Seite stimmen nicht mehr.")
    with page.expect_navigation():
        page.get_by_role("button", name="Hinweis senden").click()
    assert "Danke für Ihren Hinweis" in page.inner_text("main")

    browser_page.log_in("pflege", "ein-langes-Passwort-123")
    assert page.locator("#kontakt-vorschlaege-titel").inner_text() == "Offene Vorschläge: 1"
    with page.expect_navigation():
        page.get_by_role("link", name="ZASTEX Sachsen").click()
    assert "Die Sprechzeiten auf der Seite stimmen nicht mehr." in page.inner_text("main")

    page.select_option("#id_status", "in_arbeit")
    page.get_by_role("button", name="Kontakt auswählen").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_label("Bundesland").select_option(label="Sachsen")  # the chooser's own filter
    modal.locator("tbody tr", has_text="bundesweit").first.wait_for()
    modal.get_by_label("Suchbegriff").fill("ZASTEX")
    modal.locator("tbody tr").filter(has_not_text="ZASTEX").first.wait_for(state="detached")
    assert "Sachsen" in modal.locator("tbody tr", has_text="ZASTEX").inner_text()
    modal.get_by_role("link", name="ZASTEX", exact=False).first.click()
    page.wait_for_selector(".chooser__title", state="visible")
    page.fill("#id_note", "Sprechzeiten beim Träger angefragt.")
    with page.expect_navigation():
        page.get_by_role("button", name="Speichern").click()

    suggestion = ContactSuggestion.objects.get()
    assert suggestion.status == "in_arbeit"
    assert suggestion.contact == Contact.objects.get(key="zastex-sachsen")
    assert suggestion.updated_by == user
    row = page.locator("tbody tr", has_text="ZASTEX Sachsen")
    assert "in Arbeit" in row.inner_text() or "IN ARBEIT" in row.inner_text().upper()
    browser_page.goto("/admin/")
    assert page.locator("#kontakt-vorschlaege-titel").inner_text() == "Offene Vorschläge: 1"
    assert browser_page.console_errors == []


def test_staff_export_the_list_change_a_number_and_import_it_back(contacts_site, browser_page, tmp_path):
    """The admin's own CSV export goes back in through the import unchanged except for what staff edited;
    the report names the changed field, and the change is a new version of the contact."""
    import csv
    import io

    user = get_user_model().objects.create_user("pflege", "pflege@example.org", "ein-langes-Passwort-123")
    user.groups.add(ensure_kontaktpflege_group())
    contact = Contact.objects.get(key="zastex-sachsen")
    old_number = contact.phone_numbers.first().number
    page = browser_page.page

    browser_page.log_in("pflege", "ein-langes-Passwort-123")
    browser_page.goto("/admin/snippets/contacts/contact/")
    page.locator("header .w-dropdown__toggle").first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV herunterladen").click()
    exported = download.value.path().read_text(encoding="utf-8-sig")

    rows = list(csv.reader(io.StringIO(exported)))
    header, body = rows[0], rows[1:]
    key_column, phones_column = header.index("Schlüssel"), header.index("Telefonnummern")
    row = next(r for r in body if r[key_column] == "zastex-sachsen")
    assert old_number in row[phones_column]
    row[phones_column] = row[phones_column].replace(old_number, "0351 000 00 00")
    edited = tmp_path / "kontakte.csv"
    with edited.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *body])

    browser_page.goto("/admin/snippets/contacts/contact/import/")
    page.set_input_files("#id_file", str(edited))
    page.get_by_label("sofort veröffentlichen").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Datei prüfen und importieren").click()
    report = page.locator("[aria-labelledby=import-ergebnis]").inner_text()
    assert "Import abgeschlossen" in report
    unchanged = Contact.objects.count() - 1
    assert f"0 neu, 1 geändert, {unchanged} unverändert" in report  # the round trip changed nothing else
    assert "Geändert: zastex-sachsen (ZASTEX beim Landeskriminalamt Sachsen): Telefonnummern" in report

    contact.refresh_from_db()
    assert [phone.number for phone in contact.phone_numbers.all()][0] == "0351 000 00 00"
    assert contact.revisions.count() == 2  # the demo version and the import: comparable, revertible
    assert browser_page.console_errors == []
