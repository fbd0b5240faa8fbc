"""Browser tests end while the page may still have requests in flight; the next test must not inherit them.

On SQLite the test database used to live in memory, shared by the test and the live server thread; a late
request then broke the flush between tests (seen in CI). These tests leave requests in flight on purpose.
"""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("round_", range(4))
def test_requests_in_flight_at_the_end_of_a_test_do_not_break_the_next(demo_content, browser_page, round_):
    response = browser_page.goto("/")
    assert response.status == 200
    browser_page.page.evaluate("() => { for (let i = 0; i < 5; i++) fetch('/suche/?q=Anzeige' + i); }")
