from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from core.alt_text import usable_alt_text


class PortalImage(AbstractImage):
    """Wagtail's image with a credit line, shown wherever the image appears."""

    credit = models.CharField(
        "Bildnachweis", max_length=200, blank=True, help_text="z. B. „Foto: Name / Agentur“"
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def default_alt_text(self):
        # Wagtail falls back on the title, which is mostly the file name ("teaser"): read aloud, it helps
        # nobody. Without a usable description the image counts as decorative.
        return usable_alt_text(self.description)

    class Meta(AbstractImage.Meta):
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
