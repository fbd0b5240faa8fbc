"""The review cycle for guidance ("fachlich geprüft"): like contacts, but each page has its own interval.

Laws change (§ 188 StGB changed in 2021): legal guidance nobody has looked at within its interval must
surface in the admin ("Inhalte zu prüfen"), on the dashboard and in the weekly command.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

DEFAULT_CONTENT_REVIEW_DAYS = 365


class ReviewedContentMixin(models.Model):
    """ "Fachlich geprüft am", by whom, and after how many days the page is due again."""

    reviewed_on = models.DateField(
        "Fachlich geprüft am", null=True, blank=True,
        help_text="Wann eine Fachperson den Inhalt zuletzt geprüft hat. Die Seite zeigt dann „Stand: Monat Jahr“.",
    )
    reviewed_by = models.CharField(
        "Geprüft von", max_length=120, blank=True, help_text="Name oder Stelle der prüfenden Person."
    )
    # Blank is allowed: an editor who clears the field gets the default rather than an error.
    review_interval_days = models.PositiveSmallIntegerField(
        "Prüfintervall (Tage)", default=DEFAULT_CONTENT_REVIEW_DAYS, null=True, blank=True,
        help_text="Nach so vielen Tagen erscheint die Seite wieder unter „Inhalte zu prüfen“. Leer: 365 Tage.",
    )

    review_panel = MultiFieldPanel(
        [FieldPanel("reviewed_on"), FieldPanel("reviewed_by"), FieldPanel("review_interval_days")],
        heading="Fachliche Prüfung",
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = "Das Prüfdatum darf nicht in der Zukunft liegen."
        if self.reviewed_on and not self.reviewed_by.strip():
            errors["reviewed_by"] = "Bitte geben Sie an, wer den Inhalt geprüft hat."
        if self.review_interval_days == 0:
            errors["review_interval_days"] = "Bitte geben Sie ein Prüfintervall von mindestens einem Tag an."
        if errors:
            raise ValidationError(errors)

    @property
    def review_due_on(self) -> datetime.date | None:
        """The last day the review still counts; None when the page was never reviewed."""
        if self.reviewed_on is None:
            return None
        return self.reviewed_on + datetime.timedelta(days=self.interval_days)

    @property
    def interval_days(self) -> int:
        return self.review_interval_days or DEFAULT_CONTENT_REVIEW_DAYS

    def review_overdue(self, today: datetime.date | None = None) -> bool:
        due = self.review_due_on
        return due is None or due < (today or timezone.localdate())
