"""A block for choosing contacts in the bodies of other apps' pages."""

import copy

from wagtail.snippets.blocks import SnippetChooserBlock


class ContactChooserBlock(SnippetChooserBlock):
    """Chosen contacts with their phone numbers, fetched for a whole body in two queries.

    Unpublished contacts are returned too (the editor's form must keep them chosen); templates show only
    those with `live` set."""

    def __init__(self, **kwargs):
        super().__init__("contacts.Contact", **kwargs)

    def bulk_to_python(self, values):
        # No ORDER BY: a lookup by id needs none, and the chosen order is the editor's.
        found = self.model_class.objects.order_by().prefetch_related("phone_numbers").in_bulk(values)
        result, seen = [], set()
        for pk in values:
            contact = found.get(pk)
            result.append(copy.copy(contact) if contact is not None and pk in seen else contact)
            seen.add(pk)
        return result
