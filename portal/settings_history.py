"""History of the emergency box: who changed which number when, with Wagtail's comparison of two versions.

Wagtail's settings have no history view; the box reaches every page, so its changes must be traceable.
The setting keeps revisions (portal.models.settings.EmergencySettings); these views show them. A setting
saved before revisions existed gets its current state as a first revision when it is next saved, so the
first change can be compared too.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from wagtail.admin.auth import permission_required
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.models import RevisionsCompareView
from wagtail.permissions import policy_registry

from portal.models import EmergencySettings

PERMISSION = "portal.change_emergencysettings"


class EmergencyHistoryView(HistoryView):
    model = EmergencySettings
    any_permission_required = ["change"]
    history_url_name = "portal_emergency_history"
    history_results_url_name = "portal_emergency_history_results"
    revisions_compare_url_name = "portal_emergency_compare"
    edit_url_name = "portal_emergency_edit"
    page_title = "Verlauf"

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(EmergencySettings)

    def user_can_unschedule(self):
        return False  # settings are never scheduled


class EmergencyCompareView(RevisionsCompareView):
    model = EmergencySettings
    edit_url_name = "portal_emergency_edit"
    history_url_name = "portal_emergency_history"


def edit_setting(request, pk):
    """The history's "Bearbeiten" names the setting; Wagtail's settings form is addressed by its site."""
    setting = get_object_or_404(EmergencySettings, pk=pk)
    return redirect(reverse("wagtailsettings:edit", args=["portal", "emergencysettings", setting.site_id]))


def keep_the_state_before_the_first_change(request, instance):
    """before_edit_setting: a setting saved before it kept revisions gets its current state as revision one."""
    if (
        request.method == "POST"
        and isinstance(instance, EmergencySettings)
        and instance.pk
        and instance.latest_revision_id is None
        and not instance.revisions.exists()
    ):
        instance.save_revision(user=None, clean=False, log_action=False)


def urlpatterns():
    prefix = "einstellungen/notfallbox/<int:pk>/"
    return [
        path(f"{prefix}bearbeiten/", permission_required(PERMISSION)(edit_setting), name="portal_emergency_edit"),
        path(f"{prefix}verlauf/", EmergencyHistoryView.as_view(), name="portal_emergency_history"),
        path(
            f"{prefix}verlauf/ergebnisse/",
            EmergencyHistoryView.as_view(results_only=True),
            name="portal_emergency_history_results",
        ),
        path(
            f"{prefix}verlauf/vergleich/<str:revision_id_a>/<str:revision_id_b>/",
            permission_required(PERMISSION)(EmergencyCompareView.as_view()),
            name="portal_emergency_compare",
        ),
    ]
