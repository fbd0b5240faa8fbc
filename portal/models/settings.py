from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin

from contacts.models.records import validate_phone_number


class EmergencyNumberBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Bezeichnung", max_length=80, help_text="z. B. „Polizei“")
    # The same check as a contact's numbers: a typo here would reach every page's emergency box.
    number = blocks.CharBlock(
        label="Telefonnummer", max_length=40, required=False, validators=[validate_phone_number],
        help_text="Nur Ziffern und Leerzeichen, eine Durchwahl mit Bindestrich, z. B. „116 006“.",
    )
    note = blocks.CharBlock(label="Hinweis", max_length=160, required=False, help_text="z. B. „Mo–Fr 9–16 Uhr“")
    page = blocks.PageChooserBlock(label="Mehr dazu (Seite)", required=False)

    class Meta:
        icon = "mobile-alt"
        label = "Notrufnummer"
        # Rendered from its stored data by portal_tags.emergency_box (one query less, no dead "Mehr dazu").


class HistoryLinkPanel(Panel):
    """A link from the settings form to its history: Wagtail's settings view has none of its own."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "portal/admin/settings_history_link.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["history_url"] = reverse("portal_emergency_history", args=[self.instance.pk])
            return context

        def is_shown(self):
            return self.instance.pk is not None


@register_setting(icon="warning")
class EmergencySettings(RevisionMixin, BaseSiteSetting):
    """The box "Hier finden Sie Hilfe" on the home page and in the header of guidance pages.

    Every save keeps a revision (the numbers reach every page, so who changed which number when must be
    traceable); the history with its comparison is at /admin/einstellungen/notfallbox/<id>/verlauf/.
    """

    heading = models.CharField("Überschrift", max_length=80, default="Hier finden Sie Hilfe")
    intro = models.CharField(
        "Einleitung",
        max_length=200,
        blank=True,
        default="Bei akuter Gefahr rufen Sie sofort die Polizei.",
    )
    numbers = StreamField(
        [("number", EmergencyNumberBlock())], blank=True, verbose_name="Nummern", use_json_field=True
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="emergency_settings")

    panels = [HistoryLinkPanel(), FieldPanel("heading"), FieldPanel("intro"), FieldPanel("numbers")]

    class Meta:
        verbose_name = "Notfallbox"

    def __str__(self):
        return f"Notfallbox ({self.site.site_name or self.site.hostname})"

    @property
    def revisions(self):
        return self._revisions


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Seite")
    title = blocks.CharBlock(label="Linktext", max_length=60, required=False, help_text="Leer: Seitentitel")

    class Meta:
        icon = "link"
        label = "Link"


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """Footer links: the legal and accessibility pages every page must link to."""

    footer_links = StreamField(
        [("link", NavigationLinkBlock())], blank=True, verbose_name="Links im Fußbereich", use_json_field=True
    )

    panels = [FieldPanel("footer_links")]

    class Meta:
        verbose_name = "Navigation"
