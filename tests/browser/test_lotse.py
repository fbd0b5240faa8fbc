"""An official in distress answers the Lotse with the keyboard only and gets a printable plan."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} ist mit der Tabulatortaste nicht erreichbar")


def test_official_answers_the_lotse_with_the_keyboard_and_reaches_the_plan(demo_content, browser_page):
    page = browser_page.page
    browser_page.goto("/hilfe-finden/")
    assert browser_page.axe_violations() == []

    # Submitting without answers brings German messages, each linked to its question.
    _tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".error-summary").is_visible()
    assert "Bitte wählen Sie aus, was passiert ist." in page.locator(".error-summary").inner_text()
    assert browser_page.axe_violations() == []

    page.keyboard.press("Control+Home")
    page.evaluate("document.activeElement.blur()")
    _tab_to(page, "input[name=situation]")
    page.keyboard.press("Space")  # Beleidigung
    page.keyboard.press("ArrowDown")  # Bedrohung
    _tab_to(page, "input[name=channel]")
    page.keyboard.press("Space")  # Online
    _tab_to(page, "input[name=acute]")
    page.keyboard.press("Space")  # Ja, jetzt gerade
    _tab_to(page, "select[name=land]")
    page.keyboard.type("Hessen")
    _tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "situation=bedrohung" in page.url and "land=hessen" in page.url and "acute=ja" in page.url
    plan = page.locator(".plan")
    assert plan.locator("h2#plan-titel").inner_text() == "Ihr persönlicher Plan"
    # Acute danger: the emergency call comes before every step.
    first_link = plan.locator("a").first
    assert first_link.get_attribute("href") == "tel:110"
    assert plan.locator(".plan-step").count() >= 5
    assert "Sichern Sie Beweise" in plan.inner_text()
    assert browser_page.axe_violations() == []
    assert browser_page.foreign_requests == []
    assert browser_page.console_errors == []
    assert page.context.cookies() == []

    # The plan is bookmarkable: the same URL in a fresh visit shows the same plan.
    url = page.url
    browser_page.page.goto(url)
    assert page.locator(".plan .plan-step").count() == plan.locator(".plan-step").count()

    # On paper the form and navigation disappear and the steps stay.
    page.emulate_media(media="print")
    assert not page.locator(".lotse-form").is_visible()
    assert page.locator(".plan-step").first.is_visible()


def test_guidance_pages_are_accessible(demo_content, browser_page):
    for path in [
        "/rat-und-tat/",
        "/rat-und-tat/beweise-sichern/",
        "/rat-und-tat/fallbeispiele/",
        "/rat-und-tat/fallbeispiele/pruegel-drohung-im-kommentar/",
        "/unterstuetzer/",
        "/unterstuetzer/starke-stelle/",
    ]:
        response = browser_page.goto(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests == []
