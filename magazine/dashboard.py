"""The editor's start on the admin dashboard: where to write next, and the pages sent back with the
reviewer's words. Wagtail's own panel says "Änderungen angefordert" but not what was asked for; until now
that comment reached the editor only by e-mail."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from magazine.models import ArticlePage, EventPage, MagazineSectionPage, NewsPage, NewsSectionPage

# What an editor writes in each kind of section, in the order offered.
NEW_PAGE_TYPES = {MagazineSectionPage: [ArticlePage], NewsSectionPage: [NewsPage, EventPage]}


def sections_to_write_in(user) -> list[dict]:
    """The partner sections where the user may add pages, each with its "new page" links."""
    policy = PagePermissionPolicy()
    # Writers, not approvers: "Freigabe" may add everywhere too, but starts with Wagtail's review queue.
    allowed = policy.instances_user_has_permission_for(user, "add").exclude(
        pk__in=policy.instances_user_has_permission_for(user, "publish").values("pk")
    )
    sections = []
    for model, page_types in NEW_PAGE_TYPES.items():
        for section in model.objects.filter(pk__in=allowed.values("pk")).order_by("path"):
            links = [
                {
                    "label": f"{page_type._meta.verbose_name} anlegen",
                    "url": reverse(
                        "wagtailadmin_pages:add",
                        args=(page_type._meta.app_label, page_type._meta.model_name, section.pk),
                    ),
                }
                for page_type in page_types
            ]
            sections.append({"section": section, "parent": section.get_parent().specific, "links": links})
    return sections


def pages_sent_back(user) -> list[dict]:
    """The user's pages (owned or submitted) that a reviewer sent back, newest first, with the comment."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
        .select_related("current_task_state", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    sent_back = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        task_state = state.current_task_state
        sent_back.append(
            {
                "page": page,
                "edit_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
                "comment": task_state.get_comment() if task_state else "",
                "by": task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
                if task_state and task_state.finished_by
                else "",
                "at": task_state.finished_at if task_state else None,
            }
        )
    return sent_back


class EditorStartPanel(Component):
    """First on an editor's dashboard: "Neuer Beitrag in Ihrem Bereich" and what came back with a comment."""

    name = "editor_start"
    order = 50  # before Wagtail's own panels (moderation 210/220, recent edits 250)
    template_name = "magazine/admin/editor_start_panel.html"

    def __init__(self, sections, sent_back):
        self.sections = sections
        self.sent_back = sent_back

    def get_context_data(self, parent_context=None):
        return {"sections": self.sections, "sent_back": self.sent_back}
