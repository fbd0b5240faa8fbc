"""In Chromium: the admin works under its CSP, sends nothing to third parties (no Gravatar), and script
payloads in every page type trigger no dialog, neither on the public site nor in the admin."""

import pytest
from django.core.cache import caches

from tests.security.payloads import Fixtures, inject, one_page_per_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ein-langes-Passwort-2026"


def csp_errors(messages: list[str]) -> list[str]:
    return [m for m in messages if "Content Security Policy" in m or "Refused to" in m]


def log_in(browser_page):
    browser_page.log_in("chefin", PASSWORD)
    browser_page.page.wait_for_url("**/admin/")


def test_payloads_open_no_dialog_and_admin_runs_under_its_policy(demo_content, browser_page, django_user_model):
    django_user_model.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    fx = Fixtures(demo_content)
    poisoned = [inject(page, fx) for page in one_page_per_type()]
    for cache in caches.all():
        cache.clear()

    for page in poisoned:
        response = browser_page.goto(page.url)
        assert response.status == 200, page.url
    assert browser_page.dialogs == []
    assert csp_errors(browser_page.console_errors) == []

    log_in(browser_page)
    admin_urls = ["/admin/", f"/admin/pages/{demo_content.pk}/", "/admin/images/", "/admin/documents/"]
    for page in poisoned:
        admin_urls.append(f"/admin/pages/{page.pk}/edit/")
    for url in admin_urls:
        response = browser_page.goto(url)
        assert response.status == 200, url
    # A signed-in editor on the public site gets Wagtail's user bar: it must work under the public policy.
    browser_page.goto("/")
    browser_page.page.wait_for_selector("wagtail-userbar", state="attached")
    # The settings tab of the page editor holds Wagtail's inline date-picker scripts.
    browser_page.goto(f"/admin/pages/{poisoned[0].pk}/edit/#tab-settings")
    browser_page.page.wait_for_load_state("networkidle")
    assert browser_page.dialogs == []
    assert csp_errors(browser_page.console_errors) == []
    assert browser_page.foreign_requests == []  # no Gravatar, no update check, no CDN
