"""In Chromium: the admin works under its policy without 'unsafe-inline' for scripts (issue 17, item 6).

Wagtail's inline scripts carry the request's nonce (core/template_loaders.py, core/patches.py). What only
runs on interaction is exercised here: a chooser opened in a modal, a child form added to an inline panel
(its scripts are inserted by jQuery), the date-time picker, a snippet's inline panel and the search
promotions form. Any refused script shows up in the console.
"""

import pytest

from tests.browser.test_security import PASSWORD, csp_errors, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def close_modal(page):
    page.locator(".modal-dialog [data-dismiss='modal']").first.click()
    page.wait_for_selector(".modal-dialog", state="detached")


def test_admin_interactions_run_under_the_strict_script_policy(demo_content, browser_page, django_user_model):
    from contacts.models import Contact
    from magazine.models import ArticlePage

    django_user_model.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    page = browser_page.page
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in(browser_page)

    article = ArticlePage.objects.live().first()
    browser_page.goto(f"/admin/pages/{article.pk}/edit/")
    header = page.evaluate("async () => (await fetch(location.href)).headers.get('content-security-policy')")
    assert "'unsafe-inline'" not in header.split("script-src", 1)[1].split(";", 1)[0]

    # A new author row: its snippet chooser's script arrives with the inserted form.
    rows = page.locator("[id^='inline_child_authors-']").count()
    page.locator("#id_authors-ADD").click()
    page.wait_for_function(f"() => document.querySelectorAll(\"[id^='inline_child_authors-']\").length > {rows}")
    new_row = page.locator("[id^='inline_child_authors-']").last
    new_row.locator("button[data-chooser-action-choose]").click()
    page.wait_for_selector(".modal-dialog .modal-content", state="visible")
    page.wait_for_selector(".modal-dialog table, .modal-dialog .listing", state="attached")
    close_modal(page)

    # The teaser image chooser opens its modal with the image listing.
    page.locator("#id_teaser_image").locator("xpath=..").locator("button[data-chooser-action-choose]").first.click()
    page.wait_for_selector(".modal-dialog .modal-content", state="visible")
    close_modal(page)

    # The date-time picker of the scheduling dialog (an inline initDateTimeChooser script) opens.
    browser_page.goto(f"/admin/pages/{article.pk}/edit/")
    page.click("button[data-side-panel-toggle='status']")
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']:visible").first.click()
    page.locator("#id_go_live_at").click()
    page.wait_for_selector(".xdsoft_datetimepicker", state="visible")

    contact = Contact.objects.first()
    browser_page.goto(f"/admin/snippets/contacts/contact/edit/{contact.pk}/")
    phones = page.locator("[id^='inline_child_phone_numbers-']").count()
    page.locator("#id_phone_numbers-ADD").click()
    page.wait_for_function(
        f"() => document.querySelectorAll(\"[id^='inline_child_phone_numbers-']\").length > {phones}"
    )

    browser_page.goto("/admin/searchpicks/add/")
    page.wait_for_load_state("networkidle")

    assert csp_errors(browser_page.console_errors) == []
    assert [m for m in browser_page.console_errors if "is not defined" in m or "Uncaught" in m] == []
    assert browser_page.dialogs == []
