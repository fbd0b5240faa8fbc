from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """What every public page shares: a teaser for listings and cards, and a demo-content flag.

    SEO title and description come from Wagtail's own `seo_title` and `search_description`.
    """

    teaser = models.CharField(
        "Kurzbeschreibung",
        max_length=300,
        blank=True,
        help_text="Ein bis zwei Sätze für Übersichten, Suchergebnisse und die Meta-Beschreibung.",
    )
    is_demo = models.BooleanField(
        "Demo-Inhalt",
        default=False,
        help_text="Beispielinhalt aus der Demo: vor dem Livegang prüfen oder ersetzen.",
    )

    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("teaser"), FieldPanel("is_demo")], heading="Anzeige in Übersichten"),
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.teaser


class ContentGeneration(models.Model):
    """The content generation when no shared cache keeps it: one row, read once per request.

    Every process of an installation (gunicorn workers, timers, commands) shares the database, so a change
    made by any of them is seen by all (core/cache/generation.py).
    """

    value = models.BigIntegerField()

    class Meta:
        verbose_name = "Inhaltsstand"

    def __str__(self) -> str:
        return str(self.value)
