from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

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


@register_setting(icon="warning")
class EmergencySettings(BaseSiteSetting):
    """The box "Hier finden Sie Hilfe" on the home page and in the header of guidance pages."""

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

    panels = [FieldPanel("heading"), FieldPanel("intro"), FieldPanel("numbers")]

    class Meta:
        verbose_name = "Notfallbox"


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
