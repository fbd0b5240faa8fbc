"""An editor's dashboard starts with their own sections and with what a reviewer sent back, in the
reviewer's words; an approver's does not (they start with Wagtail's queue)."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from magazine.editorial import APPROVERS
from magazine.models import ArticlePage
from magazine.tests.test_workflow import STAEDTETAG_EDITORS, article_form, make_user
from magazine.tests.utils import magazine_section, news_section

pytestmark = pytest.mark.django_db
HOME = reverse("wagtailadmin_home")


def test_editor_starts_with_new_pages_in_their_own_sections_only(tree, client):
    _, magazine, news = tree
    client.force_login(make_user("redakteurin", STAEDTETAG_EDITORS))
    body = client.get(HOME).content.decode()
    assert "Ihr Bereich" in body
    own_article = reverse("wagtailadmin_pages:add", args=("magazine", "articlepage", magazine_section(magazine).pk))
    own_event = reverse("wagtailadmin_pages:add", args=("magazine", "eventpage", news_section(news).pk))
    assert f'href="{own_article}">Magazinbeitrag anlegen</a>' in body
    assert f'href="{own_event}">Termin anlegen</a>' in body
    other = magazine_section(magazine, "koerber-stiftung")
    assert reverse("wagtailadmin_pages:add", args=("magazine", "articlepage", other.pk)) not in body


def test_a_page_sent_back_shows_the_reviewers_comment_on_the_editors_dashboard(tree, client):
    _, magazine, _ = tree
    editor = make_user("redakteurin", STAEDTETAG_EDITORS)
    approver = make_user("freigabe", APPROVERS)
    approver.first_name, approver.last_name = "Frieda", "Freigabe"
    approver.save()
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("magazine", "articlepage", magazine_section(magazine).pk))
    client.post(add_url, article_form(title="Mein Entwurf", **{"action-submit": "action-submit"}))
    page = ArticlePage.objects.get(slug="mein-beitrag")
    assert "Zurückgegeben" not in client.get(HOME).content.decode()  # only submitted so far

    client.force_login(approver)
    assert "Ihr Bereich" not in client.get(HOME).content.decode()  # approvers start with the queue
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    reject = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "reject", state.current_task_state.pk))
    client.post(reject, {"comment": "Bitte die Quelle der Zahl ergänzen."})

    client.force_login(editor)
    body = client.get(HOME).content.decode()
    sent_back = body[body.index("Zurückgegeben: bitte überarbeiten") :]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(page.pk,))}">Mein Entwurf</a>' in sent_back
    assert "von Frieda Freigabe" in sent_back
    assert "„Bitte die Quelle der Zahl ergänzen.“" in sent_back

    # Resubmitted, it leaves the list.
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    client.post(edit_url, article_form(title="Mein Entwurf", **{"action-restart-workflow": "action-restart-workflow"}))
    assert "Zurückgegeben" not in client.get(HOME).content.decode()
