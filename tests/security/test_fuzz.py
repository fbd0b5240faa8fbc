"""Property-based fuzzing: random query strings on every public page and random posts to every public form
never produce a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from tests.security.conftest import sitemap_paths

KNOWN_KEYS = ["page", "q", "land", "situation", "kind", "tag", "p", "sort", "art", "jahr", "format", "next", "typ"]
nasty_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["-1", "0", "999999999999", "1e9", "NaN", "../", "%00", "\x00", "' OR 1=1 --", "<script>", "🙂"]),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=12))
query = st.lists(st.tuples(keys, nasty_text), max_size=6)
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


def no_server_error(response, where):
    assert response.status_code < 500, where


@pytest.mark.django_db
def test_random_query_strings_never_cause_a_server_error(client, demo):
    paths = sitemap_paths(client) + ["/suche/"]

    @FUZZ
    @given(path=st.sampled_from(paths), params=query)
    def check(path, params):
        no_server_error(client.get(path, params), f"{path} {params!r}")

    check()


@pytest.mark.django_db
def test_random_form_posts_never_cause_a_server_error(client, demo):
    pages = [page for page in Page.objects.live().specific() if hasattr(page, "get_form")]
    field_names = {page.url: [f.clean_name for f in page.get_form_fields()] for page in pages}

    @FUZZ
    @given(page_url=st.sampled_from(sorted(field_names)) if field_names else st.nothing(), data=st.data())
    def check(page_url, data):
        names = field_names[page_url] + ["csrfmiddlewaretoken", "website", "email"]
        payload = data.draw(st.dictionaries(st.one_of(st.sampled_from(names), keys), nasty_text, max_size=10))
        no_server_error(client.post(page_url, payload), f"{page_url} {payload!r}")

    if field_names:
        check()
