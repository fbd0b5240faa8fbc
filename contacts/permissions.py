"""The "Kontaktpflege" group: staff who keep the contacts true, and may do nothing else in the admin."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from contacts.models import Contact, ContactSuggestion

KONTAKTPFLEGE = "Kontaktpflege"
CONTACT_ACTIONS = ("add", "change", "view", "publish", "lock")
# Visitors' hints: read and work through them; never delete (the message is the record) or invent one.
SUGGESTION_ACTIONS = ("change", "view")


def ensure_kontaktpflege_group() -> Group:
    """Create or repair the group; idempotent. Removes permissions that were added to it by hand."""
    group, _created = Group.objects.get_or_create(name=KONTAKTPFLEGE)
    content_type = ContentType.objects.get_for_model(Contact)
    permissions = []
    for action in CONTACT_ACTIONS:
        codename = f"{action}_contact"
        # publish/lock are created by wagtail.snippets after migrate; a fresh test database may lack them.
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": f"Can {action} Kontakt"}
        )
        permissions.append(permission)
    permissions += Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(ContactSuggestion),
        codename__in=[f"{action}_contactsuggestion" for action in SUGGESTION_ACTIONS],
    )
    permissions.append(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    group.permissions.set(permissions)
    return group
