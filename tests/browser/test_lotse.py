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
    _tab_to(page, "input[name=acute]")
    page.keyboard.press("Space")  # Ja, jetzt gerade
    _tab_to(page, "input[name=situation]")
    page.keyboard.press("Space")  # Beleidigung
    page.keyboard.press("ArrowDown")  # Bedrohung
    _tab_to(page, "input[name=channel]")
    page.keyboard.press("Space")  # Online
    _tab_to(page, "select[name=land]")
    page.keyboard.type("Hessen")
    _tab_to(page, "button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "situation=bedrohung" in page.url and "land=hessen" in page.url and "acute=ja" in page.url
    assert page.locator("h1").inner_text() == "Ihr Plan: Bedrohung in Hessen"
    # Acute danger: the emergency call comes straight after the heading, before the plan.
    first_link = page.locator("article.lotse > :not(header) a").first
    assert first_link.get_attribute("href") == "tel:110"
    plan = page.locator(".plan")
    assert first_link.bounding_box()["y"] < plan.bounding_box()["y"]
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

    # On paper the form and navigation disappear, the steps stay, and the plan says where to open it again.
    page.emulate_media(media="print")
    assert not page.locator(".lotse-form").is_visible()
    assert page.locator(".plan-step").first.is_visible()
    assert url in page.locator(".plan__print-meta").inner_text()
    assert page.locator(".plan__notes").is_visible()


SCREEN = 844  # the height of the phone's screen (390 × 844)


def _bottom(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    return box["y"] + box["height"]


PLANS = [
    "/hilfe-finden/?acute=nein&situation=bedrohung&channel=online&land=sachsen",
    "/hilfe-finden/?acute=ja&situation=hatestorm&channel=online&land=hessen",
    "/hilfe-finden/?acute=nein&situation=beleidigung&channel=online&land=bayern",
    "/hilfe-finden/?acute=ja&situation=koerperlicher-angriff&channel=persoenlich&land=baden-wuerttemberg",
    "/hilfe-finden/?acute=nein&situation=doxing&channel=online&land=thueringen",
]


def test_on_a_phone_every_plan_starts_with_whom_to_call_and_fits_five_screens(demo_content, browser_page):
    page = browser_page.page
    for path in PLANS:
        browser_page.goto(path)
        assert _bottom(page, "header.site-header") <= 130, path
        land_number = page.locator(".plan__call .call").first.locator("a[href^='tel:']").first
        starke_stelle = page.locator(".plan__call a[href='tel:08003009944']")
        for link in (land_number, starke_stelle):
            if link.count():
                box = link.bounding_box()
                assert box["y"] + box["height"] <= 1.5 * SCREEN, path
        assert starke_stelle.count() == 1, path
        assert _bottom(page, ".plan") <= 5 * SCREEN, path
        assert not page.locator(".plan__further .plan-step").first.is_visible(), path  # folded
        for link in page.locator(".plan a[href^='tel:']").all():
            assert link.get_attribute("href")[4:].lstrip("+").isdigit(), path
    assert browser_page.foreign_requests == []


def test_danger_alone_puts_110_on_the_first_screen(demo_content, browser_page):
    page = browser_page.page
    browser_page.goto("/hilfe-finden/")
    box = page.locator("a[href='tel:110']").first.bounding_box()
    assert box["y"] + box["height"] <= SCREEN  # before any answer
    page.locator("label[for=frage-gefahr]").click()
    with page.expect_navigation():
        page.locator("button[type=submit]").click()
    assert page.locator(".error-summary").count() == 0
    call = page.locator(".danger a[href='tel:110']")
    box = call.bounding_box()
    assert box["y"] + box["height"] <= SCREEN
    assert page.locator(".danger a[href='tel:112']").is_visible()
    assert browser_page.axe_violations() == []


def test_the_plan_works_without_javascript(chromium, demo_content, live_server):
    context = chromium.new_context(locale="de-DE", viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + PLANS[2])
    page.locator(".plan__further summary").click()  # details/summary opens without a script
    assert page.locator(".plan__further .plan-step").first.is_visible()
    page.locator(".deadline__ask summary").click()
    page.locator("#frage-bekannt-seit").fill("2026-11-30")
    with page.expect_navigation():
        page.locator(".deadline__form button").click()
    assert "spätestens am 28. Februar 2027" in page.locator(".deadline").inner_text()
    context.close()


def test_the_plan_prints_on_at_most_two_pages(demo_content, browser_page):
    page = browser_page.page
    for path in [*PLANS, PLANS[2] + "&known_since=2026-11-30"]:
        browser_page.goto(path)
        pdf = page.pdf(format="A4", print_background=False)
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert 1 <= pages <= 2, (path, pages)


def test_guidance_pages_are_accessible(demo_content, browser_page):
    for path in [
        "/rat-und-tat/",
        "/rat-und-tat/beweise-sichern/",
        "/rat-und-tat/fallbeispiele/",
        "/rat-und-tat/fallbeispiele/pruegel-drohung-im-kommentar/",
        "/unterstuetzer/",
        "/unterstuetzer/hateaid/",
    ]:
        response = browser_page.goto(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests == []
