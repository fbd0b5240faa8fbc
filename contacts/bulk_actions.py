"""Bulk action "Heute geprüft": staff who have checked several contacts against their sources mark them at once.

Each marked contact gets a new revision (verified today, by the signed-in person) and is published, so the
history shows who confirmed what and when. A contact with a pending draft or one that is not live is left
alone: publishing it would publish someone's unfinished change, or a contact nobody released.
"""

from django.utils import timezone
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from contacts.models import Contact


class MarkVerifiedTodayBulkAction(SnippetBulkAction):
    display_name = "Heute geprüft"
    action_type = "heute_geprueft"
    aria_label = "Ausgewählte Kontakte als heute geprüft markieren"
    template_name = "contacts/admin/confirm_bulk_verified.html"
    action_priority = 20
    models = [Contact]

    def check_perm(self, contact):
        user = self.request.user
        return user.has_perm("contacts.change_contact") and user.has_perm("contacts.publish_contact")

    def get_execution_context(self):
        return {**super().get_execution_context(), "user": self.request.user}

    @staticmethod
    def can_be_marked(contact) -> bool:
        return contact.live and not contact.has_unpublished_changes

    def object_context(self, contact):
        return {**super().object_context(contact), "can_be_marked": self.can_be_marked(contact)}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        today = timezone.localdate()
        checked_by = (user.get_full_name() or user.get_username())[:120]
        marked = skipped = 0
        for contact in objects:
            if not cls.can_be_marked(contact):
                skipped += 1
                continue
            contact.verified_on, contact.verified_by = today, checked_by
            contact.save_revision(user=user).publish(user=user)
            marked += 1
        return marked, skipped

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = f"{num_parent_objects} Kontakt(e) als heute geprüft markiert."
        if num_child_objects:
            message += f" {num_child_objects} mit offenem Entwurf oder unveröffentlicht nicht geändert."
        return message
