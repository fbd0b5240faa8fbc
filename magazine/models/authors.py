from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Author(index.Indexed, models.Model):
    """A person who writes for the magazine or is interviewed in it; chosen on articles in order."""

    name = models.CharField("Name", max_length=120, unique=True)
    role = models.CharField("Funktion", max_length=160, blank=True, help_text="z. B. „Bürgermeisterin“")
    portrait = models.ForeignKey(
        "portal.PortalImage",
        verbose_name="Porträt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField("Kurzbiografie", max_length=600, blank=True)
    is_demo = models.BooleanField(
        "Demo-Inhalt", default=False, help_text="Erfundene Beispielperson aus der Demo: vor dem Livegang ersetzen."
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("portrait"), FieldPanel("bio"), FieldPanel("is_demo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("role")]

    class Meta:
        ordering = ["name"]
        verbose_name = "Autorin/Autor"
        verbose_name_plural = "Autorinnen und Autoren"

    def __str__(self):
        return self.name
