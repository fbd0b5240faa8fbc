"""The editorial workflow: partner editors draft and submit, "Freigabe" publishes, partners stay apart."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from magazine.editorial import APPROVERS, PARTNER_EDITORS, SITE_ADMINS, WORKFLOW, setup_editorial_groups
from magazine.models import ArticlePage, NewsPage
from magazine.tests.utils import add_article, magazine_section, news_section

pytestmark = pytest.mark.django_db

STAEDTETAG_EDITORS = "Redaktion Deutscher Städtetag"


def make_user(username, *groups):
    user = get_user_model().objects.create_user(username=username, password="x", email=f"{username}@example.org")
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(tree, client):
    user = make_user("redakteurin", STAEDTETAG_EDITORS)
    client.force_login(user)
    return user


def assert_denied(client, url, method="get", data=None):
    """Wagtail answers a refused admin request with 403 for scripts and a redirect to the dashboard with
    an error message for browsers; both mean the view did not run."""
    response = getattr(client, method)(url, data or {}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 403, url
    response = getattr(client, method)(url, data or {})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"), url


def article_form(title="Mein Beitrag", slug="mein-beitrag", **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "kind": "interview",
            "date": "2026-03-01",
            "teaser": "Kurz",
            "authors": inline_formset([]),
            "body": streamfield([("paragraph", rich_text("<p>Text des Beitrags.</p>"))]),
            "tags": "",
        }
    )
    data.update(extra)
    return data


def test_setup_creates_all_groups_and_is_idempotent(tree):
    expected = {APPROVERS, SITE_ADMINS, *(e.group for e in PARTNER_EDITORS)}
    assert expected <= set(Group.objects.values_list("name", flat=True))
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Page.objects.count())
    call_command("setup_editorial_groups", stdout=open("/dev/null", "w"))  # noqa: SIM115
    setup_editorial_groups(log=lambda message: None)
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Page.objects.count()) == counts
    assert Workflow.objects.filter(name=WORKFLOW).count() == 1
    _, magazine, news = tree
    assert {wp.page_id for wp in WorkflowPage.objects.filter(workflow__name=WORKFLOW)} == {magazine.pk, news.pk}


def test_each_partner_has_a_section_in_magazine_and_news(tree):
    _, magazine, news = tree
    for editors in PARTNER_EDITORS:
        for section in (magazine_section(magazine, editors.partner_slug), news_section(news, editors.partner_slug)):
            perms = set(
                GroupPagePermission.objects.filter(page=section, group__name=editors.group).values_list(
                    "permission__codename", flat=True
                )
            )
            assert {"add_page", "change_page"} <= perms
            assert "publish_page" not in perms


def test_setup_also_creates_the_kontaktpflege_group(tree):
    Group.objects.filter(name="Kontaktpflege").delete()
    setup_editorial_groups(log=lambda message: None)
    assert Group.objects.get(name="Kontaktpflege").permissions.filter(codename="change_contact").exists()


def test_wagtails_tree_wide_default_groups_are_removed_unless_someone_is_in_them():
    # Wagtail's migrations create "Editors" and "Moderators" with edit and publish rights on the root.
    root = Page.get_first_root_node()
    for name in ("Editors", "Moderators"):
        group, _ = Group.objects.get_or_create(name=name)
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission_id=_perm_id("publish_page"))
    make_user("altlast", "Moderators")
    messages = []
    setup_editorial_groups(log=messages.append)
    assert not Group.objects.filter(name="Editors").exists()
    assert Group.objects.filter(name="Moderators").exists()
    assert any("Moderators" in message for message in messages)


def _perm_id(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename).pk


def test_editor_submits_cannot_publish_and_approver_publishes(tree, client, editor):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    add_url = reverse("wagtailadmin_pages:add", args=("magazine", "articlepage", section.pk))

    # The editor's form offers "submit", never "publish".
    form_html = client.get(add_url).content.decode()
    assert 'name="action-submit"' in form_html
    assert 'name="action-publish"' not in form_html

    # Trying to publish anyway only saves a draft.
    client.post(add_url, article_form(slug="versuch", **{"action-publish": "action-publish"}))
    attempt = ArticlePage.objects.get(slug="versuch")
    assert not attempt.live
    assert not attempt.permissions_for_user(editor).can_publish()

    # Submitting starts the approval workflow.
    client.post(add_url, article_form(**{"action-submit": "action-submit"}))
    page = ArticlePage.objects.get(slug="mein-beitrag")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW
    task_state = state.current_task_state

    # The editor may not approve their own submission.
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    assert_denied(client, approve_url, "post", {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    # A member of "Freigabe" rejects with a comment, the editor resubmits, and the approver publishes.
    approver = make_user("freigabe", APPROVERS)
    client.force_login(approver)
    reject_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", task_state.pk))
    client.post(reject_url, {"comment": "Bitte die Quelle ergänzen."})
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.get_comment() == "Bitte die Quelle ergänzen."
    page.refresh_from_db()
    assert not page.live

    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit_url, article_form(**{"action-restart-workflow": "action-restart-workflow"}))
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )

    client.force_login(approver)
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk))
    assert client.post(approve_url, {"comment": "Passt."}).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.responsible_partner.slug == "deutscher-staedtetag"
    assert client.get(page.url).status_code == 200


def test_editor_cannot_add_pages_in_another_partners_section(tree, client, editor):
    _, magazine, news = tree
    other = magazine_section(magazine, "deutscher-landkreistag")
    url = reverse("wagtailadmin_pages:add", args=("magazine", "articlepage", other.pk))
    assert_denied(client, url)
    assert_denied(client, url, "post", article_form(slug="fremd", **{"action-submit": "action-submit"}))
    assert not ArticlePage.objects.filter(slug="fremd").exists()
    other_news = news_section(news, "koerber-stiftung")
    assert_denied(client, reverse("wagtailadmin_pages:add", args=("magazine", "newspage", other_news.pk)))


@pytest.mark.parametrize("view", ["edit", "history", "compare", "copy", "delete"])
def test_cross_partner_admin_views_are_forbidden(tree, client, editor, view):
    _, magazine, _ = tree
    own = add_article(magazine_section(magazine, "deutscher-staedtetag"), "eigen")
    foreign = add_article(magazine_section(magazine, "deutscher-landkreistag"), "fremd")
    for page in (own, foreign):
        page.title = "Zweite Fassung"
        page.save_revision()

    def url(page):
        if view == "compare":
            return reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, "earliest", "latest"))
        return reverse(f"wagtailadmin_pages:{view}", args=(page.pk,))

    assert_denied(client, url(foreign))
    if view in {"copy", "delete"}:
        data = {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": own.get_parent().pk}
        assert_denied(client, url(foreign), "post", data)
        assert ArticlePage.objects.filter(pk=foreign.pk).exists()
        assert not ArticlePage.objects.filter(slug="kopie").exists()
    else:
        # Positive control: the same view works for the editor's own organisation.
        assert client.get(url(own)).status_code == 200


def test_news_of_another_partner_cannot_be_edited(tree, client, editor):
    from magazine.tests.utils import add_news

    _, _, news = tree
    own = add_news(news_section(news, "deutscher-staedtetag"), "eigen")
    foreign = add_news(news_section(news, "koerber-stiftung"), "fremd")
    assert client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).status_code == 200
    assert_denied(client, reverse("wagtailadmin_pages:edit", args=(foreign.pk,)))
    assert NewsPage.objects.get(pk=foreign.pk).responsible_partner.slug == "koerber-stiftung"


def test_scheduled_publishing_publishes_at_go_live_and_unpublishes_at_expiry(tree, client):
    _, magazine, _ = tree
    article = add_article(magazine_section(magazine), "geplant", live=False)
    go_live = timezone.now() + timedelta(hours=2)
    article.go_live_at = go_live
    article.expire_at = go_live + timedelta(days=7)
    article.save_revision().publish()  # with a future go-live date this only schedules
    article.refresh_from_db()
    assert not article.live
    assert client.get("/magazin/deutscher-staedtetag/geplant/").status_code == 404

    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live  # not yet

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
    assert client.get("/magazin/deutscher-staedtetag/geplant/").status_code == 200

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(days=7, minutes=1)):
        call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live
    assert article.expired


def test_moving_an_article_to_another_partner_changes_the_responsible_partner(tree):
    _, magazine, _ = tree
    article = add_article(magazine_section(magazine, "deutscher-staedtetag"), "umzug")
    article.move(magazine_section(magazine, "deutscher-landkreistag"), pos="last-child")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.responsible_partner.slug == "deutscher-landkreistag"
    assert article.url == "/magazin/deutscher-landkreistag/umzug/"


def test_editor_sees_own_section_and_can_choose_authors(tree, client, editor):
    from magazine.models import Author

    _, magazine, _ = tree
    Author.objects.create(name="Erika Beispiel")
    own = magazine_section(magazine, "deutscher-staedtetag")
    assert client.get(reverse("wagtailadmin_explore", args=(own.pk,))).status_code == 200
    response = client.get(reverse("wagtailsnippetchoosers_magazine_author:choose"))
    assert response.status_code == 200
    assert "Erika Beispiel" in response.content.decode()
    assert client.get(reverse("wagtailsnippets_magazine_author:list")).status_code == 200
