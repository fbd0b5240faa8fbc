"""The review cycle for guidance: overdue logic, "Inhalte zu prüfen", dashboard panel, weekly command,
and the public "Stand" line."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from contacts.permissions import ensure_kontaktpflege_group
from demo.contacts import ensure_bundeslaender, load_taxonomy
from portal.content_review import content_due_for_review
from portal.models import CaseExampleIndexPage, CaseExamplePage, GuidanceIndexPage, GuidancePage

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def index(home_page):
    ensure_bundeslaender()
    load_taxonomy()
    return home_page.add_child(instance=GuidanceIndexPage(title="Rat und Tat", slug="rat-und-tat", intro="I"))


@pytest.fixture
def make_page(index):
    def make(title, *, reviewed_on=None, interval=365, live=True):
        page = GuidancePage(
            title=title, applies_when="Wenn es passiert.", body=[], live=live,
            reviewed_on=reviewed_on, reviewed_by="Fachredaktion" if reviewed_on else "",
            review_interval_days=interval,
        )
        index.add_child(instance=page)
        if live:
            page.save_revision().publish()
        return page

    return make


def test_overdue_is_never_reviewed_or_past_its_own_interval_oldest_first(make_page):
    make_page("Frisch", reviewed_on=days_ago(10))
    make_page("Genau am Ende", reviewed_on=days_ago(365))
    make_page("Ein Tag drüber", reviewed_on=days_ago(366))
    make_page("Kurzes Intervall", reviewed_on=days_ago(40), interval=30)
    make_page("Lange her", reviewed_on=days_ago(800))
    make_page("Nie geprüft")
    assert [p.title for p in content_due_for_review()] == [
        "Nie geprüft", "Lange her", "Kurzes Intervall", "Ein Tag drüber"
    ]


def test_default_interval_is_a_year_and_case_examples_count_too(index):
    examples = index.add_child(instance=CaseExampleIndexPage(title="Fallbeispiele", slug="fallbeispiele", intro="E"))
    case = examples.add_child(instance=CaseExamplePage(title="Fall", what_happened="<p>x</p>", what_helped="<p>y</p>"))
    assert case.review_interval_days == 365
    assert [p.title for p in content_due_for_review()] == ["Fall"]
    case.reviewed_on, case.reviewed_by = TODAY, "Fachredaktion"
    case.save()
    assert content_due_for_review() == []


def test_review_date_needs_a_reviewer_and_may_not_lie_in_the_future(make_page):
    page = make_page("Seite")
    page.reviewed_on = TODAY + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "reviewed_on" in error.value.message_dict and "reviewed_by" in error.value.message_dict


def test_public_page_shows_stand_with_german_month_only_when_reviewed(client, make_page):
    reviewed = make_page("Geprüft", reviewed_on=datetime.date(2026, 3, 4))
    unreviewed = make_page("Ungeprüft")
    body = client.get(reviewed.url).content.decode()
    assert "Stand: <time datetime=\"2026-03\">März 2026</time>" in body
    assert "Stand:" not in client.get(unreviewed.url).content.decode()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktion", "r@example.org", "pw")


def test_admin_list_and_dashboard_panel(client, editor, make_page):
    make_page("Nie geprüft")
    make_page("Lange her", reviewed_on=days_ago(500))
    make_page("Frisch", reviewed_on=days_ago(1))
    draft = make_page("Entwurf ungeprüft", live=False)
    client.force_login(editor)
    body = client.get(reverse("portal_content_review")).content.decode()
    assert "Frisch" not in body
    assert body.index("Nie geprüft") < body.index("Lange her")
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in body
    assert body.count("<td>Entwurf</td>") == 1 and body.count("<td>veröffentlicht</td>") == 2
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Inhalte zu prüfen: 3" in dashboard
    assert "Kontakte zu prüfen" in dashboard  # both panels, side by side
    assert dashboard.index("Kontakte zu prüfen") < dashboard.index("Inhalte zu prüfen")


def test_contact_staff_without_page_rights_see_no_guidance(client, make_page):
    make_page("Nie geprüft")
    staff = get_user_model().objects.create_user("pflege", "p@example.org", "pw")
    staff.groups.add(ensure_kontaktpflege_group())
    client.force_login(staff)
    assert "Inhalte zu prüfen" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Nie geprüft" not in client.get(reverse("portal_content_review")).content.decode()


def test_weekly_command_reports_contacts_and_guidance(make_page):
    make_page("Nie geprüft")
    make_page("Lange her", reviewed_on=days_ago(400))
    make_page("Frisch", reviewed_on=TODAY)
    out = io.StringIO()
    call_command("contacts_due_for_review", stdout=out)
    text = out.getvalue()
    assert "Kontakte" in text
    assert "2 Inhalte zu prüfen" in text
    assert text.index("Nie geprüft") < text.index("Lange her")
    assert "noch nie fachlich geprüft" in text and "seit 35 Tagen fällig" in text
    assert "Frisch" not in text


def test_an_empty_interval_means_the_default_year(make_page):
    page = make_page("Leer", reviewed_on=days_ago(366), interval=None)
    page.full_clean()
    assert page.interval_days == 365 and page.review_overdue()
    page.review_interval_days = 0
    with pytest.raises(ValidationError):
        page.full_clean()
