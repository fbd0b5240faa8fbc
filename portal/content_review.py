""" "Inhalte zu prüfen": the admin list and dashboard panel for guidance due for a review, the way
contacts have "Zu prüfen". Each editor sees only the pages they may edit."""

import datetime

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.models.review import DEFAULT_CONTENT_REVIEW_DAYS

REVIEW_PER_PAGE = 50


def reviewed_page_models():
    from portal.models import CaseExamplePage, GuidancePage

    return [GuidancePage, CaseExamplePage]


def content_due_for_review(today: datetime.date | None = None, pages=None) -> list:
    """Guidance pages and case examples never reviewed or past their interval: never reviewed first, then the
    longest overdue. Drafts count too: they are published one day.

    Each page has its own interval, so the cut-off is worked out here, not in SQL; there are tens of such
    pages, not thousands.
    """
    today = today or timezone.localdate()
    if pages is None:
        pages = [page for model in reviewed_page_models() for page in model.objects.order_by("title")]
    due = [page for page in pages if page.review_overdue(today)]
    return sorted(due, key=lambda page: (page.review_due_on is not None, page.review_due_on or today, page.title))


def editable_reviewed_pages(user) -> list:
    """Guidance pages and case examples this user may edit (specific instances, for their review fields)."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change").values("pk")
    return [page for model in reviewed_page_models() for page in model.objects.filter(pk__in=editable)]


def due_for(user, today=None) -> list:
    return content_due_for_review(today, pages=editable_reviewed_pages(user))


def _row(page, today) -> dict:
    return {
        "page": page,
        "kind": page._meta.verbose_name,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "age": (today - page.reviewed_on).days if page.reviewed_on else None,
        "overdue_days": (today - page.review_due_on).days if page.review_due_on else None,
        "live": page.live,
    }


class ContentReviewView(WagtailAdminTemplateMixin, TemplateView):
    page_title = "Inhalte zu prüfen"
    header_icon = "warning"
    template_name = "portal/admin/content_review.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        page = Paginator(due_for(self.request.user, today), REVIEW_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            {
                "rows": [_row(item, today) for item in page],
                "items": page,
                "elided_page_range": page.paginator.get_elided_page_range(page.number),
                "default_days": DEFAULT_CONTENT_REVIEW_DAYS,
            }
        )
        return context


class ContentReviewPanel(Component):
    """Dashboard, beside "Kontakte zu prüfen": how many guidance pages are due, the oldest few."""

    name = "content_review"
    order = 151  # right after the contacts panel (150)
    template_name = "portal/admin/content_review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        due = due_for(self.user, today)
        return {
            "count": len(due),
            "rows": [_row(page, today) for page in due[:5]],
            "review_url": reverse("portal_content_review"),
        }
