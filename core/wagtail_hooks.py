"""Admin hardening hooks (see docs/security.md)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks


@hooks.register("before_move_page")
def refuse_move_confirmation_without_permission(request, page_to_move, destination):
    """Wagtail checks move permission only when the move is posted; its confirmation page would still
    show another group's page to anyone who guesses the ids. Refuse it up front."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
