"""In Chromium, from the first login: a partner's editor writes an article from the dashboard, previews it
and submits it; the approver asks for changes with a comment; the editor sees that comment on the
dashboard (before, it arrived only by e-mail) and the page is not online."""

import pytest
from django.contrib.auth.models import Group

from tests.browser.conftest import BrowserPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Ein-langes-Passwort-2026"
TITLE = "Wie unser Gemeinderat mit Drohungen umgeht"
COMMENT = "Bitte nennen Sie die Quelle des Zitats im zweiten Absatz."


def test_editor_writes_and_submits_approver_asks_for_changes_editor_sees_the_comment(
    demo_content, browser_page, chromium, live_server, django_user_model
):
    from magazine.editorial import APPROVERS, PARTNER_EDITORS
    from magazine.models import ArticlePage

    editor = django_user_model.objects.create_user("redakteurin", "r@example.org", PASSWORD, first_name="Rita")
    editor.groups.add(Group.objects.get(name=PARTNER_EDITORS[0].group))
    approver = django_user_model.objects.create_user("freigabe", "f@example.org", PASSWORD, first_name="Frida")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    page = browser_page.page
    page.set_viewport_size({"width": 1366, "height": 900})
    failed = []  # every response >= 400 on the editor's way
    page.on("response", lambda response: response.status >= 400 and failed.append(response))

    # The editor starts from "Ihr Bereich" on the dashboard.
    browser_page.log_in("redakteurin", PASSWORD)
    assert page.url.endswith("/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name="Magazinbeitrag anlegen").first.click()
    page.fill("#id_title", TITLE)
    page.select_option("#id_kind", index=1)
    page.fill("#id_teaser", "Ein Bericht aus einem Gemeinderat.")
    page.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    page.locator(".w-combobox__option", has_text="Absatz").first.click()
    page.locator("[data-contentpath=body] .public-DraftEditor-content").first.click()
    page.keyboard.type("Im Gemeinderat haben wir besprochen, wie wir Beweise sichern und Anzeige erstatten.")
    page.wait_for_function("() => document.querySelector('[name=\"body-0-value\"]').value.includes('Anzeige')")

    page.click("button[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1", has_text=TITLE).wait_for(timeout=20000)  # the preview panel shows the page

    page.locator("footer .w-dropdown__toggle").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="In Freigabe Magazin und Aktuelles einreichen").click()
    article = ArticlePage.objects.get(title=TITLE)
    assert not article.live and article.workflow_in_progress

    # The approver finds it on the dashboard and asks for changes, with a comment.
    reviewer = chromium.new_context(viewport={"width": 1366, "height": 900})
    try:
        second = reviewer.new_page()
        BrowserPage(second, live_server.url).log_in("freigabe", PASSWORD)
        with second.expect_navigation():
            second.get_by_role("link", name=TITLE).first.click()
        second.locator("footer .w-dropdown__toggle").last.click()
        second.get_by_role("button", name="Änderungen anfordern").click()
        second.fill(".modal-dialog textarea", COMMENT)
        with second.expect_navigation():
            second.locator(".modal-dialog button[type=submit]").click()
        assert "konnte nicht gespeichert werden" not in second.inner_text("body")
    finally:
        reviewer.close()

    # Back on the editor's dashboard: what came back, from whom, and the comment itself.
    browser_page.goto("/admin/")
    start = page.locator("section[aria-labelledby=ihr-start-titel]")
    assert "Zurückgegeben: bitte überarbeiten" in start.inner_text()
    assert TITLE in start.inner_text() and "Frida" in start.inner_text()
    assert f"„{COMMENT}“" in start.inner_text()
    article.refresh_from_db()
    assert not article.live
    # No request failed on the way: with autosave on, a new page could be created twice (see settings).
    assert [f"{r.status} {r.request.method} {r.url}" for r in failed] == []
    assert browser_page.console_errors == []
