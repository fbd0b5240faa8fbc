"""Editors see what people searched for and did not find, and fix it in one step: a synonym or a promotion.

The reports are behind the permission "Suchberichte ansehen", which the "Site-Administration" group has;
Wagtail's own search-terms report is for superusers only.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query

from magazine.editorial import SITE_ADMINS, setup_editorial_groups
from portal.models import UnansweredSearch

pytestmark = pytest.mark.django_db


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username=username, password="x", email=f"{username}@example.org")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def misses(home_page):
    for day, count in ((1, 3), (2, 2)):
        UnansweredSearch.objects.create(query_string="morddrohung", date=datetime.date(2026, 11, day), hits=count)
    UnansweredSearch.objects.create(query_string="wahlplakat", date=datetime.date(2026, 11, 2), hits=1)
    for query in ("morddrohung", "wahlplakat", "anzeige"):
        Query.get(query).add_hit()
    return Query.get("morddrohung")


def test_site_administration_sees_both_reports_in_the_menu(misses, client):
    setup_editorial_groups(log=lambda message: None)
    client.force_login(make_user("admin-site", SITE_ADMINS))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("portal_search_unanswered") in dashboard
    assert reverse("portal_search_popular") in dashboard
    html = client.get(reverse("portal_search_unanswered")).content.decode()
    assert "Suchen ohne Treffer" in html
    # With counts, most frequent first; a search that always found something is not listed.
    assert html.index("morddrohung") < html.index("wahlplakat")
    assert ">5<" in html.replace(" ", "").replace("\n", "")
    assert ">anzeige<" not in html
    popular = client.get(reverse("portal_search_popular")).content.decode()
    assert "anzeige" in popular


def test_from_a_search_without_results_one_step_to_a_synonym_or_a_promotion(misses, client):
    setup_editorial_groups(log=lambda message: None)
    client.force_login(make_user("admin-site", SITE_ADMINS))
    html = client.get(reverse("portal_search_unanswered")).content.decode()
    add_synonym = reverse("wagtailsnippets_portal_searchsynonym:add") + "?terms=morddrohung"
    assert add_synonym in html
    assert reverse("wagtailsearchpromotions:edit", args=[misses.pk]) in html
    form = client.get(add_synonym).content.decode()
    assert 'value="morddrohung"' in form  # the search words are filled in
    response = client.post(add_synonym, {"terms": "Morddrohung", "replacement": "Bedrohung", "note": "", "is_demo": ""})
    assert response.status_code == 302
    assert client.get("/suche/", {"q": "Morddrohung"}).status_code == 200


def test_editors_without_the_permission_do_not_see_the_reports(misses, client):
    setup_editorial_groups(log=lambda message: None)
    client.force_login(make_user("redakteurin", "Redaktion Deutscher Städtetag"))
    assert reverse("portal_search_unanswered") not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(reverse("portal_search_unanswered"))
    assert response.status_code in (302, 403)
    assert "morddrohung" not in response.content.decode()
