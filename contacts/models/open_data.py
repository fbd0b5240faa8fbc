"""Which licence the open contact data carry: chosen by site administrators under Einstellungen."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# The licences a public body in Germany commonly uses for open data; the first is GovData's convention.
LICENCES = {
    "dl-de-by-2.0": ("Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0"),
    "dl-de-zero-2.0": ("Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0"),
    "cc-by-4.0": ("Creative Commons Namensnennung 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
}
DEFAULT_LICENCE = "dl-de-by-2.0"


@register_setting(icon="download")
class OpenDataSettings(BaseGenericSetting):
    licence = models.CharField(
        "Lizenz der offenen Daten",
        max_length=20,
        choices=[(key, title) for key, (title, _url) in LICENCES.items()],
        default=DEFAULT_LICENCE,
        help_text="Gilt für die Kontakte als JSON, CSV und Datenpaket. Üblich in der Verwaltung: Datenlizenz "
        "Deutschland – Namensnennung.",
    )
    attribution = models.CharField(
        "Namensnennung",
        max_length=200,
        default="Stark im Amt",
        help_text="So nennen Weiterverwender die Quelle, z. B. „Stark im Amt“.",
    )

    panels = [FieldPanel("licence"), FieldPanel("attribution")]

    class Meta:
        verbose_name = "Offene Daten"

    @property
    def licence_title(self) -> str:
        return LICENCES.get(self.licence, LICENCES[DEFAULT_LICENCE])[0]

    @property
    def licence_url(self) -> str:
        return LICENCES.get(self.licence, LICENCES[DEFAULT_LICENCE])[1]
