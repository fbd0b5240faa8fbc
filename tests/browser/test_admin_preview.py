"""In Chromium: an editor opens the live preview panel of an article and sees the page, and the checks
panel measures it (before, the preview carried the public `frame-ancestors 'none'` and stayed grey)."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ein-langes-Passwort-2026"


def test_preview_panel_shows_the_page_and_the_checks_measure_it(demo_content, browser_page, django_user_model):
    from magazine.models import ArticlePage

    django_user_model.objects.create_superuser("chefin", "chefin@example.org", PASSWORD)
    article = ArticlePage.objects.live().first()
    page = browser_page.page
    page.set_viewport_size({"width": 1400, "height": 900})
    browser_page.goto("/admin/login/")
    page.fill("#id_username", "chefin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    browser_page.goto(f"/admin/pages/{article.pk}/edit/")
    page.click("button[data-side-panel-toggle='preview']")
    frame_element = page.wait_for_selector("#w-preview-iframe")
    preview = None
    for _ in range(60):  # the panel swaps in a freshly loaded iframe once the preview is stored
        preview = page.frame_locator("#w-preview-iframe")
        if preview.locator("h1").count() and preview.locator("h1").first.inner_text().strip():
            break
        page.wait_for_timeout(250)
    assert preview.locator("h1").first.inner_text().strip() == article.title
    assert frame_element is not None

    page.click("button[data-side-panel-toggle='checks']")
    words = page.locator("[data-content-word-count]")
    page.wait_for_function(
        "() => /\\d/.test(document.querySelector('[data-content-word-count]').textContent)", timeout=15000
    )
    assert re.fullmatch(r"\d[\d.]*", words.inner_text().strip()), words.inner_text()
    assert int(words.inner_text().strip().replace(".", "")) > 20
    assert re.search(r"\d", page.locator("[data-content-reading-time]").inner_text())
    blocked = [m for m in browser_page.console_errors if "frame-ancestors" in m or "Refused to" in m]
    assert blocked == []
