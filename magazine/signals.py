"""Keep the responsible partner right when a page moves to another partner's section."""

from wagtail.signals import post_page_move


def update_responsible_partner(sender, instance, parent_page_after, **kwargs):
    from magazine.models.sections import ResponsiblePartnerMixin

    page = instance.specific
    if isinstance(page, ResponsiblePartnerMixin):
        partner_id = getattr(parent_page_after.specific_deferred, "partner_id", None)
        if partner_id != page.responsible_partner_id:
            type(page).objects.filter(pk=page.pk).update(responsible_partner_id=partner_id)


def connect() -> None:
    post_page_move.connect(update_responsible_partner, dispatch_uid="magazine_responsible_partner")
