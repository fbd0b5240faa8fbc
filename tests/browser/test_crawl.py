"""Every URL in the sitemap, opened in Chromium: 200, no axe violation, no third-party request, no error."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(browser_page) -> list[str]:
    response = browser_page.page.request.get(browser_page.base_url + "/sitemap.xml")
    assert response.status == 200
    root = ElementTree.fromstring(response.body())
    return [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP_NS}loc")]


def test_every_sitemap_url_is_accessible_private_and_error_free(demo_content, browser_page):
    paths = sitemap_paths(browser_page)
    assert "/" in paths and len(paths) >= 9
    problems = {}
    for path in paths:
        response = browser_page.goto(path)
        found = []
        if response.status != 200:
            found.append(f"Status {response.status}")
        violations = browser_page.axe_violations()
        if violations:
            found.append(f"axe: {violations}")
        if found:
            problems[path] = found
    assert problems == {}
    assert browser_page.foreign_requests == []
    assert browser_page.console_errors == []


def test_keyboard_user_reaches_content_through_the_skip_link(demo_content, browser_page):
    browser_page.goto("/")
    browser_page.page.keyboard.press("Tab")
    focused = browser_page.page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert browser_page.page.evaluate("getComputedStyle(document.activeElement).top") != "-160px"
    browser_page.page.keyboard.press("Enter")
    assert browser_page.page.evaluate("location.hash") == "#inhalt"


def test_home_fits_the_emergency_box_on_a_phone_screen(demo_content, browser_page):
    browser_page.goto("/")
    police = browser_page.page.locator(".emergency-box a[href='tel:110']").bounding_box()
    assert police is not None
    # The police number is on the first screen of a 390×844 phone, so a shaken reader sees it at once.
    assert police["y"] + police["height"] < 844
