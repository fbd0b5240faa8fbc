"""Search, a form with errors and the figures page in Chromium: no axe violation, keyboard works, no JS needed."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(db):
    from demo import base, site_wide

    home = base.load_home()
    site_wide.load(home)
    base.load_legal(home)
    base.link_home(home)
    return home


def test_search_with_results_is_accessible_and_works_without_javascript(site, browser_page):
    browser_page.goto("/suche/")
    assert browser_page.axe_violations() == []
    browser_page.page.get_by_label("Wonach suchen Sie?").fill("Anfeindungen")
    browser_page.page.get_by_role("button", name="Suchen").click()
    browser_page.page.wait_for_load_state()
    assert "q=Anfeindungen" in browser_page.page.url
    assert browser_page.page.locator(".search-result").count() >= 1
    assert browser_page.page.locator(".search-result mark").count() >= 1
    assert browser_page.axe_violations() == []
    browser_page.goto("/suche/?q=Wortohnetreffer")
    assert "Keine Treffer" in browser_page.page.locator("main").inner_text()
    assert browser_page.axe_violations() == []
    assert browser_page.foreign_requests == []
    assert browser_page.console_errors == []


def test_form_errors_are_summarised_accessible_and_lead_to_the_field(site, browser_page):
    browser_page.goto("/feedback/")
    assert browser_page.axe_violations() == []
    browser_page.page.get_by_label("Ihr Name").fill("Erika")
    browser_page.page.get_by_role("button", name="Nachricht senden").click()
    browser_page.page.wait_for_load_state()
    summary = browser_page.page.locator(".error-summary")
    assert summary.is_visible()
    assert browser_page.page.evaluate("document.activeElement.id") == "fehler"  # read first by screen readers
    assert browser_page.page.get_by_label("Ihr Name").input_value() == "Erika"
    assert browser_page.axe_violations() == []
    # The link in the summary takes a keyboard user to the field with the error.
    summary.get_by_role("link").first.click()
    assert browser_page.page.evaluate("document.activeElement.id") == "id_ihre_nachricht"
    browser_page.page.keyboard.type("Danke für die Seite.")
    browser_page.page.get_by_role("button", name="Nachricht senden").click()
    browser_page.page.wait_for_load_state()
    assert "Vielen Dank" in browser_page.page.locator("main").inner_text()
    assert browser_page.axe_violations() == []
    assert browser_page.page.context.cookies() == []
    assert browser_page.console_errors == []


def test_the_suggestion_form_is_accessible(site, browser_page):
    browser_page.goto("/kontakt-vorschlagen/")
    browser_page.page.get_by_role("button", name="Hinweis senden").click()
    browser_page.page.wait_for_load_state()
    assert browser_page.page.locator(".error-summary").is_visible()
    assert browser_page.axe_violations() == []


def test_figures_page_draws_charts_and_tables_accessibly(site, browser_page):
    browser_page.goto("/zahlen-und-fakten/")
    assert browser_page.page.locator("svg.figures-chart__svg").count() == 2
    assert browser_page.page.locator("table.figures-table").count() == 2
    # The chart is drawn, not empty: the widest KoMo bar (39 %) is wider than the narrowest (34 %).
    widths = (
        browser_page.page.locator("svg.figures-chart__svg")
        .first.locator("rect.figures-chart__bar")
        .evaluate_all("bars => bars.map(b => b.getBoundingClientRect().width)")
    )
    assert widths[1] > widths[2] > widths[0] > 0
    assert browser_page.axe_violations() == []
    assert browser_page.foreign_requests == []
    assert browser_page.console_errors == []


def test_home_shows_easy_language_and_sign_language_links(site, browser_page):
    browser_page.goto("/")
    links = browser_page.page.locator("main .access-links a")
    assert links.all_inner_texts() == ["Leichte Sprache", "Gebärdensprache"]
    assert links.first.is_visible()
    # The search is one step away from the home page.
    browser_page.page.get_by_label("Sie suchen etwas Bestimmtes?").fill("Anfeindungen")
    browser_page.page.get_by_label("Sie suchen etwas Bestimmtes?").press("Enter")
    browser_page.page.wait_for_load_state()
    assert browser_page.page.locator(".search-result").count() >= 1
    for path in ("/leichte-sprache/", "/gebaerdensprache/", "/barrierefreiheit/"):
        browser_page.goto(path)
        assert browser_page.axe_violations() == [], path
