"""What the site search keeps: synonyms that editors maintain, and the searches that found nothing."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from portal.query_text import clean_query


def synonym_words(text: str) -> list[str]:
    """Terms as the search compares them: lower case, ß as ss, one space between words."""
    return [word.casefold().replace("ß", "ss") for word in clean_query(text).split()]


class SearchSynonym(models.Model):
    """What people type → what the portal says: "Shitstorm" also searches for "Hatestorm"."""

    terms = models.CharField(
        "Suchwörter der Besucher",
        max_length=255,
        help_text="Was Besucherinnen und Besucher eingeben, mehrere durch Komma getrennt, z. B. „Shitstorm, "
        "Hetzkampagne“. Groß- und Kleinschreibung spielt keine Rolle.",
    )
    replacement = models.CharField(
        "Begriff im Portal",
        max_length=255,
        help_text="Wonach die Suche zusätzlich sucht, z. B. „Hatestorm“. Mehrere Begriffe durch Komma trennen; "
        "die Wörter eines Begriffs müssen alle vorkommen.",
    )
    note = models.CharField("Notiz", max_length=255, blank=True, help_text="Nur im Admin sichtbar.")
    is_demo = models.BooleanField("Demo-Inhalt", default=False, help_text="Beispielinhalt aus der Demo.")

    panels = [FieldPanel("terms"), FieldPanel("replacement"), FieldPanel("note"), FieldPanel("is_demo")]

    class Meta:
        ordering = ["replacement"]
        verbose_name = "Suchsynonym"
        verbose_name_plural = "Suchsynonyme"
        permissions = [("view_search_reports", "Suchberichte ansehen (häufige Suchen, Suchen ohne Treffer)")]

    def __str__(self):
        return f"{self.terms} → {self.replacement}"

    def clean(self):
        super().clean()
        if not [term for term in self.term_list() if term]:
            raise ValidationError({"terms": "Bitte geben Sie mindestens ein Suchwort ein (Buchstaben oder Ziffern)."})
        if not synonym_words(self.replacement):
            raise ValidationError({"replacement": "Bitte geben Sie den Begriff im Portal ein."})

    def replacement_list(self) -> list[str]:
        return [" ".join(part.split()) for part in self.replacement.split(",") if part.strip()]

    def term_list(self) -> list[str]:
        return [" ".join(synonym_words(part)) for part in self.terms.split(",")]


class UnansweredSearch(models.Model):
    """A search that found nothing, counted per day (as Wagtail's QueryDailyHits for all searches)."""

    page_cache_ignore = True  # written by the search counter, shown on no public page

    query_string = models.CharField("Suchbegriff", max_length=255)
    date = models.DateField("Tag")
    hits = models.PositiveIntegerField("Anzahl", default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query_string", "date"], name="unanswered_search_per_day")]
        verbose_name = "Suche ohne Treffer"
        verbose_name_plural = "Suchen ohne Treffer"

    def __str__(self):
        return f"{self.query_string} ({self.date}: {self.hits})"
