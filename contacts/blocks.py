"""A block for choosing contacts in the bodies of other apps' pages."""

from wagtail.snippets.blocks import SnippetChooserBlock

from core.cache import chosen_instances

# What the contact cards in page bodies show (portal/guidance/includes/contact.html,
# magazine/blocks/related_contacts.html), besides the phone numbers.
CONTACT_CARD_FIELDS = (
    "id", "name", "description", "email", "website", "availability", "free_of_charge", "anonymous_possible", "live",
)


class ContactChooserBlock(SnippetChooserBlock):
    """Chosen contacts with what their cards show and their phone numbers.

    Contacts are the portal's reference data, shown in the bodies of many pages: they are fetched (two
    queries) once per content generation for each set of chosen contacts, and any change to a contact or
    its phones bumps the generation. Unpublished contacts are returned too (the editor's form must keep
    them chosen); templates show only those with `live` set."""

    def __init__(self, **kwargs):
        super().__init__("contacts.Contact", **kwargs)

    def bulk_to_python(self, values):
        return chosen_instances("contact-cards", values, self._fetch)

    def _fetch(self, ids: list[int]) -> dict:
        # No ORDER BY: a lookup by id needs none, and the chosen order is the editor's.
        contacts = self.model_class.objects.order_by().only(*CONTACT_CARD_FIELDS)
        return contacts.prefetch_related("phone_numbers").in_bulk(ids)


def live_contacts(chosen) -> list:
    """The published contacts among a chooser block's values, each once, in the editor's order.

    The editor's form keeps unpublished or deleted contacts chosen; a page shows only what staff released."""
    shown = {}
    for contact in chosen:
        if contact is not None and contact.live:
            shown.setdefault(contact.pk, contact)
    return list(shown.values())
