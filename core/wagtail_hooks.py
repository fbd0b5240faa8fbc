"""Admin hardening hooks (see docs/security.md)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.admin.menu import MenuItem


@hooks.register("before_move_page")
def refuse_move_confirmation_without_permission(request, page_to_move, destination):
    """Wagtail checks move permission only when the move is posted; its confirmation page would still
    show another group's page to anyone who guesses the ids. Refuse it up front."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("register_admin_urls")
def register_two_factor_accounts_url():
    from django.urls import path

    from core.two_factor import manage_accounts

    return [path("zweiter-faktor/", manage_accounts, name="two_factor_accounts")]


class _UserManagersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("auth.change_user")


@hooks.register("register_settings_menu_item")
def register_two_factor_accounts_menu_item():
    from django.urls import reverse

    return _UserManagersMenuItem("Zwei-Faktor-Anmeldung", reverse("two_factor_accounts"), icon_name="lock", order=610)
